"""Forecast of a value at the deadline from yearly values (pure).

Methods, tried in this order (docs/assessment.md, "Forecast"):

1. ``given_estimate`` — an official estimate/projection for the deadline ("dự ước 2020-2025").
2. ``linear_trend`` — least-squares line through the yearly values, extended to the deadline.
   Used for rates, shares and anything that may be negative; for annual-rate and per-year targets the
   forecast is the average of the observed years and the projected remaining years; for cumulative
   targets their sum.
3. ``compound_growth`` — constant yearly growth (CAGR) from the first to the last yearly value, for
   level targets of quantities that grow multiplicatively (money, tonnes, people, ...), all positive.
4. ``average_so_far`` — with a single yearly value of an annual-rate or per-year target, the
   remaining years are assumed to repeat it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from chitieu.assessment.tolerance import is_rate
from chitieu.domain.targets import TargetKind

YearValue = tuple[int, float]


class ForecastMethod(StrEnum):
    GIVEN_ESTIMATE = "given_estimate"
    LINEAR_TREND = "linear_trend"
    COMPOUND_GROWTH = "compound_growth"
    AVERAGE_SO_FAR = "average_so_far"

    @property
    def label_vi(self) -> str:
        return {
            "given_estimate": "số dự ước chính thức",
            "linear_trend": "xu hướng tuyến tính",
            "compound_growth": "tăng trưởng kép bình quân (CAGR)",
            "average_so_far": "bình quân các năm đã có",
        }[self.value]


@dataclass(frozen=True, slots=True)
class Forecast:
    method: ForecastMethod
    value: float
    year: int
    points_used: int = 0


def linear_trend_at(points: Sequence[YearValue], year: int) -> float | None:
    """Least-squares line through ``points`` evaluated at ``year`` (needs two distinct years)."""
    if len({y for y, _ in points}) < 2:
        return None
    n = len(points)
    mean_x = sum(y for y, _ in points) / n
    mean_y = sum(v for _, v in points) / n
    sxx = sum((y - mean_x) ** 2 for y, _ in points)
    sxy = sum((y - mean_x) * (v - mean_y) for y, v in points)
    slope = sxy / sxx
    return mean_y + slope * (year - mean_x)


def compound_growth_rate(points: Sequence[YearValue]) -> float | None:
    """Yearly growth factor minus one between the first and last point; needs positive values."""
    ordered = sorted(points)
    if len(ordered) < 2:
        return None
    (y0, v0), (y1, v1) = ordered[0], ordered[-1]
    if y1 <= y0 or v0 <= 0 or v1 <= 0:
        return None
    return float((v1 / v0) ** (1 / (y1 - y0)) - 1)


def compound_growth_at(points: Sequence[YearValue], year: int) -> float | None:
    """Last value grown at the observed CAGR up to ``year``."""
    rate = compound_growth_rate(points)
    if rate is None:
        return None
    y_last, v_last = max(points)
    return float(v_last * (1 + rate) ** (year - y_last))


def forecast_to_deadline(
    points: Sequence[YearValue],
    deadline: int,
    *,
    kind: TargetKind = TargetKind.LEVEL,
    unit: str = "",
    given: float | None = None,
) -> Forecast | None:
    """Forecast of what the target measures at ``deadline``, by the first method that applies."""
    if given is not None:
        return Forecast(ForecastMethod.GIVEN_ESTIMATE, given, deadline, 0)
    pts = sorted(points)
    if not pts:
        return None
    last_year = pts[-1][0]
    remaining = list(range(last_year + 1, deadline + 1))
    if kind in (TargetKind.ANNUAL_RATE, TargetKind.PER_YEAR, TargetKind.CUMULATIVE):
        if len(pts) >= 2:
            projected = [linear_trend_at(pts, y) for y in remaining]
            values = [v for _, v in pts] + [p for p in projected if p is not None]
            method = ForecastMethod.LINEAR_TREND
        else:
            values = [pts[0][1]] * (1 + len(remaining))
            method = ForecastMethod.AVERAGE_SO_FAR
        total = sum(values)
        value = total if kind is TargetKind.CUMULATIVE else total / len(values)
        return Forecast(method, value, deadline, len(pts))
    if len(pts) < 2:
        return None
    if not is_rate(unit, pts[-1][1]):
        grown = compound_growth_at(pts, deadline)
        if grown is not None:
            return Forecast(ForecastMethod.COMPOUND_GROWTH, grown, deadline, len(pts))
    linear = linear_trend_at(pts, deadline)
    if linear is None:
        return None
    return Forecast(ForecastMethod.LINEAR_TREND, linear, deadline, len(pts))
