"""Review decisions from the web: accept, reject, edit a claim, in the request's transaction.

The review services check the actor's permission, write the target or observation and record the
decision in the event log (who, when, through which channel, before → after); the claim also keeps who
decided, for the review page.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from chitieu.domain.actors import Actor
from chitieu.store.models import ClaimRow


def _mark(session: Session, actor: Actor, claim_id: int, action: str) -> None:
    claim = session.get(ClaimRow, claim_id)
    if claim is not None:
        claim.payload = {**(claim.payload or {}), "decided_by": actor.name, "decided_via": actor.via,
                         "decision": action}


def accept(session: Session, actor: Actor, claim_id: int, *, indicator_code: str | None, as_kind: str | None,
           period: str | None, version: str = "adopted") -> dict[str, Any]:
    from chitieu.services.ingest_review import accept_claim

    outcome = accept_claim(session, actor, claim_id, indicator_code=indicator_code or None, as_kind=as_kind,
                           period=period or None, version=version)
    _mark(session, actor, claim_id, "accept")
    return {"id": claim_id, "status": "accepted", "created": outcome.created, "row_id": outcome.row_id,
            "indicator_code": outcome.indicator_code}


def reject(session: Session, actor: Actor, claim_id: int) -> dict[str, Any]:
    from chitieu.services.ingest_review import reject_claim

    reject_claim(session, actor, claim_id)
    _mark(session, actor, claim_id, "reject")
    return {"id": claim_id, "status": "rejected"}


def edit(session: Session, actor: Actor, claim_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    from chitieu.services.ingest_review import edit_claim

    edit_claim(session, actor, claim_id, **changes)
    return {"id": claim_id, "status": "candidate"}
