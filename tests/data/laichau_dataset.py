"""Reading the bundled Lai Châu XIV dataset with the csv module only (shared by the tests in this folder)."""

from __future__ import annotations

import csv
from pathlib import Path

DATASET_DIR = Path(__file__).resolve().parents[2] / "src" / "chitieu" / "data" / "laichau_xiv"
TABLES = ("documents", "plans", "org_units", "groups", "indicators", "targets", "observations")
MAIN_PLAN = "LC-XIV"
STUDY_PLAN = "LC-XIV-QT"
DOCUMENT_FILES = {"BC-002-2023": "002_afab32be4bedbcb5.txt", "DT-001-2020": "001_59c43febfd11ba0f.txt"}

Rows = list[dict[str, str]]


def read_table(name: str) -> tuple[list[str], Rows]:
    with (DATASET_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows
