"""Fixtures for the bundled Lai Châu XIV dataset tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from laichau_dataset import DOCUMENT_FILES, TABLES, Rows, read_table


@pytest.fixture(scope="session")
def tables() -> dict[str, Rows]:
    return {name: read_table(name)[1] for name in TABLES}


@pytest.fixture(scope="session")
def corpus_texts(corpus_dir: Path) -> dict[str, str]:
    """Document code → full text of the corpus file it names (skips when the corpus is absent)."""
    return {code: (corpus_dir / file).read_text(encoding="utf-8") for code, file in DOCUMENT_FILES.items()}
