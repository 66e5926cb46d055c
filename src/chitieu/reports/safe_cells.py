"""Cells safe to open: every spreadsheet and CSV file chitieu writes goes through these helpers.

A text that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is a formula to
Excel and LibreOffice when it comes from a CSV file, and to XlsxWriter/openpyxl when it is written
with their generic ``write``/``append`` (an indicator named ``=HYPERLINK("http://…","Bấm")`` became a
live link). The rules (OWASP "CSV injection"):

* **XLSX**: such a text is written as a string cell (never a formula; XlsxWriter's conversion of
  strings to formulas, numbers and links is switched off) with the "quote prefix" style Excel itself
  uses for a typed ``'=…``, so editing the cell keeps it text.
* **CSV**: such a text gets a leading apostrophe (``'=HYPERLINK(…)``). Numbers are never touched:
  real numbers are written as numbers, and a text that is only a number in Vietnamese or English
  writing (``-7,8``, ``+7,5%``, ``-1.234,5``) stays as it is, so negative figures stay numeric.
* Every CSV starts with a UTF-8 byte-order mark so Excel reads Vietnamese right.

Readers (``assess-table``, registry import) call ``unescape_cell`` so a file chitieu wrote reads back
to the same text.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterable, Mapping
from typing import IO, Any

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
UTF8_BOM = codecs.BOM_UTF8.decode("utf-8")  # "\ufeff"
# A figure written as text: sign, digits with "." "," or space separators, an optional % or ‰.
_NUMBER_TEXT = re.compile(r"[+\-]?\s*\d[\d.,\s\u00a0]*(?:%|‰)?")
# Options of every XlsxWriter workbook we write: no guessing of formulas, numbers or links from text.
XLSXWRITER_OPTIONS: dict[str, Any] = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet program could take ``text`` for a formula (numbers written as text excepted)."""
    if not text:
        return False
    stripped = text.lstrip(" ")
    if not stripped.startswith(FORMULA_LEADS) and not text.startswith(("\t", "\r")):
        return False
    return _NUMBER_TEXT.fullmatch(stripped.strip()) is None


def escape_text(text: str) -> str:
    """The CSV form of a text cell: an apostrophe before a formula-like text, else unchanged."""
    return ESCAPE + text if is_formula_like(text) else text


def unescape_cell(text: str) -> str:
    """The text a cell held before ``escape_text`` (a reader's inverse); other text is unchanged."""
    if text.startswith(ESCAPE) and is_formula_like(text[1:]):
        return text[1:]
    return text


def csv_value(value: object) -> object:
    """A value ready for ``csv.writer``: text escaped, numbers and empty values as they are."""
    if isinstance(value, str):
        return escape_text(value)
    return value


class SafeCsvWriter:
    """``csv.writer`` that escapes every text cell; ``bom=True`` writes the UTF-8 mark first."""

    def __init__(self, handle: IO[str], *, bom: bool = True, **options: Any) -> None:
        options.setdefault("lineterminator", "\n")
        if bom:
            handle.write(UTF8_BOM)
        self._writer = csv.writer(handle, **options)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([csv_value(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


class SafeDictWriter:
    """``csv.DictWriter`` with escaped text cells and an optional BOM."""

    def __init__(self, handle: IO[str], fieldnames: Iterable[str], *, bom: bool = True, **options: Any) -> None:
        options.setdefault("lineterminator", "\n")
        options.setdefault("extrasaction", "ignore")
        if bom:
            handle.write(UTF8_BOM)
        self.fieldnames = list(fieldnames)
        self._writer = csv.DictWriter(handle, fieldnames=self.fieldnames, **options)

    def writeheader(self) -> None:
        self._writer.writerow({f: csv_value(f) for f in self.fieldnames})

    def writerow(self, row: Mapping[str, object]) -> None:
        self._writer.writerow({k: csv_value(v) for k, v in row.items()})


def xlsx_workbook(path: str, *, constant_memory: bool = False, **options: Any) -> Any:
    """An XlsxWriter workbook with text never turned into formulas, numbers or links."""
    import xlsxwriter

    merged = {**XLSXWRITER_OPTIONS, **options}
    if constant_memory:
        merged["constant_memory"] = True
    return xlsxwriter.Workbook(path, merged)


class XlsxStyles:
    """Named XlsxWriter formats, each with a quote-prefixed twin for formula-like text (made on demand)."""

    def __init__(self, workbook: Any, styles: Mapping[str, Mapping[str, Any]]) -> None:
        self._workbook = workbook
        self._props = {name: dict(props) for name, props in styles.items()}
        self._plain = {name: workbook.add_format(props) for name, props in self._props.items()}
        self._quoted: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        return self._plain[name]

    def for_text(self, name: str | None, text: str) -> Any:
        """The format to write ``text`` with: the quote-prefixed twin when the text looks like a formula."""
        if name is None:
            if not is_formula_like(text):
                return None
            name = ""
            self._props.setdefault(name, {})
        if not is_formula_like(text):
            return self._plain[name]
        if name not in self._quoted:
            self._quoted[name] = self._workbook.add_format({**self._props[name], "quote_prefix": True})
        return self._quoted[name]

    def text(self, sheet: Any, row: int, col: int, text: str | None, style: str | None = None) -> None:
        """Write ``text`` as a string cell (a blank cell keeps the style's borders)."""
        if text is None or text == "":
            if style is not None:
                sheet.write_blank(row, col, None, self._plain[style])
            return
        sheet.write_string(row, col, str(text), self.for_text(style, str(text)))

    def value(self, sheet: Any, row: int, col: int, value: object, style: str | None = None) -> None:
        """A number as a number cell, anything else as text."""
        if isinstance(value, bool):
            self.text(sheet, row, col, "true" if value else "false", style)
        elif isinstance(value, int | float):
            sheet.write_number(row, col, value, self._plain[style] if style else None)
        else:
            self.text(sheet, row, col, None if value is None else str(value), style)

    def row(self, sheet: Any, row: int, col: int, values: Iterable[object], style: str | None = None) -> None:
        for k, value in enumerate(values):
            self.value(sheet, row, col + k, value, style)

    def merged(self, sheet: Any, first_row: int, first_col: int, last_row: int, last_col: int, text: str,
               style: str) -> None:
        """A merged range holding ``text`` as a string."""
        sheet.merge_range(first_row, first_col, last_row, last_col, "", self._plain[style])
        self.text(sheet, first_row, first_col, text, style)


def set_openpyxl_text(cell: Any, value: object) -> None:
    """Set an openpyxl cell: numbers as numbers, text as a string cell (openpyxl makes ``=…`` a formula)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl stores a text starting with "=" as a formula unless told otherwise
        if is_formula_like(value):
            cell.quotePrefix = True
