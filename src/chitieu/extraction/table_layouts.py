"""What a table's cells and ratio headers say about its layout (pure), as reporting tools export tables: a
"Đánh giá" column filled with percentages, 0 printed in every empty cell, ratio headers naming what they compare.
"""

from __future__ import annotations

import re

from chitieu.domain import Op
from chitieu.extraction.table_columns import parse_cell_quantity

# A column whose header reads as a verdict ("Ghi chú/Đánh giá") but whose filled cells are mostly percentages
# ("95,24 %") is a ratio column: at least this share of its filled cells, and two of them.
PERCENT_COLUMN_SHARE = 0.6
# Software exports print 0 in every empty cell: when at least this share of a table's figures (and at least
# ZERO_FILLED_MIN of them) are exactly zero, a zero is an empty cell, not a figure.
ZERO_FILLED_SHARE = 0.5
ZERO_FILLED_MIN = 8
# What a ratio column compares with: the words after "so với" or after the last "/" ("Ước TH/KH").
COMPARED_RE = re.compile(r"so v[oớ]i|/", re.IGNORECASE)


def compared_part(label: str) -> str:
    """What a ratio header compares with: "Ước TH/KH" → "KH"; "Kế hoạch 2020 so với thực hiện 2019 (%)" →
    "thực hiện 2019 (%)"; "" when it names none ("Tỷ lệ hoàn thành")."""
    pieces = COMPARED_RE.split(label)
    return pieces[-1].strip() if len(pieces) > 1 else ""


def is_percent(cell: str) -> bool:
    q = parse_cell_quantity(cell)
    return q is not None and q.value is not None and q.unit == "%"


def is_zero(cell: str) -> bool:
    q = parse_cell_quantity(cell)
    return q is not None and q.op is Op.EQ and q.value == 0


def percent_column(cells: list[str]) -> bool:
    """Whether a column's cells are percentages (PERCENT_COLUMN_SHARE of the filled ones, at least two)."""
    filled = [c for c in cells if c and c.strip()]
    percent = sum(1 for c in filled if is_percent(c))
    return percent >= 2 and percent >= PERCENT_COLUMN_SHARE * len(filled)


def zero_filled_table(cells: list[str]) -> bool:
    """Whether the figure cells of a table come from a template printing 0 for an empty cell."""
    figures = [q for q in (parse_cell_quantity(c) for c in cells) if q is not None and (q.value is not None or q.low is not None)]
    zeros = sum(1 for q in figures if q.op is Op.EQ and q.value == 0)
    return zeros >= ZERO_FILLED_MIN and zeros >= ZERO_FILLED_SHARE * len(figures)
