"""Validate the programme budget tables of the exchange format (pure): capital plans, disbursements, targets.

Amounts are in triệu đồng; periods are "2023" or "2021-2025"; ``as_of`` and ``deadline`` are days. A
``source`` cell is read through the capital-source words ("Vốn sự nghiệp NSTW", "central_recurrent");
empty or "Tổng số" means all sources. Every problem names the file, row and column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chitieu.domain import (
    CapitalKind,
    CapitalPlan,
    CapitalSource,
    Disbursement,
    DisbursementTarget,
    ObservationFlag,
    Op,
    Period,
)
from chitieu.messages import msg
from chitieu.quantities import parse_quantity
from chitieu.registry.cells import Cells
from chitieu.registry.schema import accepted_choices
from chitieu.vocab.programmes import capital_source_of

if TYPE_CHECKING:
    from chitieu.registry.parse import _Builder

MAX_RATE = 1000.0  # a disbursement rate in percent; beyond this it is a typing error


def period_cell(c: Cells, column: str, *, required: bool) -> Period | None:
    text = c.required(column) if required else c.text(column)
    if not text:
        return None
    try:
        period = Period.parse(text)
        if period.end < period.start or not 1900 <= period.start <= 2200 or not 1900 <= period.end <= 2200:
            raise ValueError(text)
    except ValueError:
        c.problem("bad_period", column, value=text)
        return None
    return period


def source_cell(c: Cells, column: str = "source") -> CapitalSource | None:
    """A capital source cell; empty or "Tổng số"/"all" means every source (None)."""
    text = c.text(column)
    if not text or text.strip().lower() == "all":
        return None
    try:
        return CapitalSource(text.strip().lower())
    except ValueError:
        pass
    found = capital_source_of(text)
    if found is None:
        c.problem("bad_choice", column, value=text, accepted=accepted_choices(CapitalSource))
        return None
    return None if found == "all" else found  # type: ignore[return-value]


def _unit_ref(builder: _Builder, c: Cells) -> str | None:
    unit = c.optional("org_unit_code")
    if unit and all(u.code != unit for u in builder.registry.org_units) \
            and not builder.already_reported("org_units", unit):
        c.problem("unknown_reference", "org_unit_code", value=unit)
    return unit


def _amount(c: Cells, column: str) -> float | None:
    value = c.number(column)
    if value is not None and value < 0:
        c.problem("bad_value", column, value=c.text(column), reason=msg("reason_negative_amount"))
        return None
    return value


def read_capital_plans(builder: _Builder) -> None:
    seen: set[object] = set()

    def each(c: Cells) -> None:
        plan_code = builder.plan_ref(c)
        period = period_cell(c, "period", required=True)
        amount = _amount(c, "amount")
        if not c.text("amount"):
            c.problem("missing_value", "amount")
        source, kind = source_cell(c), c.choice("kind", CapitalKind, None)
        unit = _unit_ref(builder, c)
        provenance = builder.provenance(c)
        if plan_code is None or period is None or amount is None or c.failed:
            return
        row = CapitalPlan(plan_code=plan_code, period=period, amount=amount, source=source, kind=kind,
                          org_unit_code=unit, text=c.text("text"), note=c.text("note"), provenance=provenance)
        if builder.unique(c, seen, row.key, _shown_key(row.key)):
            builder.registry.capital_plans.append(row)

    builder.rows("capital_plans", each)


def read_disbursements(builder: _Builder) -> None:
    seen: set[object] = set()

    def each(c: Cells) -> None:
        plan_code = builder.plan_ref(c)
        period = period_cell(c, "period", required=True)
        as_of = c.day("as_of")
        if not c.text("as_of"):
            c.problem("missing_value", "as_of")
        amount, rate = _amount(c, "amount"), c.number("rate")
        if rate is not None and not 0 <= rate <= MAX_RATE:
            c.problem("bad_value", "rate", value=c.text("rate"), reason=msg("reason_rate_range"))
        if not c.text("amount") and not c.text("rate"):
            c.problem("disbursement_empty")
        source, kind = source_cell(c), c.choice("kind", CapitalKind, None)
        flag = c.choice("flag", ObservationFlag, ObservationFlag.ACTUAL)
        unit = _unit_ref(builder, c)
        provenance = builder.provenance(c)
        if as_of is not None and period is not None and as_of.year < period.start:
            c.problem("bad_value", "as_of", value=c.text("as_of"), reason=msg("reason_before_period", period=period.label()))
        if plan_code is None or period is None or as_of is None or flag is None or c.failed:
            return
        row = Disbursement(plan_code=plan_code, period=period, as_of=as_of, amount=amount, stated_rate=rate,
                           source=source, kind=kind, org_unit_code=unit, flag=flag, text=c.text("text"),
                           note=c.text("note"), provenance=provenance)
        if builder.unique(c, seen, row.key, _shown_key(row.key)):
            builder.registry.disbursements.append(row)

    builder.rows("disbursements", each)


def read_disbursement_targets(builder: _Builder) -> None:
    seen: set[object] = set()

    def each(c: Cells) -> None:
        plan_code = builder.plan_ref(c)
        text = c.required("text")
        period = period_cell(c, "period", required=False)
        source = source_cell(c)
        deadline = c.day("deadline")
        provenance = builder.provenance(c)
        op = c.choice("op", Op, None) if c.text("op") else None
        value, low, high = c.number("value"), c.number("low"), c.number("high")
        if text:
            try:
                q = parse_quantity(text)
                op = op or q.op
                value = value if value is not None else q.value
                low = low if low is not None else q.low
                high = high if high is not None else q.high
            except ValueError:
                if op is None:
                    c.problem("bad_target", "text", value=text)
        if op is Op.DONE or (op is not None and op is not Op.RANGE and value is None):
            c.problem("bad_target", "text", value=text)
        if op is Op.RANGE and (low is None or high is None):
            c.problem("range_incomplete")
        if plan_code is None or op is None or c.failed:
            return
        row = DisbursementTarget(plan_code=plan_code, op=op, value=value, text=text, low=low, high=high,
                                 period=period, source=source, deadline=deadline, provenance=provenance)
        if builder.unique(c, seen, row.key, _shown_key(row.key)):
            builder.registry.disbursement_targets.append(row)

    builder.rows("disbursement_targets", each)


def _shown_key(key: tuple[object, ...]) -> str:
    return "/".join("" if k is None else (k.label() if isinstance(k, Period) else str(k)) for k in key)


def read_budget_tables(builder: _Builder) -> None:
    read_capital_plans(builder)
    read_disbursements(builder)
    read_disbursement_targets(builder)
