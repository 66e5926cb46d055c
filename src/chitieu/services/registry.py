"""Registry services: save and load plan bundles, whole registries, documents and org units of a workspace.

Every function takes the caller's session (the unit of work: the edge commits or rolls back) and the
actor; writes record one event per row changed (who, when, before → after) plus one for the action.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chitieu.domain import (
    Actor,
    CitedDocument,
    OrgUnit,
    Permission,
    Plan,
    PlanBundle,
    Registry,
)
from chitieu.messages import ChitieuError
from chitieu.services.events import record_event, record_events
from chitieu.services.workspaces import get_workspace, workspace_id
from chitieu.store.models import IndicatorRow, PlanRow
from chitieu.store.programmes import BUDGET_TABLES, budget_documents, read_budget, write_budget
from chitieu.store.reader import (
    plan_row,
    read_bundle,
    read_documents,
    read_org_units,
    read_plans,
    read_registry,
)
from chitieu.store.round_rules import read_round_rules, write_round_rules
from chitieu.store.tasks import TASK_TABLE, read_tasks, task_documents, write_tasks
from chitieu.store.unit_changes import read_unit_changes, write_unit_changes
from chitieu.store.writer import (
    Changes,
    write_bundle,
    write_documents,
    write_org_units,
    write_registry,
)

__all__ = [
    "CitedDocument",
    "PlanSummary",
    "Registry",
    "default_as_of",
    "default_plan",
    "list_plans",
    "load_bundle",
    "load_documents",
    "load_org_units",
    "load_registry",
    "plan_not_found",
    "record_changes",
    "save_bundle",
    "save_documents",
    "save_org_units",
    "save_registry",
]

# Observations that measure what happened (projections and plan figures do not).


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """A plan as listed: the plan and how many indicators it has."""

    plan: Plan
    indicator_count: int


def plan_not_found(plan_code: str) -> ChitieuError:
    return ChitieuError("plan_not_found", code=plan_code)


def record_changes(
    session: Session, actor: Actor, changes: Changes, *, action: str, context: Mapping[str, Any] | None = None
) -> None:
    """One event per row created, updated or deleted (after a flush, so that new rows have ids)."""
    session.flush()
    record_events(session, actor, ({"action": action, "entity": change.entity, "entity_id": change.entity_id,
                                    "key": change.key, "before": change.before, "after": change.after,
                                    "context": {**(context or {}), "change": change.kind}}
                                   for change in changes.items))


def save_bundle(session: Session, actor: Actor, bundle: PlanBundle, *, replace: bool = True) -> Changes:
    """Store the bundle (plan, related plans, org units, groups, indicators, targets, observations).

    With ``replace`` the plan's content becomes the bundle's (rows matched in place keep their ids);
    without it an existing plan is an error.
    """
    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    changes = Changes()
    write_bundle(session, ws, bundle, changes, replace=replace)
    record_changes(session, actor, changes, action="registry.save", context={"plan": bundle.plan.code})
    from chitieu.services.summaries import refresh_plans_by_code  # the dashboard summaries follow the write

    refresh_plans_by_code(session, actor, [bundle.plan.code])
    return changes


def save_registry(
    session: Session, actor: Actor, registry: Registry, *, action: str = "registry.save",
    context: Mapping[str, Any] | None = None, keep_absent: bool = False,
) -> Changes:
    """Store a whole registry (documents, org units, plans and their content); rows keep their ids.

    Each plan's content becomes the registry's, or, with ``keep_absent`` (a merge), rows the registry does
    not list are kept."""
    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    changes = Changes()
    write_registry(session, ws, registry, changes, replace=True, keep_absent=keep_absent)
    if "unit_changes" in registry.tables or (not registry.tables and registry.unit_changes):
        write_unit_changes(session, ws, registry.unit_changes, changes)
    if "round_rules" in registry.tables or (not registry.tables and registry.round_rules):
        write_round_rules(session, ws, [p.code for p in registry.plans], registry.round_rules, changes)
    budget_tables = _budget_tables(registry)
    if budget_tables:
        write_budget(session, ws, registry.budget(), changes, budget_tables, replace=not keep_absent)
    if TASK_TABLE in registry.tables or (not registry.tables and registry.tasks):
        write_tasks(session, ws, registry.tasks, changes, replace=not keep_absent)
    record_changes(session, actor, changes, action=action, context=context)
    record_event(session, actor, action=action, entity="registry", key=str((context or {}).get("source", "")),
                 after={"counts": registry.counts(), "changes": changes.counts()}, context=context)
    from chitieu.services.summaries import refresh_plans_by_code  # the dashboard summaries follow the write

    refresh_plans_by_code(session, actor, [p.code for p in registry.plans])
    return changes


def _budget_tables(registry: Registry) -> list[str]:
    """The budget tables a save writes: those the source held, or (a registry built in code) those with rows."""
    if registry.tables:
        return [t for t in BUDGET_TABLES if t in registry.tables]
    rows = {"capital_plans": registry.capital_plans, "disbursements": registry.disbursements,
            "disbursement_targets": registry.disbursement_targets}
    return [t for t in BUDGET_TABLES if rows[t]]


def load_bundle(session: Session, actor: Actor, plan_code: str) -> PlanBundle:
    """The plan's bundle; ``ChitieuError("plan_not_found")`` when the workspace has no such plan."""
    ws = workspace_id(session, actor)
    bundle = read_bundle(session, ws, plan_code)
    if bundle is None:
        raise plan_not_found(plan_code)
    return bundle


def load_registry(session: Session, actor: Actor, plan_code: str | None = None) -> Registry:
    """Everything in the workspace, or one plan with its related plans and the documents they cite."""
    ws = workspace_id(session, actor)
    if plan_code is not None and plan_row(session, ws, plan_code) is None:
        raise plan_not_found(plan_code)
    registry = read_registry(session, ws, plan_code)
    registry.unit_changes = read_unit_changes(session, ws)
    registry.round_rules = read_round_rules(session, ws, plan_code)
    budget = read_budget(session, ws, [p.code for p in registry.plans] if plan_code is not None else None)
    registry.capital_plans, registry.disbursements = budget.capital_plans, budget.disbursements
    registry.disbursement_targets = budget.targets
    registry.tasks = read_tasks(session, ws, [p.code for p in registry.plans] if plan_code is not None else None)
    cited = budget_documents(budget) | task_documents(registry.tasks)
    cited |= {c.provenance.document for c in registry.unit_changes if c.provenance}
    cited -= {d.code for d in registry.documents}
    if cited:  # a plan's export keeps the documents its budget rows, tasks and unit changes cite
        registry.documents += [d for d in read_documents(session, ws) if d.code in cited]
    return registry


def list_plans(session: Session, actor: Actor) -> list[PlanSummary]:
    """The workspace's plans in storage order, with their indicator counts."""
    ws = workspace_id(session, actor)
    counts = dict(
        session.execute(
            select(PlanRow.code, func.count(IndicatorRow.id))
            .outerjoin(IndicatorRow, IndicatorRow.plan_id == PlanRow.id)
            .where(PlanRow.workspace_id == ws)
            .group_by(PlanRow.code)
        ).all()
    )
    return [PlanSummary(plan, counts.get(plan.code, 0)) for plan in read_plans(session, ws)]


def default_plan(session: Session, actor: Actor) -> str:
    """The plan a command means when none is named: the workspace's only top-level plan with indicators.

    With several, the workspace setting ``default_plan`` (written when a dataset is installed) decides if it
    names one of them; otherwise ``ChitieuError("plan_ambiguous")`` lists them. No plan: ``no_plans``.
    """
    summaries = [s for s in list_plans(session, actor) if s.indicator_count]
    codes = {s.plan.code for s in summaries}
    top = [s.plan.code for s in summaries if s.plan.parent_code is None or s.plan.parent_code not in codes]
    if len(top) == 1:
        return top[0]
    if not top:
        raise ChitieuError("no_plans", workspace=actor.workspace)
    chosen = get_workspace(session, actor).settings.get("default_plan")
    if isinstance(chosen, str) and chosen in top:
        return chosen
    raise ChitieuError("plan_ambiguous", workspace=actor.workspace, count=len(top), plans=", ".join(top))


def default_as_of(bundle: PlanBundle, settings: Mapping[str, Any] | None = None) -> int:
    """The as-of year a command means when none is given: the latest period with data.

    That is the last year the plan's whole area has a measured figure for (actual or estimate), else the
    last year of any figure (``chitieu.assessment.as_of.latest_year_with_data``). Without any figure, the
    workspace setting ``default_as_of`` (dataset metadata) when it belongs to this plan (the setting
    ``default_plan``); else ``ChitieuError("as_of_unknown")``.
    """
    from chitieu.assessment.as_of import latest_year_with_data

    year = latest_year_with_data(bundle.observations)
    if year is not None:
        return year
    settings = settings or {}
    fallback = settings.get("default_as_of")
    if isinstance(fallback, int) and settings.get("default_plan") == bundle.plan.code:
        return fallback
    raise ChitieuError("as_of_unknown", plan=bundle.plan.code)


def save_documents(session: Session, actor: Actor, documents: Iterable[CitedDocument]) -> Changes:
    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    changes = Changes()
    write_documents(session, ws, documents, changes)
    record_changes(session, actor, changes, action="registry.save")
    return changes


def load_documents(session: Session, actor: Actor) -> list[CitedDocument]:
    return read_documents(session, workspace_id(session, actor))


def save_org_units(session: Session, actor: Actor, units: Iterable[OrgUnit]) -> Changes:
    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    changes = Changes()
    write_org_units(session, ws, units, changes)
    record_changes(session, actor, changes, action="registry.save")
    return changes


def load_org_units(session: Session, actor: Actor) -> list[OrgUnit]:
    return read_org_units(session, workspace_id(session, actor))
