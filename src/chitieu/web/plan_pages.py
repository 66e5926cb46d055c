"""What the Tổng quan and Chỉ tiêu pages show, computed from an assessed plan (no I/O here)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from chitieu.assessment import AssessmentRow, summary_sentence
from chitieu.domain import Indicator, Observation, PlanBundle, Target, TargetVersion
from chitieu.messages import msg
from chitieu.numbers import format_number
from chitieu.vocab.verdicts import STATUS_LABELS_VI, Status
from chitieu.web.queries import PlanView

STATUS_ORDER = [Status.EXCEEDED, Status.ACHIEVED, Status.ON_TRACK, Status.NOT_YET, Status.AT_RISK,
                Status.NOT_ACHIEVED, Status.NO_DATA]
RISKY = {Status.AT_RISK.value, Status.NOT_ACHIEVED.value}
VERSION_ORDER = {TargetVersion.DRAFT: 0, TargetVersion.ADOPTED: 1, TargetVersion.REVISED: 2}
STALE_YEARS = 1  # no figure for the as-of year or the year before


def counts_of(rows: list[AssessmentRow]) -> dict[str, int]:
    counts = Counter(r.status for r in rows)
    return {s.value: counts.get(s.value, 0) for s in STATUS_ORDER}


def sentence(rows: list[AssessmentRow], lead: str) -> str:
    return summary_sentence(Counter(Status(r.status) for r in rows), lead)


def pace_text(row: AssessmentRow) -> str:
    """The pace still required, as officials say it: "+1,2 điểm/năm", "tăng 8,5%/năm", "bình quân 9,8"."""
    parts = []
    unit = row.gap_unit or row.unit
    if row.required_linear_per_year is not None:
        parts.append(msg("web_pace_linear", amount=format_number(row.required_linear_per_year, 2), unit=unit)
                     .replace("  ", " ").strip())
    if row.required_cagr_percent is not None:
        parts.append(msg("web_pace_cagr", rate=format_number(row.required_cagr_percent, 1)))
    if row.required_average is not None:
        parts.append(msg("web_pace_average", amount=format_number(row.required_average, 2)))
    return "; ".join(parts)


def observations_index(view: PlanView) -> dict[str, list[Observation]]:
    """The plan's observations by indicator code, built once per assessed view (plans can hold millions)."""
    index = view.extra.get("observations")
    if index is None:
        index = {}
        for o in view.bundle.observations:
            index.setdefault(o.indicator_code, []).append(o)
        view.extra["observations"] = index
    return index


def _last_years(view: PlanView) -> dict[str, int]:
    """The latest period end with a figure of the plan's whole area, by indicator."""
    last: dict[str, int] = {}
    for o in view.bundle.observations:
        if o.org_unit_code is None and (o.value is not None or o.text) and o.period.end > last.get(o.indicator_code, -1):
            last[o.indicator_code] = o.period.end
    return last


@dataclass(frozen=True, slots=True)
class Dashboard:
    plan: Any
    as_of: int
    end_year: int | None
    sentence: str
    forecast_sentence: str
    counts: dict[str, int]
    forecast_counts: dict[str, int]
    at_risk: list[dict[str, Any]]
    stale: list[dict[str, Any]]
    groups: list[dict[str, Any]]
    rows: list[AssessmentRow]
    chart: dict[str, Any]


def dashboard(view: PlanView) -> Dashboard:
    """The Tổng quan of an assessed view (computed once per view and kept with it)."""
    cached = view.extra.get("dashboard")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    board = _dashboard(view)
    view.extra["dashboard"] = board
    return board


def _dashboard(view: PlanView) -> Dashboard:
    bundle = view.bundle
    forecast = {r.code: r for r in view.forecast}
    at_risk = []
    for row in view.rows:
        ahead = forecast.get(row.code)
        if row.status in RISKY or (ahead is not None and ahead.status in RISKY):
            at_risk.append({"row": row, "forecast": ahead, "pace": pace_text(row)})
    stale = []
    last_years = _last_years(view)
    for row in view.rows:
        last = last_years.get(row.code)
        if last is None or last < view.as_of - STALE_YEARS:
            stale.append({"row": row, "last_year": last})
    groups: dict[str, dict[str, Any]] = {}
    for row in view.rows:
        entry = groups.setdefault(row.group or "", {"code": row.group or "", "name": row.group_name or "Khác",
                                                    "counts": Counter(), "total": 0})
        entry["counts"][row.status] += 1
        entry["total"] += 1
    group_list = [{**g, "counts": {s.value: g["counts"].get(s.value, 0) for s in STATUS_ORDER}} for g in groups.values()]
    counts = counts_of(view.rows)
    chart = {
        "labels": [STATUS_LABELS_VI[s] for s in STATUS_ORDER],
        "statuses": [s.value for s in STATUS_ORDER],
        "counts": [counts[s.value] for s in STATUS_ORDER],
        "forecast_counts": [counts_of(view.forecast)[s.value] for s in STATUS_ORDER],
        "groups": [g["name"] for g in group_list],
        "group_counts": {s.value: [g["counts"][s.value] for g in group_list] for s in STATUS_ORDER},
    }
    end = bundle.plan.term_end
    return Dashboard(
        plan=bundle.plan, as_of=view.as_of, end_year=end,
        sentence=sentence(view.rows, msg("web_lead_as_of", year=view.as_of)),
        forecast_sentence=sentence(view.forecast, msg("web_lead_term_forecast", year=end or "")),
        counts=counts, forecast_counts=counts_of(view.forecast), at_risk=at_risk, stale=stale, groups=group_list,
        rows=view.rows, chart=chart,
    )


# --- one indicator -------------------------------------------------------------------------------


def _target_value(t: Target) -> float | None:
    if t.value is not None:
        return t.value
    if t.low is not None and t.high is not None:
        return (t.low + t.high) / 2
    return t.low if t.low is not None else t.high


def target_changes(targets: list[Target]) -> list[dict[str, Any]]:
    """Target versions in order (draft → adopted → revised), each with what changed from the one before."""
    ordered = sorted(targets, key=lambda t: VERSION_ORDER[t.version])
    out: list[dict[str, Any]] = []
    previous: Target | None = None
    for t in ordered:
        changes = []
        if previous is not None:
            if (previous.text or "") != (t.text or "") or previous.value != t.value or (previous.low, previous.high) != (t.low, t.high):
                changes.append(msg("web_change_target", old=previous.text or format_number(_target_value(previous)),
                                   new=t.text or format_number(_target_value(t))))
            if previous.deadline != t.deadline:
                changes.append(msg("web_change_deadline", old=previous.deadline or "—", new=t.deadline or "—"))
            if previous.unit != t.unit:
                changes.append(msg("web_change_unit", old=previous.unit, new=t.unit))
            if previous.kind != t.kind:
                changes.append(msg("web_change_kind", old=previous.kind.value, new=t.kind.value))
            if not changes:
                changes.append("không đổi")
        out.append({"target": t, "changes": changes})
        previous = t
    return out


def trajectory(bundle: PlanBundle, indicator: Indicator, row: AssessmentRow | None,
               forecast: AssessmentRow | None, observations: list[Observation] | None = None) -> dict[str, Any]:
    """Chart data: measured values by year, the straight target path, and the forecast at the deadline."""
    target = bundle.current_target(indicator.code)
    if observations is None:
        observations = bundle.observations_of(indicator.code)
    observations = [o for o in observations if o.value is not None and o.org_unit_code is None]
    measured: dict[int, float] = {}
    estimates: dict[int, float] = {}
    for o in sorted(observations, key=lambda o: (o.period.end, o.period.start)):
        if o.flag.value == "actual":
            measured[o.period.end] = o.value  # type: ignore[assignment]
        elif o.flag.value in ("estimate", "projection"):
            estimates[o.period.end] = o.value  # type: ignore[assignment]
    path: list[dict[str, float]] = []
    if target is not None:
        goal = _target_value(target)
        deadline = target.deadline or bundle.plan.term_end
        start_year = target.baseline_year or target.start_year or bundle.plan.term_start
        start_value = target.baseline_value
        if start_value is None and measured and start_year is not None:
            first = min(measured)
            start_year, start_value = first, measured[first]
        if goal is not None and deadline is not None and target.kind.value == "level":
            if start_value is not None and start_year is not None and start_year < deadline:
                path = [{"x": start_year, "y": start_value}, {"x": deadline, "y": goal}]
            else:
                path = [{"x": deadline, "y": goal}]
        elif goal is not None and deadline is not None:  # rates and flows: the same level every year
            first_year = target.start_year or bundle.plan.term_start or deadline
            path = [{"x": first_year, "y": goal}, {"x": deadline, "y": goal}]
    fc = []
    if forecast is not None and forecast.forecast_value is not None:
        deadline = (target.deadline if target else None) or bundle.plan.term_end
        if deadline is not None:
            fc = [{"x": deadline, "y": forecast.forecast_value}]
    years = sorted({*measured, *estimates, *(int(p["x"]) for p in path), *(int(p["x"]) for p in fc)})
    return {
        "unit": (target.unit if target else "") or indicator.unit,
        "measured": [{"x": y, "y": v} for y, v in sorted(measured.items())],
        "estimates": [{"x": y, "y": v} for y, v in sorted(estimates.items())],
        "path": path, "forecast": fc, "years": years,
    }


def observations_by_unit(bundle: PlanBundle, code: str, found: list[Observation] | None = None) -> list[dict[str, Any]]:
    """Rows by unit (the plan's whole area first) and period."""
    names = {u.code: u.name for u in bundle.org_units}
    found = list(found) if found is not None else [o for o in bundle.observations if o.indicator_code == code]
    found.sort(key=lambda o: (o.org_unit_code is not None, o.org_unit_code or "", o.period.start, o.period.end))
    return [{"obs": o, "unit_name": names.get(o.org_unit_code or "", o.org_unit_code or "Toàn địa bàn")} for o in found]
