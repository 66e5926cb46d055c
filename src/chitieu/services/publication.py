"""Which plans the public portal shows (anonymous visitors and ``chitieu publish`` see only these)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from chitieu.domain.actors import Actor
from chitieu.messages import ChitieuError
from chitieu.store.models import PlanRow
from chitieu.store.models_web import PlanPublicationRow


def _plan(session: Session, code: str) -> PlanRow:
    row = session.scalar(select(PlanRow).where(PlanRow.code == code))
    if row is None:
        raise ChitieuError("plan_not_found", code=code)
    return row


def publish_plan(session: Session, actor: Actor, code: str) -> bool:
    """Publish ``code``; False when it already was."""
    plan = _plan(session, code)
    if session.scalar(select(PlanPublicationRow.id).where(PlanPublicationRow.plan_id == plan.id)) is not None:
        return False
    session.add(PlanPublicationRow(plan_id=plan.id, published_by=actor.name, published_at=datetime.now(UTC)))
    session.flush()
    return True


def unpublish_plan(session: Session, actor: Actor, code: str) -> bool:
    plan = _plan(session, code)
    return bool(session.execute(delete(PlanPublicationRow).where(PlanPublicationRow.plan_id == plan.id)).rowcount)


def published_codes(session: Session) -> list[str]:
    query = select(PlanRow.code).join(PlanPublicationRow, PlanPublicationRow.plan_id == PlanRow.id).order_by(PlanRow.id)
    return list(session.scalars(query))
