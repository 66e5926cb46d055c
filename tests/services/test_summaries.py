"""Materialised dashboard summaries: built once, then kept equal to a full rebuild by every write."""

from __future__ import annotations

import dataclasses

import pytest
import sqlalchemy as sa

from chitieu.domain import Actor
from chitieu.messages import ChitieuError
from chitieu.services.bulk_assess import SeriesKey, assess_all_plans
from chitieu.services.registry import load_bundle, save_bundle
from chitieu.services.summaries import refresh_summaries, refresh_touched, set_method
from chitieu.services.summaries_read import national_view
from chitieu.services.synth import synth_national
from chitieu.synth import national as nat

SUMMED = "CT003"  # Thu ngân sách nhà nước trên địa bàn (tỷ đồng, ≥): summed across units


def snapshot(store) -> dict[str, list[tuple[object, ...]]]:
    """Every summary row without its id (values rounded: sums in another order differ in the last bits)."""
    with store.database.session() as s:
        targets = s.execute(sa.text("SELECT plan_id, indicator_id, org_unit_id, status, value, ratio, period, latest_year "
                                    "FROM summary_targets")).all()
        counts = s.execute(sa.text("SELECT scope, plan_id, unit_id, exceeded, achieved, not_yet, not_achieved, at_risk, "
                                   "on_track, no_data, total, latest_year FROM summary_counts")).all()
        values = s.execute(sa.text("SELECT indicator_key, method, org_unit_id, year, value, basis, parts, missing, "
                                   "missing_codes FROM summary_values")).all()
    key = lambda row: tuple((x is None, str(x)) for x in row)  # noqa: E731
    return {"targets": sorted(map(tuple, targets), key=key), "counts": sorted(map(tuple, counts), key=key),
            "values": sorted(((*r[:4], None if r[4] is None else round(r[4], 6), *r[5:]) for r in values), key=key)}


@pytest.fixture
def national(store):
    store(synth_national, scale=0.01, seed=3)
    return store


def test_a_full_refresh_counts_every_target_and_sums_only_additive_indicators(national) -> None:
    with pytest.raises(ChitieuError) as err:
        national(national_view)
    assert err.value.code == "summaries_not_built"
    outcome = national(refresh_summaries)
    shape = nat.Shape.of(0.01)
    assert outcome.as_of == 2024  # the last year with actual values
    assert outcome.targets == shape.targets == national.count("summary_targets")
    bulk = national(assess_all_plans, as_of=2024)
    nation = national(national_view)
    assert nation.counts.total == shape.provinces * nat.INDICATORS_PER_PLAN
    whole_area = [r for r in bulk if r.org_unit is None]
    for status in {r.status for r in whole_area}:
        assert nation.counts.by_status[status] == sum(r.status == status for r in whole_area)
    assert len(nation.lines) == shape.provinces
    assert sum(line.below.total for line in nation.lines if line.below) == shape.communes * nat.INDICATORS_PER_PLAN
    assert {line.code for line in nation.lines} == {nat.province_code(p) for p in range(shape.provinces)}
    # values: only additive quantities; rates and shares are absent
    names = {v.name for v in nation.values}
    assert "Thu ngân sách nhà nước trên địa bàn" in names
    assert not any(n.startswith(("Tỷ lệ", "Tỷ trọng", "GRDP bình quân")) for n in names)
    # the nation's 2025 revenue is the sum of the provinces' (the hierarchy of 2025: the new provinces)
    with national.database.session() as s:
        rows = dict(s.execute(sa.text(
            "SELECT u.code, v.value FROM summary_values v JOIN org_units u ON u.id = v.org_unit_id "
            "WHERE v.name = 'Thu ngân sách nhà nước trên địa bàn' AND v.year = 2025")).all())
        bases = dict(s.execute(sa.text(
            "SELECT v.year, v.basis FROM summary_values v JOIN org_units u ON u.id = v.org_unit_id "
            "WHERE v.name = 'Thu ngân sách nhà nước trên địa bàn' AND u.code = 'VN'")).all())
    provinces = [rows[nat.province_code(p)] for p in range(shape.provinces)]
    assert rows["VN"] == pytest.approx(sum(provinces))
    # before the merges the old provinces' communes reported nothing: the nation is the sum of the new
    # provinces' series, restated on today's boundaries
    assert bases[2025] == "below" and bases[2020] == "restated"
    province = national(national_view, nat.province_code(0))
    assert province.level == "area" and province.path == []
    assert {line.code for line in province.lines} == {
        f"{nat.province_code(0)}-X{c + 1:04d}" for c in range(shape.communes) if c % shape.provinces == 0}
    commune = national(national_view, province.lines[0].code)
    assert commune.level == "unit" and len(commune.targets) == nat.INDICATORS_PER_PLAN
    assert commune.path == [(nat.province_code(0), province.name)]
    with pytest.raises(ChitieuError) as err:
        national(national_view, "KHÔNG-CÓ")
    assert err.value.code == "summaries_unit_not_found"


def test_incremental_refresh_after_writes_equals_a_full_rebuild(national) -> None:
    national(refresh_summaries)
    first = snapshot(national)
    plan = nat.plan_code(0)
    # 1. a registry save of a plan (an import, an edit): its province revenue of 2024 falls to nothing,
    #    a commune's target is raised
    bundle = national(load_bundle, plan)
    commune = f"{nat.province_code(0)}-X0001"
    bundle.observations = [dataclasses.replace(o, value=0.0) if (o.indicator_code, o.org_unit_code, o.period.end) ==
                           (SUMMED, None, 2024) else o for o in bundle.observations]
    bundle.targets = [dataclasses.replace(t, value=(t.value or 0) * 10) if (t.indicator_code, t.org_unit_code) ==
                      (SUMMED, commune) else t for t in bundle.targets]
    national(save_bundle, bundle)
    after_save = snapshot(national)
    assert after_save != first  # the write changed verdicts, counts and sums
    # 2. a single series written outside the registry (as rounds and review accept do), then its refresh
    with national.database.session() as s:
        indicator_id, unit_id = s.execute(sa.text(
            "SELECT o.indicator_id, o.org_unit_id FROM observations o JOIN indicators i ON i.id = o.indicator_id "
            "JOIN org_units u ON u.id = o.org_unit_id WHERE i.code = :c AND u.code = :u LIMIT 1"),
            {"c": SUMMED, "u": f"{nat.province_code(1)}-X0002"}).one()
        s.execute(sa.text("UPDATE observations SET value = value * 3 WHERE indicator_id = :i AND org_unit_id = :u"),
                  {"i": indicator_id, "u": unit_id})
    assert national(refresh_touched, series=[SeriesKey(indicator_id, unit_id)]) is True
    incremental = snapshot(national)
    assert incremental != after_save
    national(refresh_summaries)
    assert snapshot(national) == incremental


def test_without_built_summaries_writes_pay_nothing_and_methods_are_checked(national) -> None:
    assert national(refresh_touched, series=[SeriesKey(1, None)]) is False
    assert national.count("summary_targets") == 0
    national(refresh_summaries)
    before = national.count("summary_values")
    with pytest.raises(ChitieuError) as err:
        national(set_method, nat.plan_code(0), "CT008", "sum")  # Tỷ lệ hộ nghèo (%)
    assert err.value.code == "aggregation_sum_of_rate"
    national(set_method, nat.plan_code(0), "CT008", "mean")  # declared: the key is now averaged
    assert national.count("summary_values") > before
    with national.database.session() as s:
        assert s.execute(sa.text("SELECT DISTINCT method FROM summary_values WHERE name = 'Tỷ lệ hộ nghèo'")).all() == [("mean",)]


def test_reading_needs_a_member_of_the_workspace(national) -> None:
    national(refresh_summaries)
    with pytest.raises(ChitieuError):
        national.as_actor(Actor("x", workspace="khác", role="viewer"))(national_view)


def test_concurrent_writers_leave_one_set_of_counts(national) -> None:
    import threading
    import time

    national(refresh_summaries)
    with national.database.session() as s:
        keys = [SeriesKey(i, u) for i, u in s.execute(sa.text(
            "SELECT DISTINCT o.indicator_id, o.org_unit_id FROM observations o JOIN indicators i ON i.id = o.indicator_id "
            "JOIN plans p ON p.id = i.plan_id WHERE p.code = :p AND i.code = :c AND o.org_unit_id IS NOT NULL "
            "ORDER BY o.org_unit_id LIMIT 2"), {"p": nat.plan_code(0), "c": SUMMED}).all()]
    errors: list[BaseException] = []

    def writer(key: SeriesKey) -> None:
        try:
            with national.database.session(write=True) as session:
                session.execute(sa.text("UPDATE observations SET value = value + 1 WHERE indicator_id = :i AND org_unit_id = :u"),
                                {"i": key.indicator_id, "u": key.org_unit_id})
                refresh_touched(session, national.actor, series=[key])
                time.sleep(0.3)  # hold the transaction: the other writer overlaps it
        except BaseException as exc:  # a thread's failure is reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in keys]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with national.database.session() as s:
        doubled = s.execute(sa.text("SELECT scope, plan_id, unit_id, count(*) FROM summary_counts "
                                    "GROUP BY scope, plan_id, unit_id HAVING count(*) > 1")).all()
    assert doubled == []
    after = snapshot(national)
    national(refresh_summaries)
    assert snapshot(national) == after
