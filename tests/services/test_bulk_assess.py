"""The set-based assessment (services/bulk_assess) against the row engine (assessment.assess_bundle).

A hypothesis property test generates plans with whole-area and per-unit targets in several editions and
observations of every shape (years and spans, flags, bounds, booleans, missing values, stated verdicts,
change words), stores them, and compares every field the bulk rows carry with the row engine's rows.
"""

from __future__ import annotations

from dataclasses import asdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from chitieu.assessment import AssessmentRow, assess_bundle
from chitieu.domain import (
    Actor,
    Indicator,
    Observation,
    ObservationFlag,
    Op,
    OrgUnit,
    Period,
    Plan,
    PlanBundle,
    Polarity,
    Target,
    TargetKind,
)
from chitieu.domain.targets import TargetVersion
from chitieu.services.bulk_assess import (
    SeriesKey,
    assess_all_plans,
    iter_assess_all_plans,
    series_of_observation,
)
from chitieu.services.bulk_judge import rows_of
from chitieu.services.registry import load_bundle, save_bundle, save_org_units

SKIPPED = {"explanation", "value_text"}  # the bulk rows leave the sentence and the formatted value out
UNITS = ("X01", "X02")
NAMES = ("Tỷ lệ hộ nghèo", "Tốc độ tăng trưởng GRDP", "Tỷ trọng công nghiệp", "Số lao động có việc làm",
         "Tỷ lệ che phủ rừng", "Diện tích trồng rừng")
UNIT_WORDS = ("%", "tỷ đồng", "người", "ha", "")


def _compare(bulk: list, rows: list) -> None:
    assert [(r.plan_code, r.org_unit, r.code) for r in bulk] == [(r.plan_code, r.org_unit, r.code) for r in rows]
    for b, r in zip(bulk, rows, strict=True):
        got = {k: v for k, v in asdict(b).items() if k not in SKIPPED}
        want = {k: v for k, v in asdict(r).items() if k not in SKIPPED}
        assert got == want, (b.code, b.org_unit)


numbers = st.one_of(st.none(), st.floats(min_value=-5, max_value=5000, allow_nan=False).map(lambda v: round(v, 2)))


@st.composite
def targets(draw: st.DrawFn, code: str, unit: str | None) -> list[Target]:
    out = []
    for version in draw(st.lists(st.sampled_from(list(TargetVersion)), min_size=1, max_size=3, unique=True)):
        op = draw(st.sampled_from([Op.EQ, Op.GT, Op.GE, Op.LT, Op.LE, Op.RANGE, Op.DONE]))
        kind = draw(st.sampled_from(list(TargetKind)))
        value = low = high = None
        if op is Op.RANGE:
            low = draw(st.floats(min_value=0.1, max_value=100).map(lambda v: round(v, 1)))
            high = round(low + draw(st.floats(min_value=0, max_value=20)), 1)
        elif op is not Op.DONE:
            value = draw(st.floats(min_value=-2, max_value=3000).map(lambda v: round(v, 1)))
        text = draw(st.sampled_from(["", "giảm 2", "tăng 5%", "9-10", "≥ 95,5", "Hoàn thành"]))
        base = draw(st.one_of(st.none(), st.tuples(st.integers(2018, 2022), st.floats(0, 500).map(lambda v: round(v, 2)))))
        out.append(Target(
            indicator_code=code, op=op, value=value, low=low, high=high, kind=kind, version=version, text=text,
            deadline=draw(st.sampled_from([None, 2025, 2030])), start_year=draw(st.sampled_from([None, 2021, 2023])),
            unit=draw(st.sampled_from(["", "%"])), baseline_year=base[0] if base else None,
            baseline_value=base[1] if base else None, org_unit_code=unit,
        ))
    return out


@st.composite
def observations(draw: st.DrawFn, code: str, unit: str | None) -> list[Observation]:
    out, seen = [], set()
    for _ in range(draw(st.integers(0, 9))):
        end = draw(st.integers(2019, 2026))
        start = end - draw(st.sampled_from([0, 0, 0, 2, 4]))
        flag = draw(st.sampled_from(list(ObservationFlag)))
        if (start, end, flag) in seen:
            continue
        seen.add((start, end, flag))
        op = draw(st.sampled_from([Op.EQ, Op.EQ, Op.EQ, Op.GT, Op.LE, Op.DONE]))
        value = draw(numbers) if op is not Op.DONE else draw(st.sampled_from([0.0, 1.0]))
        text = draw(st.sampled_from(["", "", "tăng 3%", "giảm 1,2", "Hoàn thành", "Cơ bản hoàn thành"]))
        if op is Op.DONE and not text:
            text = "Hoàn thành" if value else "Chưa hoàn thành"
        out.append(Observation(indicator_code=code, period=Period(start, end), value=value, op=op, org_unit_code=unit,
                               flag=flag, text=text, stated_verdict=draw(st.sampled_from([None, None, "Đạt", "Không đạt"]))))
    return out


@st.composite
def bundles(draw: st.DrawFn) -> PlanBundle:
    term = draw(st.sampled_from([(2021, 2025), (None, None), (2020, 2030)]))
    plan = Plan(code="P1", title="Kế hoạch thử", term_start=term[0], term_end=term[1])
    indicators, ts, obs = [], [], []
    for n in range(draw(st.integers(1, 3))):
        code = f"C{n}"
        polarity = draw(st.sampled_from(list(Polarity)))
        indicators.append(Indicator(code=code, name=draw(st.sampled_from(NAMES)), unit=draw(st.sampled_from(UNIT_WORDS)),
                                    polarity=polarity, plan_code="P1", order=draw(st.integers(0, 3)), number=str(n)))
        for unit in draw(st.lists(st.sampled_from([None, *UNITS]), min_size=1, max_size=3, unique=True)):
            ts += draw(targets(code, unit))
            obs += draw(observations(code, unit))
    return PlanBundle(plan=plan, indicators=indicators, targets=ts, observations=obs)


@pytest.mark.parametrize("as_of", [2023, 2025])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bundle=bundles())
def test_bulk_rows_agree_with_the_row_engine(store, bundle: PlanBundle, as_of: int) -> None:
    store(save_org_units, [OrgUnit(code, f"Xã {code}") for code in UNITS])
    store(save_bundle, bundle)
    rows = assess_bundle(store(load_bundle, "P1"), as_of=as_of)
    _compare(store(assess_all_plans, as_of=as_of), rows)
    _compare(store(assess_all_plans, as_of=as_of, engine="rows"), rows)
    _compare(store(_one_plan_at_a_time, as_of=as_of), rows)


def _one_plan_at_a_time(session: Session, actor: Actor, *, as_of: int) -> list[AssessmentRow]:
    """The batches of iter_assess_all_plans, one plan each (the smallest batch), joined."""
    return [r for part in iter_assess_all_plans(session, actor, as_of=as_of, batch=1) for r in rows_of(part.columns)]


def test_only_the_series_a_write_touches_are_reassessed(store) -> None:
    bundle = PlanBundle(
        plan=Plan(code="P1", title="Kế hoạch", term_start=2021, term_end=2025),
        indicators=[Indicator(code="A", name="Tỷ lệ che phủ rừng", unit="%", plan_code="P1"),
                    Indicator(code="B", name="Thu ngân sách", unit="tỷ đồng", plan_code="P1", order=1)],
        targets=[Target("A", Op.GE, 50.0, unit="%"), Target("A", Op.GE, 40.0, unit="%", org_unit_code="X01"),
                 Target("B", Op.EQ, 900.0, kind=TargetKind.LEVEL)],
        observations=[Observation("A", Period(2024, 2024), 51.0), Observation("A", Period(2024, 2024), 30.0, org_unit_code="X01"),
                      Observation("B", Period(2024, 2024), 800.0)],
    )
    store(save_org_units, [OrgUnit("X01", "Xã 1")])
    store(save_bundle, bundle)
    everything = store(assess_all_plans, as_of=2024)
    assert [(r.code, r.org_unit, r.status) for r in everything] == [
        ("A", None, "exceeded"), ("A", "X01", "not_yet"), ("B", None, "not_yet")]
    with store.database.session() as s:
        obs_id = s.execute(__import__("sqlalchemy").text(
            "SELECT o.id FROM observations o JOIN org_units u ON u.id = o.org_unit_id")).scalar_one()
        key = series_of_observation(s, obs_id)
    assert key is not None and key.org_unit_id is not None
    touched = store(assess_all_plans, as_of=2024, keys=[key])
    assert [(r.code, r.org_unit, r.status) for r in touched] == [("A", "X01", "not_yet")]
    assert store(assess_all_plans, as_of=2024, keys=[SeriesKey(key.indicator_id, None)])[0].org_unit is None
