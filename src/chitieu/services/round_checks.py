"""Checks of a unit's values before submission: errors block it, warnings need a note on the value.

The checks are the plan's validation rules (``round_rules`` of the exchange format, ``chitieu.domain.round_rules``)
applied by the pure ``chitieu.audit.round_rules``, with what they need from the store: the values of the units
below the unit in the round (sum of units), the last known value of each indicator for the unit (jumps), and,
for the unit that reports for the plan's whole area, the verdict each value would give (a note when it makes
the target "Khó đạt" or "Không đạt"). Values not yet written are reported as a warning that needs no note.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.assessment import assess_bundle
from chitieu.audit.round_rules import EnteredValue, RuleContext, RuleFinding, check_round_values
from chitieu.domain import Actor, Observation, ObservationFlag, Op, Period, PlanBundle, Polarity
from chitieu.domain.round_rules import RoundRule
from chitieu.messages import Problem
from chitieu.services.registry import load_bundle
from chitieu.services.round_values import ValueInfo, unit_values
from chitieu.services.rounds import get_round, round_row, round_unit
from chitieu.store.models import OrgUnitRow
from chitieu.store.models_rounds import RoundUnitRow
from chitieu.store.round_rules import read_round_rules


@dataclass(slots=True)
class UnitCheck:
    findings: list[RuleFinding] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)  # information only (values not yet written)

    def blocking(self) -> list[Problem]:
        return [f.problem for f in self.findings if f.blocks]

    def warnings(self) -> list[Problem]:
        return self.notices + [f.problem for f in self.findings if not f.blocks]


def _previous(bundle: PlanBundle, code: str, unit: str | None, before: int) -> tuple[float, str] | None:
    found = [o for o in bundle.observations_of(code, unit) if o.period.end < before and o.value is not None]
    if not found:
        return None
    last = max(found, key=lambda o: (o.period.end, o.period.start))
    assert last.value is not None
    return last.value, last.period.label()


def _verdicts(bundle: PlanBundle, values: list[ValueInfo], period: Period) -> dict[str, tuple[str, str]]:
    """The verdict each written value would give the plan's target (the unit reports for the whole area)."""
    entered = [Observation(v.indicator, period, v.value, Op(v.op) if v.op else Op.EQ, None, ObservationFlag(v.flag), v.text)
               for v in values if v.text and v.value is not None]
    if not entered:
        return {}
    codes = {o.indicator_code for o in entered}
    kept = [o for o in bundle.observations if not (o.indicator_code in codes and o.org_unit_code is None and o.period == period)]
    with_values = replace(bundle, observations=kept + entered)
    # at or after a target's deadline the value is judged as it stands; before it, by the forecast (Khó đạt)
    judged = {r.code: r for r in assess_bundle(with_values, as_of=period.end)}
    forecast = {r.code: r for r in assess_bundle(with_values, forecast=True)}
    out: dict[str, tuple[str, str]] = {}
    for code in codes:
        target = bundle.current_target(code)
        if target is None:
            continue
        row = judged.get(code) if target.deadline is not None and period.end >= target.deadline else forecast.get(code)
        if row is not None:
            out[code] = (row.status, row.status_vi)
    return out


def check_unit(session: Session, actor: Actor, round_id: int, unit_code: str) -> UnitCheck:
    info = get_round(session, actor, round_id)
    row = round_row(session, actor, round_id)
    unit_row, org = round_unit(session, round_id, unit_code)
    values = unit_values(session, actor, round_id, unit_code)
    bundle = load_bundle(session, actor, info.plan)
    whole_area = org.parent_id is None
    observed_unit = None if whole_area else unit_code
    polarity = {i.code: i.polarity for i in bundle.indicators}
    entered = [EnteredValue(v.indicator, v.text, v.value, v.op, v.note, v.unit_of_measure,
                            polarity.get(v.indicator) is Polarity.BOOLEAN) for v in values]
    children: dict[str, list[float | None]] = {}
    below = session.execute(
        select(OrgUnitRow.code).join(RoundUnitRow, RoundUnitRow.org_unit_id == OrgUnitRow.id)
        .where(RoundUnitRow.parent_id == unit_row.id)).scalars().all()
    for child in below:
        for v in unit_values(session, actor, round_id, child):
            children.setdefault(v.indicator, []).append(v.value if v.text else None)
    previous = {v.indicator: p for v in values
                if (p := _previous(bundle, v.indicator, observed_unit, info.period_start)) is not None}
    period = Period(info.period_start, info.period_end)
    verdicts = _verdicts(bundle, values, period) if whole_area else {}
    rules = read_round_rules(session, row.workspace_id, info.plan)
    context = RuleContext(unit_code, children, previous, verdicts)
    check = UnitCheck(check_round_values(entered, rules, context))
    empty = [v.indicator for v in values if not v.text]
    if empty:
        check.notices.append(Problem.make("round_check_missing", severity="warning", unit=unit_code, count=len(empty),
                                          codes=", ".join(empty[:20]) + (" …" if len(empty) > 20 else "")))
    return check



def save_round_rules(session: Session, actor: Actor, plan_code: str, rules: list[RoundRule]) -> int:
    """Make ``rules`` the validation rules of the plan's rounds (the office); returns how many rows changed."""
    from chitieu.domain import Permission
    from chitieu.services.registry import record_changes
    from chitieu.services.workspaces import workspace_id
    from chitieu.store.round_rules import write_round_rules
    from chitieu.store.writer import Changes

    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    changes = Changes()
    write_round_rules(session, ws, [plan_code], [r for r in rules if r.plan_code == plan_code], changes)
    record_changes(session, actor, changes, action="round.rules", context={"plan": plan_code})
    return len(changes)
