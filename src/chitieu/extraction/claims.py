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
from dataclasses import asdict, dataclass, replace

from chitieu.domain.quantity import Op
from chitieu.extraction.claim_kind import RESULT, TARGET, Discourse, cue_kind, decide, paren_baseline
from chitieu.extraction.cues import (
    TASK_TARGET_CUE_RE,
    SectionKind,
    read_plan_refs,
)
from chitieu.extraction.grammar import (
    BASELINE_RE,
    CHANGE_VERBS,
    NOT_INDICATORS,
    OTHER_UNIT_PAREN_RE,
    PAREN_REFERENCE_RE,
    PLAN_REFERENCE_RE,
    PLAN_VERBS,
    PLAN_WORDS,
    SHARE_PAREN_RE,
    reference,
)
from chitieu.extraction.indicator import content_words, phrases_for
from chitieu.extraction.normalise import Normalised, normalise
from chitieu.extraction.quantity import TextQuantity, find_quantities
from chitieu.extraction.segment import iter_paragraphs, split_clauses, split_sentences
from chitieu.extraction.text_units import META_UNITS, all_word_units
from chitieu.extraction.unwrap import soften_line_breaks

_PLAN_AFTER_RE = re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in sorted(PLAN_WORDS, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
_PLAN_PAREN_RE = reference("plan_paren")
_CHANGE_LEAD_RE = re.compile(r"(?:" + "|".join(CHANGE_VERBS) + r")\b", re.IGNORECASE)
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
_ZERO_RE = reference("zero")
_WORD_UNITS = tuple(all_word_units())  # longest first
_NOT_INDICATOR_RES = tuple(
    (frozenset(rule.units), re.compile(rule.context), re.compile(rule.unless) if rule.unless else None)
    for rule in NOT_INDICATORS
)


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
    box: list[float] | None = None  # [x0, top, x1, bottom] in PDF points on ``page`` (readers' spans)
    ocr_confidence: float | None = None  # lowest OCR confidence of the words read, when from a scan

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(slots=True)
class _Item:
    quantity: TextQuantity
    plan: list[str]
    change: list[str]
    baseline: str = ""
    tail: int = 0  # end of the figure and of what has been attached to it


def extract_claims(text: str) -> Iterator[Claim]:
    """Every claim of ``text`` in document order (a generator: memory stays bounded by one paragraph)."""
    norm = normalise(text)
    norm.text = soften_line_breaks(norm.text, _table_line_test(norm))
    year = document_year(norm.text)
    discourse = Discourse()
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
    discourse: Discourse | None = None,
) -> Iterator[Claim]:
    t = norm.text
    discourse = discourse or Discourse()
    for s_start, s_end in split_sentences(t, start, end):
        sentence = read_plan_refs(t[s_start:s_end].lower())
        clause_deadline = deadline
        for c_start, c_end in split_clauses(t, s_start, s_end):
            quantities = find_quantities(t, c_start, c_end)
            clause_l = read_plan_refs(t[c_start:c_end].lower())
            written = _CLAUSE_DEADLINE_RE.findall(clause_l)
            if written:
                clause_deadline = int(written[-1])
            so_far = read_plan_refs(t[s_start:c_end].lower())
            items = _group(t, c_start, quantities, section_kind is SectionKind.RESULTS)
            kinds = [
                decide(section_kind, so_far, clause_l, t, c_start, it.quantity, year, discourse.kind, c_end) for it in items
            ]
            # the discourse only decides in sections without a kind of their own
            neutral = section_kind is SectionKind.NEUTRAL
            cued = cue_kind(so_far, clause_l, year, True, discourse.kind) if neutral else None
            zero = _zero_claims(
                norm, c_start, c_end, section_kind, sentence, section, clause_deadline, promised=cued == TARGET
            )
            if cued is not None:
                discourse.kind = cued
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
                if _not_an_indicator(q, clause_l):
                    continue
                op = Op.EQ if kind == RESULT and q.level else q.op
                o_start, o_end = norm.span(phrase.start, phrase.end)
                yield Claim(
                    kind=kind,
                    indicator=phrase.text,
                    op=op.value,
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
                _attach(items[-1], items[-1].plan, t[q.number_start : q.end], q.end)
            continue
        after = t[q.end : q.end + 60]
        before = t[max(c_start, q.start - 80) : q.number_start]
        before_l = before.lower()
        written = t[q.start : q.end].strip()
        baseline = BASELINE_RE.match(after.lstrip(" ,"))
        if _PLAN_PAREN_RE.search(before):  # "(Nghị quyết 8-9%)": the plan, never a claim of its own
            if items:
                _attach(items[-1], items[-1].plan, before[before.rfind("(") + 1 :].strip() + " " + t[q.number_start : q.end], q.end)
            continue
        near = t[max(c_start, q.number_start - 80) : q.number_start]
        if OTHER_UNIT_PAREN_RE.search(near) or SHARE_PAREN_RE.search(near):
            if items:  # "(sau tỉnh X tăng 13,9%)", "(chiếm 9,5%)": context of the figure before, not a claim
                _attach(items[-1], items[-1].change, f"({written})", q.end)
            continue
        if items and PAREN_REFERENCE_RE.search(t[max(c_start, q.start - 60) : q.start]):
            _attach(items[-1], items[-1].change, f"({written})", q.end)  # "cao hơn cùng kỳ năm 2025 (27,5%)"
            continue
        tail = items[-1].tail if items else c_start
        plan_word = _PLAN_AFTER_RE.match(after)
        if items and plan_word and not q.bare and (
            _adjacent(t, tail, q.start) or (q.unit != items[-1].quantity.unit and _subjectless(t, tail, q.start))
        ):
            # the plan's own qualifiers ("kế hoạch HĐND huyện giao") belong to it
            rest = _PLAN_QUALIFIER_RE.match(t, q.end + plan_word.end())
            _attach(items[-1], items[-1].plan, f"{written}{plan_word.group()}", rest.end() if rest else q.end)
            continue
        lead = " ".join(q.lead.split()[:2])
        if items and (
            (_RESTATES_RE.search(before_l) and "%" not in q.unit)  # "tương đương 3,6% GDP" is a ratio of its own
            or (_EXCEEDS_RE.search(before_l) and q.unit == items[-1].quantity.unit and _adjacent(t, tail, q.start))
        ):
            # "(tăng 7,7% tương đương 1,6 triệu đồng)", "giảm 693 hộ, vượt 333 hộ": the same figure again
            _attach(items[-1], items[-1].plan if _EXCEEDS_RE.search(before_l) else items[-1].change, written, q.end)
            continue
        if items and _NEW_LEVEL_RE.search(before_l) and (_same_kind_of_unit(items[-1].quantity, q) or q.bare):
            between = content_words(_YEAR_PHRASE_RE.sub(" ", t[tail : q.number_start]))
            if not between or _NEW_LEVEL_RE.fullmatch(between.lower()):
                # "năm 2010 gần 74 tỷ đồng, đến năm 2014 tăng lên 143,3 tỷ": the first figure is the starting point
                old = items.pop()
                if q.bare:  # "giảm từ 39,17% (năm 2015) xuống 29,49 (năm 2020)": the unit is the old figure's
                    q = replace(q, unit=old.quantity.unit, bare=False, op=Op.EQ if q.op is Op.LE else q.op)
                item = _Item(q, [], [], baseline=t[old.quantity.number_start : old.quantity.end], tail=q.end)
                items.append(item)
                continue
        is_change = _CHANGE_RE.search(before_l.rstrip()) or lead.startswith(("tăng", "giảm"))
        between = t[tail : q.start] if items else ""
        # "so với" compares this figure only when no other figure comes first ("19,1% cao hơn 3 lần so với")
        compared = baseline or "so với" in _NEXT_NUMBER_RE.split(after[:40], maxsplit=1)[0].lower()
        # "quy mô GRDP gấp 1,7 lần, GRDP bình quân đầu người gấp 1,67 lần so với năm 2020": two changes of the
        # same kind with a subject written between them are two claims, not one figure and its change
        own_subject = bool(
            items
            and _CHANGE_LEAD_RE.match(items[-1].quantity.lead)
            and content_words(between)
            and _same_kind_of_unit(items[-1].quantity, q)
        )
        if items and is_change and not own_subject and (compared or (not content_words(between) and not q.per_year)):
            _attach(items[-1], items[-1].change, written + (f" {baseline.group()}" if baseline else ""), q.end)
            continue
        if items and _share_of_count(items[-1].quantity, q) and _adjacent(t, tail, q.start):
            # "65/93 xã, đạt 69,9%": the rate is the count's share, the same figure again
            old = items.pop()
            items.append(_Item(q, [], [t[old.quantity.start : old.quantity.end].strip()], old.baseline, tail=q.end))
            continue
        if items and (
            paren_baseline(t, max(c_start, q.start - 80), q.number_start)
            or (_PAREN_OPEN_RE.fullmatch(t[items[-1].quantity.end : q.start]) and _same_in_count(items[-1].quantity, q))
        ):
            # "(năm 2020 đạt 50%)"; "50% (8 xã)" is the same figure as a count
            _attach(items[-1], items[-1].change, written, q.end)
            continue
        item = _Item(q, [], [], tail=q.end)
        base = BASELINE_RE.search(after[:50])
        if base:
            item.baseline = base.group("base")
        items.append(item)
    return items


def _attach(item: _Item, bucket: list[str], text: str, end: int) -> None:
    """Attach a qualifying figure to ``item``; what follows is read from the end of that figure."""
    bucket.append(text)
    item.tail = max(item.tail, end)


_NEXT_NUMBER_RE = re.compile(r"\d")
_PAREN_OPEN_RE = re.compile(r"\s*\(\s*")
# Words before a figure that restate the figure before it, or give by how much it beat its plan.
_RESTATES_RE = reference("restates", 0)
_EXCEEDS_RE = reference("exceeds", 0)
_PLAN_QUALIFIER_RE = re.compile(r"[^\d,;.()]{0,40}(?=[,;.()]|$)")


def _same_in_count(rate: TextQuantity, count: TextQuantity) -> bool:
    """A count in parentheses after a rate restates it ("đạt 50% (8 xã)", "58,9% (66/112 thôn")."""
    return "%" in rate.unit and bool(count.unit) and "%" not in count.unit and count.op is Op.EQ


SHARE_ROUNDING = 0.06  # percentage points: "65/93" is 69,89…%, written "69,9%"


def _share_of_count(count: TextQuantity, rate: TextQuantity) -> bool:
    """``rate`` is the share that a fraction count written before it makes ("65/93 xã, đạt 69,9%")."""
    if "%" not in rate.unit or rate.op is not Op.EQ or rate.value is None or not count.denominator:
        return False
    return count.value is not None and abs(100 * count.value / count.denominator - rate.value) <= SHARE_ROUNDING


# Words before a figure that make it the new level reached ("tăng lên 143 tỷ", "giảm xuống còn 2,1%").
_NEW_LEVEL_RE = reference("new_level", 0)
_YEAR_PHRASE_RE = re.compile(r"(?:đến|tới|vào|cuối|hết)?\s*năm\s+(?:19|20)\d{2}")


def _same_kind_of_unit(a: TextQuantity, b: TextQuantity) -> bool:
    """Both rates, or both amounts whose units start with the same word ("tỷ đồng" and "tỷ")."""
    if ("%" in a.unit) != ("%" in b.unit):
        return False
    head_a, head_b = (a.unit.split() or [""])[0].lower(), (b.unit.split() or [""])[0].lower()
    return bool(head_a) and head_a == head_b


_OWN_PHRASE_RE = re.compile(r"(?:[,;]|\svà)\s", re.IGNORECASE)


def _subjectless(t: str, end: int, start: int) -> bool:
    """The phrase of the figure at ``start`` names nothing of its own ("…, đạt 99,6% so với kế hoạch huyện",
    "… và tăng 19,4% dự toán HĐND tỉnh giao"), so it qualifies the figure before it."""
    cuts = list(_OWN_PHRASE_RE.finditer(t, end, start))
    if not cuts:
        return False
    own = t[cuts[-1].end() : start]
    return not content_words(_CHANGE_LEAD_RE.sub(" ", _PLAN_VERB_RE.sub(" ", own))).strip()


def _adjacent(t: str, end: int, start: int) -> bool:
    """At most one word besides punctuation and linking verbs ("bằng", "đạt", "vượt") between two figures."""
    return len(content_words(_PLAN_VERB_RE.sub(" ", t[end:start])).split()) <= 1


def _not_an_indicator(q: TextQuantity, clause_l: str) -> bool:
    """People counted at a meeting or an election ("Đại hội bầu 17 ủy viên"), unless a target or result cue
    of the clause says the count is an indicator (``text.not_indicators``)."""
    unit = q.unit.lower()
    for units, context, unless in _NOT_INDICATOR_RES:
        if unit in units and context.search(clause_l) and not (unless and unless.search(clause_l)):
            return True
    return False


def _counted_unit(noun_phrase: str) -> str:
    """The longest known unit a noun phrase starts with ("hộ gia đình ở nhà tạm" → "hộ gia đình"), else its
    first word ("xã dưới 15 tiêu chí" → "xã")."""
    lowered = noun_phrase.lower()
    for unit in _WORD_UNITS:
        if lowered.startswith(unit) and (len(lowered) == len(unit) or not lowered[len(unit)].isalnum()):
            return noun_phrase[: len(unit)]
    words = noun_phrase.split()
    return words[0] if words else noun_phrase


def _zero_claims(
    norm: Normalised,
    c_start: int,
    c_end: int,
    section_kind: SectionKind,
    sentence: str,
    section: str,
    deadline: int | None,
    promised: bool = False,
) -> Iterator[Claim]:
    """"không còn xã dưới 15 tiêu chí" in a target context (a targets section, or a clause whose cues
    promise: "đến năm 2030 không còn hộ nghèo"): the target is zero."""
    if section_kind not in (SectionKind.TARGETS, SectionKind.PLAN) and not (
        section_kind is SectionKind.TASKS and TASK_TARGET_CUE_RE.search(sentence)
    ) and not (section_kind is SectionKind.NEUTRAL and promised):
        return
    t = norm.text
    for m in _ZERO_RE.finditer(t, c_start, c_end):
        unit = _counted_unit(t[m.start("noun") : m.end("rest")])
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
