"""Figures a table cell or an indicator's name writes in words, read by the running-text grammar (pure):
every figure of a cell in words, the targets an indicator's name promises, a bare figure completed by its
name. Used by ``extraction.tables``."""

from __future__ import annotations

import re
from dataclasses import replace

from chitieu.domain import Quantity
from chitieu.domain.quantity import Op
from chitieu.extraction.quantity import TextQuantity, find_quantities
from chitieu.grammar.text import fold

# "97%/72%": rates of two groups side by side in one cell
RATES_RE = re.compile(r"^\d[\d.,]*\s*%(?:\s*/\s*\d[\d.,]*\s*%)+$")
_BOUNDS = (Op.GE, Op.GT, Op.LE, Op.LT)


def text_figures(text: str) -> list[Quantity]:
    """Every quantity the running-text grammar finds in ``text``."""
    return [_quantity(text, q) for q in find_quantities(text) if q.value is not None or q.op is Op.RANGE]


def name_targets(name: str) -> list[Quantity]:
    """Targets written in an indicator's name, in a table with no target column: the figures promised with a
    comparator ("Giới thiệu ít nhất 2.500 chỗ trọ/năm"), or a rate the name opens with ("100% cơ sở Hội …")."""
    found = [q for q in find_quantities(name) if q.value is not None or q.op is Op.RANGE]
    promised = [q for q in found if q.op in _BOUNDS]
    if promised:
        return [_quantity(name, q) for q in promised]
    if found and found[0].start == 0 and found[0].unit.startswith("%"):
        return [_quantity(name, found[0])]
    return []


def with_name(q: Quantity, name: str) -> Quantity:
    """A target cell read with what the name writes about the same figure: a bare "500" takes its unit ("500
    đề tài nghiên cứu"), a plain "5.000 ý tưởng" its comparator ("Đề xuất ít nhất 5.000 ý tưởng")."""
    if q.value is None or (q.unit and q.op is not Op.EQ):
        return q
    same = next((f for f in find_quantities(name) if f.value == q.value), None)
    if same is None:
        return q
    unit = q.unit or same.unit
    op = same.op if q.op is Op.EQ and same.op in _BOUNDS and _same_unit(q.unit, same.unit) else q.op
    return replace(q, unit=unit, op=op)


def _same_unit(cell: str, named: str) -> bool:
    return not cell or fold(named).startswith(fold(cell).split("/")[0]) or fold(cell).startswith(fold(named))


def _quantity(text: str, q: TextQuantity) -> Quantity:
    return Quantity(op=q.op, value=q.value, low=q.low, high=q.high, unit=q.unit, hedge=q.hedge,
                    per_year=q.per_year, text=text[q.start : q.end])
