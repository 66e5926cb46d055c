"""Opening the database: URL or path, explicit migrations, one transaction per session.

``open_database`` creates the schema of an empty database and refuses one that is behind the newest
migration (``upgrade_database`` / ``chitieu db upgrade`` brings it forward). ``Database.session()`` is the
unit of work the edges open: services take that session and never commit themselves.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from chitieu.messages import ChitieuError
from chitieu.store.engine import (
    SQLITE_BEGIN_OPTION,
    SchemaState,
    head_revision,
    make_engine,
    schema_state,
    upgrade_to_head,
)

DATABASE_URL_ENV = "CHITIEU_DATABASE_URL"
DEFAULT_SQLITE_FILE = "chitieu.db"


def default_database_url() -> str:
    """``CHITIEU_DATABASE_URL`` when set, else a SQLite file ``chitieu.db`` in the current directory."""
    return os.environ.get(DATABASE_URL_ENV) or f"sqlite:///{Path.cwd() / DEFAULT_SQLITE_FILE}"


def database_url_of(db: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL for ``db``: a URL as is, a file path as a SQLite URL, None as the default."""
    if db is None or str(db) == "":
        return default_database_url()
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def display_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _short_reason(exc: BaseException) -> str:
    text = str(exc.orig) if isinstance(exc, DBAPIError) and exc.orig is not None else str(exc)
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return first[:300]


def _is_busy(exc: BaseException) -> bool:
    """SQLite's "database is locked" (another process holds the write lock past the busy timeout)."""
    return isinstance(exc, OperationalError) and "database is locked" in str(exc.orig or exc).lower()


def database_error(exc: SQLAlchemyError, url: str) -> ChitieuError:
    """The user's message for a database error: busy, a stale write, or the database's own reason."""
    if _is_busy(exc):
        return ChitieuError("database_busy", url=display_url(url))
    if isinstance(exc, StaleDataError):
        return ChitieuError("conflict_stale_row")
    return ChitieuError("database_error", reason=_short_reason(exc))


@dataclass(slots=True)
class Database:
    """An open, migrated database. ``session()`` is one transaction: commit on success, rollback on error."""

    url: str
    engine: Engine
    _sessions: sessionmaker[Session]
    _writing_sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One unit of work: commit when the block ends, roll everything back on any error.

        ``write=True`` says the unit of work will change data: on SQLite it takes the write lock at once,
        so that concurrent writers queue (busy timeout) instead of failing halfway.
        """
        session = (self._writing_sessions if write else self._sessions)()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as exc:
            session.rollback()
            raise database_error(exc, self.url) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _engine_for(url: str) -> Engine:
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).parent
            if not folder.is_dir():  # a mistyped --db must not leave new folders behind
                raise ChitieuError("database_folder_missing", path=parsed.database, folder=folder)
        return make_engine(url)
    except (ArgumentError, NoSuchModuleError, ValueError, OSError) as exc:
        raise ChitieuError("database_unreachable", url=display_url(url), reason=_short_reason(exc)) from exc


def _state(engine: Engine, url: str) -> tuple[SchemaState, str | None]:
    try:
        return schema_state(engine)
    except SQLAlchemyError as exc:  # cannot connect, file not readable, ...
        engine.dispose()
        if _is_busy(exc):
            raise ChitieuError("database_busy", url=display_url(url)) from exc
        raise ChitieuError("database_unreachable", url=display_url(url), reason=_short_reason(exc)) from exc


def _migrate(engine: Engine, url: str) -> tuple[str | None, str | None]:
    try:
        return upgrade_to_head(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        if _is_busy(exc):
            raise ChitieuError("database_busy", url=display_url(url)) from exc
        if isinstance(exc, OperationalError) and "unable to open" in str(exc).lower():
            raise ChitieuError("database_unreachable", url=display_url(url), reason=_short_reason(exc)) from exc
        raise ChitieuError("database_migration_failed", url=display_url(url), reason=_short_reason(exc)) from exc
    except Exception as exc:
        engine.dispose()
        raise ChitieuError("database_migration_failed", url=display_url(url), reason=str(exc)[:300]) from exc


def _refuse(state: SchemaState, revision: str | None, url: str) -> None:
    if state is SchemaState.BEHIND:
        raise ChitieuError("database_behind", url=display_url(url), current=revision, head=head_revision())
    if state is SchemaState.AHEAD:
        raise ChitieuError("database_ahead", url=display_url(url), current=revision, head=head_revision())
    if state is SchemaState.FOREIGN:
        raise ChitieuError("database_foreign", url=display_url(url))


def open_database(db: str | os.PathLike[str] | None = None) -> Database:
    """Open ``db`` (a path, a URL, or None for the default).

    An empty database gets the newest schema (and the "default" workspace). A database behind the newest
    migration is refused with a message telling the user to run ``chitieu db upgrade``; so is one written
    by a newer chitieu, or one that is not a chitieu database.
    """
    url = database_url_of(db)
    engine = _engine_for(url)
    state, revision = _state(engine, url)
    if state is SchemaState.EMPTY:
        _migrate(engine, url)
    elif state is not SchemaState.CURRENT:
        engine.dispose()
        _refuse(state, revision, url)
    writer = engine.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"})
    return Database(url=url, engine=engine, _sessions=sessionmaker(engine, expire_on_commit=False),
                    _writing_sessions=sessionmaker(writer, expire_on_commit=False))


@dataclass(frozen=True, slots=True)
class Upgrade:
    """What ``upgrade_database`` did: the revision before and after (equal when nothing was to do)."""

    url: str
    before: str | None
    after: str | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def upgrade_database(db: str | os.PathLike[str] | None = None) -> Upgrade:
    """Bring ``db`` to the newest migration in one transaction (an empty database is created)."""
    url = database_url_of(db)
    engine = _engine_for(url)
    try:
        state, revision = _state(engine, url)
        if state in (SchemaState.AHEAD, SchemaState.FOREIGN):
            _refuse(state, revision, url)
        if state is SchemaState.CURRENT:
            return Upgrade(url, revision, revision)
        before, after = _migrate(engine, url)
        return Upgrade(url, before, after)
    finally:
        engine.dispose()
