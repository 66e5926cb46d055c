"""Raw tables of the exchange format: rows as the user sees them, before any validation (pure).

The edge (``chitieu.services.registry_files``) reads a CSV folder or an XLSX workbook into these; the
parser (``chitieu.registry.parse``) validates them. Rows keep the number the user sees: in a CSV the
header is line 1, so the first data row is row 2; in a workbook it is the sheet's own row number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from chitieu.messages import Problem, Report, msg

CellValue = str | float | int | None


@dataclass(slots=True)
class RawRow:
    number: int  # row number as the user sees it
    cells: dict[str, str]


@dataclass(slots=True)
class RawTable:
    name: str  # registry table name ("plans")
    label: str  # how messages name it ("reg/plans.csv", "reg.xlsx › plans")
    columns: list[str] = field(default_factory=list)
    rows: list[RawRow] = field(default_factory=list)
    readable: bool = True  # False: the file could not be read (already reported); its rows are unknown


def normalise_header(text: str) -> str:
    return "_".join(str(text or "").replace("\ufeff", "").strip().lower().split())


def exact_number_text(value: float) -> str:
    """A number written exactly, without exponent, with a decimal comma ("2134,6"; 3000 → "3000")."""
    if math.isfinite(value) and float(value).is_integer():
        return str(int(value))
    text = repr(float(value))
    if "e" in text or "E" in text:  # 1e-07 → 0.0000001: the shortest repr, without exponent
        text = format(Decimal(text), "f")
    return text.replace(".", ",")


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return exact_number_text(float(value))
    return str(value).strip()


def build_table(
    name: str, label: str, header: list[object], body: list[tuple[int, list[object]]], report: Report
) -> RawTable:
    """A raw table from a header and numbered rows of cell values; duplicate columns and shifted rows reported."""
    columns = [normalise_header(str(h or "")) for h in header]
    table = RawTable(name=name, label=label, columns=[c for c in columns if c])
    seen: set[str] = set()
    for c in columns:
        if c and c in seen:
            report.add(Problem.make("duplicate_column", path=label, column=c))
        seen.add(c)
    for number, values in body:
        cells = [cell_text(v) for v in values]
        if not any(cells):
            continue  # blank rows are layout, not data
        if len(cells) > len(columns):  # a shifted row: usually an unquoted decimal comma
            reason = msg("reason_csv_width", cells=len(cells), columns=len(columns))
            report.add(Problem.make("csv_malformed", path=label, row=number, reason=reason))
            continue
        row = {c: (cells[i] if i < len(cells) else "") for i, c in enumerate(columns) if c}
        table.rows.append(RawRow(number, row))
    return table


TableData = dict[str, tuple[list[str], list[list[CellValue]]]]
