"""The claims a statement gives beside its level: each figure qualifying the level (its plan, ratio, change,
share …) as a claim of its own in the same statement, and the zero targets ("không còn xã dưới 15 tiêu chí")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from chitieu.domain.quantity import Op
from chitieu.extraction.claim_kind import RESULT, TARGET
from chitieu.extraction.claim_record import Claim
from chitieu.extraction.counted import WORD_UNIT_SET, counted_unit
from chitieu.extraction.cues import TASK_TARGET_CUE_RE, SectionKind
from chitieu.extraction.grammar import COUNTED_NOUN_SET, reference
from chitieu.extraction.normalise import Normalised
from chitieu.extraction.statements import BASELINE, PLAN, SHARE, Figure

_ZERO_RE = reference("zero")
_WEIGHT, _RATE = "tỷ trọng", "tỷ lệ"  # how a share is named (text.name_words weight; text.subject_names rate_of_a_count)
_RATE_WORD_RE = re.compile(r"(?:tỷ|tỉ)\s+lệ", re.IGNORECASE)


def _share_name(norm: Normalised, level: Claim, figure: Figure) -> str:
    """A share of a level is named as the weight (or the rate) of what the level measures ("chiếm 72,7%" after "thu
    nội địa …" → "tỷ trọng thu nội địa"; "chiếm tỉ lệ 1,61%" after "80 hộ nghèo" → "tỷ lệ hộ nghèo")."""
    name = level.indicator
    if not name or name.lower().startswith((_WEIGHT, _RATE)):
        return name
    # a share of a fraction ("320/411 xã …, tương đương 77,86%"), of a count of things ("659 hộ chiếm 3,52%") or
    # written as a rate is a rate; a share of an amount is a weight
    rate = (
        level.denominator is not None
        or level.unit.lower() in COUNTED_NOUN_SET
        or _RATE_WORD_RE.search(norm.text[max(0, figure.start - 16) : figure.start])
    )
    word = _RATE if rate else _WEIGHT
    return f"{word} {name[0].lower() + name[1:] if name[1:2].islower() else name}"


def figure_claim(norm: Normalised, level: Claim, figure: Figure) -> Claim:
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


def zero_claims(
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
        unit = counted_unit(t[m.start("noun") : m.end("rest")])
        if unit.lower() not in WORD_UNIT_SET and unit.lower() not in COUNTED_NOUN_SET:
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
