"""The file edge of the exchange format: read a CSV folder or an XLSX workbook into raw tables, write either.

No validation here: ``chitieu.registry`` (pure) validates the raw tables and builds the registry.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from chitieu.messages import ChitieuError, Problem, Report, msg
from chitieu.readers.input_files import WORKBOOK_SUFFIXES, open_workbook, read_input_bytes
from chitieu.readers.text_reader import decode_bytes
from chitieu.registry.tables import RawTable, TableData, build_table, exact_number_text, normalise_header
from chitieu.reports.safe_cells import SafeCsvWriter, XlsxStyles, unescape_cell, xlsx_workbook
from chitieu.services.output_files import atomic_output


def read_csv_table(path: Path, name: str, report: Report) -> RawTable | None:
    label = str(path)
    try:
        data = read_input_bytes(path)
    except ChitieuError as error:  # reported, not raised: the import lists every problem at once
        report.add(Problem.from_error(error, label))
        return None
    if not data.strip():
        report.add(Problem.make("file_empty", path=label))
        return None
    try:
        text = decode_bytes(data, path)[0]
    except ChitieuError as error:  # reported, not raised: the import lists every problem at once
        report.add(Problem.from_error(error, label))
        return None
    first = text.splitlines()[0] if text else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows: list[tuple[int, list[object]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
        for index, values in enumerate(reader, start=2):
            rows.append((index, [unescape_cell(v) for v in values]))  # "'=…" as chitieu's CSV escapes it
    except csv.Error:
        reason = msg("reason_csv_syntax")
        report.add(Problem.make("csv_malformed", path=label, row=len(rows) + 2, reason=reason))
        return None
    return build_table(name, label, list(header), rows, report)


def read_csv_folder(folder: Path, known: set[str], report: Report) -> dict[str, RawTable]:
    tables: dict[str, RawTable] = {}
    for path in sorted(folder.glob("*.csv")):
        name = normalise_header(path.stem)
        if name not in known:
            report.add(Problem.make("unknown_table", severity="warning", path=path.name))
            continue
        tables[name] = read_csv_table(path, name, report) or RawTable(name, str(path), readable=False)
    return tables


def read_workbook(path: Path, known: set[str], report: Report) -> dict[str, RawTable]:
    book = open_workbook(path)
    tables: dict[str, RawTable] = {}
    try:
        for sheet in book.worksheets:
            name = normalise_header(sheet.title)
            label = f"{path.name} › {sheet.title}"
            if name not in known:
                report.add(Problem.make("unknown_table", severity="warning", path=label))
                continue
            values = [(i, list(r)) for i, r in enumerate(sheet.iter_rows(values_only=True), start=1)]
            values = [(i, r) for i, r in values if any(v not in (None, "") for v in r)]
            if not values:
                report.add(Problem.make("file_empty", path=label))
                continue
            (_, header), body = values[0], values[1:]
            body = [(i, [unescape_cell(v) if isinstance(v, str) else v for v in r]) for i, r in body]
            tables[name] = build_table(name, label, header, body, report)
    finally:
        book.close()
    return tables


def read_tables(path: Path, known: set[str], report: Report) -> dict[str, RawTable]:
    """The registry's raw tables from a CSV folder or an .xlsx workbook; problems go to ``report``."""
    if path.is_dir():
        return read_csv_folder(path, known, report)
    if not path.exists():
        raise ChitieuError("registry_not_found", path=path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return read_workbook(path, known, report)
    if path.suffix.lower() == ".csv":
        name = normalise_header(path.stem)
        if name not in known:
            report.add(Problem.make("unknown_table", severity="warning", path=path.name))
            return {}
        return {name: read_csv_table(path, name, report) or RawTable(name, str(path), readable=False)}
    raise ChitieuError("file_format_unsupported", path=path, allowed=msg("allowed_registry_inputs"))


def write_csv_folder(folder: Path, tables: TableData) -> list[Path]:
    """One UTF-8 CSV per table (with BOM so Excel shows Vietnamese right, text that looks like a formula
    escaped); each file replaced atomically."""
    written: list[Path] = []  # atomic_output creates the folder
    for name, (columns, rows) in tables.items():
        final = folder / f"{name}.csv"
        with atomic_output(final) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
            out = SafeCsvWriter(handle)
            out.writerow(columns)
            for row in rows:
                out.writerow(["" if v is None else exact_number_text(v) if isinstance(v, float) else v for v in row])
        written.append(final)
    return written


def write_workbook(path: Path, tables: TableData) -> Path:
    """One sheet per table, numbers as numbers, text as text (never a formula); written to a temporary
    file then moved."""
    with atomic_output(path) as tmp:
        book = xlsx_workbook(str(tmp))
        styles = XlsxStyles(book, {"bold": {"bold": True, "font_name": "Times New Roman"},
                                   "plain": {"font_name": "Times New Roman"}})
        for name, (columns, rows) in tables.items():
            sheet = book.add_worksheet(name)
            sheet.freeze_panes(1, 0)
            for c, column in enumerate(columns):
                styles.text(sheet, 0, c, column, "bold")
                width = max([len(column), *(len(str(r[c])) for r in rows if r[c] is not None)][:200] or [8])
                sheet.set_column(c, c, min(max(width + 2, 8), 60))
            for r, row in enumerate(rows, start=1):
                for c, value in enumerate(row):
                    if value is None or value == "":
                        continue
                    styles.value(sheet, r, c, value, "plain")
        book.close()
    return path
