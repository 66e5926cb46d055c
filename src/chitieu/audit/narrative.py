"""(c) The same indicator, period and org unit given different values in different places."""

from __future__ import annotations

from collections import defaultdict

from chitieu.audit.context import indicator_name
from chitieu.audit.findings import Finding, Severity, make_finding, where
from chitieu.audit.precision import decimals_in, round_half_up, show
from chitieu.domain.bundle import PlanBundle
from chitieu.domain.observations import Observation, ObservationFlag
from chitieu.domain.quantity import Op
from chitieu.domain.targets import TargetKind
from chitieu.messages import msg


def _key_period(bundle: PlanBundle, obs: Observation) -> int | tuple[int, int]:
    """Levels (rates, stocks) of "2021-2023" are the level at the end of 2023; averages keep their span."""
    target = bundle.current_target(obs.indicator_code)
    if target is not None and target.kind in (TargetKind.ANNUAL_RATE, TargetKind.PER_YEAR, TargetKind.CUMULATIVE):
        return (obs.period.start, obs.period.end)
    return obs.period.end


def check_value_conflicts(bundle: PlanBundle) -> list[Finding]:
    """One finding per indicator/period/org unit whose sources disagree.

    The table figure (the observation carrying an official verdict) is the reference. Values that agree
    once the more precise one is rounded to the other's decimals are reported as "info" (47,45 vs 47,5).
    """
    groups: dict[tuple[str, int | tuple[int, int], str | None], list[Observation]] = defaultdict(list)
    for obs in bundle.observations:
        if obs.value is None or obs.op is not Op.EQ or obs.flag is ObservationFlag.PLAN:
            continue
        groups[(obs.indicator_code, _key_period(bundle, obs), obs.org_unit_code)].append(obs)
    findings: list[Finding] = []
    for (code, _, unit), observations in groups.items():
        reference = next((o for o in observations if o.stated_verdict), observations[0])
        for other in observations:
            if other is reference or where(other.provenance) == where(reference.provenance):
                continue
            if other.value == reference.value:
                continue
            assert other.value is not None and reference.value is not None
            coarse = min(decimals_in(other.value, other.text), decimals_in(reference.value, reference.text))
            rounding_only = round_half_up(other.value, coarse) == round_half_up(reference.value, coarse)
            findings.append(
                make_finding(
                    "value_conflict",
                    Severity.INFO if rounding_only else Severity.WARNING,
                    indicator_code=code,
                    indicator_name=indicator_name(bundle, code),
                    org_unit_code=unit,
                    period=other.period.label(),
                    expected=reference.text or show(reference.value),
                    actual=other.text or show(other.value),
                    locations=(where(reference.provenance), where(other.provenance)),
                    note=msg("audit_note_rounding") if rounding_only else "",
                )
            )
    return findings
