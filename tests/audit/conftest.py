"""Fixtures of the audit tests: the bundle built from the documents' numbers, and the bundled dataset."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))

from lc_appendix import add_narrative_and_drafts, add_study_table, load_appendix_bundle

from chitieu.domain import PlanBundle


@pytest.fixture(scope="session")
def document_bundle(corpus_dir: Path) -> PlanBundle:
    """Phụ lục 3 and Phụ lục 1 of 002 as printed, a few narrative figures, some 2020 draft targets."""
    bundle = load_appendix_bundle(corpus_dir)
    add_narrative_and_drafts(bundle)
    add_study_table(bundle, corpus_dir)
    return bundle


@pytest.fixture(scope="session")
def dataset_bundles() -> dict[str, PlanBundle]:
    datasets = pytest.importorskip("chitieu.services.datasets")
    registry, _ = datasets.read_dataset("laichau_xiv")
    for bundle in registry.contents.values():
        bundle.org_units = list(registry.org_units)
    return registry.contents
