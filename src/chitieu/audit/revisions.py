"""(d) Targets that changed between versions: draft → adopted → revised."""

from __future__ import annotations

from itertools import pairwise

from chitieu.audit.context import indicator_name
from chitieu.audit.findings import Finding, Severity, make_finding, where
from chitieu.audit.precision import decimals_in, round_half_up, show
from chitieu.domain.bundle import PlanBundle
from chitieu.domain.targets import Target, TargetVersion
from chitieu.messages import msg
from chitieu.vocab.units import conversion_factor

VERSION_ORDER = (TargetVersion.DRAFT, TargetVersion.ADOPTED, TargetVersion.REVISED)
VERSION_LABELS = {TargetVersion.DRAFT: "audit_version_draft", TargetVersion.ADOPTED: "audit_version_adopted",
                  TargetVersion.REVISED: "audit_version_revised"}


def _numbers(target: Target, factor: float) -> tuple[float | None, ...]:
    return tuple(v * factor if v is not None else None for v in (target.value, target.low, target.high))


def check_target_revisions(bundle: PlanBundle) -> list[Finding]:
    """Each change between consecutive versions of an indicator's target.

    A change of number is a warning (a decision someone should be able to point to); a change only of
    the comparator ("trên 93%" → "93,0%") or of rounding (62,79 → 62,8) is info.
    """
    findings: list[Finding] = []
    codes = dict.fromkeys(t.indicator_code for t in bundle.targets)
    for code in codes:
        versions = sorted(bundle.targets_of(code), key=lambda t: VERSION_ORDER.index(t.version))
        for old, new in pairwise(versions):
            factor = conversion_factor(old.unit, new.unit) if old.unit and new.unit else 1.0
            before, after = _numbers(old, factor or 1.0), _numbers(new, 1.0)
            if before == after and old.op is new.op:
                continue
            severity = Severity.WARNING
            if before != after and all(
                (a is None) == (b is None) for a, b in zip(before, after, strict=True)
            ):
                coarse = min(decimals_in(v) for v in (*before, *after) if v is not None)
                if all(a is None or round_half_up(a, coarse) == round_half_up(b, coarse)  # type: ignore[arg-type]
                       for a, b in zip(before, after, strict=True)):
                    severity = Severity.INFO
            elif before == after:
                severity = Severity.INFO
            findings.append(
                make_finding(
                    "target_revised",
                    severity,
                    indicator_code=code,
                    indicator_name=indicator_name(bundle, code),
                    expected=old.text or show(old.value),
                    actual=new.text or show(new.value),
                    locations=(where(old.provenance), where(new.provenance)),
                    old=msg(VERSION_LABELS[old.version]),
                    new=msg(VERSION_LABELS[new.version]),
                )
            )
    return findings
