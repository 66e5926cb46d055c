"""Store and read programme budgets (capital plans, disbursements, disbursement targets) of a workspace.

Writes are upserts inside the caller's transaction that keep row ids: rows are matched by their business
key (plan, unit, period, source, kind; a disbursement also by its day and flag; a target by plan, period
and source). For every plan the new data names, that plan's rows become exactly the new ones (matched rows
updated in place, the rest inserted, rows no longer there deleted); other plans are left alone. Each change
is collected for the event log, with codes rather than internal ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import (
    CapitalKind,
    CapitalPlan,
    CapitalSource,
    Disbursement,
    DisbursementTarget,
    ObservationFlag,
    Op,
    Period,
    ProgrammeBudget,
    Provenance,
)
from chitieu.messages import ChitieuError
from chitieu.store.models import DocumentRow, OrgUnitRow, PlanRow
from chitieu.store.models_programmes import CapitalPlanRow, DisbursementRow, DisbursementTargetRow
from chitieu.store.upserts import (
    Changes,
    CodeIds,
    business_key,
    delete_row,
    provenance_columns,
    shown,
    upsert,
)

BUDGET_TABLES = ("capital_plans", "disbursements", "disbursement_targets")


def _opt(value: Any) -> str | None:
    return None if value is None else str(value.value if hasattr(value, "value") else value)


def _plan_id(ids: CodeIds, plan_code: str, what: str) -> int:
    plan_id = ids.plans.get(plan_code)
    if plan_id is None:
        raise ChitieuError("bundle_unknown_reference", plan=plan_code, what=what, ref=plan_code)
    return plan_id


def _unit_id(ids: CodeIds, plan_code: str, unit: str | None, what: str) -> int | None:
    if unit is None:
        return None
    found = ids.org_units.get(unit)
    if found is None:
        raise ChitieuError("bundle_unknown_reference", plan=plan_code, what=what, ref=unit)
    return found


def _replace(
    session: Session,
    stored: Sequence[Any],
    wanted: Sequence[Any],
    *,
    row_key: Callable[[Any], tuple[object, ...]],
    item_key: Callable[[Any], tuple[object, ...]],
    values: Callable[[Any], dict[str, Any]],
    make: Callable[[], Any],
    entity: str,
    shown_key: Callable[[Any], str],
    snapshot: Callable[[Any], dict[str, Any]],
    show: Callable[[dict[str, Any]], dict[str, Any]],
    changes: Changes,
    replace: bool = True,
) -> None:
    """Rows of one table become ``wanted``: matched by key in place, new ones inserted, the rest deleted
    (with ``replace``; without it the rest are kept: a report adds and updates, it does not remove)."""
    pool: dict[tuple[object, ...], list[Any]] = {}
    for row in stored:
        pool.setdefault(row_key(row), []).append(row)
    pairs = [(pool[k].pop(0) if pool.get(k := item_key(item)) else None, item) for item in wanted]
    for rows in pool.values() if replace else ():
        for row in rows:
            delete_row(session, row, changes, entity, shown_key(row), snapshot(row))
    session.flush()
    for row, item in pairs:
        upsert(row, make, values(item), session=session, changes=changes, entity=entity,
                key=business_key(*item_key(item)), show=show)
    session.flush()


def write_budget(
    session: Session, workspace_id: int, budget: ProgrammeBudget, changes: Changes,
    tables: Iterable[str] = BUDGET_TABLES, *, replace: bool = True,
) -> None:
    """Store the budget rows of ``tables``: each plan named there gets exactly the rows given for it (with
    ``replace``), or the rows given are added and updated, the others kept (without)."""
    ids = CodeIds(session, workspace_id)
    unit_code = {i: c for c, i in ids.org_units.items()}
    plan_code = {i: c for c, i in ids.plans.items()}
    tables = set(tables)
    show = lambda v: shown(v, ids, {"org_unit_id": unit_code.get, "plan_id": plan_code.get})  # noqa: E731
    if "capital_plans" in tables:
        _write_capital_plans(session, ids, budget.capital_plans, unit_code, show, changes, replace)
    if "disbursements" in tables:
        _write_disbursements(session, ids, budget.disbursements, unit_code, show, changes, replace)
    if "disbursement_targets" in tables:
        _write_targets(session, ids, budget.targets, show, changes, replace)


def _stored(session: Session, model: Any, plan_ids: Iterable[int]) -> list[Any]:
    plan_ids = list(plan_ids)
    if not plan_ids:
        return []
    return list(session.scalars(select(model).where(model.plan_id.in_(plan_ids)).order_by(model.id)))


def _write_capital_plans(
    session: Session, ids: CodeIds, wanted: list[CapitalPlan], unit_code: dict[int, str],
    show: Callable[[dict[str, Any]], dict[str, Any]], changes: Changes,
    replace: bool = True,
) -> None:
    plan_ids = {_plan_id(ids, c.plan_code, "kế hoạch vốn") for c in wanted}
    code_of = {i: c for c, i in ids.plans.items()}

    def row_key(r: CapitalPlanRow) -> tuple[object, ...]:
        return (code_of.get(r.plan_id), unit_code.get(r.org_unit_id) if r.org_unit_id else None,
                Period(r.period_start, r.period_end).label(), r.source, r.kind)

    def item_key(c: CapitalPlan) -> tuple[object, ...]:
        return (c.plan_code, c.org_unit_code, c.period.label(), _opt(c.source), _opt(c.kind))

    def values(c: CapitalPlan) -> dict[str, Any]:
        return {
            "plan_id": ids.plans[c.plan_code], "org_unit_id": _unit_id(ids, c.plan_code, c.org_unit_code, "kế hoạch vốn"),
            "period_start": c.period.start, "period_end": c.period.end, "source": _opt(c.source), "kind": _opt(c.kind),
            "amount": c.amount, "text": c.text, "note": c.note, **provenance_columns(ids, c.provenance, changes),
        }

    _replace(session, _stored(session, CapitalPlanRow, plan_ids), wanted, row_key=row_key, item_key=item_key,
             values=values, make=CapitalPlanRow, entity="capital_plan", shown_key=lambda r: business_key(*row_key(r)),
             snapshot=lambda r: {"amount": r.amount, "text": r.text}, show=show, changes=changes, replace=replace)


def _write_disbursements(
    session: Session, ids: CodeIds, wanted: list[Disbursement], unit_code: dict[int, str],
    show: Callable[[dict[str, Any]], dict[str, Any]], changes: Changes,
    replace: bool = True,
) -> None:
    plan_ids = {_plan_id(ids, d.plan_code, "giải ngân") for d in wanted}
    code_of = {i: c for c, i in ids.plans.items()}

    def row_key(r: DisbursementRow) -> tuple[object, ...]:
        return (code_of.get(r.plan_id), unit_code.get(r.org_unit_id) if r.org_unit_id else None,
                Period(r.period_start, r.period_end).label(), r.source, r.kind, r.as_of.isoformat(), r.flag)

    def item_key(d: Disbursement) -> tuple[object, ...]:
        return (d.plan_code, d.org_unit_code, d.period.label(), _opt(d.source), _opt(d.kind), d.as_of.isoformat(),
                d.flag.value)

    def values(d: Disbursement) -> dict[str, Any]:
        return {
            "plan_id": ids.plans[d.plan_code], "org_unit_id": _unit_id(ids, d.plan_code, d.org_unit_code, "giải ngân"),
            "period_start": d.period.start, "period_end": d.period.end, "as_of": d.as_of, "source": _opt(d.source),
            "kind": _opt(d.kind), "amount": d.amount, "stated_rate": d.stated_rate, "flag": d.flag.value,
            "text": d.text, "note": d.note, **provenance_columns(ids, d.provenance, changes),
        }

    _replace(session, _stored(session, DisbursementRow, plan_ids), wanted, row_key=row_key, item_key=item_key,
             values=values, make=DisbursementRow, entity="disbursement", shown_key=lambda r: business_key(*row_key(r)),
             snapshot=lambda r: {"amount": r.amount, "stated_rate": r.stated_rate}, show=show, changes=changes,
             replace=replace)


def _write_targets(
    session: Session, ids: CodeIds, wanted: list[DisbursementTarget], show: Callable[[dict[str, Any]], dict[str, Any]],
    changes: Changes, replace: bool = True,
) -> None:
    plan_ids = {_plan_id(ids, t.plan_code, "mục tiêu giải ngân") for t in wanted}
    code_of = {i: c for c, i in ids.plans.items()}

    def row_key(r: DisbursementTargetRow) -> tuple[object, ...]:
        period = Period(r.period_start, r.period_end).label() \
            if r.period_start is not None and r.period_end is not None else None
        return (code_of.get(r.plan_id), period, r.source)

    def item_key(t: DisbursementTarget) -> tuple[object, ...]:
        return (t.plan_code, t.period.label() if t.period else None, _opt(t.source))

    def values(t: DisbursementTarget) -> dict[str, Any]:
        return {
            "plan_id": ids.plans[t.plan_code], "period_start": t.period.start if t.period else None,
            "period_end": t.period.end if t.period else None, "source": _opt(t.source), "op": t.op.value,
            "value": t.value, "low": t.low, "high": t.high, "text": t.text, "deadline": t.deadline,
            **provenance_columns(ids, t.provenance, changes),
        }

    _replace(session, _stored(session, DisbursementTargetRow, plan_ids), wanted, row_key=row_key,
             item_key=item_key, values=values, make=DisbursementTargetRow, entity="disbursement_target",
             shown_key=lambda r: business_key(*row_key(r)), snapshot=lambda r: {"text": r.text}, show=show, changes=changes,
             replace=replace)


# -- reading ---------------------------------------------------------------------------------------------


def _source_of(row: Any, documents: dict[int, str]) -> Provenance | None:
    if row.source_document_id is None:
        return None
    return Provenance(documents[row.source_document_id], row.source_location, row.source_quote,
                      row.source_page, row.source_start, row.source_end)


def _enum(enum: Any, value: str | None) -> Any:
    return None if value is None else enum(value)


def read_budget(session: Session, workspace_id: int, plan_codes: Iterable[str] | None = None) -> ProgrammeBudget:
    """The budget rows of the workspace's plans (or of ``plan_codes``), in storage order; ``plans`` and
    ``org_units`` are left for the caller to fill."""
    plans = dict(session.execute(select(PlanRow.id, PlanRow.code).where(PlanRow.workspace_id == workspace_id)).all())
    if plan_codes is not None:
        wanted = set(plan_codes)
        plans = {i: c for i, c in plans.items() if c in wanted}
    units = dict(session.execute(select(OrgUnitRow.id, OrgUnitRow.code).where(OrgUnitRow.workspace_id == workspace_id)).all())
    documents = dict(session.execute(select(DocumentRow.id, DocumentRow.code).where(DocumentRow.workspace_id == workspace_id)).all())
    budget = ProgrammeBudget()
    for r in _stored(session, CapitalPlanRow, plans):
        budget.capital_plans.append(CapitalPlan(
            plan_code=plans[r.plan_id], period=Period(r.period_start, r.period_end), amount=r.amount,
            source=_enum(CapitalSource, r.source), kind=_enum(CapitalKind, r.kind),
            org_unit_code=units.get(r.org_unit_id) if r.org_unit_id else None, text=r.text, note=r.note,
            provenance=_source_of(r, documents)))
    for r in _stored(session, DisbursementRow, plans):
        budget.disbursements.append(Disbursement(
            plan_code=plans[r.plan_id], period=Period(r.period_start, r.period_end), as_of=r.as_of, amount=r.amount,
            stated_rate=r.stated_rate, source=_enum(CapitalSource, r.source), kind=_enum(CapitalKind, r.kind),
            org_unit_code=units.get(r.org_unit_id) if r.org_unit_id else None, flag=ObservationFlag(r.flag),
            text=r.text, note=r.note, provenance=_source_of(r, documents)))
    for r in _stored(session, DisbursementTargetRow, plans):
        period = Period(r.period_start, r.period_end) if r.period_start is not None and r.period_end is not None else None
        budget.targets.append(DisbursementTarget(
            plan_code=plans[r.plan_id], op=Op(r.op), value=r.value, text=r.text, low=r.low, high=r.high,
            period=period, source=_enum(CapitalSource, r.source), deadline=r.deadline,
            provenance=_source_of(r, documents)))
    return budget


def budget_documents(budget: ProgrammeBudget) -> set[str]:
    """Codes of the documents the budget rows cite."""
    rows: list[CapitalPlan | Disbursement | DisbursementTarget] = [*budget.capital_plans, *budget.disbursements,
                                                                   *budget.targets]
    return {r.provenance.document for r in rows if r.provenance is not None}
