"""(a) The printed "% so với mục tiêu" against the ratio recomputed from the result and the target."""

from __future__ import annotations

from chitieu.assessment.as_of import years_covered
from chitieu.assessment.ratio import reference_value
from chitieu.audit.context import indicator_name, target_quantity, unit_of
from chitieu.audit.findings import Finding, Severity, make_finding, where
from chitieu.audit.precision import agrees_at, decimals_in, show, show_percent
from chitieu.domain.bundle import PlanBundle
from chitieu.domain.indicators import Polarity
from chitieu.domain.quantity import Op
from chitieu.messages import msg


def check_stated_ratios(bundle: PlanBundle) -> list[Finding]:
    """One finding per observation whose printed % does not follow from value ÷ target.

    A result written as a bound (">80") gives no ratio, except against the very same bound (100%).
    A per-year target compared with a total over several years counts once per year.
    """
    findings: list[Finding] = []
    for obs in bundle.observations:
        if obs.stated_ratio is None or obs.value is None:
            continue
        target = bundle.current_target(obs.indicator_code)
        if target is None:
            continue
        unit = unit_of(bundle, obs.indicator_code)
        years = years_covered(target, obs.period, unit, obs.op)
        indicator = bundle.indicator(obs.indicator_code)
        polarity = indicator.polarity if indicator is not None else Polarity.HIGHER_BETTER
        reference = reference_value(target_quantity(target, years), polarity)
        if reference is None or reference <= 0:
            continue
        if obs.op is not Op.EQ:
            if obs.op is not target.op or obs.value != target.value:
                continue
            recomputed = 100.0
        else:
            recomputed = obs.value / reference * 100
        decimals = decimals_in(obs.stated_ratio)
        if agrees_at(obs.stated_ratio, recomputed, decimals):
            continue
        per_year = msg("audit_times_years", years=years) if years > 1 else ""
        findings.append(
            make_finding(
                "ratio_mismatch",
                Severity.ERROR if abs(recomputed - obs.stated_ratio) >= 1 else Severity.WARNING,
                indicator_code=obs.indicator_code,
                indicator_name=indicator_name(bundle, obs.indicator_code),
                period=obs.period.label(),
                expected=show_percent(recomputed, max(decimals, 1)),
                actual=show_percent(obs.stated_ratio, decimals),
                locations=(where(obs.provenance),),
                value=obs.text or obs.value,
                target=f"{target.text or show(target.value)}{per_year}",
            )
        )
    return findings
