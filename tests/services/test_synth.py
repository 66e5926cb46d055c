"""Loading the national synthetic dataset in bulk (SQLite executemany, PostgreSQL COPY)."""

from __future__ import annotations

import pytest

from chitieu.assessment import assess_bundle
from chitieu.messages import ChitieuError
from chitieu.services.bulk_assess import assess_all_plans
from chitieu.services.registry import load_bundle
from chitieu.services.synth import synth_national
from chitieu.synth import national as nat


def test_synth_loads_every_row_and_the_engines_agree_on_it(store) -> None:
    done: list[int] = []
    summary = store(synth_national, scale=0.01, seed=5, progress=done.append)
    shape = nat.Shape.of(0.01)
    assert summary.plans == store.count("plans") == shape.provinces
    assert summary.targets == store.count("targets") >= shape.targets
    assert summary.observations == store.count("observations") > shape.targets * 8
    assert store.count("org_units") == summary.org_units
    # the 2025 merges are successor links of the hierarchy (issue #9's model): every old commune has one
    assert store.count("org_unit_changes") == shape.old_provinces + shape.old_communes
    # + the document, the groups and the successor links
    assert sum(done) == summary.rows + 1 + summary.provinces * len(nat.GROUPS) + shape.old_provinces + shape.old_communes
    # the sequences moved past the given ids: an ordinary insert still works
    with store.database.session() as s:
        s.execute(__import__("sqlalchemy").text(
            "INSERT INTO documents (workspace_id, code, title, kind, issuer, note) "
            "VALUES (1, 'X', 'x', '', '', '')"))
    bulk = store(assess_all_plans, as_of=2024)
    assert len(bulk) == shape.targets  # one row per plan, unit and indicator
    bundle = store(load_bundle, nat.plan_code(1))
    rows = assess_bundle(bundle, as_of=2024)
    ours = [r for r in bulk if r.plan_code == nat.plan_code(1)]
    assert [(r.org_unit, r.code, r.status, r.ratio, r.value) for r in ours] == [
        (r.org_unit, r.code, r.status, r.ratio, r.value) for r in rows]
    assert {r.status for r in bulk} >= {"exceeded", "achieved", "not_yet"}


def test_synth_refuses_a_second_load_and_a_bad_scale(store) -> None:
    store(synth_national, scale=0.01, seed=1)
    before = store.count("observations")
    with pytest.raises(ChitieuError) as err:
        store(synth_national, scale=0.01, seed=1)
    assert err.value.code == "synth_exists"
    assert store.count("observations") == before
    with pytest.raises(ChitieuError) as err:
        store(synth_national, scale=0, seed=1)
    assert "Quy mô" in err.value.message
