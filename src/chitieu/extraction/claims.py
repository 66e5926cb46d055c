"""Claims: the targets and results a document states, each tied to its exact place in the text.

``extract_claims(text)`` normalises the text (keeping a map back), walks it paragraph by paragraph with
its section context, splits sentences and clauses, reads the quantities and decides for each whether it
is a target (promised), a result (achieved) or neither. Numbers that compare a result with its plan
("bằng 68,9% kế hoạch", "(Nghị quyết 9-10%)") or its baseline ("tăng 4,12 triệu đồng so với năm 2020")
are attached to the claim they qualify rather than reported on their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass

from chitieu.domain.quantity import Op
from chitieu.extraction.cues import (
    RESULT_CUE_RE,
    STRONG_RESULT_CUE_RE,
    STRONG_TARGET_CUE_RE,
    TARGET_CUE_RE,
    TASK_CLAUSE_TARGET_CUE_RE,
    TASK_TARGET_CUE_RE,
    SectionKind,
)
from chitieu.extraction.grammar import (
    BASELINE_RE,
    CHANGE_VERBS,
    PAREN_REFERENCE_RE,
    PLAN_REFERENCE_RE,
    PLAN_VERBS,
    PLAN_WORDS,
)
from chitieu.extraction.indicator import content_words, phrases_for
from chitieu.extraction.normalise import Normalised, normalise
from chitieu.extraction.quantity import TextQuantity, find_quantities
from chitieu.extraction.segment import iter_paragraphs, split_clauses, split_sentences
from chitieu.extraction.text_units import META_UNITS
from chitieu.extraction.unwrap import soften_line_breaks

TARGET = "target"
RESULT = "result"

_PLAN_AFTER_RE = re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in sorted(PLAN_WORDS, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
_PLAN_PAREN_RE = re.compile(r"\(\s*(?:theo\s+)?(?:nghị quyết|nq|kế hoạch|kh|mục tiêu|chỉ tiêu|dự toán)\b[^()]*$", re.IGNORECASE)
_PAREN_BASELINE_RE = re.compile(r"\((?:[^()]*(?:năm\s+(?:19|20)\d{2}|hiện nay|hiện tại|đến nay|ước|đạt)[^()]*)$", re.IGNORECASE)
_CHANGE_RE = re.compile(r"(?:^|\s)(?:" + "|".join(CHANGE_VERBS) + r")$", re.IGNORECASE)
_PLAN_VERB_RE = re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in sorted(PLAN_VERBS, key=len, reverse=True)) + r")(?=\s|$)", re.IGNORECASE)
# A deadline written in the clause itself ("đến năm 2030 đạt 100%") overrides the one of the heading.
_CLAUSE_DEADLINE_RE = re.compile(r"(?:đến|tới|trước|hết|cuối|vào)\s+(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d{2})(?![\d-])", re.IGNORECASE)
# The signing date near the top of a document: "Bắc Sơn, ngày 16 tháng 10 năm 2020", "ngày 08/5/2026".
_DATE_LINE_RE = re.compile(
    r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?P<y>(?:19|20)\d{2})|ngày\s+\d{1,2}/\d{1,2}/(?P<y2>(?:19|20)\d{2})",
    re.IGNORECASE,
)
DATE_LINE_WINDOW = 1500
_CUE_YEAR_RE = re.compile(r"\s*đến năm ((?:19|20)\d{2})")
_ZERO_RE = re.compile(r"\bkhông còn\s+(?P<noun>[^\W\d_]+(?:\s[^\W\d_]+)?)(?P<rest>[^,;.()]*)", re.IGNORECASE)


@dataclass(slots=True)
class Claim:
    """A target or result stated in a document; ``start``/``end`` index the original text."""

    kind: str
    indicator: str
    op: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    start: int
    end: int
    quote: str
    period: str = ""
    deadline: int | None = None
    baseline: str = ""
    change: str = ""
    hedge: str = ""
    plan: str = ""
    denominator: float | None = None
    per_year: bool = False
    confidence: float = 0.5
    section: str = ""
    page: int | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(slots=True)
class _Discourse:
    """The kind the text around a clause last stated by its cues, for a clause that states none itself
    ("Phấn đấu đến năm 2030 … . Tỷ trọng dịch vụ đạt trên 50%" keeps promising). Reset at each heading."""

    section: str | None = None
    kind: str | None = None


@dataclass(slots=True)
class _Item:
    quantity: TextQuantity
    plan: list[str]
    change: list[str]
    baseline: str = ""


def extract_claims(text: str) -> Iterator[Claim]:
    """Every claim of ``text`` in document order (a generator: memory stays bounded by one paragraph)."""
    norm = normalise(text)
    norm.text = soften_line_breaks(norm.text, _table_line_test(norm))
    year = document_year(norm.text)
    discourse = _Discourse()
    for paragraph in iter_paragraphs(norm.text):
        if paragraph.section != discourse.section:
            discourse.section, discourse.kind = paragraph.section, None
        yield from _paragraph_claims(
            norm, paragraph.start, paragraph.end, paragraph.kind, paragraph.section, paragraph.deadline, year, discourse
        )


def _table_line_test(norm: Normalised) -> Callable[[int], bool] | None:
    """A test telling whether the normalised line starting at a position was a tab-separated table row."""
    original = norm.original
    if "\t" not in original:
        return None

    def is_table_line(pos: int) -> bool:
        start = norm.to_original_start(pos)
        end = original.find("\n", start)
        return "\t" in original[start : end if end >= 0 else len(original)]

    return is_table_line


def document_year(text: str) -> int | None:
    """The year the document was signed, from its date line ("…, ngày 16 tháng 10 năm 2020") near the top."""
    m = _DATE_LINE_RE.search(text, 0, min(len(text), DATE_LINE_WINDOW))
    return int(m.group("y") or m.group("y2")) if m else None


def _paragraph_claims(
    norm: Normalised,
    start: int,
    end: int,
    section_kind: SectionKind,
    section: str,
    deadline: int | None,
    year: int | None = None,
    discourse: _Discourse | None = None,
) -> Iterator[Claim]:
    t = norm.text
    discourse = discourse or _Discourse()
    for s_start, s_end in split_sentences(t, start, end):
        sentence = t[s_start:s_end].lower()
        clause_deadline = deadline
        for c_start, c_end in split_clauses(t, s_start, s_end):
            quantities = find_quantities(t, c_start, c_end)
            clause_l = t[c_start:c_end].lower()
            written = _CLAUSE_DEADLINE_RE.findall(clause_l)
            if written:
                clause_deadline = int(written[-1])
            so_far = t[s_start:c_end].lower()
            items = _group(t, c_start, quantities, section_kind is SectionKind.RESULTS)
            kinds = [_decide(section_kind, so_far, clause_l, t, c_start, it.quantity, year, discourse.kind) for it in items]
            cued = _cue_kind(so_far, clause_l, year, section_kind is SectionKind.NEUTRAL)
            if cued is not None:
                discourse.kind = cued
            zero = _zero_claims(norm, c_start, c_end, section_kind, sentence, section, clause_deadline)
            if not items:
                yield from zero
                continue
            phrases = phrases_for(t, c_start, c_end, [it.quantity for it in items])
            for item, phrase, decision in zip(items, phrases, kinds, strict=True):
                if decision is None:
                    continue
                kind, confidence = decision
                q = item.quantity
                if q.unit.lower() in META_UNITS or (q.bare and "đạt" not in q.lead and q.op is Op.EQ):
                    continue
                o_start, o_end = norm.span(phrase.start, phrase.end)
                yield Claim(
                    kind=kind,
                    indicator=phrase.text,
                    op=q.op.value,
                    value=q.value,
                    low=q.low,
                    high=q.high,
                    unit=q.unit,
                    start=o_start,
                    end=o_end,
                    quote=norm.original[o_start:o_end],
                    period=phrase.period,
                    deadline=clause_deadline if kind == TARGET else None,
                    baseline=item.baseline,
                    change="; ".join(item.change),
                    hedge=q.hedge or ("ước" if kind == RESULT and re.search(r"\bước\b|dự ước", clause_l) else ""),
                    plan="; ".join(item.plan),
                    denominator=q.denominator,
                    per_year=q.per_year or bool(re.search(r"hằng năm|hàng năm|mỗi năm|/năm", clause_l)),
                    confidence=round(confidence * (0.8 if q.noun_unit else 1.0), 2),
                    section=section,
                )
            yield from zero


def _group(t: str, c_start: int, quantities: list[TextQuantity], review: bool = False) -> list[_Item]:
    """Main quantities of a clause, with plan and change figures attached to the one they qualify (in a
    review, a plan quoted for comparison is attached too, or dropped when nothing precedes it)."""
    items: list[_Item] = []
    for q in quantities:
        if review and PLAN_REFERENCE_RE.search(t[max(c_start, q.start - 60) : q.start]):
            if items:
                items[-1].plan.append(t[q.number_start : q.end])
            continue
        after = t[q.end : q.end + 60]
        before = t[max(c_start, q.start - 80) : q.number_start]
        before_l = before.lower()
        written = t[q.start : q.end].strip()
        baseline = BASELINE_RE.match(after.lstrip(" ,"))
        if _PLAN_PAREN_RE.search(before):  # "(Nghị quyết 8-9%)": the plan, never a claim of its own
            if items:
                items[-1].plan.append(before[before.rfind("(") + 1 :].strip() + " " + t[q.number_start : q.end])
            continue
        if items and PAREN_REFERENCE_RE.search(t[max(c_start, q.start - 60) : q.start]):
            items[-1].change.append(f"({written})")  # "cao hơn cùng kỳ năm 2025 (27,5%)"
            continue
        plan_word = _PLAN_AFTER_RE.match(after)
        if items and plan_word and not q.bare and _adjacent(t, items[-1].quantity.end, q.start):
            items[-1].plan.append(f"{written}{plan_word.group()}")
            continue
        lead = " ".join(q.lead.split()[:2])
        is_change = _CHANGE_RE.search(before_l.rstrip()) or lead.startswith(("tăng", "giảm"))
        between = t[items[-1].quantity.end : q.start] if items else ""
        compared = baseline or "so với" in after[:40].lower()
        if items and is_change and (compared or (not content_words(between) and not q.per_year)):
            items[-1].change.append(written + (f" {baseline.group()}" if baseline else ""))
            continue
        if _PAREN_BASELINE_RE.search(before) and items:
            items[-1].change.append(written)
            continue
        item = _Item(q, [], [])
        base = BASELINE_RE.search(after[:50])
        if base:
            item.baseline = base.group("base")
        items.append(item)
    return items


def _adjacent(t: str, end: int, start: int) -> bool:
    """At most one word besides punctuation and linking verbs ("bằng", "đạt", "vượt") between two figures."""
    return len(content_words(_PLAN_VERB_RE.sub(" ", t[end:start])).split()) <= 1


def _target_cue(sentence: str, year: int | None) -> bool:
    """A target cue in ``sentence``; "đến năm 2020" in a document signed in 2020 or later looks back, not ahead."""
    for m in TARGET_CUE_RE.finditer(sentence):
        deadline = _CUE_YEAR_RE.match(m.group())
        if year is None or deadline is None or int(deadline.group(1)) > year:
            return True
    return False


def _decide(
    section_kind: SectionKind,
    sentence: str,
    clause: str,
    t: str,
    c_start: int,
    q: TextQuantity,
    year: int | None = None,
    carried: str | None = None,
) -> tuple[str, float] | None:
    """(kind, confidence) of a quantity, or None when it is neither a target nor a result."""
    if section_kind is SectionKind.RESULTS:
        return RESULT, 0.9
    if section_kind is SectionKind.TARGETS:
        if STRONG_RESULT_CUE_RE.search(clause) or _PAREN_BASELINE_RE.search(t[c_start : q.number_start]):
            return RESULT, 0.6
        return TARGET, 0.9
    if section_kind is SectionKind.TASKS:
        if STRONG_RESULT_CUE_RE.search(clause):
            return None
        if TASK_TARGET_CUE_RE.search(sentence) or TASK_CLAUSE_TARGET_CUE_RE.search(clause):
            return TARGET, 0.6
        return None
    strong_result = STRONG_RESULT_CUE_RE.search(clause)
    target_cue = _target_cue(sentence, year)
    result_cue = RESULT_CUE_RE.search(clause) or (
        section_kind is SectionKind.NEUTRAL and RESULT_CUE_RE.search(sentence)
    )
    if not strong_result and STRONG_TARGET_CUE_RE.search(sentence):
        return TARGET, 0.6
    if section_kind is SectionKind.PLAN:
        if strong_result or (result_cue and not target_cue):
            return RESULT, 0.5
        return TARGET, 0.7
    if section_kind is SectionKind.CONTEXT:
        return (RESULT, 0.4) if strong_result else None
    cued = _local_cue_kind(t, c_start, c_start + len(clause), q, year)
    if cued is None:
        cued = _cue_kind(sentence, clause, year, section_kind is SectionKind.NEUTRAL)
    if cued is not None:
        return cued, 0.6 if cued == TARGET else 0.5
    if q.op is Op.RANGE:  # achieved figures are single numbers; "6,5 - 7%/năm" is a plan
        return TARGET, 0.5
    if carried is not None:  # no cue of its own: what the text around it was saying
        return carried, 0.4
    return RESULT, 0.3


_PHRASE_BREAK_RE = re.compile(r"[,;:]\s")


def _local_cue_kind(t: str, c_start: int, c_end: int, q: TextQuantity, year: int | None) -> str | None:
    """The kind stated by the cue words of the comma-delimited phrase around a quantity, when they say
    one thing only ("…, cần hoàn thành với mục tiêu …, kinh tế số phải đạt 20% GRDP" is a promise)."""
    before = t[c_start : q.start]
    breaks = list(_PHRASE_BREAK_RE.finditer(before))
    p_start = c_start + breaks[-1].end() if breaks else c_start
    after = _PHRASE_BREAK_RE.search(t, q.end, c_end)
    phrase = t[p_start : after.start() if after else c_end].lower()
    target, result = _target_cue(phrase, year), bool(RESULT_CUE_RE.search(phrase))
    if target != result:
        return TARGET if target else RESULT
    return None


def _cue_kind(sentence: str, clause: str, year: int | None, neutral: bool) -> str | None:
    """The kind the cue words of a clause (first) or of its sentence so far state, or None."""
    if STRONG_RESULT_CUE_RE.search(clause):
        return RESULT
    if STRONG_TARGET_CUE_RE.search(sentence):
        return TARGET
    clause_target, clause_result = _target_cue(clause, year), bool(RESULT_CUE_RE.search(clause))
    if clause_target != clause_result:
        return TARGET if clause_target else RESULT
    result_cue = clause_result or (neutral and bool(RESULT_CUE_RE.search(sentence)))
    if result_cue:
        return RESULT
    return TARGET if _target_cue(sentence, year) else None


def _zero_claims(
    norm: Normalised, c_start: int, c_end: int, section_kind: SectionKind, sentence: str, section: str, deadline: int | None
) -> Iterator[Claim]:
    """"không còn xã dưới 15 tiêu chí" in a target context: the target is zero."""
    if section_kind not in (SectionKind.TARGETS, SectionKind.PLAN) and not (
        section_kind is SectionKind.TASKS and TASK_TARGET_CUE_RE.search(sentence)
    ):
        return
    t = norm.text
    for m in _ZERO_RE.finditer(t, c_start, c_end):
        noun = m.group("noun")
        words = noun.split()
        unit = words[0] if words else noun
        if len(words) > 1 and f"{words[0]} {words[1]}".lower() in {"hộ nghèo", "nhà tạm", "hộ gia"}:
            unit = noun
        end = m.end("rest")
        while end > m.start() and t[end - 1] in " ,":
            end -= 1
        o_start, o_end = norm.span(m.start(), end)
        yield Claim(
            kind=TARGET,
            indicator=" ".join(t[m.start() + len("không còn") : end].split()),
            op=Op.EQ.value,
            value=0.0,
            low=None,
            high=None,
            unit=unit,
            start=o_start,
            end=o_end,
            quote=norm.original[o_start:o_end],
            deadline=deadline,
            confidence=0.7,
            section=section,
        )
