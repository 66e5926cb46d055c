"""Read one workspace's registry content from the store back into domain objects."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import (
    Indicator,
    IndicatorGroup,
    Observation,
    ObservationFlag,
    Op,
    OrgUnit,
    Period,
    Plan,
    PlanBundle,
    PlanKind,
    Polarity,
    Provenance,
    StatedCount,
    Target,
    TargetKind,
    TargetVersion,
)
from chitieu.domain.registry import CitedDocument, Registry
from chitieu.store.models import (
    DocumentRow,
    IndicatorGroupRow,
    IndicatorRow,
    ObservationRow,
    OrgUnitRow,
    PlanRow,
    ProvenanceColumns,
    StatedCountRow,
    TargetRow,
)


def read_documents(session: Session, workspace_id: int) -> list[CitedDocument]:
    rows = session.scalars(select(DocumentRow).where(DocumentRow.workspace_id == workspace_id).order_by(DocumentRow.id))
    return [CitedDocument(r.code, r.title, r.kind, r.issued_on, r.issuer, r.note) for r in rows]


def read_org_units(session: Session, workspace_id: int) -> list[OrgUnit]:
    rows = list(session.scalars(select(OrgUnitRow).where(OrgUnitRow.workspace_id == workspace_id).order_by(OrgUnitRow.id)))
    code_of = {r.id: r.code for r in rows}
    return [
        OrgUnit(r.code, r.name, r.kind, code_of.get(r.parent_id) if r.parent_id else None, r.valid_from, r.valid_to)
        for r in rows
    ]


def _plans_with_rows(session: Session, workspace_id: int) -> list[tuple[Plan, PlanRow]]:
    rows = list(session.scalars(select(PlanRow).where(PlanRow.workspace_id == workspace_id).order_by(PlanRow.id)))
    code_of = {r.id: r.code for r in rows}
    return [
        (
            Plan(
                code=r.code,
                title=r.title,
                kind=PlanKind(r.kind),
                number=r.number,
                issued_on=r.issued_on,
                issuer=r.issuer,
                term_start=r.term_start,
                term_end=r.term_end,
                parent_code=code_of.get(r.parent_id) if r.parent_id else None,
                budget=r.budget,
                budget_note=r.budget_note,
            ),
            r,
        )
        for r in rows
    ]


def read_plans(session: Session, workspace_id: int) -> list[Plan]:
    return [plan for plan, _ in _plans_with_rows(session, workspace_id)]


def plan_row(session: Session, workspace_id: int, plan_code: str) -> PlanRow | None:
    return session.scalar(select(PlanRow).where(PlanRow.workspace_id == workspace_id, PlanRow.code == plan_code))


def _provenance(row: ProvenanceColumns | PlanRow | StatedCountRow, document_codes: dict[int, str]) -> Provenance | None:
    if row.source_document_id is None:
        return None
    return Provenance(
        document=document_codes[row.source_document_id],
        location=row.source_location,
        quote=row.source_quote,
        page=getattr(row, "source_page", None),
        start=getattr(row, "source_start", None),
        end=getattr(row, "source_end", None),
    )


def read_content(
    session: Session, plan: Plan, plan_id: int, document_codes: dict[int, str], org_code: dict[int, str],
    *, unit_values: bool = True,
) -> PlanBundle:
    """The plan's groups, indicators, targets and observations (related plans and org units left empty).

    ``unit_values=False`` leaves out the values of org units (the plan's own area only), for readers such as
    the dashboard that assess the plan and need not hold millions of per-unit values in memory.
    """
    group_rows = list(
        session.scalars(select(IndicatorGroupRow).where(IndicatorGroupRow.plan_id == plan_id).order_by(IndicatorGroupRow.id))
    )
    group_code = {g.id: g.code for g in group_rows}
    groups = [
        IndicatorGroup(g.code, g.name, group_code.get(g.parent_id) if g.parent_id else None, g.position) for g in group_rows
    ]
    indicator_rows = list(
        session.scalars(select(IndicatorRow).where(IndicatorRow.plan_id == plan_id).order_by(IndicatorRow.id))
    )
    indicator_code = {i.id: i.code for i in indicator_rows}
    indicators = [
        Indicator(
            code=i.code,
            name=i.name,
            unit=i.unit,
            polarity=Polarity(i.polarity),
            group_code=group_code.get(i.group_id) if i.group_id else None,
            parent_code=indicator_code.get(i.parent_id) if i.parent_id else None,
            plan_code=plan.code,
            number=i.number,
            order=i.position,
            description=i.description,
        )
        for i in indicator_rows
    ]
    ids = list(indicator_code)
    target_rows = session.scalars(select(TargetRow).where(TargetRow.indicator_id.in_(ids)).order_by(TargetRow.id))
    targets = [
        Target(
            indicator_code=indicator_code[t.indicator_id],
            op=Op(t.op),
            value=t.value,
            low=t.low,
            high=t.high,
            deadline=t.deadline,
            start_year=t.start_year,
            kind=TargetKind(t.kind),
            version=TargetVersion(t.target_version),
            plan_code=plan.code,
            unit=t.unit,
            text=t.text,
            baseline_year=t.baseline_year,
            baseline_value=t.baseline_value,
            provenance=_provenance(t, document_codes),
            org_unit_code=org_code[t.org_unit_id] if t.org_unit_id is not None else None,
        )
        for t in target_rows
    ]
    observation_query = select(ObservationRow).where(ObservationRow.indicator_id.in_(ids))
    if not unit_values:
        observation_query = observation_query.where(ObservationRow.org_unit_id.is_(None))
    observation_rows = session.scalars(observation_query.order_by(ObservationRow.id))
    observations = [
        Observation(
            indicator_code=indicator_code[o.indicator_id],
            period=Period(o.period_start, o.period_end),
            value=o.value,
            op=Op(o.op),
            org_unit_code=org_code[o.org_unit_id] if o.org_unit_id is not None else None,
            flag=ObservationFlag(o.flag),
            text=o.text,
            stated_ratio=o.stated_ratio,
            stated_verdict=o.stated_verdict,
            provenance=_provenance(o, document_codes),
        )
        for o in observation_rows
    ]
    count_rows = session.scalars(
        select(StatedCountRow).where(StatedCountRow.plan_id == plan_id).order_by(StatedCountRow.id)
    )
    stated = [StatedCount(plan.code, s.year, s.category, s.count, _provenance(s, document_codes)) for s in count_rows]
    return PlanBundle(plan=plan, groups=groups, indicators=indicators, targets=targets, observations=observations,
                      stated_counts=stated)


def read_registry(session: Session, workspace_id: int, plan_code: str | None = None, *, unit_values: bool = True) -> Registry:
    """The workspace's whole registry, or (with ``plan_code``) that plan, its descendants and what they cite."""
    document_codes = dict(
        session.execute(select(DocumentRow.id, DocumentRow.code).where(DocumentRow.workspace_id == workspace_id))
        .all()
    )
    org_code = dict(
        session.execute(select(OrgUnitRow.id, OrgUnitRow.code).where(OrgUnitRow.workspace_id == workspace_id))
        .all()
    )
    registry = Registry(documents=read_documents(session, workspace_id), org_units=read_org_units(session, workspace_id))
    pairs = _plans_with_rows(session, workspace_id)
    registry.plans = [plan for plan, _ in pairs]
    if plan_code is not None:
        keep = {plan_code} | {p.code for p in registry.descendants(plan_code)} | _ancestors(registry, plan_code)
        pairs = [(plan, row) for plan, row in pairs if plan.code in keep]
        registry.plans = [plan for plan, _ in pairs]
    for plan, row in pairs:
        content = read_content(session, plan, row.id, document_codes, org_code, unit_values=unit_values)
        if content.indicators or content.groups or content.stated_counts:
            registry.contents[plan.code] = content
        source = _provenance(row, document_codes)
        if source is not None:
            registry.plan_sources[plan.code] = source
    if plan_code is not None:
        registry.documents = [d for d in registry.documents if d.code in _cited_codes(registry)]
    return registry


def _ancestors(registry: Registry, code: str) -> set[str]:
    found: set[str] = set()
    plan = registry.plan(code)
    while plan is not None and plan.parent_code and plan.parent_code not in found:
        found.add(plan.parent_code)
        plan = registry.plan(plan.parent_code)
    return found


def _cited_codes(registry: Registry) -> set[str]:
    codes = {s.document for s in registry.plan_sources.values()}
    for content in registry.contents.values():
        sources = [*(t.provenance for t in content.targets), *(o.provenance for o in content.observations),
                   *(s.provenance for s in content.stated_counts)]
        codes.update(p.document for p in sources if p is not None)
    return codes


def read_bundle(session: Session, workspace_id: int, plan_code: str, *, unit_values: bool = True) -> PlanBundle | None:
    """The plan's bundle (with related plans = its descendants, and all org units), or None."""
    registry = read_registry(session, workspace_id, plan_code, unit_values=unit_values)
    return registry.bundle(plan_code)

