"""Forecast methods (given estimate, linear trend, CAGR, average so far) and the required pace."""

from __future__ import annotations

import pytest

from chitieu.assessment import ForecastMethod, forecast_to_deadline, required_pace
from chitieu.assessment.forecast import compound_growth_rate, linear_trend_at
from chitieu.domain import TargetKind


def test_linear_trend_extends_a_straight_line() -> None:
    assert linear_trend_at([(2021, 50.0), (2022, 55.0), (2023, 60.0)], 2025) == pytest.approx(70.0)
    assert linear_trend_at([(2023, 60.0)], 2025) is None


def test_compound_growth_rate() -> None:
    assert compound_growth_rate([(2020, 100.0), (2022, 121.0)]) == pytest.approx(0.10)
    assert compound_growth_rate([(2020, -1.0), (2022, 121.0)]) is None


def test_given_estimate_comes_first() -> None:
    f = forecast_to_deadline([(2021, 1.0), (2022, 2.0)], 2025, given=58.7)
    assert f is not None and f.method is ForecastMethod.GIVEN_ESTIMATE and f.value == 58.7


def test_money_levels_use_compound_growth() -> None:
    f = forecast_to_deadline([(2021, 2067.7), (2022, 2223.6)], 2025, unit="tỷ đồng")
    assert f is not None and f.method is ForecastMethod.COMPOUND_GROWTH
    assert f.value == pytest.approx(2223.6 * (2223.6 / 2067.7) ** 3)


def test_rates_use_linear_trend() -> None:
    f = forecast_to_deadline([(2021, 50.0), (2022, 55.0)], 2025, unit="%")
    assert f is not None and f.method is ForecastMethod.LINEAR_TREND and f.value == pytest.approx(70.0)


def test_annual_rate_forecast_averages_observed_and_projected_years() -> None:
    # growth 3,9 / 9 / -0,95 (2021-2023): trend line projected to 2024 and 2025, then the 5-year mean
    pts = [(2021, 3.9), (2022, 9.0), (2023, -0.95)]
    f = forecast_to_deadline(pts, 2025, kind=TargetKind.ANNUAL_RATE, unit="%")
    assert f is not None and f.method is ForecastMethod.LINEAR_TREND
    slope = (-0.95 - 3.9) / 2
    mean = sum(v for _, v in pts) / 3
    projected = [mean + slope * (y - 2022) for y in (2024, 2025)]
    assert f.value == pytest.approx((sum(v for _, v in pts) + sum(projected)) / 5)
    single = forecast_to_deadline([(2021, 6.0)], 2025, kind=TargetKind.ANNUAL_RATE)
    assert single is not None and single.method is ForecastMethod.AVERAGE_SO_FAR and single.value == 6.0


def test_cumulative_forecast_sums_flows() -> None:
    f = forecast_to_deadline([(2021, 600.0), (2022, 600.0)], 2025, kind=TargetKind.CUMULATIVE)
    assert f is not None and f.value == pytest.approx(3000.0)


def test_required_pace_linear_and_cagr() -> None:
    p = required_pace(65.0, [(2020, 40.0), (2023, 47.5)], 2025)
    assert p is not None and p.years_left == 2
    assert p.linear_per_year == pytest.approx(8.75)
    assert p.cagr_percent == pytest.approx(((65 / 47.5) ** 0.5 - 1) * 100)
    assert required_pace(65.0, [(2025, 60.0)], 2025) is None


def test_required_average_for_annual_rates() -> None:
    # 9%/year over 2021-2025 after 3,9 + 9 - 0,95 in 2021-2023: the remaining two years need (45 - 11,95) / 2
    p = required_pace(9.0, [(2021, 3.9), (2022, 9.0), (2023, -0.95)], 2025, kind=TargetKind.ANNUAL_RATE,
                      start_year=2020)
    assert p is not None and p.average_needed == pytest.approx(16.525)


def test_required_pace_for_cumulative_targets() -> None:
    p = required_pace(2400.0, [(2021, 600.0), (2022, 600.0), (2023, 619.0)], 2025, kind=TargetKind.CUMULATIVE)
    assert p is not None and p.linear_per_year == pytest.approx((2400 - 1819) / 2)
