"""Claims: the targets and results a document states, each tied to its exact place in the text.

``extract_claims(text)`` normalises the text (keeping a map back), walks it paragraph by paragraph with
its section context, splits sentences and clauses, reads the quantities and decides for each whether it
is a target (promised), a result (achieved) or neither. Numbers that compare a result with its plan
("bằng 68,9% kế hoạch", "(Nghị quyết 9-10%)") or its baseline ("tăng 4,12 triệu đồng so với năm 2020")
are attached to the claim they qualify rather than reported on their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from itertools import count
from typing import Literal

from chitieu.domain.quantity import Op
from chitieu.extraction.claim_kind import RESULT, TARGET, Discourse, cue_kind, decide
from chitieu.extraction.cues import (
    TASK_TARGET_CUE_RE,
    SectionKind,
    read_plan_refs,
)
from chitieu.extraction.grammar import COUNT_WORDS, COUNTED_NOUN_SET, COUNTED_NOUNS, NOT_INDICATORS, reference
from chitieu.extraction.indicator import phrases_for
from chitieu.extraction.names import SubjectNames
from chitieu.extraction.normalise import Normalised, normalise
from chitieu.extraction.quantity import TextQuantity, find_quantities
from chitieu.extraction.segment import iter_paragraphs, split_clauses, split_sentences
from chitieu.extraction.statements import BASELINE, LEVEL, PLAN, PLAN_RATIO, SHARE, Figure, Item, group
from chitieu.extraction.text_units import META_UNITS, all_word_units
from chitieu.extraction.unwrap import soften_line_breaks

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
_WORD_UNIT_SET = frozenset(_WORD_UNITS)
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
    statement: int = 0  # the figures of one statement share this number (document order, from 1)
    role: str = LEVEL  # level, plan_ratio, change, plan, share, baseline, count, equivalent
    plan_kind: str = ""  # a plan value: dự toán, kế hoạch, kế hoạch vốn, chỉ tiêu giao, mục tiêu
    basis: str = ""  # what a ratio or change is measured against ("kế hoạch", "cùng kỳ", "năm 2020")
    sign: int = 0  # the direction of a change: 1 up, -1 down (its value is written as a magnitude)
    stated_ratio: float | None = None  # on a level: the ratio to its plan stated in the same statement
    places: list[dict[str, object]] | None = None  # every place a target restated in the document is written

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def extract_claims(
    text: str, parts: Sequence[int] = (), skip: Sequence[tuple[int, int]] = (),
    text_year: int | Literal["own"] | None = "own",
) -> Iterator[Claim]:
    """Every claim of ``text`` in document order (a generator: memory stays bounded by one paragraph).

    ``parts`` are the offsets (in ``text``) where each document of a bound volume begins ("BÁO CÁO CHÍNH
    TRỊ …", "NGHỊ QUYẾT …", "PHỤ LỤC …", the readers' ``Document.parts``): each is read under its own
    headings and dated by its own date line. No claim starts inside a ``skip`` span (recipients, signature
    blocks, legal-basis lines: the readers' marks). ``text_year``: when ``text`` is a later piece of a long
    text (cut where one of its documents begins), the signing year of the whole text, which a part without
    a date line of its own is dated by."""
    norm = normalise(text)
    norm.text = soften_line_breaks(norm.text, _table_line_test(norm))
    breaks = sorted({norm.to_normalised(p) for p in parts if 0 < p < len(text)})
    years = _part_years(norm.text, breaks, text_year)
    skipped = sorted(skip)
    discourse = Discourse()
    statements = count(1)
    part = 0
    for paragraph in iter_paragraphs(norm.text, breaks=breaks):
        while part < len(breaks) and paragraph.start >= breaks[part]:
            part += 1
            discourse = Discourse()
        if paragraph.section != discourse.section:
            discourse.section, discourse.kind = paragraph.section, None
        claims = _paragraph_claims(
            norm, paragraph.start, paragraph.end, paragraph.kind, paragraph.section, paragraph.deadline, years[part],
            discourse, statements,
        )
        if skipped:
            claims = (c for c in claims if not _in_spans(c.start, skipped))
        yield from claims


def _part_years(text: str, breaks: Sequence[int], text_year: int | Literal["own"] | None = "own") -> list[int | None]:
    """The signing year of each part: its own date line, else the year of the whole text."""
    own = document_year(text)
    first = own if text_year == "own" else text_year
    years: list[int | None] = [own if own is not None else first]
    for b in breaks:
        m = _DATE_LINE_RE.search(text, b, min(len(text), b + DATE_LINE_WINDOW))
        years.append(int(m.group("y") or m.group("y2")) if m else first)
    return years


def _promised_count(section_kind: SectionKind, q: TextQuantity) -> bool:
    """A count of programmes, meetings or classes promised with a comparator in a targets section ("Tổ chức
    ít nhất 02 chương trình …" under "Các chỉ tiêu"): a target, where such counts elsewhere are no indicator."""
    return section_kind is SectionKind.TARGETS and q.op in (Op.GE, Op.GT)


def _in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    i = bisect_right(spans, (pos, 1 << 62))
    return i > 0 and spans[i - 1][0] <= pos < spans[i - 1][1]


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


def signing_year(text: str) -> int | None:
    """``document_year`` of a text as ``extract_claims`` reads it (normalised: footnote marks and emphasis
    removed), from its beginning only."""
    return document_year(normalise(text[: 2 * DATE_LINE_WINDOW]).text)


def _paragraph_claims(
    norm: Normalised,
    start: int,
    end: int,
    section_kind: SectionKind,
    section: str,
    deadline: int | None,
    year: int | None = None,
    discourse: Discourse | None = None,
    statements: Iterator[int] | None = None,
) -> Iterator[Claim]:
    t = norm.text
    discourse = discourse or Discourse()
    statements = statements or count(1)
    names = SubjectNames()
    for s_start, s_end in split_sentences(t, start, end):
        sentence = read_plan_refs(t[s_start:s_end].lower())
        clause_deadline = deadline
        carried: tuple[int, str] | None = None  # a clause stating only a plan value: its statement and unit
        for c_start, c_end in split_clauses(t, s_start, s_end):
            quantities = find_quantities(t, c_start, c_end)
            clause_l = read_plan_refs(t[c_start:c_end].lower())
            written = _CLAUSE_DEADLINE_RE.findall(clause_l)
            if written:
                clause_deadline = int(written[-1])
            so_far = read_plan_refs(t[s_start:c_end].lower())
            items = group(t, c_start, quantities, section_kind is SectionKind.RESULTS)
            kinds = [
                decide(section_kind, so_far, clause_l, t, c_start, it.quantity, year, discourse.kind, c_end) for it in items
            ]
            # the discourse only decides in sections without a kind of their own
            neutral = section_kind is SectionKind.NEUTRAL
            cued = cue_kind(so_far, clause_l, year, True, discourse.kind) if neutral else None
            zero = _zero_claims(
                norm, c_start, c_end, section_kind, sentence, section, clause_deadline, statements, promised=cued == TARGET
            )
            if cued is not None:
                discourse.kind = cued
            if not items:
                yield from zero
                continue
            phrases = phrases_for(t, c_start, c_end, [it.quantity for it in items])
            ids = _statement_ids(items, statements, carried)
            carried = (ids[0], items[0].quantity.unit.lower()) if all(it.role == PLAN for it in items) else None
            counted = ""  # the counted noun of the clause's last count ("120.456 hồ sơ, trễ hạn là 457")
            for item, phrase, decision, sid in zip(items, phrases, kinds, ids, strict=True):
                q = item.quantity
                if q.bare and "đạt" not in q.lead and q.op is Op.EQ:
                    noun = _counted_noun(phrase.text) or counted
                    if not noun and any(f.role == SHARE for f in item.figures):
                        # a bare count with its rate in brackets counts what its sentence names before it
                        # ("Xếp loại học sinh: Tốt: 186 (37,5%)")
                        noun = _last_counted_noun(t[s_start : q.start])
                    if not noun:
                        continue
                    q = replace(q, unit=noun, bare=False)  # "số hồ sơ giải quyết trễ hạn là 457"
                counted = q.unit if q.unit.lower() in COUNTED_NOUN_SET else ""
                if decision is None:
                    continue
                kind, confidence = decision
                if q.unit.lower() in META_UNITS and not _promised_count(section_kind, q):
                    continue
                if _not_an_indicator(q, clause_l):
                    continue
                if item.plan_kind:
                    kind = TARGET  # a plan value ("dự toán giao 9.870 tỷ đồng") is what a result is measured against
                elif item.against_plan:
                    kind = RESULT  # "đạt 53,5/52 ha": the figure written before its plan is what was achieved
                op = Op.EQ if kind == RESULT and q.level else q.op
                o_start, o_end = norm.span(phrase.start, phrase.end)
                ratio = next((f.quantity.value for f in item.figures if f.role == PLAN_RATIO), None)
                counted_by_unit = q.noun_unit or (q.unit[:1].isalpha() and phrase.text.lower().startswith(q.unit.split("/")[0].lower()))
                name = names.complete(phrase.text, q.unit, q.lead, counted_by_unit, s_start, t[s_start : q.start])
                level = Claim(
                    kind=kind,
                    indicator=name,
                    op=op.value,
                    value=q.value,
                    low=q.low,
                    high=q.high,
                    unit=item.unit or q.unit,
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
                    statement=sid,
                    role=item.role,
                    plan_kind=item.plan_kind,
                    basis=(item.unit or "")[2:] if item.role == PLAN_RATIO else "",
                    stated_ratio=ratio if item.role == LEVEL else None,
                )
                yield level
                for figure in item.figures:
                    yield _figure_claim(norm, level, figure)
            yield from zero


def _statement_ids(items: list[Item], counter: Iterator[int], carried: tuple[int, str] | None = None) -> list[int]:
    """One statement per main figure; a plan value joins the statement of the figure it is the plan of
    (the next one in its clause, else the one before). ``carried``: the statement and unit of a plan value
    stated alone in the clause before ("kế hoạch vốn được giao 1.234 tỷ đồng; đã giải ngân 1.100 tỷ đồng"):
    the clause's first figure in that unit is measured against it and joins its statement."""
    ids: list[int] = []
    pending = 0
    for item in items:
        if item.role == PLAN:
            pending += 1
            continue
        if carried is not None and not ids and not pending and item.quantity.unit.lower() == carried[1]:
            sid = carried[0]
            ids.append(sid)
            carried = None
            continue
        sid = next(counter)
        ids.extend([sid] * (pending + 1))
        pending = 0
    if pending:
        sid = ids[-1] if ids else next(counter)
        ids.extend([sid] * pending)
    return ids


def _share_name(norm: Normalised, level: Claim, figure: Figure) -> str:
    """A share of a level is named as the weight (or the rate) of what the level measures ("chiếm 72,7%" after "thu
    nội địa …" → "tỷ trọng thu nội địa"; "chiếm tỉ lệ 1,61%" after "80 hộ nghèo" → "tỷ lệ hộ nghèo")."""
    name = level.indicator
    if not name or name.lower().startswith((_WEIGHT, _RATE)):
        return name
    # a share of a fraction ("320/411 xã …, tương đương 77,86%") or written as a rate is a rate; else a weight
    rate = level.denominator is not None or _RATE_WORD_RE.search(norm.text[max(0, figure.start - 16) : figure.start])
    word = _RATE if rate else _WEIGHT
    return f"{word} {name[0].lower() + name[1:] if name[1:2].islower() else name}"


def _figure_claim(norm: Normalised, level: Claim, figure: Figure) -> Claim:
    """A figure qualifying ``level`` as a claim of its own in the same statement: a plan value is a target,
    an earlier level a result; the others are of the level's kind."""
    q = figure.quantity
    kind = TARGET if figure.role == PLAN else RESULT if figure.role == BASELINE else level.kind
    op = q.op if kind == TARGET else Op.EQ if q.op is not Op.RANGE else q.op
    o_start, o_end = norm.span(figure.start, figure.end)
    return Claim(
        kind=kind,
        indicator=_share_name(norm, level, figure) if figure.role == SHARE else level.indicator,
        op=op.value,
        value=q.value,
        low=q.low,
        high=q.high,
        unit=figure.unit,
        start=o_start,
        end=o_end,
        quote=norm.original[o_start:o_end],
        period=level.period,
        deadline=level.deadline if kind == TARGET else None,
        hedge=level.hedge if kind == level.kind else "",
        denominator=q.denominator,
        per_year=q.per_year,
        confidence=round(level.confidence * 0.9, 2),
        section=level.section,
        statement=level.statement,
        role=figure.role,
        plan_kind=figure.plan_kind,
        basis=figure.basis,
        sign=figure.sign,
    )


_COUNTED_RE = re.compile(
    r"(?:^|\s)(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in COUNT_WORDS) + r")\s+(?P<noun>"
    + "|".join(re.escape(n) for n in COUNTED_NOUNS) + r")(?!\w)",
    re.IGNORECASE,
)
_ANY_COUNTED_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in COUNTED_NOUNS)
    + r")(?!\w)",
    re.IGNORECASE,
)
_SCOPE_BEFORE_RE = re.compile(r"(?:^|\s)(?:toàn|cả|mỗi|từng|các|trong|tại|của)\s*$", re.IGNORECASE)
_WEIGHT, _RATE = "tỷ trọng", "tỷ lệ"  # how a share is named (text.name_words weight; text.subject_names rate_of_a_count)
_RATE_WORD_RE = re.compile(r"(?:tỷ|tỉ)\s+lệ", re.IGNORECASE)


def _counted_noun(subject: str) -> str:
    """The noun a subject counts ("Số hồ sơ giải quyết trễ hạn" → "hồ sơ"), or ""."""
    m = _COUNTED_RE.search(subject)
    return m.group("noun") if m else ""


def _last_counted_noun(before: str) -> str:
    """The last counted noun written in ``before`` (lower case, as the vocabulary writes it), or ""."""
    # a noun after a word of scope names where, not what is counted ("học sinh toàn trường")
    found = [m.group() for m in _ANY_COUNTED_RE.finditer(before) if not _SCOPE_BEFORE_RE.search(before[: m.start()])]
    return re.sub(r"\s+", " ", found[-1]).lower() if found else ""


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
    statements: Iterator[int],
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
        if unit.lower() not in _WORD_UNIT_SET and unit.lower() not in COUNTED_NOUN_SET:
            continue  # "không còn phù hợp", "không còn tình trạng …": nothing counted is brought to zero
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
            statement=next(statements),
        )
