"""Shared fixtures: database URLs (SQLite always, PostgreSQL when configured) and the shared corpus."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from service_store import Store

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CHITIEU_SHARED", REPO_ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
DOC_001 = CORPUS / "001_59c43febfd11ba0f.txt"
DOC_002 = CORPUS / "002_afab32be4bedbcb5.txt"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not present beside the repository")
    return CORPUS


def _postgres_url() -> str | None:
    return os.environ.get("CHITIEU_TEST_POSTGRES_URL") or None


def _backends() -> list[object]:
    params: list[object] = ["sqlite"]
    params.append(
        pytest.param(
            "postgres",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(_postgres_url() is None, reason="CHITIEU_TEST_POSTGRES_URL not set"),
            ],
        )
    )
    return params


@pytest.fixture(params=_backends())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'chitieu.db'}"
        return
    import sqlalchemy as sa

    base = _postgres_url()
    assert base is not None
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:  # a failure to connect here must fail the run, not skip it
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """An empty database (SQLite, and PostgreSQL when configured) with an administrator of "default"."""
    from chitieu.services.database import open_database

    database = open_database(database_url)
    try:
        yield Store(database)
    finally:
        database.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Under CI (``CI=true``) a skipped test is a failure: CI installs every tool the tests need
    (.ci/install-system-deps, PostgreSQL, the corpus beside the clone), so a skip there means a test
    that silently did not run."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if os.environ.get("CI", "").lower() == "true" and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true (CI installs what every test needs): {reason}"
