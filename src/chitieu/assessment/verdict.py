"""Compare a result with a target: exceeded, met, missed (pure).

Everything is turned into a "higher is better" comparison first: bound targets carry their own
direction (">5", "≥ 90%" want more; "<15", "≤ 3%" want less), point and range targets take the
indicator's polarity, and lower-better numbers are negated. Structure shares are judged by
closeness only. See docs/assessment.md for the rules and their evidence.
"""

from __future__ import annotations

from enum import StrEnum

from chitieu.assessment.conventions import (
    DEFAULT_PROFILE,
    ConventionProfile,
    apply_profile,
    is_basically,
    target_shape,
)
from chitieu.assessment.stage import Stage
from chitieu.domain.indicators import Polarity
from chitieu.domain.quantity import Op, Quantity
from chitieu.vocab.verdicts import Status


class Outcome(StrEnum):
    EXCEEDED = "exceeded"
    MET = "met"
    MISSED = "missed"
    UNKNOWN = "unknown"


_FLIP = {Op.GT: Op.LT, Op.GE: Op.LE, Op.LT: Op.GT, Op.LE: Op.GE, Op.EQ: Op.EQ}


def direction_of(target: Quantity, polarity: Polarity) -> int:
    """+1 when more is better, -1 when less is better, 0 for closeness (structure shares)."""
    if target.op in (Op.GT, Op.GE):
        return 1
    if target.op in (Op.LT, Op.LE):
        return -1
    if polarity is Polarity.LOWER_BETTER:
        return -1
    if polarity is Polarity.NEUTRAL_STRUCTURE:
        return 0
    return 1


def target_bounds(target: Quantity) -> tuple[float, float] | None:
    """(low, high) of what the target asks for; a point target has low == high."""
    if target.op is Op.RANGE and target.low is not None and target.high is not None:
        return target.low, target.high
    if target.value is not None:
        return target.value, target.value
    return None


def compare(target: Quantity, result: Quantity, polarity: Polarity, band: float,
            profile: ConventionProfile = DEFAULT_PROFILE) -> Outcome:
    """Outcome of ``result`` against ``target`` with an "equal" band of half-width ``band``, then the
    profile's conventions for results at or beyond a bound, a point or a range (docs/assessment.md §3)."""
    if target.op is Op.DONE or result.op is Op.DONE:
        return _compare_boolean(target, result, band, profile)
    raw = raw_compare(target, result, polarity, band)
    sign = direction_of(target, polarity)
    bound_result = result.op in (Op.GT, Op.GE, Op.LT, Op.LE)
    adjusted = apply_profile(raw.value, shape=target_shape(target, sign), bound_result=bound_result, profile=profile)
    return Outcome(adjusted)


def raw_compare(target: Quantity, result: Quantity, polarity: Polarity, band: float) -> Outcome:
    """The numeric comparison before any convention: met within the band, exceeded beyond it."""
    band += 1e-9  # 97,05 − 97 must count as 0,05 despite binary floating point
    bounds = target_bounds(target)
    r_value = result.point
    if bounds is None or r_value is None:
        return Outcome.UNKNOWN
    sign = direction_of(target, polarity)
    low, high = bounds
    if sign == 0:  # structure share: only closeness counts
        return Outcome.MET if low - band <= r_value <= high + band else Outcome.MISSED
    lo, hi = (low, high) if sign > 0 else (-high, -low)
    r_op: Op = result.op if result.op is not Op.RANGE else Op.EQ
    r = r_value * sign
    if sign < 0:
        r_op = _FLIP[r_op]
    if r_op in (Op.EQ,):
        if r < lo - band:
            return Outcome.MISSED
        return Outcome.EXCEEDED if r > hi + band else Outcome.MET
    if r_op in (Op.GT, Op.GE):  # "at least r": judged by its floor
        if r < lo - band:
            return Outcome.UNKNOWN
        return Outcome.EXCEEDED if r > hi + band else Outcome.MET
    # "at most r": only a miss can be told
    return Outcome.MISSED if r < lo - band else Outcome.UNKNOWN


def _compare_boolean(target: Quantity, result: Quantity, band: float, profile: ConventionProfile) -> Outcome:
    if result.op is Op.DONE:
        if result.boolean and is_basically(result.text) and not profile.basically_met:
            return Outcome.MISSED  # "Cơ bản hoàn thành" where the office counts it as not done
        return Outcome.MET if result.boolean else Outcome.MISSED
    # a boolean target met by a number: "Hoàn thành" vs "100%"
    if result.value is not None and result.unit in ("%", ""):
        return Outcome.MET if result.value >= 100 - band else Outcome.MISSED
    return Outcome.UNKNOWN


def status_for(outcome: Outcome, stage: Stage) -> Status:
    """The verdict code for an outcome at a stage (a miss depends on the stage)."""
    if outcome is Outcome.EXCEEDED:
        return Status.EXCEEDED
    if outcome is Outcome.MET:
        return Status.ACHIEVED
    if outcome is Outcome.MISSED:
        return stage.miss_status
    return Status.NO_DATA


VERDICT_CLASSES: dict[Status, str] = {
    Status.EXCEEDED: "exceeded",
    Status.ACHIEVED: "achieved",
    Status.NOT_YET: "missed",
    Status.NOT_ACHIEVED: "missed",
    Status.AT_RISK: "missed",
    Status.ON_TRACK: "on_track",
    Status.NO_DATA: "no_data",
}


def verdicts_agree(ours: Status, official: Status | None) -> bool | None:
    """Same outcome class: "Chưa đạt", "Không đạt" and "Khó đạt" all mean the target was missed."""
    if official is None or ours is Status.NO_DATA:
        return None
    return VERDICT_CLASSES[ours] == VERDICT_CLASSES[official]
