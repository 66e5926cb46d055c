"""Whether a figure of a document is a target (promised), a result (achieved) or neither.

``decide`` reads the kind of the section a figure is in, then the cue words of its phrase, clause and
sentence (tables in ``cues``), then what the text around it was saying (``Discourse``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chitieu.domain.quantity import Op
from chitieu.extraction.cues import (
    RESULT_CUE_RE,
    STRICT_RESULT_CUE_RE,
    STRONG_RESULT_CUE_RE,
    STRONG_TARGET_CUE_RE,
    TARGET_CUE_RE,
    TASK_CLAUSE_TARGET_CUE_RE,
    TASK_TARGET_CUE_RE,
    WEAK_RESULT_CUE_RE,
    SectionKind,
    read_plan_refs,
)
from chitieu.extraction.grammar import reference
from chitieu.extraction.quantity import TextQuantity

TARGET = "target"
RESULT = "result"

_PAREN_BASELINE_RE = reference("paren_baseline")
_PAREN_TIME_RE = re.compile(r"năm\s+(?:19|20)\d{2}|hiện nay|hiện tại|đến nay|\bước\b")
PAREN_NAME_MAX_WORDS = 2
_CUE_YEAR_RE = re.compile(r"\s*đến (?:cuối )?năm ((?:19|20)\d{2})")


@dataclass(slots=True)
class Discourse:
    """The kind the text around a clause last stated by its cues, for a clause that states none itself
    ("Phấn đấu đến năm 2030 … . Tỷ trọng dịch vụ đạt trên 50%" keeps promising). Reset at each heading."""

    section: str | None = None
    kind: str | None = None
    measure: str = ""  # the measure the section's names last carried (``names.SubjectNames.section_measure``)


# A figure (with up to three words of unit) right before an opening parenthesis.
_FIGURE_BEFORE_RE = re.compile(r"\d[\d.,]*\s*%?(?:\s*[^\W\d_]+){0,3}\s*$")


def paren_baseline(t: str, lo: int, pos: int) -> bool:
    """The figure at ``pos`` sits in a parenthesis that qualifies the figure right before it ("9,8% (năm
    2020 đạt 12%)"), not in one that opens a list ("6 mục tiêu về kinh tế số (tỷ trọng đạt 20% GDP; …")."""
    m = _PAREN_BASELINE_RE.search(t, lo, pos)
    if not m or not _FIGURE_BEFORE_RE.search(t, max(lo, m.start() - 30), m.start()):
        return False
    inner = t[m.start() + 1 : pos].lower()
    # "(đạt 95%)" qualifies; "(tỷ lệ thanh toán số đạt 60%; …" names an indicator of its own
    return bool(_PAREN_TIME_RE.search(inner)) or len(inner.split("đạt")[0].split()) <= PAREN_NAME_MAX_WORDS


def _target_cue(sentence: str, year: int | None, carried: str | None = None) -> bool:
    """A target cue in ``sentence``. "Đến năm 2020" looks back in a document signed in 2020 or later, and
    may look back in an undated one whose text around it reports ("Nhiệm kỳ qua … đến năm 2014 tăng lên …")."""
    for m in TARGET_CUE_RE.finditer(sentence):
        deadline = _CUE_YEAR_RE.match(m.group())
        if deadline is None:
            return True
        if (year is None and carried != RESULT) or (year is not None and int(deadline.group(1)) > year):
            return True
    return False


_FORECAST_YEAR_RE = reference("forecast_year")
_ANY_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _forecast_of_later_year(sentence: str, year: int | None) -> bool:
    """"dự kiến … năm 2024 tăng 9,1% so với năm 2023": an expectation for a year later than the others the
    sentence names and than the document's own year; an undated text's expectations are then targets too."""
    m = _FORECAST_YEAR_RE.search(sentence)
    if m is None:
        return False
    expected = int(m.group(1))
    if m.group(1) in sentence[: m.start()]:  # "Năm 2025, … dự kiến cả năm 2025 đạt …": the year being reported
        return False
    others = [int(y) for y in _ANY_YEAR_RE.findall(sentence) if int(y) != expected]
    return bool(others) and max(others) < expected and (year is None or expected > year)


def decide(
    section_kind: SectionKind,
    sentence: str,
    clause: str,
    t: str,
    c_start: int,
    q: TextQuantity,
    year: int | None = None,
    carried: str | None = None,
    c_end: int | None = None,
) -> tuple[str, float] | None:
    """(kind, confidence) of a quantity, or None when it is neither a target nor a result. ``clause`` is the
    lower-cased clause as the cue tables read it; ``c_end`` its end in ``t`` when that reading changed its length."""
    if section_kind is SectionKind.RESULTS:
        return RESULT, 0.9
    if section_kind is SectionKind.TARGETS:
        if STRONG_RESULT_CUE_RE.search(clause) or paren_baseline(t, c_start, q.number_start):
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
    if _forecast_of_later_year(sentence, year):
        return TARGET, 0.6
    if section_kind is SectionKind.PLAN:
        if strong_result or (result_cue and not target_cue):
            return RESULT, 0.5
        return TARGET, 0.7
    if section_kind is SectionKind.CONTEXT:
        return (RESULT, 0.4) if strong_result else None
    cued = _local_cue_kind(t, c_start, c_end if c_end is not None else c_start + len(clause), q, year, carried)
    if cued is None:
        cued = cue_kind(sentence, clause, year, section_kind is SectionKind.NEUTRAL, carried)
    if cued is not None:
        return cued, 0.6 if cued == TARGET else 0.5
    if q.op is Op.RANGE and carried != RESULT:  # achieved figures are single numbers; "6,5 - 7%/năm" is a plan
        return TARGET, 0.5
    if carried is not None:  # no cue of its own: what the text around it was saying
        return carried, 0.4
    return RESULT, 0.3


_PHRASE_BREAK_RE = re.compile(r"[,;:]\s")


def _result_cue(text: str, carried: str | None) -> bool:
    """A result cue in ``text``; a comparison with an earlier year counts unless the text is promising."""
    return bool(STRICT_RESULT_CUE_RE.search(text)) or (
        carried != TARGET and bool(WEAK_RESULT_CUE_RE.search(text))
    )


def _local_cue_kind(
    t: str, c_start: int, c_end: int, q: TextQuantity, year: int | None, carried: str | None = None
) -> str | None:
    """The kind stated by the cue words of the comma-delimited phrase around a quantity, when they say
    one thing only ("…, cần hoàn thành với mục tiêu …, kinh tế số phải đạt 20% GRDP" is a promise)."""
    before = t[c_start : q.start]
    breaks = list(_PHRASE_BREAK_RE.finditer(before))
    p_start = c_start + breaks[-1].end() if breaks else c_start
    after = _PHRASE_BREAK_RE.search(t, q.end, c_end)
    phrase = read_plan_refs(t[p_start : after.start() if after else c_end].lower())
    target, result = _target_cue(phrase, year, carried), _result_cue(phrase, carried)
    if target != result:
        return TARGET if target else RESULT
    return None


def cue_kind(
    sentence: str, clause: str, year: int | None, neutral: bool, carried: str | None = None
) -> str | None:
    """The kind the cue words of a clause (first) or of its sentence so far state, or None."""
    if STRONG_RESULT_CUE_RE.search(clause):
        return RESULT
    if STRONG_TARGET_CUE_RE.search(sentence):
        return TARGET
    clause_target, clause_result = _target_cue(clause, year, carried), _result_cue(clause, carried)
    if clause_target != clause_result:
        return TARGET if clause_target else RESULT
    result_cue = clause_result or (neutral and _result_cue(sentence, carried))
    if result_cue:
        return RESULT
    return TARGET if _target_cue(sentence, year, carried) else None
