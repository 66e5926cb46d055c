"""All audit checks over one plan bundle (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from chitieu.audit.findings import Finding, sort_findings
from chitieu.audit.narrative import check_value_conflicts
from chitieu.audit.ratios import check_stated_ratios
from chitieu.audit.revisions import check_target_revisions
from chitieu.audit.summary_counts import check_summary_counts
from chitieu.audit.unit_tables import check_unit_tables
from chitieu.audit.verdicts import check_verdicts
from chitieu.domain.bundle import PlanBundle
from chitieu.domain.stated_counts import StatedCount


def run_audit(bundle: PlanBundle, stated_counts: Sequence[StatedCount] | None = None) -> list[Finding]:
    """Findings of every check, errors first; the stated counts are the bundle's unless given."""
    if stated_counts is None:
        stated_counts = bundle.stated_counts
    findings = [
        *check_stated_ratios(bundle),
        *check_unit_tables(bundle),
        *check_value_conflicts(bundle),
        *check_target_revisions(bundle),
        *check_summary_counts(bundle, stated_counts),
        *check_verdicts(bundle),
    ]
    return sort_findings(findings)
