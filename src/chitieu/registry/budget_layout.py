"""Read the header of a programme budget table as offices lay it out (pure).

A report table has a title block ("BÁO CÁO TÌNH HÌNH GIẢI NGÂN ... NĂM 2023", "Đơn vị: triệu đồng"), a
header of one to four rows with merged cells ("Kế hoạch vốn năm 2023" › "Trong đó" › "Vốn sự nghiệp"), an
optional row of column numbers ("1 2 3=4+5"), then one row per programme, component, unit or source. The
edge hands over the sheet as rows of cell texts with every merged cell's text copied into each cell it
covers; here the header is found and every column is given a meaning: what it measures (capital planned,
disbursed, the rate), for which source and kind of capital, which period and up to which day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from chitieu.domain.observations import ObservationFlag, Period
from chitieu.domain.programmes import CapitalKind, CapitalSource
from chitieu.grammar.text import fold
from chitieu.vocab.programmes import capital_source_of, column_measure, column_qualifiers
from chitieu.vocab.units import lookup_unit

VALUE_MEASURES = ("allocated", "disbursed", "rate")
HEADER_SCAN_ROWS = 25
MAX_HEADER_ROWS = 5
_YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\b")
_SPAN_RE = re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b")
_DAY_RE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})")
_MONTH_RE = re.compile(r"\bthang\s*(\d{1,2})(?:\s*(?:/|nam)\s*((?:19|20)\d{2}))?")
_MONTHS_RE = re.compile(r"(?:^|\buoc\s|\btrong\s|\bsau\s)(\d{1,2})\s*thang\b|\b(\d{1,2})\s*thang\s+(?:dau\s+)?nam\b")
_UP_TO_DAY_RE = re.compile(r"(?:den|tai|tinh den|den het)\s+(?:ngay\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})")
_QUARTER_RE = re.compile(r"\bquy\s*(i{1,3}|iv|[1-4])\b")
_MONEY_RE = re.compile(r"(?:don vi(?: tinh)?|dvt)\s*:?\s*(trieu dong|ty dong|ti dong|nghin dong|ngan dong|dong|trd|tr\.? ?d|tr\.dong)")
_INDEX_CELL_RE = re.compile(r"^[\(\[]?(?:\d{1,2}|[a-z]|[ivx]+)[\)\]]?(?:\s*[=+\-x*/]\s*[\(\[]?(?:\d{1,2}|[a-z])[\)\]]?)*$")
QUARTERS = {"i": 1, "1": 1, "ii": 2, "2": 2, "iii": 3, "3": 3, "iv": 4, "4": 4}


def column_letter(index: int) -> str:
    """0 → "A", 27 → "AB" (as spreadsheets name columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def month_end(year: int, month: int) -> date:
    return (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))


def day_in(text: str, year: int | None, *, title: bool = False) -> date | None:
    """The day a header or title reports up to: "đến 31/10/2023", "đến hết tháng 9/2023", "6 tháng đầu năm",
    "quý III" (last day of the month or quarter; months and quarters need ``year``). In a title a bare date is
    the document's own date ("Công văn … ngày 06/11/2023"), so only a date after "đến" counts there."""
    folded = fold(text)
    found = (_UP_TO_DAY_RE if title else _DAY_RE).search(folded)
    if found:
        try:
            return date(int(found[3]), int(found[2]), int(found[1]))
        except ValueError:
            return None
    month = _MONTH_RE.search(folded)
    if month and 1 <= int(month[1]) <= 12 and (month[2] or year):
        return month_end(int(month[2] or year or 0), int(month[1]))
    months = _MONTHS_RE.search(folded)
    if months and year and 1 <= int(months[1] or months[2]) <= 12:
        return month_end(year, int(months[1] or months[2]))
    quarter = _QUARTER_RE.search(folded)
    if quarter and year:
        return month_end(year, QUARTERS[quarter[1]] * 3)
    if year and re.search(r"\bca nam\b|\bnam \d{4}$", folded) and "giai ngan" in folded:
        return date(year, 12, 31)
    return None


def period_in(text: str) -> Period | None:
    """"giai đoạn 2021-2025" → 2021-2025; "năm 2023" → 2023; the first one written."""
    folded = fold(text)
    span = _SPAN_RE.search(folded)
    if span and int(span[2]) >= int(span[1]):
        return Period(int(span[1]), int(span[2]))
    year = _YEAR_RE.search(folded)
    return Period.year(int(year[1])) if year else None


def money_scale(text: str) -> float | None:
    """Factor to triệu đồng of a "Đơn vị: tỷ đồng" line; None when the text names no money unit."""
    found = _MONEY_RE.search(fold(text))
    if not found:
        return None
    word = found[1]
    if word.startswith("tr"):
        return 1.0
    unit = lookup_unit({"ty dong": "tỷ đồng", "ti dong": "tỷ đồng", "nghin dong": "nghìn đồng",
                        "ngan dong": "nghìn đồng", "dong": "đồng"}.get(word, "triệu đồng"))
    return unit.scale / 1e6 if unit is not None else None


@dataclass(frozen=True, slots=True)
class Column:
    """What one column of the table holds."""

    index: int
    path: tuple[str, ...]  # the header cells above it, top to bottom, repeats dropped
    measure: str | None  # number, name, unit, code, source, note, allocated, disbursed, rate, ignore
    source: CapitalSource | None = None
    kind: CapitalKind | None = None
    period: Period | None = None
    as_of: date | None = None
    flag: ObservationFlag = ObservationFlag.ACTUAL
    in_period: bool = False  # disbursed in the reporting month only (not since the start of the year)
    unknown: str = ""  # a label under the measure that names no known source ("Vốn SCL"): the column is left aside

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def header(self) -> str:
        return " › ".join(self.path)


@dataclass(slots=True)
class Layout:
    """The header found: where it is, the columns, and what the title block says."""

    header_rows: list[int]  # sheet row numbers of the header
    first_data: int  # index (into the grid's rows) of the first data row
    columns: list[Column]
    name_index: int = 0  # the column of row labels
    period: Period | None = None
    as_of: date | None = None
    scale: float = 1.0  # to triệu đồng
    title: str = ""
    notes: list[str] = field(default_factory=list)

    def of(self, measure: str) -> list[Column]:
        return [c for c in self.columns if c.measure == measure]

    @property
    def value_columns(self) -> list[Column]:
        return [c for c in self.columns if c.measure in VALUE_MEASURES and not c.in_period and not c.unknown]

    @property
    def unknown_columns(self) -> list[Column]:
        return [c for c in self.columns if c.measure in VALUE_MEASURES and c.unknown and not c.in_period]


Rows = list[tuple[int, list[str]]]


def _is_header_row(cells: list[str]) -> bool:
    measures = [column_measure(c) for c in cells if c.strip()]
    has_name = "name" in measures or "number" in measures
    has_value = any(m in VALUE_MEASURES for m in measures)
    return has_name and has_value


def _looks_like_header(cells: list[str], name_index: int, name_text: str) -> bool:
    """A row below the first header row that still belongs to the header: its name cell is empty or repeats
    the name header (merged down), and it has words rather than figures."""
    name = cells[name_index].strip() if name_index < len(cells) else ""
    if name and name != name_text:
        return False
    texts = [c for c in cells if c.strip()]
    return bool(texts) and not all(_is_figure(c) for c in texts)


def _is_figure(text: str) -> bool:
    return bool(re.fullmatch(r"[\s\d.,%()\-−–]+", text)) and any(ch.isdigit() for ch in text)


def _is_index_row(cells: list[str]) -> bool:
    """A row of column numbers under the header ("1", "2", "3=4+5", "(1)", "A", "B")."""
    texts = [fold(c).replace(" ", "") for c in cells if c.strip()]
    return len(texts) >= 3 and all(_INDEX_CELL_RE.match(t) for t in texts)


def find_header(rows: Rows) -> tuple[int, int] | None:
    """(index of the first header row, index of the name column) in ``rows``; None without a header."""
    for i, (_, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
        if _is_header_row(cells):
            name = next((j for j, c in enumerate(cells) if column_measure(c) == "name"), None)
            if name is None:
                name = next(j for j, c in enumerate(cells) if column_measure(c) == "number") + 1
            return i, name
        # a two-level header may name its value columns only on the row below ("Kế hoạch" › "Vốn năm 2023")
        if i + 1 < len(rows) and any(column_measure(c) == "name" for c in cells):
            merged = [f"{a} {b}" for a, b in zip(cells, rows[i + 1][1] + [""] * len(cells), strict=False)]
            if _is_header_row(merged):
                name = next(j for j, c in enumerate(cells) if column_measure(c) == "name")
                return i, name
    return None


def read_layout(rows: Rows, *, period: Period | None = None, as_of: date | None = None) -> Layout | None:
    """The table's header and columns; ``period``/``as_of`` given by the user win over what the title says."""
    found = find_header(rows)
    if found is None:
        return None
    top, name_index = found
    name_text = rows[top][1][name_index].strip() if name_index < len(rows[top][1]) else ""
    end = top + 1
    while end < len(rows) and end - top < MAX_HEADER_ROWS and _looks_like_header(rows[end][1], name_index, name_text):
        end += 1
    first_data = end
    while first_data < len(rows) and (_is_index_row(rows[first_data][1]) or not any(c.strip() for c in rows[first_data][1])):
        first_data += 1
    title = " ".join(" ".join(c for c in cells if c.strip()) for _, cells in rows[:top])
    width = max(len(cells) for _, cells in rows[top:end])
    scale = money_scale(title) or next((s for _, cells in rows[top:end] for c in cells if (s := money_scale(c))), 1.0)
    table_period = period or _title_period(title)
    table_day = as_of or day_in(title, table_period.end if table_period else None, title=True)
    columns = []
    for j in range(width):
        path: list[str] = []
        for _, cells in rows[top:end]:
            text = " ".join(cells[j].split()) if j < len(cells) else ""
            if text and (not path or path[-1] != text):
                path.append(text)
        columns.append(_column(j, tuple(path), table_period, table_day, period is not None, as_of is not None))
    layout = Layout([rows[i][0] for i in range(top, end)], first_data, columns, name_index, table_period, table_day,
                    scale, title)
    _fill_periods(layout)
    return layout


def _title_period(title: str) -> Period | None:
    folded = fold(title)
    span = _SPAN_RE.search(folded)
    year = re.search(r"\bnam\s+((?:19|20)\d{2})\b", folded)
    if year:
        return Period.year(int(year[1]))
    if span:
        return Period(int(span[1]), int(span[2]))
    return period_in(title)


def path_measure(path: tuple[str, ...]) -> tuple[str | None, int]:
    """What a column measures and the top header level that says it: the top-most level that names a measure
    (the group header names it: "Giải ngân" › "Dự toán NSNN" › "Số tiền" is disbursed), except that a rate
    anywhere makes a rate column ("Giải ngân" › "Tỷ lệ (%)")."""
    found = [(m, k) for k, level in enumerate(path) if (m := column_measure(level)) is not None]
    if not found:
        # "Vốn năm 2022 chuyển sang" standing alone is capital planned (of an earlier year)
        kinds = [k for k, level in enumerate(path) if column_qualifiers(level) & {"carried_over", "annual"}]
        return ("allocated", kinds[0]) if kinds else (None, -1)
    top, at = found[0]
    if top in ("allocated", "disbursed") and any(m == "rate" for m, _ in found):
        return "rate", at
    return top, at


def _unknown_part(path: tuple[str, ...], at: int) -> str:
    """A label below the measure that names neither a known source nor a qualifier (a part of the total this
    reader cannot place: "Vốn SCL", "Nguồn quỹ")."""
    for level in path[at + 1:]:
        folded = fold(level)
        if not folded or (folded.startswith("trong do") and len(folded) <= len("trong do") + 1):
            continue
        if column_measure(level) is not None or column_qualifiers(level) or capital_source_of(level) is not None:
            continue
        if _DAY_RE.search(folded) or period_in(level) is not None:
            continue
        return level
    return ""


def _column(index: int, path: tuple[str, ...], period: Period | None, day: date | None, period_given: bool,
            day_given: bool) -> Column:
    measure, at = path_measure(path)
    if measure is None or measure not in VALUE_MEASURES:
        return Column(index, path, measure)
    unknown = _unknown_part(path, at)
    qualifiers = set().union(*(column_qualifiers(level) for level in path)) if path else set()
    source: CapitalSource | None = None
    for level in reversed(path):
        found = capital_source_of(level)
        if found is not None:
            source = None if found == "all" else found  # type: ignore[assignment]
            break
    kind: CapitalKind | None = None
    if "carried_over" in qualifiers:
        kind = CapitalKind.CARRIED_OVER
    else:
        if "annual" in qualifiers:  # "total" under it is the total of the sources, not of the kinds
            kind = CapitalKind.ANNUAL
    own_period = period
    if not period_given:
        for level in reversed(path):
            if "carried_over" in column_qualifiers(level):
                continue
            if (p := period_in(level)) is not None and not _DAY_RE.search(fold(level)):
                own_period = p
                break
    own_day = day
    if not day_given and measure != "allocated":
        for level in reversed(path):
            if (d := day_in(level, own_period.end if own_period else None)) is not None:
                own_day = d
                break
    in_period = "in_period" in qualifiers and "cumulative" not in qualifiers
    flag = ObservationFlag.ESTIMATE if "estimate" in qualifiers else ObservationFlag.ACTUAL
    return Column(index, path, measure, source, kind, own_period, own_day, flag, in_period, unknown)


def _fill_periods(layout: Layout) -> None:
    """A table whose title names no period takes the one its capital columns name (or their day's year)."""
    if layout.period is None:
        periods = [c.period for c in layout.value_columns if c.period is not None]
        days = [c.as_of for c in layout.value_columns if c.as_of is not None]
        layout.period = periods[0] if periods else (Period.year(days[0].year) if days else None)
    if layout.as_of is None:
        days = [c.as_of for c in layout.value_columns if c.as_of is not None]
        layout.as_of = max(days) if days else None
    columns = []
    for c in layout.columns:
        if c.measure in VALUE_MEASURES:
            period = c.period or layout.period
            day = c.as_of or (layout.as_of if c.measure != "allocated" else None)
            columns.append(Column(c.index, c.path, c.measure, c.source, c.kind, period, day, c.flag, c.in_period,
                                  c.unknown))
        else:
            columns.append(c)
    layout.columns = columns
