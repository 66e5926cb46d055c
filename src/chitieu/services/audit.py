"""Audit services: consistency findings for the plans in the database."""

from __future__ import annotations

from collections.abc import Sequence

from chitieu.audit import Finding, StatedCount, run_audit
from chitieu.audit.stated_counts_lc_xiv import LC_XIV_STATED_COUNTS
from chitieu.domain.bundle import PlanBundle
from chitieu.services.database import Database
from chitieu.services.registry import list_plans, load_bundle, load_org_units

# Counts a plan's own report states about its table, by plan code (see chitieu.audit.summary_counts).
STATED_COUNTS: dict[str, Sequence[StatedCount]] = {"LC-XIV": LC_XIV_STATED_COUNTS}


def audit_bundle(bundle: PlanBundle, stated_counts: Sequence[StatedCount] | None = None) -> list[Finding]:
    """Findings for one bundle; the plan's known stated counts are used unless given."""
    counts = STATED_COUNTS.get(bundle.plan.code, ()) if stated_counts is None else stated_counts
    return run_audit(bundle, counts)


def audit_database(database: Database, plan_code: str | None = None) -> list[Finding]:
    """Findings for ``plan_code`` (``ChitieuError("plan_not_found")`` if unknown), or for every plan
    that has indicators (per-unit tables such as Phụ lục 1 may live in a plan of their own)."""
    if plan_code is not None:
        codes = [plan_code]
    else:
        codes = [s.plan.code for s in list_plans(database) if s.indicator_count]
    org_units = None
    findings: list[Finding] = []
    for code in codes:
        bundle = load_bundle(database, code)
        if not bundle.org_units:
            org_units = load_org_units(database) if org_units is None else org_units
            bundle.org_units = list(org_units)
        findings.extend(audit_bundle(bundle))
    return findings
