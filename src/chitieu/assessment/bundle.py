"""Assess every indicator of a plan bundle at a year (``as_of``) or projected to the deadline (``forecast``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from chitieu.assessment.as_of import FLAG_RANK, comparable_target, first_year, judged_year, observation_as_of
from chitieu.assessment.conventions import DEFAULT_PROFILE, ConventionProfile
from chitieu.assessment.engine import Assessment, assess
from chitieu.assessment.forecast import ForecastMethod, forecast_to_deadline
from chitieu.assessment.pace import required_pace
from chitieu.assessment.stage import Stage, stage_for_year
from chitieu.assessment.verdict import verdicts_agree
from chitieu.domain import (
    Indicator,
    Observation,
    ObservationFlag,
    Op,
    PlanBundle,
    Polarity,
    Quantity,
    Target,
    TargetKind,
)
from chitieu.messages import msg
from chitieu.numbers import format_number
from chitieu.quantities import QuantityError, parse_change
from chitieu.vocab.polarity_cues import infer_polarity
from chitieu.vocab.verdicts import parse_verdict

_FLAG_PREFERENCE = FLAG_RANK
_LEAD = {ObservationFlag.ACTUAL: "lead_actual", ObservationFlag.ESTIMATE: "lead_estimate",
         ObservationFlag.PROJECTION: "lead_forecast"}


@dataclass(frozen=True, slots=True)
class AssessmentRow:
    """One indicator's assessment: the one row type the CLI, reports, web and API emit.

    ``plan_code`` names the plan assessed; ``org_unit`` is the org unit's code, or None for the plan's
    whole area. ``to_dict`` gives the JSON keys of ``chitieu assess --format json``.
    """

    plan_code: str
    org_unit: str | None
    code: str
    number: str
    group: str | None
    group_name: str
    name: str
    unit: str
    target: str
    value: float | None
    value_text: str
    ratio: float | None
    gap: float | None
    gap_unit: str
    status: str
    status_vi: str
    explanation: str
    stage: str
    polarity: str
    polarity_reason: str
    period: str
    basis: str
    official_status: str | None
    official_text: str | None
    agrees: bool | None
    forecast_value: float | None = None
    forecast_method: str | None = None
    required_linear_per_year: float | None = None
    required_cagr_percent: float | None = None
    required_average: float | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def target_quantity(target: Target) -> tuple[Quantity, int]:
    """The target as a Quantity, with the direction word of its text ("giảm 1,5%/năm" → -1)."""
    direction = 0
    if target.text:
        try:
            direction = parse_change(target.text)[1]
        except QuantityError:
            direction = 0
    q = Quantity(op=target.op, value=target.value, low=target.low, high=target.high, unit=target.unit,
                 boolean=True if target.op is Op.DONE else None, text=target.text,
                 per_year=target.kind in (TargetKind.ANNUAL_RATE, TargetKind.PER_YEAR))
    return q, direction


def observation_quantity(obs: Observation, unit: str) -> tuple[Quantity, int] | None:
    """The observed value as a Quantity in the target's unit (bounds like ">5" kept)."""
    if obs.op is Op.DONE:  # "Hoàn thành" / "Chưa thực hiện": stored as 1 / 0
        return Quantity(op=Op.DONE, value=obs.value, boolean=None if obs.value is None else obs.value != 0,
                        unit=unit, text=obs.text), 0
    if obs.value is not None:
        direction = 0
        if obs.text:
            try:
                direction = parse_change(obs.text)[1]
            except QuantityError:
                direction = 0
        return Quantity(op=obs.op, value=obs.value, unit=unit, text=obs.text), direction
    if obs.text:
        try:
            return parse_change(obs.text)
        except QuantityError:
            return None
    return None


def _yearly_points(
    observations: list[Observation], up_to: int | None, start: int | None, kind: TargetKind = TargetKind.LEVEL
) -> list[tuple[int, float]]:
    """(year, value) measurements up to ``up_to``, one per year, the most final flag winning.

    For a level target a span observation ("2021-2023": the level reached by 2023) is a point at its last
    year too, unless a yearly figure exists; projections are not measurements and never become points.
    """
    best: dict[int, Observation] = {}
    for o in observations:
        if o.value is None or o.op is not Op.EQ or o.flag in (ObservationFlag.PLAN, ObservationFlag.PROJECTION):
            continue
        if not o.period.is_year and kind is not TargetKind.LEVEL:
            continue
        if up_to is not None and o.period.end > up_to:
            continue
        if start is not None and o.period.end < start:
            continue
        y = o.period.end
        current = best.get(y)
        if current is None or (current.period.is_year, -_FLAG_PREFERENCE[current.flag]) < (
            o.period.is_year,
            -_FLAG_PREFERENCE[o.flag],
        ):
            best[y] = o
    return sorted((y, o.value) for y, o in best.items() if o.value is not None)


def indicator_polarity(indicator: Indicator, target: Quantity, parent: Indicator | None) -> tuple[Polarity, str]:
    """The registry's polarity when it says anything but the default, else inferred from the wording."""
    if indicator.polarity is not Polarity.HIGHER_BETTER:
        return indicator.polarity, msg("polarity_registry")
    return infer_polarity(indicator.name, target, parent.name if parent else None)


def assess_bundle(bundle: PlanBundle, *, as_of: int | None = None, forecast: bool = False,
                  profile: ConventionProfile = DEFAULT_PROFILE) -> list[AssessmentRow]:
    """Assess each indicator that has a target: at year ``as_of`` or, with ``forecast``, at its deadline,
    under the verdict conventions of ``profile``."""
    if as_of is None and not forecast:
        raise ValueError("as_of or forecast is required")
    groups = {g.code: g.name for g in bundle.groups}
    rows: list[AssessmentRow] = []
    for indicator in sorted(bundle.indicators, key=lambda i: i.order):
        target = bundle.current_target(indicator.code)
        if target is None:
            continue  # a header row such as "Cơ cấu kinh tế"
        parent = bundle.indicator(indicator.parent_code) if indicator.parent_code else None
        rows.append(_assess_indicator(bundle, indicator, target, parent, groups, as_of, forecast, profile))
    return rows


def _assess_indicator(
    bundle: PlanBundle,
    indicator: Indicator,
    target: Target,
    parent: Indicator | None,
    groups: dict[str, str],
    as_of: int | None,
    forecast: bool,
    profile: ConventionProfile = DEFAULT_PROFILE,
) -> AssessmentRow:
    unit = target.unit or indicator.unit
    target_q, target_dir = target_quantity(target)
    polarity, reason = indicator_polarity(indicator, target_q, parent)
    deadline = target.deadline or bundle.plan.term_end
    start = target.start_year or bundle.plan.term_start
    observations = bundle.observations_of(indicator.code)
    horizon = deadline if forecast else (judged_year(as_of, deadline) if as_of is not None else None)
    points = _yearly_points(observations, horizon, start, target.kind)
    base_year, base_value = target.baseline_year, target.baseline_value
    if target.kind is TargetKind.LEVEL and base_year is not None and base_value is not None \
            and all(y != base_year for y, _ in points):
        points = sorted([*points, (base_year, base_value)])
    ref = target_q.value if target_q.value is not None else (target_q.low if target_q.low is not None else None)
    pace = required_pace(ref, points, deadline, kind=target.kind, start_year=start) if ref is not None and deadline else None

    chosen: Observation | None = None
    result: tuple[Quantity, int] | None = None
    fc = None
    judged_q = target_q
    basis = ""
    if forecast:
        stage = Stage.FORECAST
        chosen = observation_as_of(observations, deadline, deadline=deadline, kind=target.kind,
                                   start_year=start) if deadline else None
        if chosen is not None and chosen.period.end != deadline:
            chosen = None  # a figure of an earlier year is not a value at the deadline: forecast instead
        if chosen is not None:
            result = observation_quantity(chosen, unit)
            basis = msg("basis_observation", flag=chosen.flag.label_vi, period=chosen.period.label())
        elif deadline and points:
            fc = forecast_to_deadline(points, deadline, kind=target.kind, unit=unit)
            if fc is not None:
                result = (Quantity(value=fc.value, unit=unit, text=format_number(fc.value)), 0)
            basis = msg("basis_forecast", method=fc.method.label_vi) if fc else ""
        lead = "lead_forecast"
        shown_period = str(deadline) if deadline else ""
    else:
        assert as_of is not None
        stage = stage_for_year(as_of, deadline)
        year = judged_year(as_of, deadline)
        chosen = observation_as_of(observations, as_of, deadline=deadline, kind=target.kind, start_year=start)
        derived_points = _term_points(points, year, start, deadline)
        if chosen is not None and chosen.period.is_year and target.kind is not TargetKind.LEVEL \
                and len(derived_points) > 1 and derived_points[-1][0] == chosen.period.end:
            chosen = None  # one year of a rate/flow target says less than the average of the years so far
        shown_period = ""
        if chosen is not None:
            result = observation_quantity(chosen, unit)
            basis = msg("basis_observation", flag=chosen.flag.label_vi, period=chosen.period.label())
            lead = _LEAD.get(chosen.flag, "lead_actual")
        else:
            result, basis, shown_period = _derived_result(derived_points, target.kind, unit, year)
            lead = "lead_actual"
    if chosen is not None:
        shown_period = chosen.period.label()
        compared = comparable_target(target_q, target, chosen.period, unit, chosen.op)
        if compared.years > 1:
            judged_q = compared.quantity
            basis += msg("basis_years_target", years=compared.years)
    a: Assessment = assess(
        judged_q, result[0] if result else None, polarity=polarity, stage=stage, unit=unit,
        indicator_code=indicator.code, deadline=deadline, basis=basis, lead=lead, forecast=fc,
        required_pace=pace if stage is not Stage.FINAL else None,
        target_direction=target_dir, result_direction=result[1] if result else 0, profile=profile,
    )
    official = parse_verdict(chosen.stated_verdict) if chosen is not None else None
    return AssessmentRow(
        plan_code=bundle.plan.code, org_unit=None, code=indicator.code, number=indicator.number, group=indicator.group_code,
        group_name=groups.get(indicator.group_code or "", ""), name=indicator.name, unit=indicator.unit or unit,
        target=target.text or target_q.text, value=a.value,
        value_text=(chosen.text if chosen is not None and chosen.text else format_number(a.value)),
        ratio=None if a.ratio is None else round(a.ratio, 1), gap=None if a.gap is None else round(a.gap, 2),
        gap_unit=a.gap_unit, status=a.status.value, status_vi=a.status_vi, explanation=a.explanation,
        stage=stage.value, polarity=polarity.value, polarity_reason=reason,
        period=shown_period,
        basis=basis, official_status=official.value if official else None,
        official_text=chosen.stated_verdict if chosen is not None else None,
        agrees=verdicts_agree(a.status, official),
        forecast_value=fc.value if fc else (a.value if forecast and chosen is not None else None),
        forecast_method=fc.method.value if fc else (ForecastMethod.GIVEN_ESTIMATE.value if forecast and chosen else None),
        required_linear_per_year=pace.linear_per_year if pace else None,
        required_cagr_percent=pace.cagr_percent if pace else None,
        required_average=pace.average_needed if pace else None,
    )


def _term_points(points: list[tuple[int, float]], year: int, start: int | None,
                 deadline: int | None) -> list[tuple[int, float]]:
    """Yearly values of the term up to ``year`` (what an average or a sum of the years so far is made of)."""
    first = first_year(start, deadline)
    return [(y, v) for y, v in points if y <= year and (first is None or y >= first)]


def _derived_result(
    points: list[tuple[int, float]], kind: TargetKind, unit: str, as_of: int
) -> tuple[tuple[Quantity, int] | None, str, str]:
    """Without one observation to stand for the target: average (rates), sum (cumulative) or latest (levels)
    of the yearly values, with the basis and the period they cover."""
    if not points:
        return None, "", ""
    values = [v for _, v in points]
    span = f"{points[0][0]}-{points[-1][0]}" if len(points) > 1 else str(points[0][0])
    if kind in (TargetKind.ANNUAL_RATE, TargetKind.PER_YEAR):
        value, basis = sum(values) / len(values), msg("basis_average", span=span)
    elif kind is TargetKind.CUMULATIVE:
        value, basis = sum(values), msg("basis_sum", span=span)
    else:
        year, value = points[-1]
        basis = msg("basis_year" if year == as_of else "basis_latest", year=year)
        span = str(year)
    return (Quantity(value=value, unit=unit, text=format_number(value)), 0), basis, span
