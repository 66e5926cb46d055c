"""Engines and schema migrations (Alembic, run programmatically from package data).

Migrations are explicit: ``open_database`` creates the schema of an empty database, accepts one at the
newest revision and refuses one that is behind (``chitieu db upgrade`` brings it forward). SQLite runs in
WAL mode (readers never block the writer) with a busy timeout, so several processes can share a file.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000


def _sqlite_setup(foreign_keys: bool) -> Any:
    def configure(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling leaves DDL outside transactions and begins late; chitieu
        # emits BEGIN itself (see _begin_immediate) so that migrations and writes are all-or-nothing.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")  # an in-memory database answers "memory": nothing to do
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a commit no longer waits for a full sync
        cursor.close()

    return configure


SQLITE_BEGIN_OPTION = "chitieu_sqlite_begin"


def _begin(conn: Any) -> None:
    """BEGIN, or BEGIN IMMEDIATE on an engine with ``execution_options(chitieu_sqlite_begin="IMMEDIATE")``.

    A unit of work that will write takes the write lock when it starts: two writers then wait for each
    other (busy timeout) instead of one failing when it upgrades its read lock. Readers begin deferred,
    so they never wait and never block anyone (WAL).
    """
    mode = conn.get_execution_options().get(SQLITE_BEGIN_OPTION, "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def make_engine(url: str, *, foreign_keys: bool = True) -> Engine:
    """An engine for ``url``; SQLite connections get foreign keys, WAL, a busy timeout and real transactions.

    ``foreign_keys=False`` is for migrations only: SQLite recreates a table to alter it, and dropping the
    old copy with foreign keys on would cascade into the rows that refer to it.
    """
    connect_args: dict[str, Any] = {}
    if url.startswith("sqlite"):
        connect_args["timeout"] = SQLITE_BUSY_TIMEOUT_MS / 1000
    engine = create_engine(url, future=True, connect_args=connect_args)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_setup(foreign_keys))
        event.listen(engine, "begin", _begin)
    return engine


def alembic_config() -> Config:
    """An Alembic configuration pointing at the migrations shipped inside the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> list[str]:
    """Every revision of the chain, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


class SchemaState(StrEnum):
    EMPTY = "empty"  # no tables at all: create the schema at the newest revision
    CURRENT = "current"  # at the newest revision
    BEHIND = "behind"  # an older revision: run ``chitieu db upgrade``
    AHEAD = "ahead"  # a revision this chitieu does not know (a newer chitieu wrote it)
    FOREIGN = "foreign"  # tables but no revision: not a chitieu database


def schema_state(engine: Engine) -> tuple[SchemaState, str | None]:
    """Where the database stands against the migrations shipped with this chitieu, and its revision."""
    with engine.connect() as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
    if revision is None:
        return (SchemaState.EMPTY if not tables - {"alembic_version"} else SchemaState.FOREIGN), None
    if revision == head_revision():
        return SchemaState.CURRENT, revision
    if revision in known_revisions():
        return SchemaState.BEHIND, revision
    return SchemaState.AHEAD, revision


def upgrade_to_head(engine: Engine) -> tuple[str | None, str | None]:
    """Bring the schema to the newest revision in one transaction: (revision before, revision after).

    On SQLite the migration runs on its own connection with foreign keys off (tables are recreated to be
    altered) and the foreign keys are checked before the commit.
    """
    before = current_revision(engine)
    head = head_revision()
    if before == head:
        return before, head
    config = alembic_config()
    in_memory = engine.url.database in (None, "", ":memory:")
    runner = make_engine(engine.url.render_as_string(hide_password=False), foreign_keys=False) \
        if engine.dialect.name == "sqlite" and not in_memory else engine
    try:
        with runner.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"}).begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            if runner.dialect.name == "sqlite":
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"foreign keys broken by the migration: {broken[:5]}")
    finally:
        if runner is not engine:
            runner.dispose()
    return before, head
