"""The bundled dataset goes through the importer and into a database without problems."""

from __future__ import annotations

from laichau_dataset import DATASET_DIR, MAIN_PLAN

from chitieu.services.database import open_database
from chitieu.services.datasets import install_dataset, read_dataset
from chitieu.services.registry import load_bundle
from chitieu.services.transfer import read_registry
from service_store import Store


def test_importer_reads_the_dataset_without_warnings() -> None:
    registry, report = read_registry(DATASET_DIR)
    assert registry is not None
    assert [p.message for p in report.problems] == []
    assert registry.counts() == {"documents": 5, "plans": 35, "org_units": 157, "groups": 5, "indicators": 67,
                                 "targets": 106, "observations": 297, "stated_counts": 9, "capital_plans": 15,
                                 "disbursements": 6, "disbursement_targets": 2, "unit_changes": 104, "round_rules": 0, "tasks": 18}


def test_bundled_dataset_is_the_one_in_the_package() -> None:
    registry, info = read_dataset("laichau_xiv")
    assert info.path.resolve() == DATASET_DIR.resolve() and info.main_plan == MAIN_PLAN and info.demo
    assert registry.plan(MAIN_PLAN) is not None


def test_install_into_a_database(database_url: str) -> None:
    with open_database(database_url) as database:
        store = Store(database)
        installed = store(install_dataset, "laichau_xiv", path=DATASET_DIR)
        assert installed.main_plan == MAIN_PLAN
        bundle = store(load_bundle, MAIN_PLAN)
    assert len(bundle.indicators) == 56
    assert len([t for t in bundle.targets if t.version.value == "adopted"]) == 54
    forest = bundle.indicator("KT15")
    assert forest is not None and forest.name == "Tỷ lệ che phủ rừng"
