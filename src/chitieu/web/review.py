"""Review decisions from the web: accept, reject, edit a claim, each recorded with its actor.

The review services run inside the request's transaction; the decision (who, when, via) is written on
the claim in the same transaction, so a failed accept leaves neither a target nor a half-made decision.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from chitieu.domain.actors import Actor
from chitieu.messages import ChitieuError
from chitieu.store.models import ClaimRow


class _Within:
    """A ``Database``-shaped view of an open session (services of the old signature join the transaction)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @contextmanager
    def session(self) -> Iterator[Session]:
        yield self._session
        self._session.flush()


def _record(session: Session, actor: Actor, claim_id: int, action: str, extra: dict[str, Any] | None = None) -> None:
    claim = session.get(ClaimRow, claim_id)
    if claim is None:
        raise ChitieuError("claim_not_found", id=claim_id)
    decision = {"by": actor.name, "via": actor.via, "action": action, "at": datetime.now(UTC).isoformat(), **(extra or {})}
    history = list((claim.payload or {}).get("decisions") or [])
    claim.payload = {**(claim.payload or {}), "decided_by": actor.name, "decisions": [*history, decision]}


def accept(session: Session, actor: Actor, claim_id: int, *, indicator_code: str | None, as_kind: str | None,
           period: str | None, version: str = "adopted") -> dict[str, Any]:
    from chitieu.services.ingest_review import accept_claim

    outcome = accept_claim(_Within(session), claim_id, indicator_code=indicator_code or None,  # type: ignore[arg-type]
                           as_kind=as_kind, period=period or None, version=version)
    _record(session, actor, claim_id, "accept", {"as": outcome.created, "row_id": outcome.row_id,
                                                  "indicator": outcome.indicator_code})
    return {"id": claim_id, "status": "accepted", "created": outcome.created, "row_id": outcome.row_id,
            "indicator_code": outcome.indicator_code}


def reject(session: Session, actor: Actor, claim_id: int) -> dict[str, Any]:
    from chitieu.services.ingest_review import reject_claim

    reject_claim(_Within(session), claim_id)  # type: ignore[arg-type]
    _record(session, actor, claim_id, "reject")
    return {"id": claim_id, "status": "rejected"}


def edit(session: Session, actor: Actor, claim_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    from chitieu.services.ingest_review import edit_claim

    edit_claim(_Within(session), claim_id, **changes)  # type: ignore[arg-type]
    _record(session, actor, claim_id, "edit", {"changes": changes})
    return {"id": claim_id, "status": "candidate"}
