"""Approval of a unit's values in a round: submit → approve (or return with a comment) → locked; reopen.

The state machine is ``chitieu.domain.rounds`` (pure); this module applies it to the store: who may act
(unit-scoped roles for their units only), at which level (the unit's approver, or the office at province
level), bottom-up (a unit is approved only when every unit below it in the round is), a reopen only when the
unit above is not approved, and a validation of the unit's values before submission (errors block, warnings
need a note: ``chitieu.services.round_checks``). Each transition records one event with its comment or reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import Actor
from chitieu.domain.rounds import UnitAction, UnitStatus, level_of, next_status
from chitieu.messages import ChitieuError, Problem, msg
from chitieu.services.events import record_event
from chitieu.services.round_values import check_may
from chitieu.services.rounds import now, require_open, round_row, round_unit
from chitieu.store.models import OrgUnitRow
from chitieu.store.models_rounds import RoundUnitRow


@dataclass(frozen=True, slots=True)
class Transition:
    round_id: int
    unit: str
    before: str
    status: str
    comment: str
    version: int
    warnings: list[Problem] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"round": self.round_id, "unit": self.unit, "before": self.before, "status": self.status,
                "comment": self.comment, "version": self.version, "warnings": [w.to_dict() for w in self.warnings]}


def _codes(session: Session, rows: list[RoundUnitRow]) -> list[str]:
    ids = [r.org_unit_id for r in rows]
    codes = dict(session.execute(select(OrgUnitRow.id, OrgUnitRow.code).where(OrgUnitRow.id.in_(ids))).all()) if ids else {}
    return [codes[r.org_unit_id] for r in rows]


def _act(session: Session, actor: Actor, round_id: int, unit_code: str, action: UnitAction, *, comment: str = "",
         expected_version: int | None = None) -> Transition:
    row = round_row(session, actor, round_id)
    check_may(actor, action, unit_code)
    unit_row, _ = round_unit(session, round_id, unit_code)
    require_open(row)
    status = UnitStatus(unit_row.status)
    target = next_status(status, action, level_of(actor))
    if target is None:
        raise ChitieuError("round_transition", action=msg(f"round_action_{action.value}"), unit=unit_code,
                           status=status.label_vi)
    if expected_version is not None and unit_row.version != expected_version:
        raise ChitieuError("conflict_stale_row")
    warnings: list[Problem] = []
    if action is UnitAction.APPROVE:
        below = list(session.scalars(select(RoundUnitRow).where(RoundUnitRow.parent_id == unit_row.id)))
        pending = [code for code, r in zip(_codes(session, below), below, strict=True) if not UnitStatus(r.status).approved]
        if pending:
            raise ChitieuError("round_children_pending", unit=unit_code, units=", ".join(pending))
    if action is UnitAction.REOPEN and unit_row.parent_id is not None:
        parent = session.get(RoundUnitRow, unit_row.parent_id)
        if parent is not None and UnitStatus(parent.status).approved:
            [parent_code] = _codes(session, [parent])
            raise ChitieuError("round_parent_approved", unit=unit_code, parent=parent_code)
    if action is UnitAction.SUBMIT or (action is UnitAction.APPROVE and status.writable):
        from chitieu.services.round_checks import check_unit

        check = check_unit(session, actor, round_id, unit_code)
        blocking = check.blocking()
        if blocking:
            shown = [p.message if p.is_error else msg("round_check_needs_note", problem=p.message) for p in blocking[:10]]
            raise ChitieuError("round_submit_blocked", unit=unit_code, problems="; ".join(shown))
        warnings = check.warnings()
    unit_row.status, unit_row.comment = target.value, comment
    unit_row.changed_by, unit_row.changed_at = actor.name, now()
    session.flush()
    if target is UnitStatus.LOCKED:
        from chitieu.services.round_publish import publish_unit

        publish_unit(session, actor, row, unit_row)
    record_event(session, actor, action=f"round.{action.value}", entity="round_unit", entity_id=unit_row.id,
                 key=f"{round_id}/{unit_code}", before={"status": status.value}, after={"status": target.value},
                 reason=comment, context={"round": round_id, "unit": unit_code})
    return Transition(round_id, unit_code, status.value, target.value, comment, unit_row.version, warnings)


def submit_unit(session: Session, actor: Actor, round_id: int, unit_code: str,
                expected_version: int | None = None) -> Transition:
    """Send the unit's values for approval (after the round's checks: errors block, warnings need a note)."""
    return _act(session, actor, round_id, unit_code, UnitAction.SUBMIT, expected_version=expected_version)


def approve_unit(session: Session, actor: Actor, round_id: int, unit_code: str, comment: str = "",
                 expected_version: int | None = None) -> Transition:
    """Approve at the actor's level: the unit's approver → approved; the office → locked (province level)."""
    return _act(session, actor, round_id, unit_code, UnitAction.APPROVE, comment=comment.strip(),
                expected_version=expected_version)


def return_unit(session: Session, actor: Actor, round_id: int, unit_code: str, comment: str,
                expected_version: int | None = None) -> Transition:
    """Send the unit's values back for correction; the comment says why (required)."""
    if not comment.strip():
        raise ChitieuError("round_comment_required")
    return _act(session, actor, round_id, unit_code, UnitAction.RETURN, comment=comment.strip(),
                expected_version=expected_version)


def reopen_unit(session: Session, actor: Actor, round_id: int, unit_code: str, reason: str,
                expected_version: int | None = None) -> Transition:
    """Open an approved or locked unit again for correction (the office; a reason is required)."""
    if not reason.strip():
        raise ChitieuError("round_reason_required")
    return _act(session, actor, round_id, unit_code, UnitAction.REOPEN, comment=reason.strip(),
                expected_version=expected_version)
