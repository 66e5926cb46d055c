"""assess_bundle (chitieu.assessment.bundle): choosing the observation, deriving from yearly values, forecasting, polarity."""

from __future__ import annotations

import pytest

from chitieu.assessment.bundle import assess_bundle
from chitieu.domain import (
    Indicator,
    Observation,
    ObservationFlag,
    Op,
    Period,
    Plan,
    PlanBundle,
    Polarity,
    Target,
    TargetKind,
    TargetVersion,
)


def bundle() -> PlanBundle:
    plan = Plan(code="P", title="Kế hoạch thử", term_start=2020, term_end=2025)
    b = PlanBundle(plan=plan)
    b.indicators += [
        Indicator(code="REV", name="Thu ngân sách trên địa bàn", unit="Tỷ đồng", order=1),
        Indicator(code="GRO", name="Tốc độ tăng trưởng GRDP", unit="%", order=2),
        Indicator(code="POOR", name="Tỷ lệ hộ nghèo", unit="%", order=3),
        Indicator(code="HEAD", name="Cơ cấu kinh tế", order=4),
        Indicator(code="AGR", name="+ Nông, lâm nghiệp, thủy sản", unit="%", parent_code="HEAD", order=5),
        Indicator(code="NONE", name="Chỉ tiêu chưa có số liệu", unit="%", order=6),
    ]
    b.targets += [
        Target("REV", Op.EQ, 3000, deadline=2025, start_year=2020, unit="Tỷ đồng", text="3.000"),
        Target("REV", Op.EQ, 2800, deadline=2025, version=TargetVersion.DRAFT, text="2.800"),
        Target("GRO", Op.RANGE, low=9, high=10, deadline=2025, start_year=2020, kind=TargetKind.ANNUAL_RATE,
               unit="%", text="9-10"),
        Target("POOR", Op.EQ, 10, deadline=2025, unit="%", text="10"),
        Target("AGR", Op.EQ, 12.44, deadline=2025, unit="%", text="12,44"),
        Target("NONE", Op.EQ, 50, deadline=2025, unit="%", text="50"),
    ]
    years = {"REV": [(2021, 2067.7), (2022, 2223.6), (2023, 2134.0)], "GRO": [(2021, 3.9), (2022, 9.0), (2023, -0.95)],
             "POOR": [(2021, 14.0), (2022, 12.0), (2023, 10.5)], "AGR": [(2023, 15.16)]}
    for code, values in years.items():
        for year, value in values:
            b.observations.append(Observation(code, Period.year(year), value, text=str(value).replace(".", ",")))
    b.observations.append(Observation("REV", Period(2021, 2023), 2134.6, flag=ObservationFlag.ESTIMATE,
                                      text="2.134,6", stated_verdict="Chưa đạt"))
    b.observations.append(Observation("REV", Period(2020, 2025), 2345, flag=ObservationFlag.PROJECTION,
                                      text="2.345", stated_verdict="Khó đạt"))
    b.observations.append(Observation("REV", Period.year(2023), 2100, org_unit_code="HUYEN-A"))  # not the province
    return b


def by_code(rows: list) -> dict:  # type: ignore[type-arg]
    return {r.code: r for r in rows}


def test_as_of_prefers_the_span_from_the_term_start() -> None:
    rows = by_code(assess_bundle(bundle(), as_of=2023))
    assert "HEAD" not in rows  # header row without a target
    rev = rows["REV"]
    assert rev.value == 2134.6 and rev.period == "2021-2023" and rev.basis == "căn cứ số ước 2021-2023"
    assert rev.target == "3.000"  # the adopted target, not the draft
    assert rev.status == "not_yet" and rev.agrees is True
    assert rev.required_linear_per_year == pytest.approx((3000 - 2134.0) / 2)


def test_as_of_without_a_span_averages_annual_rates() -> None:
    gro = by_code(assess_bundle(bundle(), as_of=2023))["GRO"]
    assert gro.value == pytest.approx((3.9 + 9.0 - 0.95) / 3)
    assert gro.basis.startswith("bình quân các năm 2021-2023")
    assert gro.status == "not_yet" and gro.required_average == pytest.approx((45 - 11.95) / 2)


def test_as_of_a_year_uses_that_year() -> None:
    rows = by_code(assess_bundle(bundle(), as_of=2022))
    assert rows["REV"].value == 2223.6 and rows["POOR"].value == 12.0


def test_lower_better_wording_and_structure_parent() -> None:
    rows = by_code(assess_bundle(bundle(), as_of=2023))
    assert rows["POOR"].polarity == Polarity.LOWER_BETTER.value and rows["POOR"].status == "not_yet"
    assert rows["AGR"].polarity == Polarity.NEUTRAL_STRUCTURE.value


def test_final_year_gives_not_achieved() -> None:
    b = bundle()
    b.observations.append(Observation("POOR", Period.year(2025), 9.5))
    assert by_code(assess_bundle(b, as_of=2025))["POOR"].status == "exceeded"
    b.observations.append(Observation("GRO", Period(2021, 2025), 6.0, flag=ObservationFlag.ESTIMATE))
    assert by_code(assess_bundle(b, as_of=2025))["GRO"].status == "not_achieved"


def test_forecast_uses_the_given_estimate_then_trends() -> None:
    rows = by_code(assess_bundle(bundle(), forecast=True))
    rev = rows["REV"]
    assert rev.value == 2345 and rev.forecast_method == "given_estimate" and rev.status == "at_risk"
    assert rev.official_status == "at_risk" and rev.agrees is True
    poor = rows["POOR"]  # 14 → 12 → 10,5: slope −1,75, mean 12,17 at 2022 → 6,92 in 2025
    assert poor.forecast_method == "linear_trend" and poor.value == pytest.approx(12.1667 - 1.75 * 3, abs=1e-3)
    assert poor.status == "exceeded"
    assert rows["NONE"].status == "no_data" and rows["AGR"].status == "no_data"


def test_mode_is_required() -> None:
    with pytest.raises(ValueError):
        assess_bundle(bundle())


def test_rows_name_their_plan_and_the_whole_area() -> None:
    rows = assess_bundle(bundle(), as_of=2023)
    first = rows[0].to_dict()
    assert first["plan_code"] == "P" and first["org_unit"] is None
    # today's JSON keys are all still there
    assert {"code", "number", "group", "name", "unit", "target", "value", "value_text", "ratio", "status",
            "status_vi", "official_status", "agrees", "basis", "explanation"} <= set(first)
