"""The figures of a table's cells: a cell read whole, or every figure of a cell in words; targets written in
an indicator's name (pure). Used by ``extraction.tables``."""

from __future__ import annotations

import re
from dataclasses import replace

from chitieu.domain import Quantity
from chitieu.domain.quantity import Op
from chitieu.extraction.quantity import TextQuantity, find_quantities
from chitieu.grammar.text import fold
from chitieu.quantities import QuantityError, parse_quantity

MARKUP_RE = re.compile(r"</?[a-zA-Z]{1,6}>|\*\*|__")


def clean(text: str) -> str:
    return " ".join(MARKUP_RE.sub("", text or "").split())


def parse_cell_quantity(text: str) -> Quantity | None:
    """A value cell as written ("9-10", ">5", "2.134,6", "73,1%", "Hoàn thành") → Quantity; None if none."""
    cell = clean(text)
    if not cell:
        return None
    try:
        return parse_quantity(cell)
    except QuantityError:
        return None


_RATES_RE = re.compile(r"^\d[\d.,]*\s*%(?:\s*/\s*\d[\d.,]*\s*%)+$")


def cell_quantities(text: str) -> list[Quantity]:
    """The figures of a value cell: the cell read whole ("9-10", ">5", "Hoàn thành"), else every quantity the
    running-text grammar finds in it ("100% cán bộ và 80% thanh niên", "100%/85%", "5.000 ý tưởng; 500 đề tài")."""
    cell = clean(text)
    if _RATES_RE.match(cell):  # "97%/72%": two rates (a rate has no "%" denominator), one for each group named
        return [q for piece in cell.split("/") if (q := parse_cell_quantity(piece)) is not None]
    whole = parse_cell_quantity(text)
    if whole is not None and (whole.value is not None or whole.low is not None or whole.boolean is not None):
        return [whole]
    return [_quantity(cell, q) for q in find_quantities(cell) if q.value is not None or q.op is Op.RANGE]


def name_targets(name: str) -> list[Quantity]:
    """Targets written in an indicator's name, in a table with no target column: the figures promised with a
    comparator ("Giới thiệu ít nhất 2.500 chỗ trọ/năm"), or a rate the name opens with ("100% cơ sở Hội …")."""
    found = [q for q in find_quantities(name) if q.value is not None or q.op is Op.RANGE]
    promised = [q for q in found if q.op in (Op.GE, Op.GT, Op.LE, Op.LT)]
    if promised:
        return [_quantity(name, q) for q in promised]
    if found and found[0].start == 0 and found[0].unit.startswith("%"):
        return [_quantity(name, found[0])]
    return []


def _quantity(text: str, q: TextQuantity) -> Quantity:
    return Quantity(op=q.op, value=q.value, low=q.low, high=q.high, unit=q.unit, hedge=q.hedge,
                    per_year=q.per_year, text=text[q.start : q.end])


def with_name(q: Quantity, name: str) -> Quantity:
    """A target cell read with what the name writes about the same figure: a bare "500" takes its unit ("500
    đề tài nghiên cứu"), a plain "5.000 ý tưởng" its comparator ("Đề xuất ít nhất 5.000 ý tưởng")."""
    if q.value is None or (q.unit and q.op is not Op.EQ):
        return q
    same = next((f for f in find_quantities(name) if f.value == q.value), None)
    if same is None:
        return q
    unit = q.unit or same.unit
    op = same.op if q.op is Op.EQ and same.op in (Op.GE, Op.GT, Op.LE, Op.LT) and _same_unit(q.unit, same.unit) else q.op
    return replace(q, unit=unit, op=op)


def _same_unit(cell: str, named: str) -> bool:
    return not cell or fold(named).startswith(fold(cell).split("/")[0]) or fold(cell).startswith(fold(named))
