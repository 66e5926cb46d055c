"""Findings of the audit: inconsistencies in the documents, reported as data."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum

from chitieu.domain.provenance import Provenance
from chitieu.messages import msg


class Severity(StrEnum):
    ERROR = "error"  # the figures contradict each other
    WARNING = "warning"  # probably a mistake or an undocumented change; a person should look
    INFO = "info"  # a difference explained by rounding or wording


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One inconsistency: what was expected (recomputed), what the document states, and where."""

    code: str  # ratio_mismatch, total_mismatch, unit_ratio_mismatch, value_conflict, target_revised, ...
    severity: Severity
    message: str  # Vietnamese, for people
    indicator_code: str | None = None
    indicator_name: str = ""
    org_unit_code: str | None = None
    period: str = ""
    expected: str = ""
    actual: str = ""
    locations: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["locations"] = list(self.locations)
        return data


def make_finding(
    code: str,
    severity: Severity,
    *,
    indicator_code: str | None = None,
    indicator_name: str = "",
    org_unit_code: str | None = None,
    period: str = "",
    expected: str = "",
    actual: str = "",
    locations: tuple[str, ...] = (),
    **fields: object,
) -> Finding:
    """A finding whose message is the catalogue sentence ``audit_<code>`` filled with the given fields."""
    message = msg(
        f"audit_{code}",
        name=indicator_name,
        period=period,
        expected=expected,
        actual=actual,
        unit=org_unit_code or "",
        **fields,
    )
    return Finding(code, severity, message, indicator_code, indicator_name, org_unit_code, period, expected, actual,
                   locations)


def where(provenance: Provenance | None) -> str:
    """A short human-readable source location ("002, Phụ lục 3, dòng 8")."""
    return provenance.short() if provenance is not None else ""


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.code, f.indicator_code or "", f.period))
