"""Explicit migrations: an empty database is created at head, a behind one is refused until
``chitieu db upgrade``, an upgrade keeps every row (now in the "default" workspace), migrations go down
as well as up; SQLite runs in WAL mode with a busy timeout and says so clearly when it is busy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from typer.testing import CliRunner

from chitieu.messages import ChitieuError
from chitieu.services.database import open_database, upgrade_database
from chitieu.store.engine import alembic_config, current_revision, head_revision, make_engine


def _at_revision(url: str, revision: str) -> None:
    """A database migrated only up to ``revision`` (as an older chitieu left it)."""
    engine = make_engine(url)
    try:
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def _fill_0001(url: str) -> None:
    """Rows as revision 0001 stored them: global codes, the target edition in ``version``, claims."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO documents (code, title, kind, issuer, note) VALUES ('BC', 'Báo cáo', '', '', '')"))
        conn.execute(sa.text(
            "INSERT INTO plans (code, title, kind, number, issuer, budget_note, source_location, source_quote, "
            "source_document_id) VALUES ('NQ', 'Nghị quyết', 'resolution', '', '', '', '', '', 1)"))
        conn.execute(sa.text(
            "INSERT INTO indicators (plan_id, code, name, unit, polarity, number, position, description) "
            "VALUES (1, 'GRDP', 'Tăng trưởng', '%', 'higher_better', '1', 1, '')"))
        conn.execute(sa.text(
            "INSERT INTO targets (indicator_id, version, op, value, kind, unit, text, source_location, source_quote) "
            "VALUES (1, 'draft', '=', 9, 'level', '%', '9', '', '')"))
        conn.execute(sa.text(
            "INSERT INTO observations (indicator_id, period_start, period_end, value, op, flag, text, "
            "source_location, source_quote) VALUES (1, 2021, 2023, 6.5, '=', 'estimate', '6,5', '', '')"))
        conn.execute(sa.text(
            "INSERT INTO source_documents (file_name, sha256, kind, text_length, ingested_at) "
            "VALUES ('a.docx', 'abc', 'docx', 10, CURRENT_TIMESTAMP)"))
        conn.execute(sa.text(
            "INSERT INTO claims (document_id, kind, indicator_phrase, unit, quote, status) "
            "VALUES (1, 'result', 'GRDP', '%', 'q', 'candidate')"))
    engine.dispose()


def test_an_empty_database_is_created_at_head(database_url: str) -> None:
    with open_database(database_url) as database:
        assert current_revision(database.engine) == head_revision()
        with database.session() as s:
            assert s.execute(sa.text("SELECT code FROM workspaces")).scalars().all() == ["default"]


def test_a_database_behind_is_refused_until_upgraded(database_url: str) -> None:
    _at_revision(database_url, "0001")
    _fill_0001(database_url)
    with pytest.raises(ChitieuError) as info:
        open_database(database_url)
    assert info.value.code == "database_behind"
    assert "chitieu db upgrade" in info.value.message and "0001" in info.value.message
    done = upgrade_database(database_url)
    assert (done.before, done.after, done.changed) == ("0001", head_revision(), True)
    with open_database(database_url) as database, database.session() as s:
        ws = s.execute(sa.text("SELECT id FROM workspaces WHERE code = 'default'")).scalar_one()
        for table in ("documents", "plans", "source_documents"):
            assert s.execute(sa.text(f"SELECT workspace_id FROM {table}")).scalars().all() == [ws], table
        assert s.execute(sa.text("SELECT target_version, version FROM targets")).one() == ("draft", 1)
        assert s.execute(sa.text("SELECT value FROM observations")).scalar_one() == 6.5
        assert s.execute(sa.text("SELECT version FROM claims")).scalar_one() == 1
        plan = s.execute(sa.text("SELECT source_document_id FROM plans WHERE code = 'NQ'")).scalar_one()
        assert plan == 1  # references survive the table rebuilds
    again = upgrade_database(database_url)
    assert not again.changed


def test_codes_are_unique_per_workspace_after_the_upgrade(database_url: str) -> None:
    _at_revision(database_url, "0001")
    _fill_0001(database_url)
    upgrade_database(database_url)
    with open_database(database_url) as database, database.session() as s:
        s.execute(sa.text("INSERT INTO workspaces (code, name, settings) VALUES ('b', 'B', '{}')"))
        other = s.execute(sa.text("SELECT id FROM workspaces WHERE code = 'b'")).scalar_one()
        s.execute(sa.text(
            "INSERT INTO plans (workspace_id, code, title, kind, number, issuer, budget_note, source_location, "
            "source_quote) VALUES (:w, 'NQ', 'Khác', 'resolution', '', '', '', '', '')"), {"w": other})
    with pytest.raises(ChitieuError), open_database(database_url) as database, database.session() as s:
        s.execute(sa.text(
            "INSERT INTO plans (workspace_id, code, title, kind, number, issuer, budget_note, source_location, "
            "source_quote) VALUES (:w, 'NQ', 'Trùng', 'resolution', '', '', '', '', '')"), {"w": other})


def test_migrations_downgrade_to_empty_and_up_again(database_url: str) -> None:
    database = open_database(database_url)
    try:
        config = alembic_config()
        with database.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        with database.engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) == {"alembic_version"}
    finally:
        database.close()
    with open_database(database_url) as again, again.engine.connect() as conn:
        assert "observations" in sa.inspect(conn).get_table_names()


def test_the_cli_says_to_upgrade_and_upgrades(tmp_path: Path) -> None:
    from chitieu.cli.main import app

    url = f"sqlite:///{tmp_path / 'cu.db'}"
    _at_revision(url, "0001")
    refused = CliRunner().invoke(app, ["assess", "--db", url, "--as-of", "2023"])
    assert refused.exit_code != 0
    assert "chitieu db upgrade" in str(refused.exception) or "chitieu db upgrade" in refused.output
    upgraded = CliRunner().invoke(app, ["db", "upgrade", "--db", url])
    assert upgraded.exit_code == 0 and "0001" in upgraded.output
    current = CliRunner().invoke(app, ["db", "upgrade", "--db", url])
    assert current.exit_code == 0 and "mới nhất" in current.output


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    with open_database(tmp_path / "wal.db") as database, database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_busy_database_gives_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chitieu.store import engine as engine_module

    path = tmp_path / "ban.db"
    open_database(path).close()
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)  # do not wait 10 s in a test
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        with pytest.raises(ChitieuError) as info, open_database(path) as database, \
                database.session(write=True) as session:
            session.execute(sa.text("SELECT 1"))
        assert info.value.code == "database_busy" and "đang bận" in info.value.message
        with open_database(path) as database, database.session() as session:  # readers are never blocked
            assert session.execute(sa.text("SELECT count(*) FROM workspaces")).scalar_one() == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "khac.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE something (x INTEGER)")
    with pytest.raises(ChitieuError) as info:
        open_database(path)
    assert info.value.code == "database_foreign"
