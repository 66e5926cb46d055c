"""Achievement ratio (% of target) and gap (points for rates)."""

from __future__ import annotations

from chitieu.assessment.tolerance import is_rate
from chitieu.assessment.verdict import direction_of, target_bounds
from chitieu.domain.indicators import Polarity
from chitieu.domain.quantity import Op, Quantity
from chitieu.vocab.units import lookup_unit


def reference_value(target: Quantity, polarity: Polarity) -> float | None:
    """The target number a result is measured against: the point, or the range end that must be reached.

    For a range the lower end counts when more is better, the upper end when less is better,
    the midpoint for structure shares.
    """
    bounds = target_bounds(target)
    if bounds is None:
        return None
    low, high = bounds
    if target.op is not Op.RANGE:
        return low
    sign = direction_of(target, polarity)
    return low if sign > 0 else high if sign < 0 else (low + high) / 2


def achievement_ratio(target: Quantity, value: float | None, polarity: Polarity) -> float | None:
    """result ÷ reference target × 100; ``None`` without a positive reference."""
    ref = reference_value(target, polarity)
    if ref is None or value is None or ref <= 0:
        return None
    return value / ref * 100


def gap(target: Quantity, value: float | None, polarity: Polarity) -> float | None:
    """result − target (0 inside a range; distance to the nearer end outside it)."""
    bounds = target_bounds(target)
    if bounds is None or value is None:
        return None
    low, high = bounds
    if value < low:
        return value - low
    if value > high:
        return value - high
    return 0.0


def gap_unit(unit: str, value: float | None = None) -> str:
    """Points for rates ("điểm %", "điểm ‰"), the unit itself otherwise."""
    known = lookup_unit(unit) if unit else None
    if known is not None and known.dimension == "permille":
        return "điểm ‰"
    if is_rate(unit, value):
        return "điểm %"
    return known.canonical if known is not None else unit
