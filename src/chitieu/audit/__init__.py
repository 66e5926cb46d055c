"""Consistency checks over plan bundles (pure): each check returns ``Finding`` records."""

from chitieu.audit.findings import Finding, Severity
from chitieu.audit.run import run_audit
from chitieu.domain.stated_counts import StatedCount

__all__ = ["Finding", "Severity", "StatedCount", "run_audit"]
