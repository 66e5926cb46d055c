"""A unit's series for one indicator of a plan across reorganisations (issue #9, item 7).

For each period with observations, the unit's own value when it has one; otherwise, for an additive indicator
(people, money, tonnes, hectares, counts — and no average or ratio in its name:
``chitieu.vocab.units.is_additive_indicator``), the value carried over from the units
it was made from (``chitieu.domain.unit_history.carry_over``: a new commune's 2024 value is the sum of the
2024 values of the former communes merged into it, each times the share it took). A rate is never summed:
its periods before the unit existed stay empty, and so do periods the unit lived through without a figure.
Each point says where its value came from (``own``, ``carried``, or ``incomplete`` with the units missing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from sqlalchemy.orm import Session

from chitieu.domain import Actor, Observation, ObservationFlag, Period
from chitieu.domain.quantity import Op
from chitieu.domain.unit_history import carry_over
from chitieu.messages import ChitieuError
from chitieu.services.registry import load_bundle
from chitieu.services.workspaces import workspace_id
from chitieu.store.unit_changes import read_unit_changes
from chitieu.vocab.units import is_additive_indicator

Source = Literal["own", "carried", "incomplete"]
# The most final figure of a period wins: thực hiện over ước over dự ước (a plan figure is not a result).
FINALITY = (ObservationFlag.ACTUAL, ObservationFlag.ESTIMATE, ObservationFlag.PROJECTION)


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    period: str
    value: float | None
    source: Source
    parts: tuple[tuple[str, float, float], ...] = ()  # (unit, share, value) used
    missing: tuple[str, ...] = ()  # units that should have contributed but have no value (or an unknown share)


@dataclass(frozen=True, slots=True)
class UnitSeries:
    plan: str
    indicator: str
    indicator_name: str
    unit_of_measure: str
    unit: str
    unit_name: str
    additive: bool
    points: list[SeriesPoint] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # code → name of every unit named in the points

    def to_json(self) -> dict[str, Any]:
        def part(code: str, share: float, value: float) -> dict[str, Any]:
            return {"unit": code, "name": self.names.get(code, code), "share": share, "value": value}

        return {
            "plan": self.plan, "indicator": self.indicator, "indicator_name": self.indicator_name,
            "unit_of_measure": self.unit_of_measure, "unit": self.unit, "unit_name": self.unit_name,
            "additive": self.additive,
            "points": [{"period": p.period, "value": p.value, "source": p.source,
                        "parts": [part(*x) for x in p.parts],
                        "missing": [{"unit": m, "name": self.names.get(m, m)} for m in p.missing]} for p in self.points],
        }


def _period_values(observations: list[Observation], indicator: str) -> dict[Period, dict[str, float]]:
    """Per period, each unit's most final plain figure (bounds like ">5" and plan figures are left out)."""
    best: dict[tuple[Period, str], tuple[int, float]] = {}
    for o in observations:
        if o.indicator_code != indicator or o.org_unit_code is None or o.value is None or o.op is not Op.EQ:
            continue
        if o.flag not in FINALITY:
            continue
        rank = FINALITY.index(o.flag)
        key = (o.period, o.org_unit_code)
        if key not in best or rank < best[key][0]:
            best[key] = (rank, o.value)
    out: dict[Period, dict[str, float]] = {}
    for (period, unit), (_, value) in best.items():
        out.setdefault(period, {})[unit] = value
    return out


def unit_series(session: Session, actor: Actor, plan_code: str, indicator_code: str, unit_code: str) -> UnitSeries:
    bundle = load_bundle(session, actor, plan_code)
    indicator = bundle.indicator(indicator_code)
    if indicator is None:
        raise ChitieuError("indicator_not_found", code=indicator_code)
    names = {u.code: u.name for u in bundle.org_units}
    unit = next((u for u in bundle.org_units if u.code == unit_code), None)
    if unit is None:
        raise ChitieuError("org_unit_not_found", code=unit_code)
    changes = read_unit_changes(session, workspace_id(session, actor))
    additive = is_additive_indicator(indicator.name, indicator.unit)
    points: list[SeriesPoint] = []
    for period, values in sorted(_period_values(bundle.observations, indicator_code).items()):
        if unit_code in values:
            points.append(SeriesPoint(period.label(), values[unit_code], "own", ((unit_code, 1.0, values[unit_code]),)))
            continue
        # only for periods that ended before the unit existed, and only for quantities that add up
        if not additive or unit.valid_from is None or date(period.end, 12, 31) >= unit.valid_from:
            continue
        mapped = carry_over(values, unit_code, changes)
        if mapped.parts or mapped.missing != (unit_code,):
            source: Source = "carried" if mapped.complete else "incomplete"
            points.append(SeriesPoint(period.label(), mapped.value, source, mapped.parts, mapped.missing))
    return UnitSeries(plan_code, indicator_code, indicator.name, indicator.unit, unit_code, names[unit_code], additive,
                      points, names)


def merged_units(session: Session, actor: Actor) -> list[tuple[str, str]]:
    """The units made from others (successors of a unit change), by name: those a series across a reform is for."""
    from chitieu.store.reader import read_org_units

    ws = workspace_id(session, actor)
    made = {c.successor_code for c in read_unit_changes(session, ws)}
    return sorted(((u.code, u.name) for u in read_org_units(session, ws) if u.code in made), key=lambda x: (x[1], x[0]))
