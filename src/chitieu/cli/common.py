"""What every command shares: the database and workspace options, the CLI actor, one unit of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from sqlalchemy.orm import Session

from chitieu.domain import DEFAULT_WORKSPACE, Actor, Role, Via
from chitieu.services.workspaces import local_user

WORKSPACE_ENV = "CHITIEU_WORKSPACE"
DB_HELP = "Tệp SQLite hoặc URL cơ sở dữ liệu (mặc định: CHITIEU_DATABASE_URL hoặc ./chitieu.db)."
WORKSPACE_HELP = "Mã không gian làm việc (một tỉnh hoặc cơ quan; mặc định: CHITIEU_WORKSPACE hoặc «default»)."


def db_option() -> str | None:
    return typer.Option(None, "--db", help=DB_HELP)  # type: ignore[no-any-return]


def workspace_option() -> str:
    return typer.Option(DEFAULT_WORKSPACE, "--workspace", envvar=WORKSPACE_ENV, help=WORKSPACE_HELP)  # type: ignore[no-any-return]


def os_user() -> str:
    """The person at the terminal, as the event log names them ("cli:lan")."""
    return f"cli:{local_user()}"


def cli_actor(workspace: str = DEFAULT_WORKSPACE) -> Actor:
    """Whoever runs the CLI owns the database file: an administrator of the chosen workspace."""
    return Actor(os_user(), workspace=workspace, role=Role.ADMIN.value, via=Via.CLI.value)


@contextmanager
def unit_of_work(db: str | None, workspace: str, *, write: bool = False) -> Iterator[tuple[Session, Actor]]:
    """Open the database and one transaction: committed when the command's block ends, else rolled back."""
    from chitieu.services.database import open_database

    with open_database(db) as database, database.session(write=write) as session:
        yield session, cli_actor(workspace)


def database_label(db: str | None) -> str:
    """The database as messages show it: a SQLite path, or the URL without its password."""
    from chitieu.services.database import database_url_of, display_url

    return display_url(database_url_of(db)).removeprefix("sqlite:///")
