"""Assess the disbursement of programme capital like any other indicator (pure).

For each programme node (and each unit it allocated to, and each source when there are several) of one
capital period: capital planned (the period's own and carried over), disbursed up to the day asked, the
rate, and the verdict of the rate against the disbursement target by the same row engine every indicator
goes through (``chitieu.assessment.engine.assess``), at the stage the day implies (before the deadline a
shortfall is "Chưa đạt", after it "Không đạt"). The year-end rate is forecast from the path of the rate
over the year (the engine's ``forecast_to_deadline``, days as the time axis) and judged as a forecast
("Khó đạt" when it falls short); the pace still needed is the engine's ``required_pace`` per month.

A node without a target of its own takes its parent's (a programme's target holds for its components).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from chitieu.assessment.budget_totals import BudgetTotals, disjoint_sources
from chitieu.assessment.bundle import AssessmentRow
from chitieu.assessment.conventions import DEFAULT_PROFILE, ConventionProfile
from chitieu.assessment.engine import Assessment, assess
from chitieu.assessment.forecast import Forecast, forecast_to_deadline
from chitieu.assessment.pace import required_pace
from chitieu.assessment.ratio import reference_value
from chitieu.assessment.stage import Stage
from chitieu.domain.indicators import Polarity
from chitieu.domain.observations import Period
from chitieu.domain.plans import Plan
from chitieu.domain.programmes import (
    ALL_SOURCES_VI,
    PROGRAMME_KINDS,
    CapitalKind,
    CapitalPlan,
    CapitalSource,
    Disbursement,
    DisbursementTarget,
    ProgrammeBudget,
)
from chitieu.domain.quantity import Quantity
from chitieu.domain.targets import TargetKind
from chitieu.messages import msg
from chitieu.numbers import format_number
from chitieu.vocab.verdicts import Status

RATE_UNIT = "%"
DAYS_PER_MONTH = 30.4375
RATE_MISMATCH_POINTS = 0.5  # a printed rate this far from the one its amounts give is worth a note
NO_TARGET = "no_target"


def vi_day(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day is not None else ""


def rate_text(rate: float | None) -> str:
    return f"{format_number(round(rate, 2))}%" if rate is not None else ""


def money_text(amount: float | None) -> str:
    if amount is None:
        return ""
    return msg("money_million", amount=format_number(amount, 0 if abs(amount) >= 100 else 2))


@dataclass(frozen=True, slots=True)
class DisbursementRow:
    """One programme node, unit and source: money, rate, verdict now and forecast, with the engine's row."""

    plan_code: str
    plan_title: str
    plan_kind: str
    depth: int
    org_unit: str | None
    org_unit_name: str
    source: str | None
    source_vi: str
    period: str
    as_of: date
    data_as_of: date | None  # the latest day of the disbursement figures used
    allocated: float | None  # capital planned, carried-over capital included (triệu đồng)
    allocated_annual: float | None
    carried_over: float | None
    disbursed: float | None
    rate: float | None
    rate_basis: str  # "amounts" | "stated" | ""
    target: str
    target_plan: str | None  # the node whose target applies (itself or an ancestor)
    deadline: date | None
    status: str
    status_vi: str
    forecast_rate: float | None
    forecast_method: str | None
    forecast_status: str
    forecast_status_vi: str
    required_per_month: float | None  # points of rate still needed each month
    explanation: str
    path: tuple[tuple[date, float], ...] = ()
    notes: tuple[str, ...] = ()
    row: AssessmentRow | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, object]:
        """The engine row's keys (as ``chitieu assess --format json``) and the money keys of programmes."""
        out: dict[str, object] = self.row.to_dict() if self.row is not None else {}
        mine = {k: v for k, v in asdict(self).items() if k != "row"}
        mine["as_of"] = self.as_of.isoformat()
        mine["data_as_of"] = self.data_as_of.isoformat() if self.data_as_of else None
        mine["deadline"] = self.deadline.isoformat() if self.deadline else None
        mine["path"] = [[d.isoformat(), r] for d, r in self.path]
        mine["notes"] = list(self.notes)
        out.update(mine)
        return out


def default_period(budget: ProgrammeBudget, as_of: date) -> Period | None:
    """The capital period a view means when none is named: the latest one with figures that has begun."""
    rows: list[CapitalPlan | Disbursement] = [*budget.capital_plans, *budget.disbursements]
    periods = {r.period for r in rows if r.period.start <= as_of.year}
    return max(periods, key=lambda p: (p.end, p.start)) if periods else None  # the year itself before a span


def target_for(budget: ProgrammeBudget, code: str, period: Period, source: CapitalSource | None
               ) -> DisbursementTarget | None:
    """The target that holds for the node, period and source: the node's own most specific one, else its
    parent's, up the tree."""
    seen: set[str] = set()
    current: str | None = code
    while current is not None and current not in seen:
        seen.add(current)
        own = [t for t in budget.targets if t.plan_code == current
               and (t.period is None or t.period == period) and (t.source is None or t.source == source)]
        if own:
            return max(own, key=lambda t: (t.period is not None, t.source is not None))
        plan = budget.plan(current)
        current = plan.parent_code if plan is not None else None
    return None


def _target_quantity(t: DisbursementTarget) -> Quantity:
    return Quantity(op=t.op, value=t.value, low=t.low, high=t.high, unit=RATE_UNIT, text=t.text)


@dataclass(slots=True)
class _Rate:
    rate: float | None = None
    basis: str = ""
    day: date | None = None
    allocated: float | None = None
    disbursed: float | None = None
    notes: list[str] = field(default_factory=list)


def _rate_on(totals: BudgetTotals, code: str, unit: str | None, source: CapitalSource | None, day: date) -> _Rate:
    out = _Rate()
    allocated = totals.allocated(code, unit, source, None)
    disbursed = totals.disbursed_on(code, unit, source, None, day)
    stated = totals.stated_rate_on(code, unit, source, None, day)
    out.allocated = allocated.value if allocated else None
    out.disbursed = disbursed.value if disbursed else None
    if allocated is not None and allocated.value > 0 and disbursed is not None:
        out.rate, out.basis, out.day = disbursed.value / allocated.value * 100, "amounts", disbursed.as_of
        if disbursed.mixed_days:
            out.notes.append(msg("disb_mixed_days", day=vi_day(disbursed.as_of)))
        if stated is not None and stated.as_of == disbursed.as_of and stated.stated_rate is not None \
                and abs(stated.stated_rate - out.rate) > RATE_MISMATCH_POINTS:
            out.notes.append(msg("disb_rate_mismatch", stated=rate_text(stated.stated_rate), computed=rate_text(out.rate)))
    elif stated is not None:
        out.rate, out.basis, out.day = stated.stated_rate, "stated", stated.as_of
        if stated.note:
            out.notes.append(stated.note)
    return out


def _path(totals: BudgetTotals, code: str, unit: str | None, source: CapitalSource | None, up_to: date
          ) -> list[tuple[date, float]]:
    points: dict[date, float] = {}
    for day in totals.days(code, unit):
        if day > up_to:
            break
        r = _rate_on(totals, code, unit, source, day)
        if r.rate is not None and r.day is not None:
            points[r.day] = r.rate
    return sorted(points.items())


def _forecast(path: list[tuple[date, float]], start: date, deadline: date) -> Forecast | None:
    """The rate at the deadline from the path (days since the period began as the time axis). With one
    figure the year is taken to have started from nothing; a rate above 100% of the plan is not forecast."""
    points = [((d - start).days, r) for d, r in path if d <= deadline]
    if not points or points[-1][0] >= (deadline - start).days:
        return None
    if len(points) == 1:
        points = [(0, 0.0), *points]
    found = forecast_to_deadline(points, (deadline - start).days, kind=TargetKind.LEVEL, unit=RATE_UNIT)
    if found is None:
        return None
    capped = min(max(found.value, points[-1][1]), max(100.0, points[-1][1]))
    return Forecast(found.method, capped, deadline.year, found.points_used)


def assess_disbursement(
    budget: ProgrammeBudget,
    *,
    as_of: date,
    period: Period | None = None,
    root: str | None = None,
    by_unit: bool = True,
    by_source: bool = True,
    profile: ConventionProfile = DEFAULT_PROFILE,
) -> list[DisbursementRow]:
    """Rows for every node of the tree (below ``root`` when given) that has capital or disbursement figures
    for ``period`` (default: the latest period begun by ``as_of``), per unit and per source when asked, judged
    under the workspace's verdict conventions (``profile``)."""
    period = period or default_period(budget, as_of)
    if period is None:
        return []
    totals = BudgetTotals(budget, period)
    units = {u.code: u.name for u in budget.org_units}
    rows: list[DisbursementRow] = []
    for plan, depth in budget.tree(root):
        if not totals.has_data(plan.code) or (plan.kind not in PROGRAMME_KINDS and not totals.has_own_data(plan.code)):
            continue  # a resolution above programmes does not add up their money (they may overlap)
        for unit in [None, *(totals.units_of(plan.code) if by_unit else [])]:
            present = disjoint_sources(totals.sources_of(plan.code, unit))
            sources: list[CapitalSource | None] = [None, *(present if by_source and len(present) > 1 else [])]
            found = [r for s in sources if (r := _row(budget, totals, plan, depth, unit, units.get(unit or "", ""), s,
                                                   period, as_of, profile)) is not None]
            if len(found) == 2 and found[1].source is not None:
                found = found[:1]  # one source with figures: its line would repeat the total
            rows.extend(found)
    return rows


def _row(budget: ProgrammeBudget, totals: BudgetTotals, plan: Plan, depth: int, unit: str | None, unit_name: str,
         source: CapitalSource | None, period: Period, as_of: date,
         profile: ConventionProfile = DEFAULT_PROFILE) -> DisbursementRow | None:
    current = _rate_on(totals, plan.code, unit, source, as_of)
    annual = totals.allocated(plan.code, unit, source, CapitalKind.ANNUAL)
    carried = totals.allocated(plan.code, unit, source, CapitalKind.CARRIED_OVER)
    if not current.allocated and not current.rate and not current.disbursed and (source is not None or unit is not None):
        return None  # a source or unit line with nothing in it
    if current.allocated is None and current.rate is None and current.disbursed is None:
        return None
    target = target_for(budget, plan.code, period, source)
    start = date(period.start, 1, 1)
    deadline = target.deadline_for(period) if target is not None else date(period.end, 12, 31)
    path = _path(totals, plan.code, unit, source, as_of)
    stage = Stage.FINAL if as_of >= deadline else Stage.MIDTERM
    forecast = _forecast(path, start, deadline) if stage is Stage.MIDTERM else None
    source_vi = source.label_vi if source is not None else ALL_SOURCES_VI
    name = msg("disb_name", period=period.label(), source=source_vi)
    code = "GIAI-NGAN" + (f"/{source.value}" if source is not None else "")
    basis = ""
    if current.basis:
        key = "basis_disb_amounts" if current.basis == "amounts" else "basis_disb_stated"
        basis = msg(key, day=vi_day(current.day), period=period.label())
    result = Quantity(value=current.rate, unit=RATE_UNIT, text=rate_text(current.rate)) if current.rate is not None else None
    notes = list(current.notes)
    pace_per_month: float | None = None
    if target is None:
        status, status_vi = NO_TARGET, msg("disb_status_no_target")
        explanation = msg("disb_no_target", rate=rate_text(current.rate), day=vi_day(current.day)) \
            if current.rate is not None else msg("disb_no_data_no_target")
        ahead: Assessment | None = None
        judged = None
    else:
        target_q = _target_quantity(target)
        judged = assess(target_q, result, polarity=Polarity.HIGHER_BETTER, stage=stage, unit=RATE_UNIT,
                        indicator_code=code, basis=basis, profile=profile)
        status, status_vi = judged.status.value, judged.status_vi
        explanation = judged.explanation + msg("disb_deadline", deadline=vi_day(deadline))
        ahead = None
        if forecast is not None:
            ahead = assess(target_q, Quantity(value=forecast.value, unit=RATE_UNIT), polarity=Polarity.HIGHER_BETTER,
                           stage=Stage.FORECAST, unit=RATE_UNIT, indicator_code=code, lead="lead_forecast",
                           profile=profile)
            explanation += msg("disb_forecast", deadline=vi_day(deadline), method=forecast.method.label_vi,
                               value=rate_text(forecast.value), verdict=ahead.status_vi.lower())
        ref = reference_value(target_q, Polarity.HIGHER_BETTER)
        points = [((d - start).days, r) for d, r in path]
        pace = required_pace(ref, points, (deadline - start).days) if ref is not None and points else None
        if pace is not None and pace.linear_per_year is not None and judged.status not in (Status.EXCEEDED, Status.ACHIEVED):
            pace_per_month = pace.linear_per_year * DAYS_PER_MONTH
            months = pace.years_left / DAYS_PER_MONTH
            money = ""
            if current.allocated and ref is not None:
                needed = (ref / 100 * current.allocated - (current.disbursed or current.allocated * (current.rate or 0) / 100))
                money = msg("disb_pace_money", amount=money_text(needed / months)) if months > 0 and needed > 0 else ""
            explanation += msg("disb_pace", target=target.text or rate_text(ref), points=format_number(pace_per_month, 1),
                               months=format_number(months, 1), money=money)
    if notes:
        explanation += " " + " ".join(notes)
    engine_row = AssessmentRow(
        plan_code=plan.code, org_unit=unit, code=code, number=plan.number, group=plan.parent_code,
        group_name="", name=name, unit=RATE_UNIT, target=target.text if target else "", value=current.rate,
        value_text=rate_text(current.rate), ratio=None if judged is None or judged.ratio is None else round(judged.ratio, 1),
        gap=None if judged is None or judged.gap is None else round(judged.gap, 2), gap_unit="điểm %",
        status=status, status_vi=status_vi, explanation=explanation, stage=stage.value,
        polarity=Polarity.HIGHER_BETTER.value, polarity_reason=msg("disb_polarity"), period=period.label(), basis=basis,
        official_status=None, official_text=None, agrees=None,
        forecast_value=forecast.value if forecast else None, forecast_method=forecast.method.value if forecast else None,
    )
    return DisbursementRow(
        plan_code=plan.code, plan_title=plan.title, plan_kind=plan.kind.value, depth=depth, org_unit=unit,
        org_unit_name=unit_name, source=source.value if source else None, source_vi=source_vi, period=period.label(),
        as_of=as_of, data_as_of=current.day, allocated=current.allocated,
        allocated_annual=annual.value if annual else None, carried_over=carried.value if carried else None,
        disbursed=current.disbursed, rate=None if current.rate is None else round(current.rate, 2),
        rate_basis=current.basis, target=target.text if target else "",
        target_plan=target.plan_code if target else None, deadline=deadline if target else None,
        status=status, status_vi=status_vi,
        forecast_rate=None if forecast is None else round(forecast.value, 2),
        forecast_method=forecast.method.value if forecast else None,
        forecast_status=ahead.status.value if ahead else "", forecast_status_vi=ahead.status_vi if ahead else "",
        required_per_month=None if pace_per_month is None else round(pace_per_month, 2), explanation=explanation,
        path=tuple(path), notes=tuple(notes), row=engine_row,
    )


def summary_counts(rows: list[DisbursementRow]) -> dict[str, int]:
    """How many programme rows (whole area, all sources) have each verdict."""
    counts: dict[str, int] = {}
    for r in rows:
        if r.org_unit is None and r.source is None:
            counts[r.status] = counts.get(r.status, 0) + 1
    return counts


__all__ = ["DisbursementRow", "assess_disbursement", "default_period", "target_for"]
