"""Upserts keep row ids: a re-import updates rows matched by their codes in place, so the targets and
observations that accepted claims point to survive an export → edit → import cycle."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from test_ingest import INDICATORS, PLAN, no_text
from test_transfer import REGISTRY, write_registry

from chitieu.domain import Plan, PlanBundle
from chitieu.services.ingest import ingest_file
from chitieu.services.ingest_review import accept_claim, list_claims
from chitieu.services.registry import load_bundle, save_bundle
from chitieu.services.transfer import export_registry, import_registry
from chitieu.store.models import ClaimRow, IndicatorRow, ObservationRow, PlanRow, TargetRow
from service_store import Store


def _ids(store: Store, model: type) -> list[int]:
    with store.database.session() as s:
        return list(s.scalars(sa.select(model.id).order_by(model.id)))  # type: ignore[attr-defined]


def test_reimport_updates_in_place(store: Store, tmp_path: Path) -> None:
    store(import_registry, write_registry(tmp_path / "a"))
    before = {m: _ids(store, m) for m in (PlanRow, IndicatorRow, TargetRow, ObservationRow)}
    changed = dict(
        REGISTRY,
        targets=REGISTRY["targets"].replace("9-10,", "\"9,5-10\","),
        observations=REGISTRY["observations"].replace('"6,14"', '"6,2"'),
    )
    outcome = store(import_registry, write_registry(tmp_path / "b", changed))
    assert outcome.changes == {"target": {"created": 0, "updated": 1, "deleted": 0},
                               "observation": {"created": 0, "updated": 1, "deleted": 0}}
    assert {m: _ids(store, m) for m in before} == before
    bundle = store(load_bundle, "NQ-X")
    assert bundle.targets_of("GRDP")[0].low == 9.5


def test_rows_gone_from_the_file_stay_unless_replaced_and_new_ones_are_added(store: Store, tmp_path: Path) -> None:
    store(import_registry, write_registry(tmp_path / "a"))
    kept = _ids(store, ObservationRow)
    lines = REGISTRY["observations"].splitlines()
    fewer = dict(REGISTRY, observations="\n".join([*lines[:2], *lines[3:], "NQ-X,VL,2023,8.600,,,,,"]) + "\n")
    outcome = store(import_registry, write_registry(tmp_path / "b", fewer))  # a merge: nothing deleted
    assert outcome.changes["observation"] == {"created": 1, "updated": 0, "deleted": 0}
    merged = _ids(store, ObservationRow)
    assert set(kept) <= set(merged) and len(set(merged) - set(kept)) == 1
    outcome = store(import_registry, tmp_path / "b", replace=True, confirm=True)
    assert outcome.changes["observation"] == {"created": 0, "updated": 0, "deleted": 1}
    now = _ids(store, ObservationRow)
    assert set(merged) - set(now) == {kept[1]}


def test_accepted_claims_keep_their_links_through_export_and_import(
    store: Store, report_docx: Path, tmp_path: Path
) -> None:
    store(save_bundle, PlanBundle(plan=Plan(PLAN, "Nghị quyết thử", term_start=2020, term_end=2025), indicators=INDICATORS))
    store(ingest_file, report_docx, PLAN, extractor=no_text)
    views = store(list_claims)
    target = store(accept_claim, views[2].id)
    observation = store(accept_claim, views[3].id)
    store(export_registry, tmp_path / "xuat")
    edited = tmp_path / "xuat" / "observations.csv"
    edited.write_text(edited.read_text(encoding="utf-8-sig").replace("2134,6", "2140").replace("2.134,6", "2.140"), encoding="utf-8")
    outcome = store(import_registry, tmp_path / "xuat")
    assert outcome.written and outcome.changes["observation"]["updated"] == 1
    assert _ids(store, TargetRow) == [target.row_id] and _ids(store, ObservationRow) == [observation.row_id]
    with store.database.session() as s:
        links = [c.payload["accepted"]["id"] for c in s.scalars(sa.select(ClaimRow)) if "accepted" in (c.payload or {})]
        assert links == [target.row_id, observation.row_id]
        assert s.get(ObservationRow, observation.row_id).value == 2140  # type: ignore[union-attr]
