"""Optimistic concurrency: a write based on an old version of a row is refused with the current value.

Every mutable row has an integer ``version`` (SQLAlchemy bumps it on each UPDATE and refuses an UPDATE
whose version changed underneath). A service that updates takes ``expected_version`` (the version the
user saw) and calls ``check_version`` first, so that the user learns who changed the row, when, and what
it says now.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.messages import ChitieuError, msg
from chitieu.store.models import EventRow


def _last_change(session: Session, entity: str, entity_id: int) -> tuple[str, str]:
    """Who changed the row last and when (from the event log), or dashes when unknown."""
    event = session.scalar(
        select(EventRow).where(EventRow.entity == entity, EventRow.entity_id == entity_id)
        .order_by(EventRow.id.desc()).limit(1)
    )
    if event is None:
        return msg("conflict_someone"), "—"
    return event.actor, event.at.strftime("%H:%M %d/%m/%Y") if event.at else "—"


def check_version(
    row: Any,
    expected_version: int | None,
    *,
    what: str,
    value: Callable[[], str],
    session: Session,
    entity: str,
) -> None:
    """``ChitieuError("conflict_stale")`` when ``expected_version`` is given and the row has moved on."""
    if expected_version is None or row.version == expected_version:
        return
    by, at = _last_change(session, entity, row.id)
    raise ChitieuError("conflict_stale", what=what, by=by, at=at, expected=expected_version, current=row.version,
                       value=value())
