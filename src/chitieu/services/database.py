"""Opening the database: URL or path, migrations to head, one transaction per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from chitieu.messages import ChitieuError
from chitieu.store.engine import make_engine, upgrade_to_head

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


@dataclass(slots=True)
class Database:
    """An open, migrated database. ``session()`` is one transaction: commit on success, rollback on error."""

    url: str
    engine: Engine
    _sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as exc:
            session.rollback()
            raise ChitieuError("database_error", reason=_short_reason(exc)) from exc
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


def open_database(db: str | os.PathLike[str] | None = None) -> Database:
    """Open ``db`` (a path, a URL, or None for the default) and upgrade its schema to the newest revision."""
    url = database_url_of(db)
    shown = display_url(url)
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(url)
    except (ArgumentError, NoSuchModuleError, ValueError, OSError) as exc:
        raise ChitieuError("database_unreachable", url=shown, reason=_short_reason(exc)) from exc
    try:
        upgrade_to_head(engine)
    except OperationalError as exc:  # cannot connect, file not writable, ...
        engine.dispose()
        raise ChitieuError("database_unreachable", url=shown, reason=_short_reason(exc)) from exc
    except SQLAlchemyError as exc:
        engine.dispose()
        raise ChitieuError("database_migration_failed", url=shown, reason=_short_reason(exc)) from exc
    return Database(url=url, engine=engine, _sessions=sessionmaker(engine, expire_on_commit=False))
