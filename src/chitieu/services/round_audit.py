"""The audit trail of a round: every change of every value (who, when, old → new, reason, source) and every
approval step, read back from the event log (nothing is ever overwritten without a trace)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import Actor
from chitieu.services.rounds import round_row
from chitieu.store.models import EventRow


def round_audit(session: Session, actor: Actor, round_id: int, *, unit: str | None = None,
                indicator: str | None = None, steps: bool = False) -> list[dict[str, Any]]:
    """Value changes of the round, oldest first: ``{actor, role, via, at, unit, indicator, old, new, flag_old,
    flag_new, note_old, note_new, reason, source}``; with ``steps`` also the approval steps (``action``
    submit/approve/return/reopen, ``indicator`` None, ``old``/``new`` the unit's states)."""
    row = round_row(session, actor, round_id)
    entities = ["round_value", "round_unit"] if steps else ["round_value"]
    query = (select(EventRow).where(EventRow.workspace_id == row.workspace_id, EventRow.entity.in_(entities),
                                    EventRow.key.like(f"{round_id}/%")).order_by(EventRow.id))
    out: list[dict[str, Any]] = []
    for e in session.scalars(query):
        context, before, after = e.context or {}, e.before or {}, e.after or {}
        item_unit, item_indicator = context.get("unit"), context.get("indicator")
        if (unit is not None and item_unit != unit) or (indicator is not None and item_indicator != indicator):
            continue
        if e.entity == "round_value":
            out.append({"actor": e.actor, "role": e.role, "via": e.via, "at": e.at.isoformat() if e.at else None,
                        "action": "value", "unit": item_unit, "indicator": item_indicator,
                        "old": before.get("text"), "new": after.get("text"),
                        "flag_old": before.get("flag"), "flag_new": after.get("flag"),
                        "note_old": before.get("note"), "note_new": after.get("note"),
                        "reason": e.reason, "source": context.get("source", "")})
        else:
            out.append({"actor": e.actor, "role": e.role, "via": e.via, "at": e.at.isoformat() if e.at else None,
                        "action": e.action.removeprefix("round."), "unit": item_unit, "indicator": None,
                        "old": before.get("status"), "new": after.get("status"), "flag_old": None, "flag_new": None,
                        "note_old": None, "note_new": None, "reason": e.reason, "source": ""})
    return out
