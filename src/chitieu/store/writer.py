"""Write registry content into one workspace of the store (inside a caller's transaction; never commits).

Every write is an upsert that keeps row ids: documents, org units and plans are matched by code within
the workspace; a plan's groups and indicators by code within the plan; targets by indicator and edition
(draft/adopted/revised); observations by indicator, org unit, period and flag (then by their source);
stated counts by year and category. Matched rows are updated in place (their ``version`` moves on only
when a value changes), new rows are inserted, and a plan's rows that the new content no longer has are
deleted. Each change is collected in ``Changes`` for the event log, with its business key and the values
before and after (codes, not internal ids). The upsert machinery itself is in ``store.upserts``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import (
    CitedDocument,
    Indicator,
    IndicatorGroup,
    Observation,
    OrgUnit,
    Plan,
    PlanBundle,
    Provenance,
    Registry,
    StatedCount,
    Target,
)
from chitieu.messages import ChitieuError, msg
from chitieu.store.models import (
    DocumentRow,
    IndicatorGroupRow,
    IndicatorRow,
    ObservationRow,
    OrgUnitRow,
    PlanRow,
    StatedCountRow,
    TargetRow,
)
from chitieu.store.upserts import (
    Change,
    CodeIds,
    Inserted,
    business_key,
    delete_row,
    insert_many,
    pair_rows,
    provenance_columns,
    shown,
    upsert,
)
from chitieu.store.upserts import Changes as Changes  # re-exported: services name it here

# -- documents, org units, plans ------------------------------------------------------------------------


def write_documents(session: Session, workspace_id: int, documents: Iterable[CitedDocument], changes: Changes) -> None:
    """Insert or update documents by code (never deleted: other plans may cite them)."""
    ids = CodeIds(session, workspace_id)
    existing = {r.code: r for r in session.scalars(select(DocumentRow).where(DocumentRow.workspace_id == workspace_id))}
    for d in documents:
        values = {"title": d.title, "kind": d.kind, "issued_on": d.issued_on, "issuer": d.issuer, "note": d.note}
        upsert(existing.get(d.code), partial(DocumentRow, workspace_id=workspace_id, code=d.code), values,
                session=session, changes=changes, entity="document", key=d.code, show=lambda v: shown(v, ids))
    session.flush()


def write_org_units(session: Session, workspace_id: int, units: Iterable[OrgUnit], changes: Changes) -> None:
    """Insert or update org units by code; parents are resolved after all units exist."""
    units = list(units)
    ids = CodeIds(session, workspace_id)
    existing = {r.code: r for r in session.scalars(select(OrgUnitRow).where(OrgUnitRow.workspace_id == workspace_id))}
    rows: dict[str, OrgUnitRow] = {}
    for u in units:
        values = {"name": u.name, "kind": u.kind, "valid_from": u.valid_from, "valid_to": u.valid_to}
        rows[u.code] = upsert(existing.get(u.code), partial(OrgUnitRow, workspace_id=workspace_id, code=u.code),
                               values, session=session, changes=changes, entity="org_unit", key=u.code,
                               show=lambda v: shown(v, ids))
    _link_parents(session, units, rows, existing | rows, changes, "org_unit",
                  lambda u: ChitieuError("bundle_unknown_reference", plan="—", what=msg("what_org_unit", code=u.code), ref=u.parent_code))


def write_plans(
    session: Session, workspace_id: int, plans: Iterable[Plan], sources: dict[str, Provenance] | None,
    changes: Changes,
) -> None:
    """Insert or update plans by code; parents may be earlier or later in ``plans`` or already stored."""
    plans = list(plans)
    ids = CodeIds(session, workspace_id)
    existing = {r.code: r for r in session.scalars(select(PlanRow).where(PlanRow.workspace_id == workspace_id))}
    rows: dict[str, PlanRow] = {}
    for p in plans:
        values: dict[str, Any] = {
            "title": p.title, "kind": p.kind.value, "number": p.number, "issued_on": p.issued_on, "issuer": p.issuer,
            "term_start": p.term_start, "term_end": p.term_end, "budget": p.budget, "budget_note": p.budget_note,
        }
        if sources is not None:  # None: keep what is stored (a bundle carries no plan provenance)
            values |= provenance_columns(ids, sources.get(p.code), changes, full=False)
        rows[p.code] = upsert(existing.get(p.code), partial(PlanRow, workspace_id=workspace_id, code=p.code),
                               values, session=session, changes=changes, entity="plan", key=p.code,
                               show=lambda v: shown(v, ids))
    _link_parents(session, plans, rows, existing | rows, changes, "plan",
                  lambda p: ChitieuError("plan_parent_missing", plan=p.code, parent=p.parent_code))


def _link_parents(
    session: Session,
    items: list[Any],
    rows: dict[str, Any],
    known: dict[str, Any],
    changes: Changes,
    entity: str,
    missing: Callable[[Any], ChitieuError],
) -> None:
    """Second pass of a code-keyed upsert: set ``parent_id`` once every row has an id (parents may come later)."""
    session.flush()
    code_of = {row.id: code for code, row in known.items()}
    created = {id(c.row) for c in changes.items if c.kind == "created"}
    for item in items:
        parent = known.get(item.parent_code) if item.parent_code else None
        if item.parent_code and parent is None:
            raise missing(item)
        row = rows[item.code]
        new_parent = parent.id if parent else None
        if row.parent_id != new_parent:
            if id(row) not in created:
                changes.add(Change(entity, "updated", item.code, row, {"parent_code": code_of.get(row.parent_id)},
                                   {"parent_code": item.parent_code}))
            row.parent_id = new_parent
    session.flush()


# -- a plan's content -----------------------------------------------------------------------------------


def write_content(
    session: Session, workspace_id: int, plan_code: str, content: PlanBundle, changes: Changes, *, replace: bool = True,
    keep_absent: bool = False,
) -> None:
    """Store the plan's groups, indicators, targets, observations and stated counts (the plan row must exist).

    With ``replace`` the plan's content becomes exactly ``content`` (rows matched in place, others added
    or deleted); without it a plan that already has content is an error. With ``keep_absent`` (a merge) the
    rows matched are updated, new rows added, and stored rows that ``content`` does not list are kept.
    """
    ids = CodeIds(session, workspace_id)
    plan_id = ids.plans[plan_code]
    stored_indicators = {r.code: r for r in session.scalars(select(IndicatorRow).where(IndicatorRow.plan_id == plan_id))}
    if stored_indicators and not replace:
        raise ChitieuError("plan_exists", plan=plan_code)
    groups = _write_groups(session, ids, plan_code, plan_id, content.groups, changes, keep_absent)
    indicators = _write_indicators(session, ids, plan_code, plan_id, content.indicators, groups, stored_indicators,
                                   changes, keep_absent)
    indicators = {**stored_indicators, **indicators} if keep_absent else indicators
    _write_targets(session, ids, plan_code, content.targets, indicators, changes, keep_absent)
    _write_observations(session, ids, plan_code, content.observations, indicators, changes, keep_absent)
    _write_stated_counts(session, ids, plan_code, plan_id, content.stated_counts, changes, keep_absent)
    if keep_absent:
        session.flush()
        return
    for code, row in stored_indicators.items():  # children went first; now the indicators no longer listed
        if code not in indicators:
            delete_row(session, row, changes, "indicator", business_key(plan_code, code), {"code": code, "name": row.name})
    for code, group in _stored_groups(session, plan_id).items():
        if code not in groups:
            delete_row(session, group, changes, "group", business_key(plan_code, code), {"code": code, "name": group.name})
    session.flush()


def _stored_groups(session: Session, plan_id: int) -> dict[str, IndicatorGroupRow]:
    return {r.code: r for r in session.scalars(select(IndicatorGroupRow).where(IndicatorGroupRow.plan_id == plan_id))}


def _write_groups(
    session: Session, ids: CodeIds, plan_code: str, plan_id: int, wanted: list[IndicatorGroup], changes: Changes,
    keep_absent: bool = False,
) -> dict[str, IndicatorGroupRow]:
    """The groups written (with ``keep_absent``, the stored ones too: a merge may refer to them)."""
    stored = _stored_groups(session, plan_id)
    rows: dict[str, IndicatorGroupRow] = dict(stored) if keep_absent else {}
    for g in wanted:
        rows[g.code] = upsert(stored.get(g.code), partial(IndicatorGroupRow, plan_id=plan_id, code=g.code),
                               {"name": g.name, "position": g.order}, session=session, changes=changes,
                               entity="group", key=business_key(plan_code, g.code), show=lambda v: shown(v, ids))
    session.flush()
    code_of: dict[int | None, str] = {row.id: code for code, row in (stored | rows).items()}
    for g in wanted:
        if g.parent_code and g.parent_code not in rows:
            raise ChitieuError("bundle_unknown_reference", plan=plan_code, what=msg("what_group", code=g.code), ref=g.parent_code)
        parent_id = rows[g.parent_code].id if g.parent_code else None
        row = rows[g.code]
        if row.parent_id != parent_id:
            if stored.get(g.code) is row:
                changes.add(Change("group", "updated", business_key(plan_code, g.code), row,
                                   {"parent_code": code_of.get(row.parent_id)}, {"parent_code": g.parent_code}))
            row.parent_id = parent_id
    return rows


def _write_indicators(
    session: Session, ids: CodeIds, plan_code: str, plan_id: int, wanted: list[Indicator],
    groups: dict[str, IndicatorGroupRow], stored: dict[str, IndicatorRow], changes: Changes,
    keep_absent: bool = False,
) -> dict[str, IndicatorRow]:
    group_code = {row.id: code for code, row in groups.items()}
    rows: dict[str, IndicatorRow] = dict(stored) if keep_absent else {}
    for i in wanted:
        if i.group_code and i.group_code not in groups:
            raise ChitieuError("bundle_unknown_reference", plan=plan_code, what=msg("what_indicator", code=i.code), ref=i.group_code)
        values = {
            "name": i.name, "unit": i.unit, "polarity": i.polarity.value,
            "group_id": groups[i.group_code].id if i.group_code else None, "number": i.number,
            "position": i.order, "description": i.description,
        }
        rows[i.code] = upsert(stored.get(i.code), partial(IndicatorRow, plan_id=plan_id, code=i.code), values,
                               session=session, changes=changes, entity="indicator", key=business_key(plan_code, i.code),
                               show=lambda v: shown(v, ids, {"group_id": group_code.get}))
    session.flush()
    code_of: dict[int | None, str] = {row.id: code for code, row in (stored | rows).items()}
    for i in wanted:
        if i.parent_code and i.parent_code not in rows:
            raise ChitieuError("bundle_unknown_indicator", plan=plan_code, what=msg("what_indicator", code=i.code), ref=i.parent_code)
        parent_id = rows[i.parent_code].id if i.parent_code else None
        row = rows[i.code]
        if row.parent_id != parent_id:
            if stored.get(i.code) is row:
                changes.add(Change("indicator", "updated", business_key(plan_code, i.code), row,
                                   {"parent_code": code_of.get(row.parent_id)}, {"parent_code": i.parent_code}))
            row.parent_id = parent_id
    return rows


def _indicator_id(plan_code: str, code: str, what: str, indicators: dict[str, IndicatorRow]) -> int:
    row = indicators.get(code)
    if row is None:
        raise ChitieuError("bundle_unknown_indicator", plan=plan_code, what=what, ref=code)
    return row.id


def _rows_of(session: Session, model: Any, indicator_ids: list[int]) -> list[Any]:
    if not indicator_ids:
        return []
    return list(session.scalars(select(model).where(model.indicator_id.in_(indicator_ids)).order_by(model.id)))


def _stored_indicator_ids(session: Session, plan_code: str, ids: CodeIds) -> dict[int, str]:
    query = select(IndicatorRow.id, IndicatorRow.code).where(IndicatorRow.plan_id == ids.plans[plan_code])
    return dict(session.execute(query).all())


def _write_targets(
    session: Session, ids: CodeIds, plan_code: str, wanted: list[Target], indicators: dict[str, IndicatorRow],
    changes: Changes, keep_absent: bool = False,
) -> None:
    code_of = _stored_indicator_ids(session, plan_code, ids)
    stored = _rows_of(session, TargetRow, list(code_of))
    unit_code: dict[int | None, str] = {i: c for c, i in ids.org_units.items()}
    pairs, leftover = pair_rows(
        stored, wanted,
        primary=lambda t: (t.indicator_code, t.org_unit_code, t.version.value),
        secondary=lambda t: (t.provenance.document if t.provenance else None, t.provenance.location if t.provenance else ""),
        row_primary=lambda r: (code_of.get(r.indicator_id), unit_code.get(r.org_unit_id), r.target_version),
        row_secondary=lambda r: (ids.document_code(r.source_document_id), r.source_location),
    )
    for row in [] if keep_absent else leftover:
        unit = unit_code.get(row.org_unit_id)
        delete_row(session, row, changes, "target", business_key(plan_code, code_of.get(row.indicator_id), *([unit] if unit else []), row.target_version),
                {"target_version": row.target_version, "text": row.text, "op": row.op, "value": row.value})
    session.flush()
    for row, t in pairs:
        org_unit_id = None
        if t.org_unit_code:
            org_unit_id = ids.org_units.get(t.org_unit_code)
            if org_unit_id is None:
                raise ChitieuError("bundle_unknown_reference", plan=plan_code, what=msg("what_target"), ref=t.org_unit_code)
        values = {
            "indicator_id": _indicator_id(plan_code, t.indicator_code, msg("what_target"), indicators),
            "org_unit_id": org_unit_id, "target_version": t.version.value, "op": t.op.value, "value": t.value, "low": t.low, "high": t.high,
            "kind": t.kind.value, "start_year": t.start_year, "deadline": t.deadline, "unit": t.unit, "text": t.text,
            "baseline_year": t.baseline_year, "baseline_value": t.baseline_value,
            **provenance_columns(ids, t.provenance, changes),
        }
        upsert(row, TargetRow, values, session=session, changes=changes, entity="target",
                key=business_key(plan_code, t.indicator_code, *([t.org_unit_code] if t.org_unit_code else []), t.version.value),
                show=lambda v: shown(v, ids, {"org_unit_id": unit_code.get}))


def _write_observations(
    session: Session, ids: CodeIds, plan_code: str, wanted: list[Observation], indicators: dict[str, IndicatorRow],
    changes: Changes, keep_absent: bool = False,
) -> None:
    code_of = _stored_indicator_ids(session, plan_code, ids)
    unit_code: dict[int | None, str] = {i: c for c, i in ids.org_units.items()}
    stored = _rows_of(session, ObservationRow, list(code_of))
    pairs, leftover = pair_rows(
        stored, wanted,
        primary=lambda o: (o.indicator_code, o.org_unit_code, o.period.start, o.period.end, o.flag.value),
        secondary=lambda o: (o.provenance.document if o.provenance else None, o.provenance.location if o.provenance else ""),
        row_primary=lambda r: (code_of.get(r.indicator_id), unit_code.get(r.org_unit_id), r.period_start, r.period_end,
                               r.flag),
        row_secondary=lambda r: (ids.document_code(r.source_document_id), r.source_location),
    )
    for row in [] if keep_absent else leftover:
        key = business_key(plan_code, code_of.get(row.indicator_id), unit_code.get(row.org_unit_id),
                   f"{row.period_start}-{row.period_end}", row.flag)
        delete_row(session, row, changes, "observation", key, {"text": row.text, "value": row.value, "op": row.op})
    session.flush()
    new_rows: list[tuple[dict[str, Any], Change]] = []
    for row, o in pairs:
        org_unit_id = None
        if o.org_unit_code:
            org_unit_id = ids.org_units.get(o.org_unit_code)
            if org_unit_id is None:
                raise ChitieuError("bundle_unknown_reference", plan=plan_code, what=msg("what_observation"), ref=o.org_unit_code)
        values = {
            "indicator_id": _indicator_id(plan_code, o.indicator_code, msg("what_observation"), indicators),
            "org_unit_id": org_unit_id, "period_start": o.period.start, "period_end": o.period.end, "value": o.value,
            "op": o.op.value, "flag": o.flag.value, "text": o.text, "stated_ratio": o.stated_ratio,
            "stated_verdict": o.stated_verdict, **provenance_columns(ids, o.provenance, changes),
        }
        key = business_key(plan_code, o.indicator_code, o.org_unit_code, o.period.label(), o.flag.value)
        if row is None:  # new rows are inserted together below (an import of 250,000 rows stays linear)
            change = Change("observation", "created", key, Inserted(), None,
                            shown(values, ids, {"org_unit_id": unit_code.get}))
            changes.add(change)
            new_rows.append((values, change))
            continue
        upsert(row, ObservationRow, values, session=session, changes=changes, entity="observation", key=key,
                show=lambda v: shown(v, ids, {"org_unit_id": unit_code.get}))
    insert_many(session, ObservationRow, new_rows)


def _write_stated_counts(
    session: Session, ids: CodeIds, plan_code: str, plan_id: int, wanted: list[StatedCount], changes: Changes,
    keep_absent: bool = False,
) -> None:
    stored = {(r.year, r.category): r for r in session.scalars(select(StatedCountRow).where(StatedCountRow.plan_id == plan_id))}
    keep: set[tuple[int, str]] = set()
    for s in wanted:
        keep.add((s.year, s.category))
        values = {"count": s.count, **provenance_columns(ids, s.provenance, changes, full=False)}
        upsert(stored.get((s.year, s.category)),
                partial(StatedCountRow, plan_id=plan_id, year=s.year, category=s.category), values,
                session=session, changes=changes, entity="stated_count", key=business_key(plan_code, s.year, s.category),
                show=lambda v: shown(v, ids))
    for (year, category), row in stored.items():
        if (year, category) not in keep and not keep_absent:
            delete_row(session, row, changes, "stated_count", business_key(plan_code, year, category), {"count": row.count})


# -- whole registries and bundles -----------------------------------------------------------------------


def write_registry(session: Session, workspace_id: int, registry: Registry, changes: Changes, *,
                   replace: bool = True, keep_absent: bool = False) -> None:
    """Store a whole registry: documents, org units, plans, then each plan's content (``keep_absent``: a
    merge that keeps the stored rows the registry does not list)."""
    write_documents(session, workspace_id, registry.documents, changes)
    write_org_units(session, workspace_id, registry.org_units, changes)
    write_plans(session, workspace_id, registry.plans, registry.plan_sources, changes)
    for code, content in registry.contents.items():
        write_content(session, workspace_id, code, content, changes, replace=replace, keep_absent=keep_absent)


def write_bundle(session: Session, workspace_id: int, bundle: PlanBundle, changes: Changes, *,
                 replace: bool = True) -> None:
    """Store one bundle: its org units, its plan and related plans, and the plan's content."""
    write_org_units(session, workspace_id, bundle.org_units, changes)
    write_plans(session, workspace_id, [bundle.plan, *bundle.related_plans], None, changes)
    write_content(session, workspace_id, bundle.plan.code, bundle, changes, replace=replace)
