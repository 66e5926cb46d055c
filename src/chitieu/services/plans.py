"""Plans made by hand: ``chitieu plan create CODE --title … [--term 2025-2030]`` (a new plan, before its
document is ingested and reviewed into indicators and targets)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import Actor, Permission, PlanKind
from chitieu.domain.observations import Period
from chitieu.messages import ChitieuError
from chitieu.services.events import record_event
from chitieu.services.workspaces import workspace_id
from chitieu.store.models import PlanRow

CODE_MAX = 100


@dataclass(frozen=True, slots=True)
class PlanCreated:
    id: int
    code: str
    title: str
    term: str


def parse_term(text: str | None) -> Period | None:
    """"2025-2030" → Period(2025, 2030); None when not given; ``ChitieuError("plan_bad_term")`` otherwise."""
    if text is None or not text.strip():
        return None
    try:
        term = Period.parse(text.strip())
    except ValueError as exc:
        raise ChitieuError("plan_bad_term", value=text) from exc
    if not (1900 <= term.start <= term.end <= 2200):
        raise ChitieuError("plan_bad_term", value=text)
    return term


def create_plan(session: Session, actor: Actor, code: str, title: str, *, term: str | None = None,
                kind: str = "resolution", number: str = "", issuer: str = "") -> PlanCreated:
    """A new, empty plan of the actor's workspace; an existing code is refused (nothing is overwritten)."""
    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    code = code.strip()
    if not code or len(code) > CODE_MAX or any(c.isspace() for c in code):
        raise ChitieuError("plan_bad_code", value=code)
    if not title.strip():
        raise ChitieuError("plan_no_title", code=code)
    if kind not in {k.value for k in PlanKind}:
        raise ChitieuError("plan_bad_kind", value=kind, accepted=", ".join(k.value for k in PlanKind))
    span = parse_term(term)
    if session.scalar(select(PlanRow.id).where(PlanRow.workspace_id == ws, PlanRow.code == code)) is not None:
        raise ChitieuError("plan_code_taken", code=code, workspace=actor.workspace)
    row = PlanRow(workspace_id=ws, code=code, title=" ".join(title.split()), kind=kind, number=number.strip(),
                  issuer=issuer.strip(), term_start=span.start if span else None,
                  term_end=span.end if span else None)
    session.add(row)
    session.flush()
    record_event(session, actor, action="plan.create", entity="plan", entity_id=row.id, key=code,
                 after={"title": row.title, "kind": kind, "term": span.label() if span else None,
                        "number": row.number, "issuer": row.issuer})
    return PlanCreated(row.id, code, row.title, span.label() if span else "")
