"""Reporting rounds: create, list, read, close and reopen (the office's side of collection).

A round asks units for a plan's indicators for a period. Its units are given by code; the approval
hierarchy among them is the org-unit hierarchy valid on the round's day (the end of its period:
``chitieu.domain.unit_history.hierarchy_on``), so a round of 2025 uses the units of after the reform. Every
unit reports every indicator asked unless ``assignments`` says which unit reports which (the agency in
charge, "cơ quan chủ trì", first). Services take the caller's session and an actor, check the role and record
an event per action.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chitieu.domain import Actor, Permission
from chitieu.domain.actors import Role
from chitieu.domain.rounds import ROUND_MANAGERS, RoundStatus, UnitStatus, parse_round_period, period_day
from chitieu.domain.unit_history import hierarchy_on
from chitieu.messages import ChitieuError, msg
from chitieu.services.events import record_event
from chitieu.services.workspaces import workspace_id
from chitieu.store.models import IndicatorRow, OrgUnitRow, PlanRow
from chitieu.store.models_rounds import RoundRow, RoundUnitRow, RoundValueRow
from chitieu.store.reader import plan_row, read_org_units


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class RoundUnitInfo:
    code: str
    name: str
    parent: str | None
    status: str
    comment: str
    version: int
    values: int  # values asked
    entered: int  # values written


@dataclass(frozen=True, slots=True)
class RoundInfo:
    id: int
    plan: str
    title: str
    period: str
    period_kind: str
    period_start: int
    period_end: int
    deadline: date
    status: str
    version: int
    units: list[RoundUnitInfo]
    indicators: list[str]


def require_manager(actor: Actor) -> None:
    if Role(actor.role) not in ROUND_MANAGERS:
        raise ChitieuError("round_manage_forbidden", role=actor.role)


def parse_deadline(text: str | date) -> date:
    if isinstance(text, date):
        return text
    raw = text.strip()
    try:
        if "/" in raw:
            day, month, year = (int(p) for p in raw.split("/"))
            return date(year, month, day)
        return date.fromisoformat(raw)
    except ValueError:
        raise ChitieuError("round_bad_deadline", value=text) from None


def round_row(session: Session, actor: Actor, round_id: int, permission: Permission = Permission.READ) -> RoundRow:
    ws = workspace_id(session, actor, permission)
    row = session.get(RoundRow, round_id)
    if row is None or row.workspace_id != ws:
        raise ChitieuError("round_not_found", id=round_id)
    return row


def round_unit(session: Session, round_id: int, unit_code: str) -> tuple[RoundUnitRow, OrgUnitRow]:
    found = session.execute(
        select(RoundUnitRow, OrgUnitRow).join(OrgUnitRow, RoundUnitRow.org_unit_id == OrgUnitRow.id)
        .where(RoundUnitRow.round_id == round_id, OrgUnitRow.code == unit_code)
    ).first()
    if found is None:
        raise ChitieuError("round_unit_not_found", unit=unit_code, id=round_id)
    return found[0], found[1]


def create_round(
    session: Session, actor: Actor, *, plan: str, period: str, deadline: str | date, units: Sequence[str],
    indicators: Sequence[str] | None = None, title: str = "", assignments: Mapping[str, Sequence[str]] | None = None,
    leads: Mapping[str, str] | None = None,
) -> RoundInfo:
    """A new open round. ``assignments`` (unit → indicator codes) narrows what each unit reports; ``leads``
    (indicator → unit) names the agency in charge of an indicator."""
    ws = workspace_id(session, actor, Permission.READ)
    require_manager(actor)
    plan_r = plan_row(session, ws, plan)
    if plan_r is None:
        raise ChitieuError("plan_not_found", code=plan)
    parsed = parse_round_period(period, plan_r.term_start, plan_r.term_end)
    if parsed is None:
        raise ChitieuError("round_bad_period", value=period)
    day = parse_deadline(deadline)
    wanted = list(dict.fromkeys(u.strip() for u in units if u.strip()))
    if not wanted:
        raise ChitieuError("round_no_units")
    all_units = read_org_units(session, ws)
    known = {u.code: u for u in all_units}
    unknown = [u for u in wanted if u not in known]
    if unknown:
        raise ChitieuError("round_unknown_units", units=", ".join(unknown))
    hierarchy = hierarchy_on(all_units, period_day(parsed))
    gone = [u for u in wanted if u not in hierarchy.units]
    if gone:
        raise ChitieuError("round_units_not_valid", units=", ".join(gone), day=period_day(parsed).strftime("%d/%m/%Y"))
    plan_indicators = {r.code: r.id for r in session.scalars(
        select(IndicatorRow).where(IndicatorRow.plan_id == plan_r.id).order_by(IndicatorRow.position, IndicatorRow.id))}
    asked = list(dict.fromkeys(indicators)) if indicators else list(plan_indicators)
    missing = [c for c in asked if c not in plan_indicators]
    if missing:
        raise ChitieuError("round_unknown_indicators", plan=plan, codes=", ".join(missing))
    if not asked:
        raise ChitieuError("round_no_indicators", plan=plan)
    for unit, codes in (assignments or {}).items():
        if unit not in wanted:
            raise ChitieuError("round_unknown_units", units=unit)
        stray = [c for c in codes if c not in asked]
        if stray:
            raise ChitieuError("round_unknown_indicators", plan=plan, codes=", ".join(stray))
    for code, unit in (leads or {}).items():
        if code not in asked or unit not in wanted:
            raise ChitieuError("round_bad_lead", indicator=code, unit=unit)
    row = RoundRow(workspace_id=ws, plan_id=plan_r.id, title=title or msg("round_default_title", period=parsed.label),
                   period_kind=parsed.kind.value, period_label=parsed.label, period_start=parsed.start,
                   period_end=parsed.end, deadline=day, status=RoundStatus.OPEN.value, created_at=now(),
                   created_by=actor.name)
    session.add(row)
    session.flush()
    ids = dict(session.execute(select(OrgUnitRow.code, OrgUnitRow.id).where(OrgUnitRow.workspace_id == ws)).all())
    made: dict[str, RoundUnitRow] = {}
    for code in wanted:
        made[code] = RoundUnitRow(round_id=row.id, org_unit_id=ids[code], status=UnitStatus.DRAFT.value, comment="",
                                  changed_by=actor.name, changed_at=now())
        session.add(made[code])
    session.flush()
    chosen = set(wanted)
    for code, unit_row in made.items():
        parent = next((p for p in hierarchy.path(code)[1:] if p in chosen), None)
        unit_row.parent_id = made[parent].id if parent else None
        for indicator in (assignments or {}).get(code, asked):
            session.add(RoundValueRow(round_unit_id=unit_row.id, indicator_id=plan_indicators[indicator],
                                      lead=(leads or {}).get(indicator) == code, text="", flag="actual", note="",
                                      updated_by=""))
    session.flush()
    record_event(session, actor, action="round.create", entity="round", entity_id=row.id, key=str(row.id),
                 after={"plan": plan, "period": parsed.label, "deadline": day, "units": wanted, "indicators": asked},
                 context={"round": row.id})
    return get_round(session, actor, row.id)


def get_round(session: Session, actor: Actor, round_id: int) -> RoundInfo:
    row = round_row(session, actor, round_id)
    plan_code = session.scalar(select(PlanRow.code).where(PlanRow.id == row.plan_id)) or ""
    units = session.execute(
        select(RoundUnitRow, OrgUnitRow).join(OrgUnitRow, RoundUnitRow.org_unit_id == OrgUnitRow.id)
        .where(RoundUnitRow.round_id == row.id).order_by(RoundUnitRow.id)
    ).all()
    code_of = {u.id: o.code for u, o in units}
    counts = dict(session.execute(
        select(RoundValueRow.round_unit_id, func.count()).join(RoundUnitRow)
        .where(RoundUnitRow.round_id == row.id).group_by(RoundValueRow.round_unit_id)).all())
    entered = dict(session.execute(
        select(RoundValueRow.round_unit_id, func.count()).join(RoundUnitRow)
        .where(RoundUnitRow.round_id == row.id, RoundValueRow.text != "").group_by(RoundValueRow.round_unit_id)).all())
    indicators = list(dict.fromkeys(session.scalars(
        select(IndicatorRow.code).join(RoundValueRow, RoundValueRow.indicator_id == IndicatorRow.id).join(RoundUnitRow)
        .where(RoundUnitRow.round_id == row.id).order_by(IndicatorRow.position, IndicatorRow.id))))
    return RoundInfo(
        id=row.id, plan=plan_code, title=row.title, period=row.period_label, period_kind=row.period_kind,
        period_start=row.period_start, period_end=row.period_end, deadline=row.deadline, status=row.status,
        version=row.version, indicators=indicators,
        units=[RoundUnitInfo(o.code, o.name, code_of.get(u.parent_id) if u.parent_id else None, u.status, u.comment,
                             u.version, counts.get(u.id, 0), entered.get(u.id, 0)) for u, o in units],
    )


def list_rounds(session: Session, actor: Actor) -> list[RoundInfo]:
    ws = workspace_id(session, actor)
    ids = session.scalars(select(RoundRow.id).where(RoundRow.workspace_id == ws).order_by(RoundRow.id.desc()))
    return [get_round(session, actor, i) for i in ids]


def close_round(session: Session, actor: Actor, round_id: int) -> RoundInfo:
    """Close a round: no more writes, submissions or approvals until it is reopened."""
    row = round_row(session, actor, round_id)
    require_manager(actor)
    if row.status == RoundStatus.CLOSED:
        raise ChitieuError("round_already_closed", id=round_id)
    row.status = RoundStatus.CLOSED.value
    session.flush()
    record_event(session, actor, action="round.close", entity="round", entity_id=row.id, key=str(row.id),
                 before={"status": "open"}, after={"status": "closed"}, context={"round": row.id})
    return get_round(session, actor, round_id)


def reopen_round(session: Session, actor: Actor, round_id: int, reason: str) -> RoundInfo:
    """Open a closed round again; the reason is kept in the audit trail."""
    row = round_row(session, actor, round_id)
    require_manager(actor)
    if not reason.strip():
        raise ChitieuError("round_reason_required")
    if row.status == RoundStatus.OPEN:
        raise ChitieuError("round_already_open", id=round_id)
    row.status = RoundStatus.OPEN.value
    session.flush()
    record_event(session, actor, action="round.reopen", entity="round", entity_id=row.id, key=str(row.id),
                 before={"status": "closed"}, after={"status": "open"}, reason=reason.strip(), context={"round": row.id})
    return get_round(session, actor, round_id)


def require_open(row: RoundRow) -> None:
    if row.status != RoundStatus.OPEN:
        raise ChitieuError("round_closed", id=row.id)
