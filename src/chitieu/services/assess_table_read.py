"""Reading a target/result table (CSV in any common encoding, or the first sheet of an XLSX) and
finding its header row and columns. Errors are ``ChitieuError`` naming the file, row and column."""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from chitieu.grammar.text import fold
from chitieu.messages import ChitieuError, msg
from chitieu.messages.os_errors import os_error_reason
from chitieu.quantities import QuantityError, parse_quantity
from chitieu.readers.input_files import WORKBOOK_SUFFIXES, open_workbook, require_file
from chitieu.readers.text_reader import decode_bytes
from chitieu.reports.safe_cells import unescape_cell
from chitieu.vocab.table_headers import accepted_headers, header_role
from chitieu.vocab.verdicts import parse_verdict

HEADER_SEARCH_ROWS = 30
BOM_ENCODINGS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
COLUMN_NUMBER_RE = re.compile(r"^\(?(?:[A-Za-z]|\d{1,2}|[A-Za-z]\d)\)?$")  # "(1)", "A", "B2": column numbers


@dataclass(frozen=True, slots=True)
class SheetGrid:
    """All cells as text; ``rows[i]`` is row ``i + 1`` as the user sees it in Excel."""

    path: Path
    rows: list[list[str]]


@dataclass(slots=True)
class TableLayout:
    """Where the header is and which column plays which role (0-based column indexes)."""

    header_row: int  # 0-based index of the last header row
    headers: list[str]
    indicator: int
    target: int | None
    result: int
    unit: int | None = None
    polarity: int | None = None
    verdict: int | None = None
    ratio: int | None = None
    roles: dict[int, str] = field(default_factory=dict)


HEAD_ROWS = HEADER_SEARCH_ROWS + 60  # rows kept to find the header and judge its columns by their cells
CSV_SAMPLE_BYTES = 1024 * 1024  # the encoding and separator are decided on this much of a CSV
# Columns ``assess-table`` adds to its own output: read back, they are ignored (the verdict column
# that counts is the office's own, not our earlier computation).
OWN_COLUMN_MARK = "(chitieu)"
OWN_COLUMNS = ("Đánh giá (chitieu)", "Tỷ lệ % so với mục tiêu (chitieu)", "Chiều đánh giá (chitieu)",
               "Giải thích (chitieu)", "Khớp đánh giá chính thức (chitieu)")


@dataclass(slots=True)
class TableSource:
    """A table read row by row: ``head`` holds its first rows, ``rows()`` streams all of them again.

    Large tables are never held whole in memory: an XLSX sheet is read in openpyxl's read-only
    (streaming) mode, a CSV is decoded as it is read.
    """

    path: Path
    head: list[list[str]]
    _open: Callable[[], Iterator[list[str]]]

    def rows(self) -> Iterator[list[str]]:
        """Every row from the top of the table, as text cells."""
        return self._open()

    @property
    def head_grid(self) -> SheetGrid:
        return SheetGrid(self.path, self.head)


def open_table(path: Path) -> TableSource:
    """Open ``path`` (.csv/.txt/.tsv or .xlsx/.xlsm) for streaming; the first rows are read now."""
    path = Path(path)
    require_file(path)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        source = _open_xlsx(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        source = _open_csv(path)
    else:
        raise ChitieuError("file_format_unsupported", path=path, allowed=".csv, .xlsx")
    if not any(any(c.strip() for c in r) for r in source.head):
        raise ChitieuError("file_empty", path=path)
    return source


def read_table(path: Path) -> SheetGrid:
    """Read ``path`` (.csv/.txt/.tsv or .xlsx/.xlsm) whole into text cells (small tables)."""
    source = open_table(path)
    return SheetGrid(source.path, list(source.rows()))


def _csv_encoding(path: Path) -> tuple[str, str]:
    """(encoding to stream the file with, separator) decided on the first ``CSV_SAMPLE_BYTES``."""
    try:
        with path.open("rb") as handle:
            sample = handle.read(CSV_SAMPLE_BYTES + 1)
    except OSError as exc:
        raise ChitieuError("file_unreadable", path=path, reason=os_error_reason(exc)) from exc
    if not sample.strip():
        raise ChitieuError("file_empty", path=path)
    if len(sample) > CSV_SAMPLE_BYTES:  # cut at a line end so no character is split
        sample = sample[:CSV_SAMPLE_BYTES]
        cut = sample.rfind(b"\n")
        if cut > 0:
            sample = sample[: cut + 1 + (1 if sample[cut + 1 : cut + 2] == b"\x00" else 0)]
    text, encoding = decode_bytes(sample, path)
    for bom, name in BOM_ENCODINGS:
        if sample.startswith(bom):
            encoding = name  # the streaming decoder must skip the mark itself
            break
    text = unicodedata.normalize("NFC", text)
    if "\x00" in text:
        raise ChitieuError("file_binary", path=path)
    try:
        delimiter = _best_delimiter(text)
    except csv.Error as exc:
        raise ChitieuError("file_corrupt", path=path, kind="CSV", reason=msg("reason_csv_syntax")) from exc
    return encoding, delimiter


def _open_csv(path: Path) -> TableSource:
    encoding, delimiter = _csv_encoding(path)

    def rows() -> Iterator[list[str]]:
        try:
            with path.open("r", encoding=encoding, newline="") as handle:
                reader = csv.reader(handle, delimiter=delimiter)
                for row in reader:
                    # cp1258 spells tones as combining marks; chitieu's own CSV escapes "=…" as "'=…"
                    yield [unescape_cell(unicodedata.normalize("NFC", c)) for c in row]
        except csv.Error as exc:
            raise ChitieuError("file_corrupt", path=path, kind="CSV", reason=msg("reason_csv_syntax")) from exc
        except UnicodeDecodeError as exc:
            raise ChitieuError("file_unreadable", path=path, reason=msg("reason_encoding", encoding=encoding)) from exc
        except OSError as exc:
            raise ChitieuError("file_unreadable", path=path, reason=os_error_reason(exc)) from exc

    return TableSource(path, list(islice(rows(), HEAD_ROWS)), rows)


def _best_delimiter(text: str) -> str:
    """The separator (``,``, ``;`` or tab) giving the most rows of one width.

    Decimal commas ("7,12%") fool sniffers when Excel in a Vietnamese locale writes ";" — so every
    separator is tried and the most regular table (most non-empty rows sharing the widest common
    width ≥ 3) wins; ties go to tab, then ";", then ",".
    """
    best: tuple[tuple[int, int], str] | None = None
    for delimiter in ("\t", ";", ","):
        rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
        widths = [len(r) for r in rows if any(c.strip() for c in r)]
        if not widths:
            continue
        width = max(set(widths), key=lambda w: (widths.count(w), w))
        score = (widths.count(width) if width >= 3 else 0, width)
        if best is None or score > best[0]:
            best = (score, delimiter)
    return best[1] if best is not None else ","


def _cell_text(value: object, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        number = float(value)
        percent = "%" in (number_format or "")
        if percent:
            number *= 100
        text = str(int(number)) if number.is_integer() else repr(round(number, 10)).replace(".", ",")
        return text + ("%" if percent else "")
    return unescape_cell(str(value)).strip()


def _sheet_rows(ws: Any) -> Iterator[list[str]]:
    for row in ws.iter_rows():
        yield [_cell_text(c.value, getattr(c, "number_format", "")) for c in row]


def _open_xlsx(path: Path) -> TableSource:
    """The first sheet that holds a target/result table (a cover sheet is skipped), streamed."""
    wb = open_workbook(path)
    try:
        chosen, head = 0, None
        for index, ws in enumerate(wb.worksheets):
            first = list(islice(_sheet_rows(ws), HEAD_ROWS))
            if _has_header(first):
                chosen, head = index, first
                break
            if head is None:
                head = first
        if head is None:
            head = []
    finally:
        wb.close()

    def rows() -> Iterator[list[str]]:
        book = open_workbook(path)
        try:
            if chosen < len(book.worksheets):
                yield from _sheet_rows(book.worksheets[chosen])
        finally:
            book.close()

    return TableSource(path, head, rows)


def _has_header(rows: list[list[str]]) -> bool:
    for row in rows[:HEADER_SEARCH_ROWS]:
        values = list(_roles(row).values())
        if "indicator" in values and set(values) & {"target", "result"}:
            return True
    return False


def _roles(row: list[str]) -> dict[int, str]:
    return {i: r for i, cell in enumerate(row) if not is_own_column(cell) and (r := header_role(cell))}


def is_own_column(header: str) -> bool:
    """A column ``assess-table`` added to its own output ("Đánh giá (chitieu)")."""
    return header.strip().lower().endswith(OWN_COLUMN_MARK) or fold(header) == fold("Khớp đánh giá chính thức")


def _looks_like_data(row: list[str], col: int | None) -> bool:
    if col is None or col >= len(row) or not row[col].strip():
        return False
    try:
        parse_quantity(row[col])
    except (QuantityError, ValueError):
        return False
    return True


def find_layout(table: SheetGrid) -> TableLayout:
    """Find the header row (possibly two rows: block titles over column titles) and the role columns."""
    for r, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        roles = _roles(row)
        values = list(roles.values())
        if "indicator" not in values or not (set(values) & {"target", "result", "verdict"} or values.count("indicator") > 1):
            continue
        headers = [c.strip() for c in row]
        last = r
        if r + 1 < len(table.rows):
            below = table.rows[r + 1]
            below_roles = _roles(below)
            target_col = next((i for i, v in roles.items() if v == "target"), None)
            result_col = next((i for i, v in roles.items() if v == "result"), None)
            # a row whose target or result cell is a figure is data, not a second header row (a "%" in its
            # unit column is not the "%" column title)
            is_data = _looks_like_data(below, target_col) or _looks_like_data(below, result_col)
            if set(below_roles.values()) & {"result", "verdict", "ratio", "target"} and not is_data:
                headers, roles = _merge(row, below)
                last = r + 1
        return _layout(table, last, headers, roles)
    raise ChitieuError("table_no_header", path=table.path, accepted="; ".join(
        " / ".join(accepted_headers(role)) for role in ("indicator", "target", "result")))


def _merge(top: list[str], below: list[str]) -> tuple[list[str], dict[int, str]]:
    width = max(len(top), len(below))
    top = top + [""] * (width - len(top))
    below = below + [""] * (width - len(below))
    headers: list[str] = []
    roles: dict[int, str] = {}
    parent = ""
    for i in range(width):
        if top[i].strip():
            parent = top[i].strip()
        elif below[i].strip() == "":
            parent = ""
        child = below[i].strip()
        if is_own_column(child):
            headers.append(child)
            continue
        name = f"{parent} / {child}" if parent and child and parent != child else (child or parent)
        headers.append(name)
        role = (header_role(child) or (header_role(parent) if header_role(parent) in ("target", "result") else None)
                ) if child else header_role(parent)  # "Kết quả thực hiện / Năm 2025" is a result column
        if role:
            roles[i] = role
    return headers, roles


def _mostly_quantities(table: SheetGrid, first_row: int, col: int) -> bool:
    cells = [r[col] for r in table.rows[first_row:first_row + 30]
             if col < len(r) and r[col].strip() and not COLUMN_NUMBER_RE.match(r[col].strip())]
    return bool(cells) and sum(_looks_like_data([c], 0) for c in cells) * 2 >= len(cells)


def _mostly_verdicts(table: SheetGrid, first_row: int, col: int) -> bool:
    cells = [r[col] for r in table.rows[first_row:first_row + 40] if col < len(r) and r[col].strip()]
    return bool(cells) and sum(parse_verdict(c) is not None for c in cells) * 2 > len(cells)


def _refine_roles(table: SheetGrid, last: int, roles: dict[int, str]) -> None:
    """Trust the cells over an ambiguous header: verdict words make a verdict column, numbers a ratio."""
    results = [c for c, r in roles.items() if r == "result"]
    for col, role in list(roles.items()):
        if role == "result" and len(results) > 1 and _mostly_verdicts(table, last + 1, col):
            roles[col] = "verdict"
        elif role == "verdict" and not _mostly_verdicts(table, last + 1, col) and _mostly_quantities(table, last + 1, col):
            roles[col] = "ratio"
    if "verdict" not in roles.values():  # an unnamed column ("Ghi chú") holding Vượt / Đạt / Không đạt
        width = max((len(r) for r in table.rows[last + 1:]), default=0)
        found = [c for c in range(width) if c not in roles and _mostly_verdicts(table, last + 1, c)]
        if found:
            roles[found[-1]] = "verdict"


def _unnamed_target(table: SheetGrid, last: int, headers: list[str], roles: dict[int, str],
                    indicator: int) -> int | None:
    """The plan column under a header the alias table does not know ("KH năm 2019" between "Đơn vị" and
    "Ước TH năm 2019"): the one column without a role, right of the indicator and left of the first result
    column, whose cells are mostly figures. Only when there is exactly one such column."""
    results = [i for i in sorted(roles) if roles[i] == "result"]
    if not results:
        return None
    found = [i for i in range(indicator + 1, results[0]) if i not in roles and i < len(headers)
             and headers[i].strip() and _mostly_quantities(table, last + 1, i)]
    if len(found) != 1:
        return None
    roles[found[0]] = "target"
    return found[0]


def _layout(table: SheetGrid, last: int, headers: list[str], roles: dict[int, str]) -> TableLayout:
    def first(role: str, after: int = -1) -> int | None:
        return next((i for i in sorted(roles) if roles[i] == role and i > after), None)

    _refine_roles(table, last, roles)

    indicator = first("indicator")
    if indicator is None:
        raise ChitieuError("missing_column", path=table.path, column="indicator",
                           accepted=", ".join(accepted_headers("indicator")))
    target = first("target")
    if target is None and (second := first("indicator", indicator)) is not None:
        target = second  # "Nội dung | Chỉ tiêu | Kết quả": the second "chỉ tiêu" column holds the targets
        roles[second] = "target"
    if target is None:
        target = _unnamed_target(table, last, headers, roles, indicator)
    result_cols = [i for i in sorted(roles) if roles[i] == "result"]
    if not result_cols:  # an unnamed result column ("Năm 2025") right of the target: its cells are quantities
        start = target if target is not None else indicator
        result_cols = [i for i in range(start + 1, len(headers))
                       if i not in roles and headers[i].strip() and _mostly_quantities(table, last + 1, i)][:1]
    if not result_cols:
        raise ChitieuError("missing_column", path=table.path, column="result",
                           accepted=", ".join(accepted_headers("result")))
    result = result_cols[-1]
    roles[result] = "result"
    verdict = first("verdict", result)
    if verdict is None:
        verdicts = [i for i in sorted(roles) if roles[i] == "verdict"]
        verdict = verdicts[-1] if verdicts else None
    return TableLayout(
        header_row=last, headers=headers, indicator=indicator, target=target, result=result,
        unit=first("unit"), polarity=first("polarity"), verdict=verdict, ratio=first("ratio", result), roles=roles,
    )
