"""Disbursement of programme capital assessed like an indicator: totals, rate, verdict, forecast, pace."""

from __future__ import annotations

from datetime import date

import pytest

from chitieu.assessment.budget_totals import BudgetTotals, disjoint_sources
from chitieu.assessment.disbursement import assess_disbursement, default_period, target_for
from chitieu.domain import (
    CapitalKind,
    CapitalPlan,
    CapitalSource,
    Disbursement,
    DisbursementTarget,
    Op,
    OrgUnit,
    Period,
    Plan,
    PlanKind,
    ProgrammeBudget,
)

Y = Period.year(2023)
CI, CR, CB = CapitalSource.CENTRAL_INVESTMENT, CapitalSource.CENTRAL_RECURRENT, CapitalSource.CENTRAL_BUDGET
TREE = [
    Plan("LC", "Nghị quyết", PlanKind.RESOLUTION),
    Plan("CT", "Chương trình X", PlanKind.PROGRAMME, parent_code="LC"),
    Plan("CT-DA1", "Dự án 1", PlanKind.COMPONENT, parent_code="CT"),
    Plan("CT-DA2", "Dự án 2", PlanKind.COMPONENT, parent_code="CT"),
    Plan("CT-DA2-TDA1", "Tiểu dự án 1", PlanKind.SUBPROJECT, parent_code="CT-DA2"),
]
UNITS = [OrgUnit("H1", "Huyện Một"), OrgUnit("H2", "Huyện Hai")]


def budget(capital: list[CapitalPlan], paid: list[Disbursement], targets: list[DisbursementTarget] = ()) -> ProgrammeBudget:  # type: ignore[assignment]
    return ProgrammeBudget(list(TREE), capital, paid, list(targets), list(UNITS))


def ge95(plan: str = "CT", **kw: object) -> DisbursementTarget:
    return DisbursementTarget(plan, Op.GE, 95.0, "≥ 95%", **kw)  # type: ignore[arg-type]


def test_a_node_without_figures_adds_up_its_components_units_and_kinds() -> None:
    b = budget([
        CapitalPlan("CT-DA1", Y, 1000, CI, org_unit_code="H1"),
        CapitalPlan("CT-DA1", Y, 500, CI, org_unit_code="H2"),
        CapitalPlan("CT-DA2-TDA1", Y, 800, CR, CapitalKind.ANNUAL),
        CapitalPlan("CT-DA2-TDA1", Y, 200, CR, CapitalKind.CARRIED_OVER),
    ], [])
    t = BudgetTotals(b, Y)
    assert t.allocated("CT-DA1", None, None, None).value == 1500  # type: ignore[union-attr]
    assert t.allocated("CT-DA2", None, None, None).value == 1000  # type: ignore[union-attr]
    assert t.allocated("CT", None, None, None).value == 2500  # type: ignore[union-attr]
    assert t.allocated("CT", None, CR, CapitalKind.CARRIED_OVER).value == 200  # type: ignore[union-attr]
    assert t.allocated("CT", "H2", None, None).value == 500  # type: ignore[union-attr]
    assert t.allocated("CT", None, None, None).derived


def test_a_figure_recorded_for_a_node_wins_over_the_sum_of_its_parts() -> None:
    b = budget([CapitalPlan("CT", Y, 3000), CapitalPlan("CT-DA1", Y, 1000), CapitalPlan("CT-DA2", Y, 1500)], [])
    total = BudgetTotals(b, Y).allocated("CT", None, None, None)
    assert total is not None and total.value == 3000 and not total.derived


def test_a_source_that_covers_others_is_counted_once() -> None:
    assert disjoint_sources([CB, CI, CR, CapitalSource.LOCAL_BUDGET]) == [CB, CapitalSource.LOCAL_BUDGET]
    b = budget([CapitalPlan("CT", Y, 700, CB), CapitalPlan("CT", Y, 400, CI), CapitalPlan("CT", Y, 300, CR),
                CapitalPlan("CT", Y, 50, CapitalSource.MOBILISED)], [])
    assert BudgetTotals(b, Y).allocated("CT", None, None, None).value == 750  # type: ignore[union-attr]


def test_mixed_splits_are_added_up_the_most_complete_way() -> None:
    # source A split by kind, source B only as a total: adding by kind would lose B
    b = budget([CapitalPlan("CT", Y, 100, CI, CapitalKind.ANNUAL), CapitalPlan("CT", Y, 20, CI, CapitalKind.CARRIED_OVER),
                CapitalPlan("CT", Y, 50, CR)], [])
    assert BudgetTotals(b, Y).allocated("CT", None, None, None).value == 170  # type: ignore[union-attr]


def test_disbursed_takes_the_latest_cumulative_figure_on_or_before_the_day() -> None:
    b = budget([CapitalPlan("CT", Y, 1000)], [Disbursement("CT", Y, date(2023, 6, 30), 300),
                                               Disbursement("CT", Y, date(2023, 9, 30), 550)])
    t = BudgetTotals(b, Y)
    assert t.disbursed_on("CT", None, None, None, date(2023, 8, 31)).value == 300  # type: ignore[union-attr]
    assert t.disbursed_on("CT", None, None, None, date(2023, 10, 31)).value == 550  # type: ignore[union-attr]
    assert t.disbursed_on("CT", None, None, None, date(2023, 5, 31)) is None


def test_rate_verdict_forecast_and_pace_before_the_deadline() -> None:
    b = budget([CapitalPlan("CT", Y, 1000)], [Disbursement("CT", Y, date(2023, 3, 31), 100),
                                               Disbursement("CT", Y, date(2023, 6, 30), 250),
                                               Disbursement("CT", Y, date(2023, 9, 30), 400)], [ge95()])
    [row] = assess_disbursement(b, as_of=date(2023, 10, 15))
    assert (row.allocated, row.disbursed, row.rate) == (1000, 400, 40.0)
    assert row.status == "not_yet" and row.status_vi == "Chưa đạt"
    # a straight line through 10%, 25%, 40% at the quarters ends the year near 55%: short of 95%
    assert row.forecast_rate == pytest.approx(55.1, abs=0.6)
    assert row.forecast_status == "at_risk" and row.forecast_status_vi == "Khó đạt"
    # 55 points in the 92 days left: about 18 points a month
    assert row.required_per_month == pytest.approx(55 / 92 * 30.4375, rel=0.02)
    assert row.row is not None and row.row.plan_code == "CT" and row.row.org_unit is None
    assert "31/12/2023" in row.explanation and "Khó đạt".lower() in row.explanation
    assert "550 triệu đồng/tháng" in row.explanation or "triệu đồng/tháng" in row.explanation


def test_a_path_on_course_is_forecast_to_meet_the_target() -> None:
    b = budget([CapitalPlan("CT", Y, 1000)], [Disbursement("CT", Y, date(2023, 4, 30), 330),
                                               Disbursement("CT", Y, date(2023, 8, 31), 660)], [ge95()])
    [row] = assess_disbursement(b, as_of=date(2023, 9, 1))
    assert row.status == "not_yet" and row.forecast_status in ("achieved", "exceeded")
    assert row.forecast_rate is not None and 95 <= row.forecast_rate <= 100  # capped at the whole plan


def test_after_the_deadline_a_shortfall_is_not_achieved_and_a_full_rate_exceeds() -> None:
    short = budget([CapitalPlan("CT", Y, 1000)], [Disbursement("CT", Y, date(2023, 12, 31), 900)], [ge95()])
    [row] = assess_disbursement(short, as_of=date(2024, 1, 31))
    assert row.status == "not_achieved" and row.forecast_rate is None
    full = budget([CapitalPlan("CT", Y, 1000)], [Disbursement("CT", Y, date(2023, 12, 31), 990)], [ge95()])
    assert assess_disbursement(full, as_of=date(2024, 1, 31))[0].status == "exceeded"


def test_a_printed_rate_stands_when_amounts_are_missing_and_is_checked_when_they_are_not() -> None:
    stated = budget([CapitalPlan("CT", Y, 1000)], [Disbursement("CT", Y, date(2023, 10, 31), stated_rate=47.3)], [ge95()])
    [row] = assess_disbursement(stated, as_of=date(2023, 10, 31))
    assert row.rate == 47.3 and row.rate_basis == "stated" and row.disbursed is None
    both = budget([CapitalPlan("CT", Y, 1000)], [Disbursement("CT", Y, date(2023, 10, 31), 400, stated_rate=47.3)])
    [row] = assess_disbursement(both, as_of=date(2023, 10, 31))
    assert row.rate == 40.0 and row.rate_basis == "amounts" and any("47,3%" in n for n in row.notes)


def test_components_take_the_programme_target_and_a_source_target_is_more_specific() -> None:
    b = budget([], [], [ge95(), DisbursementTarget("CT", Op.GE, 90.0, "≥ 90%", source=CR),
                        DisbursementTarget("LC", Op.GE, 80.0, "≥ 80%", period=Period.year(2022))])
    assert target_for(b, "CT-DA2-TDA1", Y, None).text == "≥ 95%"  # type: ignore[union-attr]
    assert target_for(b, "CT-DA1", Y, CR).text == "≥ 90%"  # type: ignore[union-attr]
    assert target_for(b, "CT", Period.year(2022), CI).text == "≥ 95%"  # type: ignore[union-attr]
    assert target_for(b, "LC", Y, None) is None


def test_rows_per_unit_and_source_and_no_verdict_without_a_target() -> None:
    b = budget([CapitalPlan("CT-DA1", Y, 1000, CI, org_unit_code="H1"), CapitalPlan("CT-DA1", Y, 500, CR, org_unit_code="H2")],
               [Disbursement("CT-DA1", Y, date(2023, 9, 30), 600, source=CI, org_unit_code="H1")])
    rows = assess_disbursement(b, as_of=date(2023, 9, 30), root="CT")
    keys = [(r.plan_code, r.org_unit, r.source) for r in rows]
    assert ("CT", None, None) in keys and ("CT", "H1", None) in keys and ("CT-DA1", "H2", None) in keys
    assert ("CT", None, CI.value) in keys and ("CT", None, CR.value) in keys
    assert ("CT", "H1", CI.value) not in keys  # one source in the unit: its line would repeat the unit's total
    h1 = next(r for r in rows if (r.plan_code, r.org_unit, r.source) == ("CT", "H1", None))
    assert h1.rate == 60.0 and h1.status == "no_target" and h1.org_unit_name == "Huyện Một"
    assert all(r.plan_code != "LC" for r in rows)  # a resolution does not add up its programmes' money


def test_the_row_carries_the_assess_json_keys() -> None:
    b = budget([CapitalPlan("CT", Y, 1000)], [Disbursement("CT", Y, date(2023, 9, 30), 400)], [ge95()])
    data = assess_disbursement(b, as_of=date(2023, 9, 30))[0].to_dict()
    for key in ("plan_code", "org_unit", "code", "name", "target", "value", "ratio", "status", "status_vi",
                "explanation", "forecast_value", "allocated", "disbursed", "rate", "forecast_status"):
        assert key in data
    assert data["value"] == 40.0 and data["as_of"] == "2023-09-30"


def test_default_period_is_the_latest_begun() -> None:
    b = budget([CapitalPlan("CT", Period.year(2022), 1), CapitalPlan("CT", Y, 1), CapitalPlan("CT", Period.year(2024), 1)], [])
    assert default_period(b, date(2023, 10, 31)) == Y
