"""Write registry content into the store (inside a caller's transaction; never commits)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from chitieu.domain import Indicator, Observation, OrgUnit, Plan, PlanBundle, Provenance, Target
from chitieu.domain.registry import CitedDocument, Registry
from chitieu.messages import ChitieuError
from chitieu.store.models import (
    DocumentRow,
    IndicatorGroupRow,
    IndicatorRow,
    ObservationRow,
    OrgUnitRow,
    PlanRow,
    TargetRow,
)


class _Ids:
    """Code → id lookups for the rows written or already present."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.documents = dict(session.execute(select(DocumentRow.code, DocumentRow.id)).all())
        self.org_units = dict(session.execute(select(OrgUnitRow.code, OrgUnitRow.id)).all())
        self.plans = dict(session.execute(select(PlanRow.code, PlanRow.id)).all())

    def document(self, provenance: Provenance | None) -> int | None:
        """Id of the cited document; an unknown code gets a placeholder document titled by its code."""
        if provenance is None or not provenance.document:
            return None
        code = provenance.document
        if code not in self.documents:
            row = DocumentRow(code=code, title=code, kind="", issuer="", note="")
            self.session.add(row)
            self.session.flush()
            self.documents[code] = row.id
        return self.documents[code]


def _provenance_columns(ids: _Ids, provenance: Provenance | None) -> dict[str, object]:
    p = provenance
    return {
        "source_document_id": ids.document(p),
        "source_location": p.location if p else "",
        "source_quote": p.quote if p else "",
        "source_page": p.page if p else None,
        "source_start": p.start if p else None,
        "source_end": p.end if p else None,
    }


def write_documents(session: Session, documents: Iterable[CitedDocument]) -> None:
    """Insert or update documents by code."""
    existing = {r.code: r for r in session.scalars(select(DocumentRow))}
    for d in documents:
        row = existing.get(d.code) or DocumentRow(code=d.code)
        row.title, row.kind, row.issued_on, row.issuer, row.note = d.title, d.kind, d.issued_on, d.issuer, d.note
        session.add(row)
    session.flush()


def write_org_units(session: Session, units: Iterable[OrgUnit]) -> None:
    """Insert or update org units by code; parents are resolved after all units exist."""
    units = list(units)
    existing = {r.code: r for r in session.scalars(select(OrgUnitRow))}
    rows: dict[str, OrgUnitRow] = {}
    for u in units:
        row = existing.get(u.code) or OrgUnitRow(code=u.code)
        row.name, row.kind, row.valid_from, row.valid_to = u.name, u.kind, u.valid_from, u.valid_to
        session.add(row)
        rows[u.code] = row
    _link_parents(session, units, rows, existing | rows,
                  lambda u: ChitieuError("bundle_unknown_reference", plan="—", what=f"đơn vị {u.code}", ref=u.parent_code))


def write_plans(session: Session, plans: Iterable[Plan], sources: dict[str, Provenance] | None = None) -> None:
    """Insert or update plans by code; parents may be earlier or later in ``plans`` or already stored."""
    plans = list(plans)
    ids = _Ids(session)
    existing = {r.code: r for r in session.scalars(select(PlanRow))}
    rows: dict[str, PlanRow] = {}
    for p in plans:
        row = existing.get(p.code) or PlanRow(code=p.code)
        row.title, row.kind, row.number, row.issued_on, row.issuer = p.title, p.kind.value, p.number, p.issued_on, p.issuer
        row.term_start, row.term_end, row.budget, row.budget_note = p.term_start, p.term_end, p.budget, p.budget_note
        if sources is not None:  # None: keep what is stored (a bundle carries no plan provenance)
            src = sources.get(p.code)
            row.source_document_id = ids.document(src)
            row.source_location = src.location if src else ""
            row.source_quote = src.quote if src else ""
        session.add(row)
        rows[p.code] = row
    _link_parents(session, plans, rows, existing | rows,
                  lambda p: ChitieuError("plan_parent_missing", plan=p.code, parent=p.parent_code))


def _link_parents(
    session: Session,
    items: list[Any],
    rows: dict[str, Any],
    known: dict[str, Any],
    missing: Callable[[Any], ChitieuError],
) -> None:
    """Second pass of a code-keyed upsert: set ``parent_id`` once every row has an id (parents may come later)."""
    session.flush()
    for item in items:
        parent = known.get(item.parent_code) if item.parent_code else None
        if item.parent_code and parent is None:
            raise missing(item)
        rows[item.code].parent_id = parent.id if parent else None
    session.flush()


def _clear_content(session: Session, plan_id: int) -> None:
    indicator_ids = select(IndicatorRow.id).where(IndicatorRow.plan_id == plan_id)
    session.execute(delete(ObservationRow).where(ObservationRow.indicator_id.in_(indicator_ids)))
    session.execute(delete(TargetRow).where(TargetRow.indicator_id.in_(indicator_ids)))
    session.execute(update(IndicatorRow).where(IndicatorRow.plan_id == plan_id).values(parent_id=None))
    session.execute(delete(IndicatorRow).where(IndicatorRow.plan_id == plan_id))
    session.execute(update(IndicatorGroupRow).where(IndicatorGroupRow.plan_id == plan_id).values(parent_id=None))
    session.execute(delete(IndicatorGroupRow).where(IndicatorGroupRow.plan_id == plan_id))


def _has_content(session: Session, plan_id: int) -> bool:
    return session.scalar(select(IndicatorRow.id).where(IndicatorRow.plan_id == plan_id).limit(1)) is not None


def write_content(session: Session, plan_code: str, content: PlanBundle, *, replace: bool = True) -> None:
    """Store the plan's groups, indicators, targets and observations (the plan row must exist)."""
    ids = _Ids(session)
    plan_id = ids.plans[plan_code]
    if _has_content(session, plan_id):
        if not replace:
            raise ChitieuError("plan_exists", plan=plan_code)
        _clear_content(session, plan_id)
    session.flush()

    groups: dict[str, IndicatorGroupRow] = {}
    for g in content.groups:
        groups[g.code] = IndicatorGroupRow(plan_id=plan_id, code=g.code, name=g.name, position=g.order)
    session.add_all(groups.values())
    session.flush()
    for g in content.groups:
        if g.parent_code:
            if g.parent_code not in groups:
                raise ChitieuError("bundle_unknown_reference", plan=plan_code, what=f"nhóm {g.code}", ref=g.parent_code)
            groups[g.code].parent_id = groups[g.parent_code].id

    indicators: dict[str, IndicatorRow] = {}
    for i in content.indicators:
        indicators[i.code] = _indicator_row(plan_code, plan_id, i, groups)
    session.add_all(indicators.values())
    session.flush()
    for i in content.indicators:
        if i.parent_code:
            if i.parent_code not in indicators:
                raise ChitieuError("bundle_unknown_indicator", plan=plan_code, what=f"chỉ tiêu {i.code}", ref=i.parent_code)
            indicators[i.code].parent_id = indicators[i.parent_code].id

    session.add_all(_target_row(plan_code, ids, t, indicators) for t in content.targets)
    session.add_all(_observation_row(plan_code, ids, o, indicators) for o in content.observations)
    session.flush()


def _indicator_row(plan_code: str, plan_id: int, i: Indicator, groups: dict[str, IndicatorGroupRow]) -> IndicatorRow:
    if i.group_code and i.group_code not in groups:
        raise ChitieuError("bundle_unknown_reference", plan=plan_code, what=f"chỉ tiêu {i.code}", ref=i.group_code)
    return IndicatorRow(
        plan_id=plan_id,
        code=i.code,
        name=i.name,
        unit=i.unit,
        polarity=i.polarity.value,
        group_id=groups[i.group_code].id if i.group_code else None,
        number=i.number,
        position=i.order,
        description=i.description,
    )


def _indicator_id(plan_code: str, code: str, what: str, indicators: dict[str, IndicatorRow]) -> int:
    row = indicators.get(code)
    if row is None:
        raise ChitieuError("bundle_unknown_indicator", plan=plan_code, what=what, ref=code)
    return row.id


def _target_row(plan_code: str, ids: _Ids, t: Target, indicators: dict[str, IndicatorRow]) -> TargetRow:
    return TargetRow(
        indicator_id=_indicator_id(plan_code, t.indicator_code, "chỉ tiêu đặt ra (target)", indicators),
        version=t.version.value,
        op=t.op.value,
        value=t.value,
        low=t.low,
        high=t.high,
        kind=t.kind.value,
        start_year=t.start_year,
        deadline=t.deadline,
        unit=t.unit,
        text=t.text,
        baseline_year=t.baseline_year,
        baseline_value=t.baseline_value,
        **_provenance_columns(ids, t.provenance),
    )


def _observation_row(plan_code: str, ids: _Ids, o: Observation, indicators: dict[str, IndicatorRow]) -> ObservationRow:
    org_unit_id = None
    if o.org_unit_code:
        org_unit_id = ids.org_units.get(o.org_unit_code)
        if org_unit_id is None:
            raise ChitieuError("bundle_unknown_reference", plan=plan_code, what="số liệu thực hiện", ref=o.org_unit_code)
    return ObservationRow(
        indicator_id=_indicator_id(plan_code, o.indicator_code, "số liệu thực hiện", indicators),
        org_unit_id=org_unit_id,
        period_start=o.period.start,
        period_end=o.period.end,
        value=o.value,
        op=o.op.value,
        flag=o.flag.value,
        text=o.text,
        stated_ratio=o.stated_ratio,
        stated_verdict=o.stated_verdict,
        **_provenance_columns(ids, o.provenance),
    )


def write_registry(session: Session, registry: Registry, *, replace: bool = True) -> None:
    """Store a whole registry: documents, org units, plans, then each plan's content."""
    write_documents(session, registry.documents)
    write_org_units(session, registry.org_units)
    write_plans(session, registry.plans, registry.plan_sources)
    for code, content in registry.contents.items():
        write_content(session, code, content, replace=replace)


def write_bundle(session: Session, bundle: PlanBundle, *, replace: bool = True) -> None:
    """Store one bundle: its org units, its plan and related plans, and the plan's content."""
    write_org_units(session, bundle.org_units)
    write_plans(session, [bundle.plan, *bundle.related_plans])
    write_content(session, bundle.plan.code, bundle, replace=replace)
