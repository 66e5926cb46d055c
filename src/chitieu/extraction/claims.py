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
from dataclasses import replace
from itertools import count
from typing import Literal

from chitieu.domain.quantity import Op
from chitieu.extraction.claim_kind import RESULT, TARGET, Discourse, cue_kind, decide
from chitieu.extraction.claim_record import Claim as Claim  # re-exported: callers name it here
from chitieu.extraction.counted import counted_noun, last_counted_noun, not_an_indicator
from chitieu.extraction.cues import SectionKind, read_plan_refs
from chitieu.extraction.figure_claims import figure_claim, zero_claims
from chitieu.extraction.grammar import COUNTED_NOUN_SET
from chitieu.extraction.indicator import phrases_for
from chitieu.extraction.names import SubjectNames
from chitieu.extraction.normalise import Normalised, normalise
from chitieu.extraction.quantity import TextQuantity, find_quantities
from chitieu.extraction.segment import iter_paragraphs, split_clauses, split_sentences
from chitieu.extraction.statement_figures import LEVEL, PLAN, PLAN_RATIO, SHARE, Item
from chitieu.extraction.statements import group
from chitieu.extraction.text_units import META_UNITS
from chitieu.extraction.unwrap import soften_line_breaks

# A deadline written in the clause itself ("đến năm 2030 đạt 100%") overrides the one of the heading.
_CLAUSE_DEADLINE_RE = re.compile(r"(?:đến|tới|trước|hết|cuối|vào)\s+(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d{2})(?![\d-])", re.IGNORECASE)
# The signing date near the top of a document: "Bắc Sơn, ngày 16 tháng 10 năm 2020", "ngày 08/5/2026".
_DATE_LINE_RE = re.compile(
    r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?P<y>(?:19|20)\d{2})|ngày\s+\d{1,2}/\d{1,2}/(?P<y2>(?:19|20)\d{2})",
    re.IGNORECASE,
)
DATE_LINE_WINDOW = 1500


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
            discourse.section, discourse.kind, discourse.measure = paragraph.section, None, ""
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
    names = SubjectNames(discourse.measure)
    for s_start, s_end in split_sentences(t, start, end):
        sentence = read_plan_refs(t[s_start:s_end].lower())
        clause_deadline = deadline
        carried: tuple[int, str] | None = None  # a clause stating only a plan value: its statement and unit
        listed: tuple[str, str] | None = None  # the verb and unit of the sentence's last level ("A thu 3.420 tỷ đồng; B thu …")
        stated: tuple[int, str, str] | None = None  # the statement, unit and name of the sentence's last result level
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
            zero = zero_claims(
                norm, c_start, c_end, section_kind, sentence, section, clause_deadline, statements, promised=cued == TARGET
            )
            if cued is not None:
                discourse.kind = cued
            if not items:
                yield from zero
                continue
            phrases = phrases_for(t, c_start, c_end, [it.quantity for it in items])
            ids = _statement_ids(items, statements, carried)
            joined = _join_quoted_plan(items, ids, stated)
            if joined is not None:
                ids = joined
            carried = (ids[0], items[0].quantity.unit.lower()) if all(it.role == PLAN for it in items) else None
            counted = ""  # the counted noun of the clause's last count ("120.456 hồ sơ, trễ hạn là 457")
            clause_claims: list[Claim] = []
            for item, phrase, decision, sid in zip(items, phrases, kinds, ids, strict=True):
                q = item.quantity
                if q.bare and "đạt" not in q.lead and q.op is Op.EQ:
                    noun = counted_noun(phrase.text) or counted
                    if not noun and any(f.role == SHARE for f in item.figures):
                        # a bare count with its rate in brackets counts what its sentence names before it
                        # ("Xếp loại học sinh: Tốt: 186 (37,5%)")
                        noun = last_counted_noun(t[s_start : q.start])
                    if not noun and listed and q.lead.split()[:1] == [listed[0]]:
                        noun = listed[1]  # "A thu 3.420 tỷ đồng; B thu 2.180 (…)": a list item keeps the unit of the one before
                    if not noun:
                        continue
                    q = replace(q, unit=noun, bare=False)  # "số hồ sơ giải quyết trễ hạn là 457"
                if item.role == LEVEL and q.lead and "%" not in q.unit:
                    listed = (q.lead.split()[0], q.unit)
                counted = q.unit if q.unit.lower() in COUNTED_NOUN_SET else ""
                if decision is None:
                    continue
                kind, confidence = decision
                if q.unit.lower() in META_UNITS and not _promised_count(section_kind, q):
                    continue
                if not_an_indicator(q, clause_l):
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
                if joined is not None and stated is not None and sid == stated[0]:
                    name = stated[2]  # "…; so với chỉ tiêu giao (70.544 người) đạt 84%": the plan of the level before
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
                clause_claims.append(level)
                if item.role == LEVEL and kind == RESULT and "%" not in level.unit and q.lead.split()[:1] not in (["tăng"], ["giảm"]):
                    stated = (sid, level.unit.lower(), name)  # a level, not a change written as one ("…; tăng 3.860 (7%)")
                clause_claims.extend(figure_claim(norm, level, figure) for figure in item.figures)
            yield from _plans_named_by_their_result(clause_claims)
            yield from zero
    discourse.measure = names.parent or discourse.measure


# The name of a plan value that is only the plan's own wording or a piece of the figure before it ("7% dự toán
# năm 2024 được tỉnh giao" cut from "đạt 86,7% dự toán năm 2024 được tỉnh giao là 4.060 tỷ đồng").
_PLAN_WORDING_NAME_RE = re.compile(r"^(?:[\d%,.]|(?:tổng\s+)?(?:dự toán|kế hoạch|chỉ tiêu|mục tiêu)\b)", re.IGNORECASE)


def _plans_named_by_their_result(claims: list[Claim]) -> list[Claim]:
    """A plan value named by the plan's wording takes the name of the result its statement measures against
    it ("số thu ngân sách … đạt 86,7% dự toán … giao là 4.060 tỷ đồng": the estimate of "số thu ngân sách")."""
    levels = {c.statement: c.indicator for c in claims if c.role == LEVEL and c.indicator}
    for claim in claims:
        if claim.role == PLAN and claim.statement in levels and _PLAN_WORDING_NAME_RE.match(claim.indicator or "0"):
            claim.indicator = levels[claim.statement]
    return claims


def _join_quoted_plan(items: list[Item], ids: list[int], stated: tuple[int, str, str] | None) -> list[int] | None:
    """A clause opening with the plan quoted in brackets in the unit of the sentence's last result level ("… là
    59.177 người; so với chỉ tiêu giao của UBND (70.544 người) đạt 84%"): its plan and the ratio after it join that
    level's statement (the clause's new statement ids), else None."""
    if stated is None or not items or items[0].role != PLAN or items[0].quantity.unit.lower() != stated[1]:
        return None
    first = ids[0]
    return [stated[0] if sid == first else sid for sid in ids]


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
