"""Installing the bundled dataset: validates cleanly, stores every record, refreshes in place, round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.messages import ChitieuError
from chitieu.services.database import open_database
from chitieu.services.datasets import bundled_dataset_path, install_dataset, read_dataset
from chitieu.services.registry import load_bundle, load_registry
from chitieu.services.transfer import export_registry, import_registry, read_registry
from service_store import Store

TABLE_OF = {
    "documents": "documents", "plans": "plans", "org_units": "org_units", "unit_changes": "org_unit_changes", "round_rules": "round_rules", "groups": "indicator_groups",
    "indicators": "indicators", "targets": "targets", "observations": "observations",
    "stated_counts": "stated_counts", "capital_plans": "capital_plans", "disbursements": "disbursements",
    "disbursement_targets": "disbursement_targets", "tasks": "tasks",
}
DATASET = "laichau_xiv"


def _stored_counts(store: Store) -> dict[str, int]:
    return {name: store.count(table) for name, table in TABLE_OF.items()}


def test_bundled_dataset_is_valid() -> None:
    registry, report = read_registry(bundled_dataset_path(DATASET))
    assert report.errors() == []
    assert registry is not None and registry.plan("LC-XIV") is not None


def test_install_stores_everything_and_refreshes_in_place(store: Store) -> None:
    installed = store(install_dataset, DATASET)
    assert installed.main_plan == "LC-XIV"
    assert _stored_counts(store) == installed.counts
    first = store(load_bundle, "LC-XIV")
    again = store(install_dataset, DATASET)  # refresh: replace, never duplicate
    assert _stored_counts(store) == again.counts == installed.counts
    assert store(load_bundle, "LC-XIV") == first


def test_dataset_round_trips_through_xlsx(store: Store, tmp_path: Path) -> None:
    store(install_dataset, DATASET)
    store(export_registry, tmp_path / "laichau.xlsx", fmt="xlsx")
    with open_database(tmp_path / "copy.db") as database:
        copy = Store(database)
        outcome = copy(import_registry, tmp_path / "laichau.xlsx")
        assert outcome.report.errors() == []
        assert copy(load_bundle, "LC-XIV") == store(load_bundle, "LC-XIV")
        assert copy(load_registry) == store(load_registry)


def test_unknown_dataset_name() -> None:
    with pytest.raises(ChitieuError) as info:
        bundled_dataset_path("khong_co")
    assert info.value.code == "dataset_not_found"


def test_broken_dataset_is_reported(tmp_path: Path) -> None:
    (tmp_path / "plans.csv").write_text("code,title\nP,Kế hoạch\n", encoding="utf-8")
    (tmp_path / "indicators.csv").write_text("plan_code,code,name,unit\nP,A,Chỉ tiêu,đơn vị 9z\n", encoding="utf-8")
    with pytest.raises(ChitieuError) as info:
        read_dataset("thu", tmp_path)
    assert info.value.code == "dataset_invalid"
    assert "đơn vị 9z" in info.value.message
