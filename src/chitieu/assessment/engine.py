"""Assess one target against one result: verdict, ratio, gap, explanation (pure)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from chitieu.assessment.conventions import DEFAULT_PROFILE, ConventionProfile
from chitieu.assessment.explanation import explain as explain_assessment
from chitieu.assessment.forecast import Forecast
from chitieu.assessment.pace import RequiredPace
from chitieu.assessment.ratio import achievement_ratio, gap, gap_unit, reference_value
from chitieu.assessment.stage import Stage
from chitieu.assessment.tolerance import Tolerance
from chitieu.assessment.verdict import Outcome, compare, status_for
from chitieu.domain.indicators import Polarity
from chitieu.domain.quantity import Op, Quantity
from chitieu.messages import msg
from chitieu.vocab.units import lookup_unit
from chitieu.vocab.verdicts import Status


@dataclass(frozen=True, slots=True)
class Assessment:
    """The verdict on one indicator at one stage, with the numbers behind it."""

    indicator_code: str
    stage: Stage
    status: Status
    polarity: Polarity
    outcome: Outcome
    value: float | None
    unit: str
    ratio: float | None
    gap: float | None
    gap_unit: str
    explanation: str
    basis: str = ""  # which observation or forecast was used ("Ước thực hiện 2021-2023")
    forecast: Forecast | None = None
    required_pace: RequiredPace | None = None

    @property
    def status_vi(self) -> str:
        return self.status.label_vi


def _compatible(a: str, b: str) -> bool:
    """Same dimension; counted nouns with each other (lao động ~ người); "money" with "money_per_capita"."""
    if a == b or (a.startswith("count") and b.startswith("count")):
        return True
    return a.split("_")[0] == b.split("_")[0]


def align_result(result: Quantity, unit: str, target_direction: int = 0, result_direction: int = 0) -> Quantity | None:
    """``result`` in the target's unit, with the sign of a change word ("giảm 2 bậc" vs "tăng 01 bậc").

    ``None`` when the units cannot be converted (both known, different dimensions).
    """
    if result.op is Op.DONE:
        return result
    sign = -1.0 if target_direction and result_direction and target_direction != result_direction else 1.0
    factor = 1.0
    if unit and result.unit:
        a, b = lookup_unit(result.unit), lookup_unit(unit)
        if a is not None and b is not None:
            if not _compatible(a.dimension, b.dimension):
                return None
            factor = a.scale / b.scale
    k = sign * factor
    if k == 1.0:
        return result
    def times(v: float | None) -> float | None:
        return v * k if v is not None else None

    value, low, high = times(result.value), times(result.low), times(result.high)
    if sign < 0 and result.op is not Op.RANGE:
        flip = {Op.GT: Op.LT, Op.GE: Op.LE, Op.LT: Op.GT, Op.LE: Op.GE}
        return replace(result, op=flip.get(result.op, result.op), unit=unit, value=value, low=low, high=high)
    return replace(result, unit=unit, value=value, low=low, high=high)


def canonical_unit(unit: str, target: Quantity, result: Quantity | None) -> str:
    """The unit a comparison is made in: the given one, else the target's, else the result's (catalogue form)."""
    unit = unit or target.unit or (result.unit if result is not None else "")
    known_unit = lookup_unit(unit) if unit else None
    return known_unit.canonical if known_unit is not None else unit.strip()


def judge(target: Quantity, aligned: Quantity, polarity: Polarity, unit: str,
          profile: ConventionProfile = DEFAULT_PROFILE, tolerance: Tolerance | None = None) -> tuple[Outcome, float]:
    """(outcome, band) of an aligned result against its target under ``profile`` — the verdict's core."""
    ref = reference_value(target, polarity)
    band = (tolerance or profile.tolerance()).band(ref if ref is not None else 0.0, unit, polarity)
    return compare(target, aligned, polarity, band, profile), band


def assess(
    target: Quantity,
    result: Quantity | None,
    *,
    polarity: Polarity,
    stage: Stage,
    unit: str = "",
    indicator_code: str = "",
    deadline: int | None = None,
    basis: str = "",
    lead: str = "lead_actual",
    forecast: Forecast | None = None,
    required_pace: RequiredPace | None = None,
    tolerance: Tolerance | None = None,
    target_direction: int = 0,
    result_direction: int = 0,
    profile: ConventionProfile = DEFAULT_PROFILE,
    explain: bool = True,
) -> Assessment:
    """Judge ``result`` against ``target`` at ``stage`` under the verdict conventions of ``profile``;
    ``result=None`` gives ``no_data``. ``tolerance`` overrides the bands the profile implies.
    ``explain=False`` skips the explanation sentence (bulk assessment), leaving it empty."""
    unit = canonical_unit(unit, target, result)
    ref = reference_value(target, polarity)
    g_unit = gap_unit(unit, ref)
    common = {"target": target, "unit": unit, "polarity": polarity, "deadline": deadline, "lead": lead}
    if result is None:
        text = "" if not explain else explain_assessment(result=None, status=Status.NO_DATA, outcome=Outcome.UNKNOWN, ratio=None, gap_value=None,
                       gap_unit=g_unit, **common)  # type: ignore[arg-type]
        return Assessment(indicator_code, stage, Status.NO_DATA, polarity, Outcome.UNKNOWN, None, unit, None, None,
                          g_unit, text, basis, forecast, required_pace)
    aligned = align_result(result, unit, target_direction, result_direction)
    if aligned is None:
        reason = msg("reason_unit_mismatch", a=result.unit, b=unit)
        text = "" if not explain else explain_assessment(result=result, status=Status.NO_DATA, outcome=Outcome.UNKNOWN, ratio=None, gap_value=None,
                       gap_unit=g_unit, reason=reason, **common)  # type: ignore[arg-type]
        return Assessment(indicator_code, stage, Status.NO_DATA, polarity, Outcome.UNKNOWN, None, unit, None, None,
                          g_unit, text, basis, forecast, required_pace)
    outcome, band = judge(target, aligned, polarity, unit, profile, tolerance)
    status = status_for(outcome, stage)
    numeric = aligned.op is not Op.DONE and target.op is not Op.DONE
    value = aligned.point if aligned.op is not Op.DONE else None
    ratio = achievement_ratio(target, value, polarity) if numeric else None
    g = gap(target, value, polarity) if numeric else None
    reason = ""
    if outcome is Outcome.UNKNOWN:
        reason = msg("reason_bound_unclear") if numeric else msg("reason_not_comparable")
    text = "" if not explain else explain_assessment(
        result=aligned, status=status, outcome=outcome, ratio=ratio, gap_value=g, gap_unit=g_unit,
        reason=reason, band=band, forecast=forecast, pace=required_pace, **common)  # type: ignore[arg-type]
    return Assessment(indicator_code, stage, status, polarity, outcome, value, unit, ratio, g, g_unit, text, basis,
                      forecast, required_pace)
