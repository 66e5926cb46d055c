"""Installing the bundled dataset: validates cleanly, stores every record, refreshes in place, round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from chitieu.messages import ChitieuError
from chitieu.services.database import Database, open_database
from chitieu.services.datasets import bundled_dataset_path, install_dataset, read_dataset
from chitieu.services.registry import load_bundle, load_registry
from chitieu.services.transfer import export_registry, import_registry, read_registry

TABLE_OF = {
    "documents": "documents", "plans": "plans", "org_units": "org_units", "groups": "indicator_groups",
    "indicators": "indicators", "targets": "targets", "observations": "observations",
}


@pytest.fixture
def database(database_url: str) -> Database:
    db = open_database(database_url)
    yield db  # type: ignore[misc]
    db.close()


def _stored_counts(database: Database) -> dict[str, int]:
    with database.session() as s:
        return {name: int(s.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()) for name, table in TABLE_OF.items()}


def test_bundled_dataset_is_valid() -> None:
    registry, report = read_registry(bundled_dataset_path())
    assert report.errors() == []
    assert registry is not None and registry.plan("LC-XIV") is not None


def test_install_stores_everything_and_refreshes_in_place(database: Database) -> None:
    installed = install_dataset(database)
    assert installed.main_plan == "LC-XIV"
    assert _stored_counts(database) == installed.counts
    first = load_bundle(database, "LC-XIV")
    again = install_dataset(database)  # refresh: replace, never duplicate
    assert _stored_counts(database) == again.counts == installed.counts
    assert load_bundle(database, "LC-XIV") == first


def test_dataset_round_trips_through_xlsx(database: Database, tmp_path: Path) -> None:
    install_dataset(database)
    export_registry(database, tmp_path / "laichau.xlsx", fmt="xlsx")
    with open_database(tmp_path / "copy.db") as copy:
        outcome = import_registry(copy, tmp_path / "laichau.xlsx")
        assert outcome.report.errors() == []
        assert load_bundle(copy, "LC-XIV") == load_bundle(database, "LC-XIV")
        assert load_registry(copy) == load_registry(database)


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
