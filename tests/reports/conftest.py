"""Fixtures of the report tests: the document-built bundle and the bundled dataset with real assessments."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from lc_appendix import END, MID, fake_assessment, load_appendix_bundle

from chitieu.domain import PlanBundle
from chitieu.reports.appendix import AppendixTable, build_appendix


@pytest.fixture(scope="session")
def corpus_bundle(corpus_dir: Path) -> PlanBundle:
    return load_appendix_bundle(corpus_dir)


@pytest.fixture(scope="session")
def corpus_table(corpus_bundle: PlanBundle) -> AppendixTable:
    """The appendix of the document's own figures and printed verdicts."""
    return build_appendix(
        corpus_bundle, fake_assessment(corpus_bundle, MID), fake_assessment(corpus_bundle, END), as_of=2023
    )


@pytest.fixture(scope="session")
def dataset_bundle() -> PlanBundle:
    datasets = pytest.importorskip("chitieu.services.datasets")
    registry, _ = datasets.read_dataset("laichau_xiv")
    bundle = registry.contents["LC-XIV"]
    bundle.org_units = list(registry.org_units)
    return bundle


@pytest.fixture(scope="session")
def written_reports(dataset_bundle: PlanBundle, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The appendix of the bundled dataset, assessed by the engine, written once as xlsx and docx."""
    from chitieu.services.reports import write_appendix

    folder = tmp_path_factory.mktemp("reports")
    return {fmt: write_appendix(dataset_bundle, folder / f"phu-luc.{fmt}", fmt, as_of=2023) for fmt in ("xlsx", "docx")}
