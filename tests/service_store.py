"""Calling services the way an edge does, in tests: one unit of work per call."""

from __future__ import annotations


class Store:
    """A database and an actor: ``store(service, *args)`` runs one service in one unit of work.

    Services take (session, actor, ...); tests call them the way an edge does: open a transaction,
    call, commit (or roll back when the service raises).
    """

    def __init__(self, database: object, actor: object | None = None) -> None:
        from chitieu.domain import Actor

        self.database = database
        self.actor = actor or Actor("test", role="admin")

    def __call__(self, service: object, *args: object, **kwargs: object) -> object:
        with self.database.session() as session:  # type: ignore[attr-defined]
            return service(session, self.actor, *args, **kwargs)  # type: ignore[operator]

    def as_actor(self, actor: object) -> Store:
        return Store(self.database, actor)

    def count(self, table: str) -> int:
        import sqlalchemy as sa

        with self.database.session() as s:  # type: ignore[attr-defined]
            return int(s.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())
