"""Which plans the public portal shows (anonymous visitors and ``chitieu publish`` see only these)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from chitieu.domain.actors import Actor, Permission
from chitieu.messages import ChitieuError
from chitieu.services.events import record_event
from chitieu.services.workspaces import workspace_id
from chitieu.store.models import PlanRow
from chitieu.store.models_web import PlanPublicationRow


def _plan(session: Session, actor: Actor, code: str, permission: Permission) -> PlanRow:
    ws = workspace_id(session, actor, permission)
    row = session.scalar(select(PlanRow).where(PlanRow.workspace_id == ws, PlanRow.code == code))
    if row is None:
        raise ChitieuError("plan_not_found", code=code)
    return row


def publish_plan(session: Session, actor: Actor, code: str) -> bool:
    """Publish ``code`` of the actor's workspace; False when it already was."""
    plan = _plan(session, actor, code, Permission.EDIT_REGISTRY)
    if session.scalar(select(PlanPublicationRow.id).where(PlanPublicationRow.plan_id == plan.id)) is not None:
        return False
    session.add(PlanPublicationRow(plan_id=plan.id, published_by=actor.name, published_at=datetime.now(UTC)))
    record_event(session, actor, action="plan.publish", entity="plan", entity_id=plan.id, key=code,
                 before={"published": False}, after={"published": True})
    session.flush()
    return True


def unpublish_plan(session: Session, actor: Actor, code: str) -> bool:
    plan = _plan(session, actor, code, Permission.EDIT_REGISTRY)
    result = session.execute(delete(PlanPublicationRow).where(PlanPublicationRow.plan_id == plan.id))
    removed = bool(getattr(result, "rowcount", 0))  # a DML result (CursorResult) counts the rows it touched
    if removed:
        record_event(session, actor, action="plan.unpublish", entity="plan", entity_id=plan.id, key=code,
                     before={"published": True}, after={"published": False})
    return removed


def published_codes(session: Session, actor: Actor) -> list[str]:
    ws = workspace_id(session, actor)
    query = (select(PlanRow.code).join(PlanPublicationRow, PlanPublicationRow.plan_id == PlanRow.id)
             .where(PlanRow.workspace_id == ws).order_by(PlanRow.id))
    return list(session.scalars(query))
