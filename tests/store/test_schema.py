"""Schema and migrations: Alembic builds exactly the models, constraints hold, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from chitieu.messages import ChitieuError
from chitieu.services.database import database_url_of, default_database_url, open_database
from chitieu.store.engine import current_revision, head_revision
from chitieu.store.models import Base

EXPECTED_TABLES = {
    "documents", "plans", "org_units", "indicator_groups", "indicators", "targets", "observations",
    "source_documents", "claims", "alembic_version", "workspaces", "events", "stated_counts",
    "capital_plans", "disbursements", "disbursement_targets", "org_unit_changes", "rounds", "round_units", "round_values", "round_rules", "tasks",
    "users", "memberships", "api_tokens", "login_sessions", "stored_files", "jobs", "plan_publications",
    "summary_state", "summary_targets", "summary_counts", "summary_values",
}
DEFAULT_WS = "(SELECT id FROM workspaces WHERE code = 'default')"


def test_migrations_build_the_models_exactly(database_url: str) -> None:
    database = open_database(database_url)
    try:
        assert current_revision(database.engine) == head_revision() is not None
        with database.engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) == EXPECTED_TABLES
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        if database.dialect == "postgresql":  # everything, Alembic's table too, lives in the schema of the URL
            with database.engine.connect() as conn:
                schema = conn.execute(sa.text("SELECT current_schema()")).scalar_one()
                where = sa.text("SELECT table_schema FROM information_schema.tables WHERE table_name = 'alembic_version'")
                schemas = set(conn.execute(where).scalars())
            assert schema != "public" and schema in schemas and "public" not in schemas
    finally:
        database.close()


def test_opening_twice_keeps_data_and_revision(database_url: str) -> None:
    with open_database(database_url) as database, database.session() as s:
        s.execute(sa.text(f"INSERT INTO documents (workspace_id, code, title, kind, issuer, note) VALUES ({DEFAULT_WS}, 'D', 'T', '', '', '')"))
    with open_database(database_url) as database, database.session() as s:
        assert s.execute(sa.text("SELECT title FROM documents WHERE code = 'D'")).scalar_one() == "T"
        assert current_revision(database.engine) == head_revision()


def _insert_plan(conn: sa.Connection, code: str = "P", kind: str = "resolution") -> int:
    conn.execute(
        sa.text(
            "INSERT INTO plans (workspace_id, code, title, kind, number, issuer, budget_note, source_location, "
            f"source_quote) VALUES ({DEFAULT_WS}, :c, 't', :k, '', '', '', '', '')"
        ),
        {"c": code, "k": kind},
    )
    return int(conn.execute(sa.text("SELECT id FROM plans WHERE code = :c"), {"c": code}).scalar_one())


def _insert_indicator(conn: sa.Connection, plan_id: int, polarity: str = "higher_better") -> None:
    conn.execute(
        sa.text(
            "INSERT INTO indicators (plan_id, code, name, unit, polarity, number, position, description) "
            "VALUES (:p, 'I1', 'n', '%', :pol, '', 0, '')"
        ),
        {"p": plan_id, "pol": polarity},
    )


@pytest.mark.parametrize(
    "statement",
    [
        pytest.param(lambda c: _insert_plan(c, kind="manifesto"), id="plan-kind-check"),
        pytest.param(lambda c: _insert_indicator(c, _insert_plan(c), polarity="sideways"), id="polarity-check"),
        pytest.param(lambda c: (_insert_plan(c), _insert_plan(c)), id="unique-plan-code"),
        pytest.param(lambda c: _insert_indicator(c, 999), id="indicator-plan-foreign-key"),
        pytest.param(
            lambda c: c.execute(
                sa.text("INSERT INTO targets (indicator_id, target_version, op, kind, unit, text, source_location, source_quote) "
                        "VALUES (1, 'adopted', 'range', 'level', '', '', '', '')")
            ),
            id="target-indicator-foreign-key",
        ),
    ],
)
def test_constraints_are_enforced(database_url: str, statement: object) -> None:
    database = open_database(database_url)
    try:
        with pytest.raises(sa.exc.IntegrityError), database.engine.begin() as conn:
            statement(conn)  # type: ignore[operator]
    finally:
        database.close()


def test_range_target_check_constraint(database_url: str) -> None:
    with open_database(database_url) as database, database.engine.begin() as conn:
        _insert_indicator(conn, _insert_plan(conn))
        indicator_id = conn.execute(sa.text("SELECT id FROM indicators")).scalar_one()
        insert = sa.text(
            "INSERT INTO targets (indicator_id, target_version, op, low, high, kind, unit, text, source_location, source_quote) "
            "VALUES (:i, 'adopted', 'range', :lo, :hi, 'level', '', '', '', '')"
        )
        conn.execute(insert, {"i": indicator_id, "lo": 9, "hi": 10})
        with pytest.raises(sa.exc.IntegrityError), conn.begin_nested():
            conn.execute(insert, {"i": indicator_id, "lo": 9, "hi": None})


def test_sqlite_foreign_keys_are_on(tmp_path: Path) -> None:
    with open_database(tmp_path / "fk.db") as database, database.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar_one() == 1


def test_path_and_default_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert database_url_of(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"
    assert database_url_of("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("CHITIEU_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert default_database_url() == f"sqlite:///{tmp_path / 'chitieu.db'}"
    monkeypatch.setenv("CHITIEU_DATABASE_URL", "sqlite:///elsewhere.db")
    assert database_url_of(None) == "sqlite:///elsewhere.db"


def test_sqlite_file_in_a_missing_folder_is_a_vietnamese_error(tmp_path: Path) -> None:
    """A mistyped --db (/nonexistent/dir/x.db) creates nothing: neither the folders nor the file."""
    with pytest.raises(ChitieuError) as info:
        open_database(tmp_path / "deep" / "er" / "x.db")
    assert info.value.code == "database_folder_missing" and "không tự tạo thư mục" in info.value.message
    assert not (tmp_path / "deep").exists()
    with open_database(tmp_path / "x.db"):  # an existing folder: the file is made
        pass
    assert (tmp_path / "x.db").is_file()


def test_unreachable_server_is_a_vietnamese_error() -> None:
    with pytest.raises(ChitieuError) as info:
        open_database("postgresql+psycopg://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    assert info.value.code == "database_unreachable"
    assert "Không kết nối được" in info.value.message
    assert "secret" not in info.value.message  # passwords are never shown


def test_unknown_driver_is_a_vietnamese_error() -> None:
    with pytest.raises(ChitieuError) as info:
        open_database("nosuchdb://x/y")
    assert info.value.code == "database_unreachable"


def test_session_rolls_back_on_error(database_url: str) -> None:
    with open_database(database_url) as database:
        with pytest.raises(RuntimeError), database.session() as s:
            s.execute(sa.text(f"INSERT INTO documents (workspace_id, code, title, kind, issuer, note) VALUES ({DEFAULT_WS}, 'D', 'T', '', '', '')"))
            raise RuntimeError("boom")
        with database.session() as s:
            assert s.execute(sa.text("SELECT count(*) FROM documents")).scalar_one() == 0


def test_database_errors_become_chitieu_errors(database_url: str) -> None:
    with open_database(database_url) as database:
        with pytest.raises(ChitieuError) as info, database.session() as s:
            s.execute(sa.text(f"INSERT INTO documents (workspace_id, code, title, kind, issuer, note) VALUES ({DEFAULT_WS}, 'D', 'T', '', '', '')"))
            s.execute(sa.text("INSERT INTO documents (code, title, kind, issuer, note) VALUES ('D', 'U', '', '', '')"))
        assert info.value.code == "database_error"
        with database.session() as s:
            assert s.execute(sa.text("SELECT count(*) FROM documents")).scalar_one() == 0
