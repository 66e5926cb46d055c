"""Check a unit's values in a round against the plan's validation rules (pure; ``chitieu.domain.round_rules``).

The caller gives the unit's values, the values of the units below it (for ``units_sum``), the last known
value of each indicator (for ``jump_factor``) and the verdict each value would give (for
``note_when_at_risk``). Besides the plan's rules, two type checks always run: a yes/no indicator takes
"Hoàn thành"/"Chưa hoàn thành" (a number is a warning) and a numeric one a number (words are an error).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from chitieu.domain.round_rules import RoundRule, RuleKind, Severity
from chitieu.grammar.cells import is_no_data
from chitieu.messages import Problem
from chitieu.numbers import format_number
from chitieu.vocab.units import is_rate_unit

AT_RISK = ("at_risk", "not_achieved")


@dataclass(frozen=True, slots=True)
class EnteredValue:
    indicator: str
    text: str
    value: float | None
    op: str | None
    note: str = ""
    unit_of_measure: str = ""
    boolean: bool = False  # a yes/no indicator (polarity boolean)


@dataclass(frozen=True, slots=True)
class RuleFinding:
    """One problem with a value: an error blocks; a warning blocks unless the value has a note."""

    indicator: str
    severity: Severity
    problem: Problem
    has_note: bool

    @property
    def blocks(self) -> bool:
        return self.severity is Severity.ERROR or not self.has_note


@dataclass(slots=True)
class RuleContext:
    unit: str
    children: Mapping[str, Sequence[float | None]] = field(default_factory=dict)  # indicator -> values below
    previous: Mapping[str, tuple[float, str]] = field(default_factory=dict)  # indicator -> (value, period)
    verdicts: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # indicator -> (status code, label)


def _n(x: float) -> str:
    return format_number(x, 0 if float(x).is_integer() else 2)


def _is_share(v: EnteredValue) -> bool:
    return v.unit_of_measure.strip() == "%"


def _additive(v: EnteredValue) -> bool:
    return not v.boolean and not is_rate_unit(v.unit_of_measure) and v.unit_of_measure.strip() != "%"


def _applies(rule: RoundRule, v: EnteredValue) -> bool:
    if rule.indicator_code is not None:
        return rule.indicator_code == v.indicator
    if rule.rule is RuleKind.SHARE_MAX:
        return _is_share(v)
    if rule.rule is RuleKind.UNITS_SUM:
        return _additive(v)
    return True


def check_round_values(values: Sequence[EnteredValue], rules: Sequence[RoundRule], context: RuleContext) -> list[RuleFinding]:
    findings: list[RuleFinding] = []

    def add(v: EnteredValue, severity: Severity, code: str, **fields: object) -> None:
        problem = Problem.make(code, severity=severity.value, unit=context.unit, indicator=v.indicator,
                               value=v.text, **fields)
        findings.append(RuleFinding(v.indicator, severity, problem, bool(v.note.strip())))

    for v in values:
        if not v.text:
            continue
        if v.boolean and v.op != "done":
            add(v, Severity.WARNING, "round_check_type_boolean")
        # a numeric indicator takes a figure: "Hoàn thành" or free words ("khoảng chừng") are errors; a no-data
        # phrase ("Chưa có số liệu") is the official way to say the figure is missing, like an empty cell
        if not v.boolean and (v.op == "done" or (v.value is None and not is_no_data(v.text))):
            add(v, Severity.ERROR, "round_check_type_number")
        for rule in rules:
            numeric = v.value is not None and v.op != "done"
            if not _applies(rule, v) or (not numeric and rule.rule is not RuleKind.NOTE_WHEN_AT_RISK):
                continue
            assert v.value is not None or rule.rule is RuleKind.NOTE_WHEN_AT_RISK
            limit = rule.effective_limit
            severity = rule.effective_severity
            if rule.rule is RuleKind.SHARE_MAX and limit is not None and v.value is not None and v.value > limit:
                add(v, severity, "round_check_share", limit=_n(limit))
            elif rule.rule is RuleKind.UNITS_SUM and limit is not None and v.value is not None:
                below = context.children.get(v.indicator, ())
                if below and all(b is not None for b in below):
                    total = sum(b for b in below if b is not None)
                    if abs(v.value - total) > limit / 100 * max(abs(v.value), abs(total), 1e-9):
                        add(v, severity, "round_check_units_sum", total=_n(total),
                            count=len(below), limit=_n(limit))
            elif rule.rule is RuleKind.JUMP_FACTOR and limit is not None and v.value is not None \
                    and v.indicator in context.previous:
                before, period = context.previous[v.indicator]
                if before > 0 and v.value > 0 and (v.value / before > limit or before / v.value > limit):
                    add(v, severity, "round_check_jump", before=_n(before), period=period,
                        factor=_n(limit))
            elif rule.rule is RuleKind.NOTE_WHEN_AT_RISK and v.indicator in context.verdicts:
                status, label = context.verdicts[v.indicator]
                if status in AT_RISK:
                    add(v, severity, "round_check_at_risk", verdict=label)
    return findings
