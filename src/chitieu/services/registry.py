"""Registry services: save and load plan bundles, documents and org units (one transaction each)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from chitieu.domain import OrgUnit, Plan, PlanBundle
from chitieu.domain.registry import CitedDocument, Registry
from chitieu.messages import ChitieuError
from chitieu.services.database import Database
from chitieu.store.models import IndicatorRow, PlanRow
from chitieu.store.reader import read_bundle, read_documents, read_org_units, read_plans, read_registry
from chitieu.store.writer import write_bundle, write_documents, write_org_units, write_registry

__all__ = [
    "CitedDocument",
    "PlanSummary",
    "Registry",
    "list_plans",
    "load_bundle",
    "load_documents",
    "load_org_units",
    "load_registry",
    "plan_not_found",
    "save_bundle",
    "save_documents",
    "save_org_units",
    "save_registry",
]


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """A plan as listed: the plan and how many indicators it has."""

    plan: Plan
    indicator_count: int


def plan_not_found(plan_code: str) -> ChitieuError:
    return ChitieuError("plan_not_found", code=plan_code)


def save_bundle(database: Database, bundle: PlanBundle, *, replace: bool = True) -> None:
    """Store the bundle (plan, related plans, org units, groups, indicators, targets, observations).

    With ``replace`` the plan's previous content is replaced; without it an existing plan is an error.
    All or nothing: any error leaves the database as it was.
    """
    with database.session() as session:
        write_bundle(session, bundle, replace=replace)


def save_registry(database: Database, registry: Registry, *, replace: bool = True) -> None:
    """Store a whole registry (documents, org units, plans and their content) in one transaction."""
    with database.session() as session:
        write_registry(session, registry, replace=replace)


def load_bundle(database: Database, plan_code: str) -> PlanBundle:
    """The plan's bundle; ``ChitieuError("plan_not_found")`` when there is no such plan."""
    with database.session() as session:
        bundle = read_bundle(session, plan_code)
    if bundle is None:
        raise plan_not_found(plan_code)
    return bundle


def load_registry(database: Database, plan_code: str | None = None) -> Registry:
    """Everything stored, or one plan with its related plans and the documents they cite."""
    with database.session() as session:
        if plan_code is not None and session.scalar(select(PlanRow.id).where(PlanRow.code == plan_code)) is None:
            raise plan_not_found(plan_code)
        return read_registry(session, plan_code)


def list_plans(database: Database) -> list[PlanSummary]:
    """All plans in storage order, with their indicator counts."""
    with database.session() as session:
        counts = dict(
            session.execute(
                select(PlanRow.code, func.count(IndicatorRow.id))
                .outerjoin(IndicatorRow, IndicatorRow.plan_id == PlanRow.id)
                .group_by(PlanRow.code)
            ).all()
        )
        return [PlanSummary(plan, counts.get(plan.code, 0)) for plan in read_plans(session)]


def save_documents(database: Database, documents: Iterable[CitedDocument]) -> None:
    with database.session() as session:
        write_documents(session, documents)


def load_documents(database: Database) -> list[CitedDocument]:
    with database.session() as session:
        return read_documents(session)


def save_org_units(database: Database, units: Iterable[OrgUnit]) -> None:
    with database.session() as session:
        write_org_units(session, units)


def load_org_units(database: Database) -> list[OrgUnit]:
    with database.session() as session:
        return read_org_units(session)
