"""``assess-table`` output: the input table with the computed columns added (XLSX or CSV, streamed row by
row, the file appearing only when complete), or the assessed rows as one JSON array."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from chitieu.messages import ChitieuError
from chitieu.numbers import format_number
from chitieu.reports.safe_cells import SafeCsvWriter, XlsxStyles, xlsx_workbook
from chitieu.services.assess_table import TableAssessment, TableRow, TableRun
from chitieu.services.assess_table_read import OWN_COLUMNS, TableLayout, is_own_column
from chitieu.services.output_files import atomic_output

ADDED_COLUMNS = OWN_COLUMNS
XLSX_MAX_ROWS = 1_048_576  # Excel's limit per sheet
Outcomes = Iterable[tuple[int, list[str], TableRow | None]]


def _added_cells(row: TableRow | None) -> list[str]:
    if row is None or row.status is None:
        return []
    agree = "" if row.agrees is None else ("Khớp" if row.agrees else "Khác")
    ratio = "" if row.ratio is None else format_number(row.ratio, 1)
    return [row.status_vi or "", ratio, row.polarity_reason, row.explanation, agree]


def _output_cells(index: int, cells: list[str], row: TableRow | None, header_row: int, width: int,
                  dropped: frozenset[int]) -> list[str]:
    """The input row with the computed columns after the table's width (cells beyond it follow them).

    ``dropped`` columns (those an earlier run of ``assess-table`` added) are left out: they are replaced.
    """
    values = [(cells[i] if i < len(cells) else "") for i in range(width) if i not in dropped]
    extra = list(cells[width:])
    while extra and not extra[-1].strip():
        extra.pop()
    added = list(ADDED_COLUMNS) if index == header_row else _added_cells(row)
    if extra:
        added += [""] * (len(ADDED_COLUMNS) - len(added)) + extra
    return values + added


def write_assessed_xlsx(result: TableAssessment | TableRun, out: Path) -> int:
    """The input table with the computed columns added, as XLSX (streamed: constant memory).

    Text cells are written as text, never as formulas. Returns the number of rows written; the
    file appears only when complete.
    """
    outcomes, layout, width = _outcomes(result)
    dropped = frozenset(i for i, h in enumerate(layout.headers) if is_own_column(h))
    with atomic_output(out) as temp:
        book = xlsx_workbook(str(temp), constant_memory=True)
        try:
            styles = XlsxStyles(book, {"head": {"bold": True, "font_name": "Times New Roman"},
                                       "cell": {"font_name": "Times New Roman"}})
            sheet = book.add_worksheet("Đánh giá")
            written = 0
            for index, cells, row in outcomes:
                if index >= XLSX_MAX_ROWS:
                    raise ChitieuError("table_too_many_rows_xlsx", path=result.path, limit=format_number(XLSX_MAX_ROWS))
                style = "head" if index == layout.header_row else "cell"
                for col, text in enumerate(_output_cells(index, cells, row, layout.header_row, width, dropped)):
                    if text:
                        styles.text(sheet, index, col, text, style)
                written += 1
        finally:
            book.close()
    return written


def write_assessed_csv(result: TableAssessment | TableRun, out: Path) -> int:
    """The same table as UTF-8 CSV with a BOM, text that looks like a formula escaped."""
    outcomes, layout, width = _outcomes(result)
    dropped = frozenset(i for i, h in enumerate(layout.headers) if is_own_column(h))
    written = 0
    with atomic_output(out) as temp, temp.open("w", encoding="utf-8", newline="") as handle:
        writer = SafeCsvWriter(handle)
        for index, cells, row in outcomes:
            writer.writerow(_output_cells(index, cells, row, layout.header_row, width, dropped))
            written += 1
    return written


def write_assessed_json(result: TableAssessment | TableRun, handle: IO[str]) -> int:
    """The assessed rows as one JSON array (the same text as ``json.dumps(rows, indent=2)``), streamed."""
    count = 0
    for _index, _cells, row in _outcomes(result)[0]:
        if row is None:
            continue
        item = json.dumps(row.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        handle.write(("[\n  " if count == 0 else ",\n  ") + item)
        count += 1
    handle.write("\n]" if count else "[]")
    return count


def _outcomes(result: TableAssessment | TableRun) -> tuple[Outcomes, TableLayout, int]:
    if isinstance(result, TableRun):
        return result, result.layout, result.width
    by_row = {r.row: r for r in result.rows}
    width = max((len(r) for r in result.table.rows), default=0)
    items = ((i, cells, by_row.get(i + 1)) for i, cells in enumerate(result.table.rows))
    return items, result.layout, width
