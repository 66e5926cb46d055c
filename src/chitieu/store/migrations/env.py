"""Alembic environment: run programmatically by ``chitieu.store.engine.upgrade_to_head``.

The caller passes an open connection in ``config.attributes["connection"]``; no alembic.ini is needed.
For a manual run (``alembic -x url=... upgrade head``) a URL may be given instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from chitieu.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs batch mode to alter tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database: alembic -x url=... upgrade head")
    engine = create_engine(url)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("chitieu migrations run online only")
run_migrations_online()
