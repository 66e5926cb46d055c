"""Excel appendices (.xlsx, .xlsm; .xls and .ods through LibreOffice) as the Word reader gives tables.

Offices send their appendices ("Biểu 01 …": Chỉ tiêu | Đơn vị | Kế hoạch | Ước thực hiện | So sánh (%) | …)
as workbooks. Each visible sheet becomes one part of the document, named by the sheet's title: a line with
the title, the sheet's leading title rows (one filled cell each: "BIỂU 07: TỔNG HỢP …", "(Kèm theo Báo cáo
số …)") as paragraphs, then its grid as one ``TableBlock`` rendered as tab-separated rows, exactly as a Word
table is. So extraction and ingestion read a workbook with the same table rules as a Word appendix.

- Values are the cached results of formulas (``data_only``), written as the sheet shows them: the cell's
  number format decides the decimals, thousands grouping and percent ("0.0%" on 0.952 → "95,2%"), in
  Vietnamese style ("1.117,5").
- Merged cells keep their text in the first grid cell and are listed as ``TableBlock.merges`` (the table
  rules spread them over header rows).
- Hidden sheets, rows and columns are not read (they are not on screen); empty rows and columns at the
  edges are dropped.
- Each cell's place ("Biểu 01!C7") is kept: ``Document.cell_at(offset)``; pages are the sheets (1-based).
- Safety: the zip guard runs before openpyxl opens the file; size, row and column limits raise clear
  Vietnamese errors.
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from chitieu.messages import ChitieuError, msg
from chitieu.readers.document import CellMerge, Document, PageSpan, Part, TableBlock, clean_cell
from chitieu.readers.zipguard import ZipLimits, check_zip


@dataclass(frozen=True, slots=True)
class SheetLimits:
    max_file_bytes: int = 30 * 1024 * 1024
    max_rows: int = 20_000  # per sheet, counted to the last filled row
    max_columns: int = 300
    max_cells: int = 2_000_000  # over the whole workbook


CONVERTED_SUFFIXES = (".xls", ".xlt", ".ods")
CONVERT_TIMEOUT_S = 120

_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


def screen_number(value: float, number_format: str | None = "General") -> str:
    """``value`` as a sheet with ``number_format`` shows it, written Vietnamese style.

    "0.0%" on 0.952 → "95,2%"; "#,##0.0" on 1117.524 → "1.117,5"; "General" on 5.83 → "5,83" (at most
    ten significant digits, as Excel's General shows)."""
    if not math.isfinite(value):
        return ""
    fmt = _QUOTED.sub("", (number_format or "General").split(";")[0]).strip()
    if not fmt or fmt.lower() == "general" or fmt == "@" or not any(ch in fmt for ch in "0#?"):
        return _general(value)
    percent = "%" in fmt
    if percent:
        value *= 100
    body = fmt.replace("%", "")
    decimals = 0
    if "." in body:
        after = body.split(".", 1)[1]
        decimals = sum(1 for ch in after if ch in "0#?")
        required = sum(1 for ch in after if ch == "0")
    else:
        required = 0
    grouped = "," in body.split(".", 1)[0]
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    if decimals > required:  # "#" places: trailing zeros are not shown
        whole, _, frac = text.partition(".")
        frac = frac.rstrip("0")
        if len(frac) < required:
            frac = frac.ljust(required, "0")
        text = f"{whole}.{frac}" if frac else whole
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    if text.startswith("-") and not any(ch.isdigit() and ch != "0" for ch in text):
        text = text[1:]  # "-0,0" shows as "0,0"
    return text + ("%" if percent else "")


def _general(value: float) -> str:
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.10g}"
    if "e" in text:
        text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def cell_text(value: Any, number_format: str | None = "General") -> str:
    """What a cell shows, on one line."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if value.time() == time() else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | float):
        return screen_number(float(value), number_format)
    return clean_cell(str(value))


def read_xlsx(path: Path, zip_limits: ZipLimits | None = None, limits: SheetLimits | None = None) -> Document:
    """Every visible sheet of the workbook at ``path`` as a part with its table."""
    lim = limits or SheetLimits()
    size = path.stat().st_size
    if size > lim.max_file_bytes:
        raise ChitieuError("file_too_large", path=path, size=f"{size / 1048576:.1f} MB",
                           limit=f"{lim.max_file_bytes / 1048576:.0f} MB")
    check_zip(path, zip_limits)
    book = _load(path)
    try:
        builder = _Builder(path)
        cells = 0
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible" or not hasattr(sheet, "iter_rows"):
                continue  # hidden sheets and chart sheets
            rows, columns = sheet.max_row or 0, sheet.max_column or 0
            if rows > lim.max_rows:
                raise ChitieuError("read_sheet_too_large", path=path, sheet=sheet.title,
                                   count=rows, limit=lim.max_rows, what=msg("read_sheet_rows"))
            if columns > lim.max_columns:
                raise ChitieuError("read_sheet_too_large", path=path, sheet=sheet.title,
                                   count=columns, limit=lim.max_columns, what=msg("read_sheet_columns"))
            cells += rows * columns
            if cells > lim.max_cells:
                raise ChitieuError("read_sheet_too_large", path=path, sheet=sheet.title,
                                   count=cells, limit=lim.max_cells, what=msg("read_sheet_cells"))
            builder.sheet(sheet)
    finally:
        book.close()
    return builder.document()


def _load(path: Path) -> Any:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:  # not read-only: merged cells and hidden rows/columns are only known to a fully loaded sheet
        return load_workbook(path, data_only=True)
    except OSError as exc:
        raise ChitieuError("file_unreadable", path=path, reason=exc.strerror or str(exc)) from exc
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, EOFError, TypeError) as exc:
        raise ChitieuError("file_corrupt", path=path, kind="XLSX", reason=msg("reason_unreadable_content")) from exc


class _Builder:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.pieces: list[str] = []
        self.length = 0
        self.pages: list[PageSpan] = []
        self.parts: list[Part] = []
        self.tables: list[TableBlock] = []
        self.cells: list[tuple[int, int, str]] = []  # (start, end, "Sheet!C7") in text order

    def add(self, text: str) -> None:
        self.pieces.append(text)
        self.length += len(text)

    def sheet(self, sheet: Any) -> None:
        from openpyxl.utils import get_column_letter

        grid, places = _visible_grid(sheet)
        if not grid:
            return
        start = self.length
        self.add(sheet.title.strip() + "\n")
        wide = _wide_cells(sheet, places)
        first = 0  # leading title rows are paragraphs, as above a Word table
        while first < len(grid) - 1 and _title_row(grid[first], places[0][first], places[1], wide):
            row_no = places[0][first]
            for i, text in enumerate(grid[first]):  # each filled cell on its own line
                if not text:
                    continue
                place = f"{sheet.title}!{get_column_letter(places[1][i])}{row_no}"
                self.cells.append((self.length, self.length + len(text), place))
                self.add(text + "\n")
            first += 1
        body, row_nos = grid[first:], places[0][first:]
        merges = _merges(sheet, row_nos, places[1])
        table_start = self.length
        row_starts: list[int] = []
        for r, row in enumerate(body):
            row_starts.append(self.length)
            pos = self.length
            for c, text in enumerate(row):
                if text:
                    self.cells.append((pos, pos + len(text), f"{sheet.title}!{get_column_letter(places[1][c])}{row_nos[r]}"))
                pos += len(text) + 1
            self.add("\t".join(row) + "\n")
        number = len(self.pages) + 1
        self.tables.append(TableBlock(rows=body, start=table_start, end=max(table_start, self.length - 1), page=number,
                                      row_starts=row_starts, merges=merges))
        self.pages.append(PageSpan(number, start, self.length))
        self.parts.append(Part(sheet.title.strip(), "appendix", start, self.length, number))

    def document(self) -> Document:
        text = "".join(self.pieces)
        if not text.strip():
            raise ChitieuError("read_no_text", path=self.path)
        if self.parts:
            last = self.parts[-1]
            self.parts[-1] = Part(last.title, last.kind, last.start, len(text), last.page)
            self.pages[-1] = PageSpan(self.pages[-1].number, self.pages[-1].start, len(text))
        document = Document(path=self.path, kind="xlsx", text=text, pages=self.pages, tables=self.tables,
                            parts=self.parts)
        document.cells = self.cells
        return document


def _wide_cells(sheet: Any, places: tuple[list[int], list[int]]) -> set[tuple[int, int]]:
    """(row, column) of merged cells spanning at least half of the shown columns: a sheet's title."""
    shown = set(places[1])
    wide: set[tuple[int, int]] = set()
    for rng in getattr(sheet.merged_cells, "ranges", ()):
        covered = sum(1 for c in range(rng.min_col, rng.max_col + 1) if c in shown)
        if shown and covered * 2 >= len(shown) and covered > 1:
            wide.add((rng.min_row, rng.min_col))
    return wide


def _title_row(cells: list[str], row_no: int, columns: list[int], wide: set[tuple[int, int]]) -> bool:
    """A leading row is a title, not a table row, when it has one filled cell, or when its first filled
    cell is merged across at least half of the shown columns ("BIỂU 07 …" with a stray figure far right)."""
    filled = [i for i, c in enumerate(cells) if c]
    if len(filled) <= 1:
        return True
    return (row_no, columns[filled[0]]) in wide


def _hidden_columns(sheet: Any) -> set[int]:
    hidden: set[int] = set()
    for dim in sheet.column_dimensions.values():
        if getattr(dim, "hidden", False) and dim.min and dim.max:
            hidden.update(range(dim.min, dim.max + 1))
    return hidden


def _visible_grid(sheet: Any) -> tuple[list[list[str]], tuple[list[int], list[int]]]:
    """The sheet's shown cells as text, without hidden or empty edge rows/columns, and the sheet row and
    column number of each grid row and column."""
    hidden_cols = _hidden_columns(sheet)
    raw: list[tuple[int, list[tuple[int, str]]]] = []
    for row in sheet.iter_rows():
        if not row:
            continue
        r = row[0].row
        dim = sheet.row_dimensions.get(r) if hasattr(sheet.row_dimensions, "get") else None
        if dim is not None and getattr(dim, "hidden", False):
            continue
        texts = [(cell.column, cell_text(cell.value, cell.number_format)) for cell in row
                 if cell.column not in hidden_cols]
        raw.append((r, texts))
    filled_cols = sorted({c for _, texts in raw for c, t in texts if t})
    if not filled_cols:
        return [], ([], [])
    lo, hi = filled_cols[0], filled_cols[-1]
    columns = [c for c in range(lo, hi + 1) if c not in hidden_cols]
    index = {c: i for i, c in enumerate(columns)}
    shown_rows = {r for r, _ in raw}
    anchored = _hidden_anchors(sheet, shown_rows, index)
    grid: list[list[str]] = []
    row_nos: list[int] = []
    for r, texts in raw:
        cells = [""] * len(columns)
        for c, t in texts:
            if c in index:
                cells[index[c]] = t
        for (row, col), text in anchored.items():
            if row == r and not cells[index[col]]:
                cells[index[col]] = text
        if any(cells):
            grid.append(cells)
            row_nos.append(r)
    return grid, (row_nos, columns)


def _first_shown(rng: Any, rows: set[int], index: dict[int, int]) -> tuple[int, int] | None:
    row = next((r for r in range(rng.min_row, rng.max_row + 1) if r in rows), None)
    col = next((c for c in range(rng.min_col, rng.max_col + 1) if c in index), None)
    return None if row is None or col is None else (row, col)


def _hidden_anchors(sheet: Any, rows: set[int], index: dict[int, int]) -> dict[tuple[int, int], str]:
    """A merged cell whose own first row or column is hidden still shows its text over the part left on
    screen ("TỔNG HỢP" over hidden E:H and shown I:L): its text goes to the first shown cell of the range."""
    out: dict[tuple[int, int], str] = {}
    for rng in getattr(sheet.merged_cells, "ranges", ()):
        if rng.min_row in rows and rng.min_col in index:
            continue
        first = _first_shown(rng, rows, index)
        if first is None:
            continue
        anchor = sheet.cell(rng.min_row, rng.min_col)
        text = cell_text(anchor.value, anchor.number_format)
        if text:
            out[first] = text
    return out


def _merges(sheet: Any, row_nos: list[int], columns: list[int]) -> list[CellMerge]:
    """Merged ranges in grid positions (rows and columns left out are skipped over)."""
    row_index = {r: i for i, r in enumerate(row_nos)}
    col_index = {c: i for i, c in enumerate(columns)}
    out: list[CellMerge] = []
    for rng in getattr(sheet.merged_cells, "ranges", ()):
        rows = [row_index[r] for r in range(rng.min_row, rng.max_row + 1) if r in row_index]
        cols = [col_index[c] for c in range(rng.min_col, rng.max_col + 1) if c in col_index]
        if not rows or not cols or (len(rows) == 1 and len(cols) == 1):
            continue  # a range whose shown part is one cell (or none) merges nothing on screen
        out.append(CellMerge(rows[0], cols[0], rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1))
    return sorted(out, key=lambda m: (m.row, m.col))


def read_legacy_sheet(path: Path, zip_limits: ZipLimits | None = None, timeout_s: int = CONVERT_TIMEOUT_S) -> Document:
    """A legacy .xls (or .ods) workbook converted to .xlsx by LibreOffice, then read as one."""
    from chitieu.readers.doc_reader import converted_by_libreoffice

    with converted_by_libreoffice(path, "xlsx", timeout_s, "read_xls_needs_libreoffice", "read_xls_convert_failed") as converted:
        document = read_xlsx(converted, zip_limits)
    document.path = path
    return document
