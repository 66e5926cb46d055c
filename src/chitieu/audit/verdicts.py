"""(f) The printed verdict against what the result and the target imply."""

from __future__ import annotations

from chitieu.assessment.as_of import years_covered
from chitieu.assessment.tolerance import DEFAULT_TOLERANCE
from chitieu.assessment.verdict import Outcome, compare, target_bounds
from chitieu.audit.context import (
    indicator_name,
    result_quantity,
    target_quantity,
    unit_of,
)
from chitieu.audit.findings import Finding, Severity, make_finding, where
from chitieu.audit.precision import show
from chitieu.domain.bundle import PlanBundle
from chitieu.domain.indicators import Polarity
from chitieu.domain.quantity import Op
from chitieu.messages import msg
from chitieu.vocab.verdicts import Status, parse_verdict

SUCCESS = frozenset({Status.EXCEEDED, Status.ACHIEVED})
MISS = frozenset({Status.NOT_YET, Status.NOT_ACHIEVED, Status.AT_RISK})
# A structure share called "Đạt"/"Vượt" while further than this from its planned share (points).
STRUCTURE_FAR = 2.0


def check_verdicts(bundle: PlanBundle) -> list[Finding]:
    """Only clear contradictions: a success printed for a clear miss, or a miss printed for a clear success.

    Results written as bounds, boolean targets and "Đạt" against "Vượt" are left alone (matters of
    convention, see docs/reports.md); structure shares are flagged only when far from the plan.
    """
    findings: list[Finding] = []
    for obs in bundle.observations:
        official = parse_verdict(obs.stated_verdict)
        if official is None or obs.value is None or obs.op is not Op.EQ:
            continue
        target = bundle.current_target(obs.indicator_code)
        indicator = bundle.indicator(obs.indicator_code)
        if target is None or indicator is None or target.op is Op.DONE or indicator.polarity is Polarity.BOOLEAN:
            continue
        unit = unit_of(bundle, obs.indicator_code)
        years = years_covered(target, obs.period, unit, obs.op)
        wanted = target_quantity(target, years)
        bounds = target_bounds(wanted)
        if bounds is None:
            continue
        if indicator.polarity is Polarity.NEUTRAL_STRUCTURE:
            distance = max(bounds[0] - obs.value, obs.value - bounds[1], 0.0)
            contradiction = official in SUCCESS and distance > STRUCTURE_FAR
        else:
            band = DEFAULT_TOLERANCE.band(bounds[0], unit, indicator.polarity)
            outcome = compare(wanted, result_quantity(obs), indicator.polarity, band)
            contradiction = (official in SUCCESS and outcome is Outcome.MISSED) or (
                official in MISS and outcome in (Outcome.MET, Outcome.EXCEEDED)
            )
        if not contradiction:
            continue
        per_year = msg("audit_years_times_target", years=years, target=target.text or show(target.value)) if years > 1 else ""
        findings.append(
            make_finding(
                "verdict_inconsistent",
                Severity.WARNING,
                indicator_code=obs.indicator_code,
                indicator_name=indicator_name(bundle, obs.indicator_code),
                period=obs.period.label(),
                expected=msg("audit_expected_missed" if official in SUCCESS else "audit_expected_met"),
                actual=obs.stated_verdict or "",
                locations=(where(obs.provenance),),
                value=obs.text or show(obs.value),
                target=(wanted.text if years == 1 else show(bounds[0])) + per_year,
            )
        )
    return findings
