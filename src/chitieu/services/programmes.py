"""Programme budgets: load, assess, and change capital plans and disbursements of a workspace.

Every function takes the caller's session and actor. Reading needs the read permission; capital plans and
targets are the registry (edit_registry); disbursement figures are reported figures (report_figures), and
an officer may report only for their own units. Each change is one event with its before → after.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.assessment.disbursement import DisbursementRow, assess_disbursement, default_period
from chitieu.domain import (
    PROGRAMME_KINDS,
    Actor,
    CapitalKind,
    CapitalPlan,
    CapitalSource,
    Disbursement,
    ObservationFlag,
    Period,
    Permission,
    Plan,
    ProgrammeBudget,
    Provenance,
)
from chitieu.messages import ChitieuError, msg
from chitieu.services.concurrency import check_version
from chitieu.services.events import record_event
from chitieu.services.registry import plan_not_found, record_changes
from chitieu.services.workspaces import workspace_id
from chitieu.store.models import OrgUnitRow, PlanRow
from chitieu.store.models_programmes import CapitalPlanRow
from chitieu.store.models_programmes import DisbursementRow as DisbursementStoreRow
from chitieu.store.programmes import BUDGET_TABLES, read_budget, write_budget
from chitieu.store.reader import read_org_units, read_plans
from chitieu.store.writer import Changes

__all__ = [
    "ProgrammeSummary",
    "assess_programmes",
    "budget_day",
    "list_programmes",
    "load_budget",
    "record_disbursement",
    "save_budget",
    "set_capital_plan",
]


@dataclass(frozen=True, slots=True)
class ProgrammeSummary:
    """A programme node as listed: the plan, its depth in the tree and how many budget rows it holds."""

    plan: Plan
    depth: int
    budget_rows: int


def load_budget(session: Session, actor: Actor) -> ProgrammeBudget:
    """Every plan of the workspace (the tree), its org units and all budget rows."""
    ws = workspace_id(session, actor)
    budget = read_budget(session, ws)
    budget.plans = read_plans(session, ws)
    budget.org_units = read_org_units(session, ws)
    return budget


def budget_day(budget: ProgrammeBudget, today: date | None = None) -> date:
    """The day a view means when none is given: the latest day of any disbursement figure, else today."""
    days = [d.as_of for d in budget.disbursements]
    return max(days) if days else (today or date.today())


def _require_plan(budget: ProgrammeBudget, code: str | None) -> None:
    if code is not None and budget.plan(code) is None:
        raise plan_not_found(code)


def list_programmes(session: Session, actor: Actor, root: str | None = None) -> list[ProgrammeSummary]:
    """Programme nodes in tree order: plans of kind programme / component / subproject, and any plan with
    budget rows (a public investment plan), with the plans above them that hold them together."""
    budget = load_budget(session, actor)
    _require_plan(budget, root)
    counts: dict[str, int] = {}
    codes = [r.plan_code for r in budget.capital_plans] + [r.plan_code for r in budget.disbursements] \
        + [r.plan_code for r in budget.targets]
    for plan_code in codes:
        counts[plan_code] = counts.get(plan_code, 0) + 1
    keep = {p.code for p in budget.plans if p.kind in PROGRAMME_KINDS or counts.get(p.code)}
    out = []
    for plan, depth in budget.tree(root):
        if plan.code in keep or any(c in keep for c in _below(budget, plan.code)):
            out.append(ProgrammeSummary(plan, depth, counts.get(plan.code, 0)))
    return out


def _below(budget: ProgrammeBudget, code: str) -> list[str]:
    return [p.code for p, _ in budget.tree(code)][1:]


def assess_programmes(
    session: Session, actor: Actor, *, as_of: date, period: Period | None = None, root: str | None = None,
    by_unit: bool = True, by_source: bool = True, unit: str | None = None,
) -> list[DisbursementRow]:
    """Allocation, disbursement rate, verdict and forecast per programme node (and unit and source)."""
    budget = load_budget(session, actor)
    _require_plan(budget, root)
    if unit is not None and all(u.code != unit for u in budget.org_units):
        raise ChitieuError("org_unit_not_found", code=unit)
    period = period or default_period(budget, as_of)
    if period is None:
        raise ChitieuError("programme_no_budget", workspace=actor.workspace)
    from chitieu.services.conventions import workspace_profile

    rows = assess_disbursement(budget, as_of=as_of, period=period, root=root, by_unit=by_unit or unit is not None,
                               by_source=by_source, profile=workspace_profile(session, actor))
    if unit is not None:
        rows = [r for r in rows if r.org_unit == unit]
    return rows


def save_budget(
    session: Session, actor: Actor, budget: ProgrammeBudget, *, tables: Iterable[str] = BUDGET_TABLES,
    plans: Iterable[Plan] = (), action: str = "programme.import", context: Mapping[str, Any] | None = None,
    replace: bool = True,
) -> Changes:
    """Store budget rows (and new programme nodes ``plans``): each plan named gets exactly the rows given
    (``replace``), or the rows given are added and updated and the others kept (a report's figures).

    Capital plans and targets are the registry (edit_registry); a save of disbursements alone needs only
    report_figures, for units the actor covers.
    """
    tables = [t for t in BUDGET_TABLES if t in set(tables)]
    registry_tables = {"capital_plans", "disbursement_targets"} & set(tables)
    permission = Permission.EDIT_REGISTRY if registry_tables or list(plans) else Permission.REPORT_FIGURES
    ws = workspace_id(session, actor, permission)
    for d in budget.disbursements:
        if not actor.covers_unit(d.org_unit_code):
            raise ChitieuError("programme_unit_forbidden", actor=actor.name, unit=d.org_unit_code or msg("whole_area"))
    changes = Changes()
    new_plans = list(plans)
    if new_plans:
        from chitieu.store.writer import write_plans

        write_plans(session, ws, new_plans, None, changes)
    write_budget(session, ws, budget, changes, tables, replace=replace)
    record_changes(session, actor, changes, action=action, context=context)
    record_event(session, actor, action=action, entity="programme_budget", key=str((context or {}).get("source", "")),
                 after={"counts": budget.counts(), "changes": changes.counts()}, context=context)
    return changes


def _ids(session: Session, ws: int, plan_code: str, unit: str | None) -> tuple[int, int | None]:
    plan_id = session.scalar(select(PlanRow.id).where(PlanRow.workspace_id == ws, PlanRow.code == plan_code))
    if plan_id is None:
        raise plan_not_found(plan_code)
    unit_id = None
    if unit is not None:
        unit_id = session.scalar(select(OrgUnitRow.id).where(OrgUnitRow.workspace_id == ws, OrgUnitRow.code == unit))
        if unit_id is None:
            raise ChitieuError("org_unit_not_found", code=unit)
    return plan_id, unit_id


def _opt(value: Any) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


def _scope_filter(model: Any, plan_id: int, unit_id: int | None, period: Period, source: CapitalSource | None,
                  kind: CapitalKind | None) -> list[Any]:
    def same(column: Any, value: Any) -> Any:
        return column.is_(None) if value is None else column == value

    return [model.plan_id == plan_id, same(model.org_unit_id, unit_id), model.period_start == period.start,
            model.period_end == period.end, same(model.source, _opt(source)), same(model.kind, _opt(kind))]


def set_capital_plan(
    session: Session, actor: Actor, plan_code: str, period: Period, amount: float, *,
    source: CapitalSource | None = None, kind: CapitalKind | None = None, unit: str | None = None,
    note: str = "", expected_version: int | None = None, provenance: Provenance | None = None,
) -> CapitalPlan:
    """Set (insert or update) one capital plan figure, in triệu đồng."""
    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    if amount < 0:
        raise ChitieuError("programme_negative_amount", value=amount)
    plan_id, unit_id = _ids(session, ws, plan_code, unit)
    row = session.scalar(select(CapitalPlanRow).where(*_scope_filter(CapitalPlanRow, plan_id, unit_id, period, source, kind)))
    key = "/".join(str(x) for x in (plan_code, unit or "", period.label(), _opt(source) or "", _opt(kind) or ""))
    before = None
    if row is None:
        row = CapitalPlanRow(plan_id=plan_id, org_unit_id=unit_id, period_start=period.start, period_end=period.end,
                             source=_opt(source), kind=_opt(kind), amount=amount, text="", note=note,
                             source_location="", source_quote="")
        session.add(row)
    else:
        check_version(row, expected_version, what=msg("what_capital_plan", key=key),
                      value=lambda: msg("money_million", amount=row.amount), session=session, entity="capital_plan")
        before = {"amount": row.amount, "note": row.note}
        row.amount, row.note = amount, note or row.note
    session.flush()
    record_event(session, actor, action="programme.capital", entity="capital_plan", entity_id=row.id, key=key,
                 before=before, after={"amount": amount, "note": row.note},
                 context={"plan": plan_code, "unit": unit, "period": period.label()})
    return CapitalPlan(plan_code, period, amount, source, kind, unit, note=row.note, provenance=provenance)


def record_disbursement(
    session: Session, actor: Actor, plan_code: str, period: Period, as_of: date, *,
    amount: float | None = None, rate: float | None = None, source: CapitalSource | None = None,
    kind: CapitalKind | None = None, unit: str | None = None, flag: ObservationFlag = ObservationFlag.ACTUAL,
    note: str = "", expected_version: int | None = None,
) -> Disbursement:
    """Record what was disbursed up to ``as_of`` (cumulative, triệu đồng) and/or the rate; an existing figure
    for the same day is updated (with ``expected_version`` a stale write is refused)."""
    ws = workspace_id(session, actor, Permission.REPORT_FIGURES)
    if not actor.covers_unit(unit):
        raise ChitieuError("programme_unit_forbidden", actor=actor.name, unit=unit or msg("whole_area"))
    if amount is None and rate is None:
        raise ChitieuError("programme_disbursement_empty")
    if amount is not None and amount < 0:
        raise ChitieuError("programme_negative_amount", value=amount)
    if rate is not None and not 0 <= rate <= 1000:
        raise ChitieuError("programme_bad_rate", value=rate)
    if as_of.year < period.start:
        raise ChitieuError("programme_day_before_period", day=as_of.isoformat(), period=period.label())
    plan_id, unit_id = _ids(session, ws, plan_code, unit)
    filters = [*_scope_filter(DisbursementStoreRow, plan_id, unit_id, period, source, kind),
               DisbursementStoreRow.as_of == as_of, DisbursementStoreRow.flag == flag.value]
    row = session.scalar(select(DisbursementStoreRow).where(*filters))
    key = "/".join(str(x) for x in (plan_code, unit or "", period.label(), _opt(source) or "", _opt(kind) or "",
                                    as_of.isoformat()))
    before = None
    if row is None:
        row = DisbursementStoreRow(plan_id=plan_id, org_unit_id=unit_id, period_start=period.start,
                                   period_end=period.end, as_of=as_of, source=_opt(source), kind=_opt(kind),
                                   amount=amount, stated_rate=rate, flag=flag.value, text="", note=note,
                                   source_location="", source_quote="")
        session.add(row)
    else:
        check_version(row, expected_version, what=msg("what_disbursement", key=key),
                      value=lambda: msg("value_disbursement", amount=row.amount, rate=row.stated_rate), session=session,
                      entity="disbursement")
        before = {"amount": row.amount, "stated_rate": row.stated_rate, "note": row.note}
        row.amount, row.stated_rate, row.note = amount, rate, note or row.note
    session.flush()
    record_event(session, actor, action="programme.disbursement", entity="disbursement", entity_id=row.id, key=key,
                 before=before, after={"amount": amount, "stated_rate": rate, "note": row.note},
                 context={"plan": plan_code, "unit": unit, "period": period.label(), "as_of": as_of.isoformat()})
    return Disbursement(plan_code, period, as_of, amount, rate, source, kind, unit, flag, note=row.note)
