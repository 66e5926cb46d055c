"""Audit services: consistency findings for the plans of a workspace."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from chitieu.audit import Finding, StatedCount, run_audit
from chitieu.domain import Actor, PlanBundle
from chitieu.services.registry import list_plans, load_bundle, load_org_units


def audit_bundle(bundle: PlanBundle, stated_counts: Sequence[StatedCount] | None = None) -> list[Finding]:
    """Findings for one bundle; the counts its report states (its ``stated_counts`` table) unless given."""
    return run_audit(bundle, stated_counts)


def audit_plans(session: Session, actor: Actor, plan_code: str | None = None) -> list[Finding]:
    """Findings for ``plan_code`` (``ChitieuError("plan_not_found")`` if unknown), or for every plan
    that has indicators (per-unit tables such as Phụ lục 1 may live in a plan of their own)."""
    if plan_code is not None:
        codes = [plan_code]
    else:
        codes = [s.plan.code for s in list_plans(session, actor) if s.indicator_count]
    org_units = None
    findings: list[Finding] = []
    for code in codes:
        bundle = load_bundle(session, actor, code)
        if not bundle.org_units:
            org_units = load_org_units(session, actor) if org_units is None else org_units
            bundle.org_units = list(org_units)
        findings.extend(audit_bundle(bundle))
    return findings
