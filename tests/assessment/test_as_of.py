"""The one as-of rule (chitieu.assessment.as_of) and its use by assess_bundle, the audit and the appendix."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.assessment.as_of import (
    FLAG_RANK,
    comparable_target,
    judged_year,
    latest_year_with_data,
    observation_as_of,
    years_covered,
    years_in,
)
from chitieu.assessment.bundle import assess_bundle, target_quantity
from chitieu.audit import run_audit
from chitieu.domain import (
    Indicator,
    Observation,
    ObservationFlag,
    Op,
    Period,
    Plan,
    PlanBundle,
    Target,
    TargetKind,
)
from chitieu.reports.appendix import build_appendix

A, E, P, PLAN = ObservationFlag.ACTUAL, ObservationFlag.ESTIMATE, ObservationFlag.PROJECTION, ObservationFlag.PLAN


def obs(period: str, value: float | None = 1.0, flag: ObservationFlag = A, text: str = "x", verdict: str | None = None,
        op: Op = Op.EQ, code: str = "X") -> Observation:
    return Observation(code, Period.parse(period), value, op=op, flag=flag, text=text, stated_verdict=verdict)


def test_latest_period_end_wins_then_longest_span_then_most_final_flag() -> None:
    found = [obs("2022", 1), obs("2021-2023", 2, E), obs("2023", 3, A), obs("2021-2023", 4, A), obs("2024", 5, PLAN)]
    assert observation_as_of(found, 2024, deadline=2025).value == 4  # plan figures never stand for a result
    assert observation_as_of(found, 2022, deadline=2025).value == 1
    assert observation_as_of(found, 2020, deadline=2025) is None
    same = [obs("2021-2023", 1, P), obs("2021-2023", 2, E), obs("2021-2023", 3, E, verdict="Đạt")]
    assert observation_as_of(same, 2023).value == 3  # estimate over projection, the one with a verdict first
    assert observation_as_of([*same, obs("2021-2023", 9, A)], 2023).value == 9


def test_after_the_deadline_the_end_of_term_estimate_is_judged() -> None:
    found = [obs("2021-2023", 2, E), obs("2020-2025", 7, P)]
    assert judged_year(2030, 2025) == 2025 and judged_year(2024, 2025) == 2024 and judged_year(2030, None) == 2030
    assert observation_as_of(found, 2024, deadline=2025).value == 2
    assert observation_as_of(found, 2026, deadline=2025).value == 7
    assert observation_as_of(found, 2030, deadline=2025).value == 7


def test_flow_targets_ignore_the_previous_term_levels_keep_it() -> None:
    found = [obs("2016-2020", 7124, E)]
    assert observation_as_of(found, 2021, deadline=2025, kind=TargetKind.PER_YEAR, start_year=2020) is None
    assert observation_as_of(found, 2021, deadline=2025, kind=TargetKind.LEVEL, start_year=2020) is not None


def test_years_of_a_span_follow_the_term_notation() -> None:
    assert years_in(Period(2021, 2023), 2020, 2025) == 3
    assert years_in(Period(2020, 2025), 2020, 2025) == 5  # congress term: 2020 is the congress year
    assert years_in(Period(2021, 2025), 2021, 2025) == 5  # a five-year plan "giai đoạn 2021-2025"
    per_year = Target("X", Op.GT, 1000, kind=TargetKind.PER_YEAR, start_year=2020, deadline=2025, text=">1.000")
    assert years_covered(per_year, Period(2021, 2023), "đảng viên") == 3
    assert years_covered(per_year, Period(2021, 2023), "người/năm") == 1  # already a yearly figure
    assert years_covered(per_year, Period(2021, 2023), "đảng viên", Op.GT) == 1  # a bound restates the target
    assert years_covered(per_year, Period.year(2023), "đảng viên") == 1
    level = Target("X", Op.GE, 1000, start_year=2020, deadline=2025)
    assert years_covered(level, Period(2021, 2023), "đảng viên") == 1
    scaled = comparable_target(target_quantity(per_year)[0], per_year, Period(2021, 2023), "đảng viên")
    assert (scaled.years, scaled.quantity.value, scaled.quantity.op) == (3, 3000, Op.GT)


def plan_bundle(term: tuple[int, int] = (2020, 2025)) -> PlanBundle:
    b = PlanBundle(plan=Plan(code="P", title="Nghị quyết thử", term_start=term[0], term_end=term[1]))
    b.indicators += [
        Indicator(code="DV", name="Kết nạp đảng viên mới", unit="đảng viên", order=1),
        Indicator(code="RUNG", name="Tỷ lệ che phủ rừng", unit="%", order=2),
        Indicator(code="GRO", name="Tốc độ tăng trưởng GRDP", unit="%", order=3),
    ]
    b.targets += [
        Target("DV", Op.GT, 1000, kind=TargetKind.PER_YEAR, start_year=term[0], deadline=term[1], unit="đảng viên",
               text=">1.000"),
        Target("RUNG", Op.GT, 80, start_year=term[0], deadline=term[1], unit="%", text=">80"),
        Target("GRO", Op.EQ, 9, kind=TargetKind.ANNUAL_RATE, start_year=term[0], deadline=term[1], unit="%", text="9"),
    ]
    return b


def test_assess_and_audit_compare_a_yearly_target_with_a_total_alike() -> None:
    """">1.000 đảng viên/năm" against 2.840 over 2021-2023: 94,7% of three yearly targets in both commands."""
    b = plan_bundle()
    b.observations.append(Observation("DV", Period(2021, 2023), 2840, flag=E, text="2.840", stated_ratio=100,
                                      stated_verdict="Vượt"))
    row = next(r for r in assess_bundle(b, as_of=2023) if r.code == "DV")
    assert (row.ratio, row.status, row.period) == (94.7, "not_yet", "2021-2023")
    assert "× 3 năm" in row.basis
    ratio_finding = next(f for f in run_audit(b) if f.code == "ratio_mismatch")
    assert ratio_finding.expected == "94,7%"
    assert any(f.code == "verdict_inconsistent" for f in run_audit(b))  # "Vượt" printed for 94,7%


def test_as_of_a_year_without_a_figure_uses_the_latest_one_and_shows_its_period() -> None:
    """2024 with only the 2021-2023 figures: not "Chưa có số liệu" — the 2021-2023 figures, said so."""
    b = plan_bundle()
    b.observations += [obs("2021-2023", 80, E, text=">80", op=Op.GT, code="RUNG"),
                       obs("2021-2023", 7.5, E, text="7,5", code="GRO"),
                       obs("2021", 5, A, text="5", code="GRO"), obs("2022", 10, A, text="10", code="GRO")]
    rows = {r.code: r for r in assess_bundle(b, as_of=2024)}
    assert rows["RUNG"].status != "no_data" and rows["RUNG"].period == "2021-2023"
    assert rows["GRO"].value == 7.5 and rows["GRO"].period == "2021-2023"  # the span, not an average of years
    assert rows["DV"].status == "no_data"


def test_after_the_deadline_assess_judges_the_end_of_term_estimate_as_final() -> None:
    b = plan_bundle()
    b.observations += [obs("2021-2023", 50, E, text="50", code="GRO"), obs("2020-2025", 9.2, P, text="9,2", code="GRO")]
    for year in (2026, 2030):
        row = next(r for r in assess_bundle(b, as_of=year) if r.code == "GRO")
        assert (row.period, row.value, row.stage, row.status) == ("2020-2025", 9.2, "final", "exceeded")


def test_yearly_values_of_a_rate_are_averaged_over_the_term_so_far() -> None:
    b = plan_bundle()
    b.observations += [obs("2020", 1, A, code="GRO"), obs("2021", 8, A, code="GRO"), obs("2022", 10, A, code="GRO")]
    row = next(r for r in assess_bundle(b, as_of=2022) if r.code == "GRO")
    assert (row.value, row.period) == (9, "2021-2022")  # 2020 is the congress year, not the term


def test_appendix_blocks_are_named_after_the_periods_judged() -> None:
    b = plan_bundle((2025, 2030))
    b.observations += [obs("2026", 6, A, text="6", code="GRO"), obs("2026", 85, A, text="85", code="RUNG")]
    table = build_appendix(b, assess_bundle(b, as_of=2026), assess_bundle(b, forecast=True), as_of=2026)
    assert table.midterm_block.title == "Ước thực hiện năm 2026"
    assert table.final_block.title == "Ước thực hiện giai đoạn 2025 - 2030"
    assert latest_year_with_data(b.observations) == 2026
    b.observations.append(obs("2026-2027", 7, E, text="7", code="GRO"))
    b.observations.append(obs("2026-2027", 86, E, text="86", code="RUNG"))
    table = build_appendix(b, assess_bundle(b, as_of=2027), assess_bundle(b, forecast=True), as_of=2027)
    assert (table.midterm_block.start, table.midterm_block.end) == (2026, 2027)


FLAGS = st.sampled_from([A, E, P, PLAN])


@st.composite
def observations(draw: st.DrawFn) -> list[Observation]:
    out = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(2015, 2030))
        end = draw(st.integers(start, min(start + 6, 2031)))
        value = draw(st.one_of(st.none(), st.floats(0, 100)))
        text = draw(st.sampled_from(["", "5", "Hoàn thành"]))
        out.append(Observation("X", Period(start, end), value, flag=draw(FLAGS), text=text,
                               stated_verdict=draw(st.sampled_from([None, "Đạt"]))))
    return out


@settings(max_examples=150, deadline=None)
@given(observations(), st.integers(2016, 2035), st.one_of(st.none(), st.integers(2020, 2030)),
       st.sampled_from(list(TargetKind)))
def test_the_rule_as_stated(found: list[Observation], as_of: int, deadline: int | None, kind: TargetKind) -> None:
    """The chosen observation is what the documented rule says, written out plainly (the set-based engine's spec)."""
    start = 2020
    chosen = observation_as_of(found, as_of, deadline=deadline, kind=kind, start_year=start)
    year = min(as_of, deadline) if deadline is not None else as_of
    first = (start + 1 if deadline is not None and deadline - start == 5 else start) if kind is not TargetKind.LEVEL else None
    usable = [o for o in found if o.flag is not PLAN and (o.value is not None or o.text) and o.period.end <= year
              and (first is None or o.period.end >= first)]
    if not usable:
        assert chosen is None
        return
    assert chosen is not None
    latest = max(o.period.end for o in usable)
    assert chosen.period.end == latest
    same_end = [o for o in usable if o.period.end == latest]
    assert chosen.period.start == min(o.period.start for o in same_end)
    same_period = [o for o in same_end if o.period == chosen.period]
    assert FLAG_RANK[chosen.flag] == min(FLAG_RANK[o.flag] for o in same_period)
    best = [o for o in same_period if o.flag is chosen.flag]
    if any(o.stated_verdict for o in best):
        assert chosen.stated_verdict is not None
    assert chosen is next(o for o in best if (o.stated_verdict is None) == (chosen.stated_verdict is None))
