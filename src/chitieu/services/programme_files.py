"""Import a programme budget report as offices send it: an Excel workbook (.xlsx, .xls through LibreOffice),
a CSV file or the tables of a Word report (.docx, .doc).

The file is read into grids of cell texts (merged cells filled, percent-formatted cells as percents, days as
dd/mm/yyyy); each grid's header and rows are understood by the pure readers ``chitieu.registry.budget_layout``
and ``budget_rows``; what they give is stored in the caller's unit of work, all of it or nothing: new
programme nodes, capital plans and disbursements (added and updated, never removed: a report is not the
whole register). The file itself becomes the cited document of every figure, with sheet, row and column.
A workbook made by ``chitieu programme template`` is recognised and read cell by cell instead.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from chitieu.domain import Actor, CitedDocument, Period, Permission
from chitieu.messages import ChitieuError, Problem, Report, msg
from chitieu.readers.input_files import read_input_bytes, require_file
from chitieu.readers.zipguard import check_zip
from chitieu.registry.budget_layout import Layout, Rows, read_layout
from chitieu.registry.budget_rows import BudgetRead, read_budget_rows
from chitieu.registry.tables import exact_number_text
from chitieu.services.programmes import load_budget, save_budget
from chitieu.services.registry import save_documents
from chitieu.services.workspaces import workspace_id

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 200
CONVERT_TIMEOUT_S = 120
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")
CONVERTED_SUFFIXES = (".xls", ".ods")
WORD_SUFFIXES = (".docx", ".doc", ".odt", ".rtf")
ACCEPTED = ".xlsx, .xls, .ods, .csv, .docx, .doc"


@dataclass(slots=True)
class Grid:
    label: str  # "bao-cao.xlsx › Sheet1", "bao-cao.docx › bảng 2"
    rows: Rows


@dataclass(slots=True)
class BudgetImport:
    """What an import found and did: the report of problems, the tables read, what was written."""

    path: Path
    report: Report = field(default_factory=Report)
    tables: list[tuple[str, Layout]] = field(default_factory=list)
    read: BudgetRead = field(default_factory=BudgetRead)
    written: bool = False
    changes: dict[str, dict[str, int]] = field(default_factory=dict)
    document: str | None = None
    template: bool = False


# -- reading files into grids ---------------------------------------------------------------------------


def _cell_text(value: Any, number_format: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return ""
    if isinstance(value, int | float):
        if "%" in (number_format or ""):
            value = float(value) * 100
        return exact_number_text(float(value))
    return " ".join(str(value).split())


def _xlsx_grids(path: Path, label: str | None = None) -> list[Grid]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_zip(path)
    try:
        book = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError) as exc:
        raise ChitieuError("file_corrupt", path=path, kind="XLSX", reason=msg("reason_unreadable_content")) from exc
    grids = []
    try:
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                continue
            rows: Rows = []
            for r, row in enumerate(sheet.iter_rows(max_row=min(sheet.max_row, MAX_ROWS),
                                                    max_col=min(sheet.max_column, MAX_COLUMNS)), start=1):
                rows.append((r, [_cell_text(c.value, c.number_format) for c in row]))
            for merged in sheet.merged_cells.ranges:
                top, left = merged.min_row, merged.min_col
                if top > len(rows):
                    continue
                value = rows[top - 1][1][left - 1] if left - 1 < len(rows[top - 1][1]) else ""
                for r in range(top, min(merged.max_row, len(rows)) + 1):
                    cells = rows[r - 1][1]
                    for c in range(left, min(merged.max_col, len(cells)) + 1):
                        cells[c - 1] = value
            grids.append(Grid(f"{label or path.name} › {sheet.title}", rows))
    finally:
        book.close()
    return grids


def _converted(path: Path, to: str) -> Iterator[Path]:
    from chitieu.readers.doc_reader import converted_by_libreoffice

    with converted_by_libreoffice(path, to, CONVERT_TIMEOUT_S) as converted:
        yield converted


def _csv_grid(path: Path) -> list[Grid]:
    from chitieu.readers.text_reader import decode_bytes

    text = decode_bytes(read_input_bytes(path), path)[0]
    first = text.splitlines()[0] if text else ""
    delimiter = ";" if first.count(";") > first.count(",") else "\t" if first.count("\t") > first.count(",") else ","
    try:
        rows = [(i, [" ".join(c.split()) for c in r]) for i, r in
                enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1) if i <= MAX_ROWS]
    except csv.Error as exc:
        raise ChitieuError("file_corrupt", path=path, kind="CSV", reason=msg("reason_csv_syntax")) from exc
    return [Grid(path.name, rows)]


def _word_grids(path: Path) -> list[Grid]:
    from chitieu.readers import read_document

    document = read_document(path)
    grids = []
    for k, table in enumerate(document.tables, start=1):
        rows = [(i, [" ".join(c.split()) for c in cells]) for i, cells in enumerate(table.filled_rows(), start=1)]
        grids.append(Grid(msg("budget_word_table", file=path.name, number=k), rows))
    return grids


def read_grids(path: Path) -> list[Grid]:
    """The tables of a report file as grids of cell texts."""
    require_file(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ChitieuError("file_too_large", path=path, size=f"{size / (1024 * 1024):.1f} MB",
                           limit=f"{MAX_FILE_BYTES // (1024 * 1024)} MB")
    suffix = path.suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES:
        return _xlsx_grids(path)
    if suffix in CONVERTED_SUFFIXES:
        for converted in _converted(path, "xlsx"):
            return _xlsx_grids(converted, path.name)
    if suffix in (".csv", ".txt"):
        return _csv_grid(path)
    if suffix in WORD_SUFFIXES:
        return _word_grids(path)
    raise ChitieuError("file_format_unsupported", path=path, allowed=ACCEPTED)


# -- import ---------------------------------------------------------------------------------------------


def file_document(path: Path) -> CitedDocument:
    """The document a file's figures cite: coded by its content, titled by its name."""
    digest = hashlib.sha256(read_input_bytes(path)).hexdigest()[:10]
    return CitedDocument(code=f"TEP-{digest}", title=path.name, kind=msg("budget_document_kind"),
                         note=msg("budget_document_note", name=path.name))


def import_budget_report(
    session: Session, actor: Actor, path: str | Path, *, root: str | None = None, period: Period | None = None,
    as_of: date | None = None, dry_run: bool = False,
) -> BudgetImport:
    """Read a programme report file and store its figures (all or nothing; nothing with ``dry_run``)."""
    path = Path(path)
    workspace_id(session, actor, Permission.REPORT_FIGURES)  # before reading anything
    from chitieu.services.programme_template import is_template, read_template

    outcome = BudgetImport(path)
    budget = load_budget(session, actor)
    if root is not None and budget.plan(root) is None:
        raise ChitieuError("plan_not_found", code=root)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES and is_template(path):
        return read_template(session, actor, path, outcome, dry_run=dry_run)
    grids = read_grids(path)
    document = file_document(path)
    plans = list(budget.plans)
    merged = BudgetRead()
    for grid in grids:
        layout = read_layout(grid.rows, period=period, as_of=as_of)
        if layout is None or not layout.value_columns:
            continue
        _check_layout(layout, grid.label)
        outcome.tables.append((grid.label, layout))
        for column in layout.unknown_columns:
            outcome.report.add(Problem.make("budget_column_unknown_source", severity="warning", path=grid.label,
                                            column=column.letter, header=column.header, label=column.unknown))
        got = read_budget_rows(layout, grid.rows, label=grid.label, plans=plans, org_units=budget.org_units,
                               root=root, document=document.code, report=outcome.report)
        plans += got.plans
        merged.plans += got.plans
        merged.budget.capital_plans += got.budget.capital_plans
        merged.budget.disbursements += got.budget.disbursements
        merged.rows_used += got.rows_used
        merged.rows_skipped += got.rows_skipped
        merged.figures += got.figures
    outcome.read = merged
    if not outcome.tables:
        raise ChitieuError("budget_no_header", path=path.name)
    if not merged.figures:
        raise ChitieuError("budget_no_figures", path=path.name)
    if dry_run or not outcome.report.ok:
        return outcome
    save_documents(session, actor, [document])
    tables = [t for t, rows in (("capital_plans", merged.budget.capital_plans),
                                ("disbursements", merged.budget.disbursements)) if rows]
    changes = save_budget(session, actor, merged.budget, tables=tables, plans=merged.plans, replace=False,
                          action="programme.import", context={"source": path.name, "document": document.code})
    outcome.written, outcome.changes, outcome.document = True, changes.counts(), document.code
    return outcome


def _check_layout(layout: Layout, label: str) -> None:
    """A table whose figures cannot be placed in time is refused with what to add (never half read)."""
    if any(c.period is None for c in layout.value_columns):
        raise ChitieuError("budget_no_period_given", path=label)
    if any(c.as_of is None for c in layout.value_columns if c.measure != "allocated"):
        raise ChitieuError("budget_no_day_given", path=label)


def problems_of(outcome: BudgetImport) -> list[Problem]:
    return outcome.report.problems


__all__ = ["BudgetImport", "Grid", "file_document", "import_budget_report", "read_grids"]
