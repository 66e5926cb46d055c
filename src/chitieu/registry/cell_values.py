"""How a registry row's target or observation is read: the op and numbers from the explicit columns or from
the written text (which must agree when both are given), a cell written in words kept with a warning, an
observation's reading of a range or a done/not-done, and the kind of a target whose ``kind`` cell is empty."""

from __future__ import annotations

import math

from chitieu.domain import Op, Quantity, TargetKind
from chitieu.quantities import parse_quantity
from chitieu.registry.cells import Cells
from chitieu.registry.schema import accepted_choices
from chitieu.registry.text_cells import WordsReading, read_words_cell
from chitieu.vocab.units import is_rate_unit, lookup_unit, normalise_unit_text

POINT_OPS = (Op.EQ, Op.GT, Op.GE, Op.LT, Op.LE)


def quantity_of(text: str) -> Quantity | None:
    """``parse_quantity`` of the cell, or None when the grammar does not read it."""
    try:
        return parse_quantity(text)
    except ValueError:  # QuantityError: reported by the caller as an unreadable cell
        return None


def same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


Resolved = tuple[Op, float | None, float | None, float | None, Quantity | None]


def resolve_cell(c: Cells, text: str, *, with_range: bool) -> Resolved | None:
    """Op and numbers of a target/observation: from the explicit columns, else parsed from ``text``.

    When both are present they must agree. An observation written as a range keeps its midpoint;
    a boolean observation ("Hoàn thành") is op ``done`` with value 1 (done) or 0 (not done). A cell the
    quantity grammar cannot read whole but that is written in words ("Chưa thực hiện", "Trung bình kết
    nạp 1.020 đảng viên/năm (96%)") is kept as written with a warning (``registry.text_cells``).
    """
    op = c.choice("op", Op, None) if c.text("op") else None
    given = {"value": c.number("value")}
    if with_range:
        given |= {"low": c.number("low"), "high": c.number("high")}
    if not text:
        return None
    quantity = quantity_of(text)
    words: WordsReading | None = None
    if quantity is None:
        words = read_words_cell(text, target=with_range)
        if words is None and op is None:
            c.problem("bad_target", "text", value=text)
            return None
    parsed: dict[str, float | None] = {}
    parsed_op: Op | None = None
    if quantity is not None:
        parsed = {"value": quantity.value, "low": quantity.low, "high": quantity.high}
        parsed_op = quantity.op
        if not with_range:
            parsed_op, parsed["value"] = _observation_reading(quantity)
    elif words is not None:
        c.problem(words.code, "text", severity="warning", value=text, **words.fields)
        parsed = {"value": words.value, "low": words.low, "high": words.high}
        parsed_op = words.op
        quantity = words.quantity
    if parsed_op is not None:
        if op is not None and op is not parsed_op:
            c.problem("text_disagrees", "op", value=c.text("op"), text=text)
        for column, value in given.items():
            if value is not None and not same_number(value, parsed[column]):
                c.problem("text_disagrees", column, value=c.text(column), text=text)
        op = op or parsed_op
    assert op is not None
    value = given["value"] if given["value"] is not None else parsed.get("value")
    low = given.get("low") if given.get("low") is not None else parsed.get("low")
    high = given.get("high") if given.get("high") is not None else parsed.get("high")
    if with_range and op is Op.RANGE and (low is None or high is None):
        c.problem("range_incomplete")
        return None
    kept_as_text = words is not None and words.value is None and not with_range
    if op in POINT_OPS and value is None and not kept_as_text:
        c.problem("bad_target", "text", value=text)
        return None
    if not with_range and op is Op.RANGE:
        c.problem("bad_choice", "op", value=op.value, accepted=accepted_choices(Op).replace(", range", ""))
        return None
    return op, value, low if with_range else None, high if with_range else None, quantity


def _observation_reading(q: Quantity) -> tuple[Op, float | None]:
    if q.op is Op.RANGE:
        return Op.EQ, q.point
    if q.op is Op.DONE:
        return Op.DONE, 1.0 if q.boolean is not False else 0.0
    return q.op, q.value


def infer_target_kind(quantity: Quantity | None, unit: str) -> TargetKind:
    """Kind of a target whose ``kind`` cell is empty: per-year wording makes a rate (percent) or a flow."""
    unit_def = lookup_unit(unit) if unit else None
    per_year = bool(quantity and quantity.per_year) or normalise_unit_text(unit).endswith("/năm")
    per_year = per_year or bool(unit_def and unit_def.per_year)
    if not per_year:
        return TargetKind.LEVEL
    rate = is_rate_unit(unit) or bool(quantity and quantity.unit and is_rate_unit(quantity.unit))
    return TargetKind.ANNUAL_RATE if rate else TargetKind.PER_YEAR
