"""Required pace: what is still needed each year to reach the target by the deadline (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chitieu.domain.targets import TargetKind

YearValue = tuple[int, float]


@dataclass(frozen=True, slots=True)
class RequiredPace:
    """From the latest value: linear increment per year, CAGR (%) and, for rates, the yearly average needed.

    ``linear_per_year`` = (target − latest) / years_left
    ``cagr_percent``    = ((target / latest) ** (1 / years_left) − 1) × 100   (positive values only)
    ``average_needed``  = (target × term_years − sum of observed years) / years_left   (annual-rate and
                          per-year targets: the mean the remaining years must reach)
    """

    from_year: int
    from_value: float
    years_left: int
    linear_per_year: float | None
    cagr_percent: float | None
    average_needed: float | None = None


def required_pace(
    target_value: float,
    points: Sequence[YearValue],
    deadline: int,
    *,
    kind: TargetKind = TargetKind.LEVEL,
    start_year: int | None = None,
) -> RequiredPace | None:
    """Pace still needed after the latest yearly value; ``None`` when no year is left or no value known."""
    pts = sorted(points)
    if not pts:
        return None
    last_year, last_value = pts[-1]
    years_left = deadline - last_year
    if years_left <= 0:
        return None
    if kind in (TargetKind.ANNUAL_RATE, TargetKind.PER_YEAR):
        # a rate term of 2020-2025 counts the years 2021..2025 unless the start year itself has a value
        first = pts[0][0] if start_year is None else start_year if any(y == start_year for y, _ in pts) else start_year + 1
        term_years = deadline - first + 1
        observed = [v for y, v in pts if y >= first]
        needed = (target_value * term_years - sum(observed)) / max(1, term_years - len(observed))
        return RequiredPace(last_year, last_value, years_left, None, None, needed)
    if kind is TargetKind.CUMULATIVE:
        done = sum(v for _, v in pts)
        return RequiredPace(last_year, last_value, years_left, (target_value - done) / years_left, None)
    linear = (target_value - last_value) / years_left
    cagr = None
    if target_value > 0 and last_value > 0:
        cagr = ((target_value / last_value) ** (1 / years_left) - 1) * 100
    return RequiredPace(last_year, last_value, years_left, linear, cagr)
