"""Appendix tables of indicators → rows of indicator, unit, target, results and verdicts (pure).

Works on rows of cell strings, wherever they came from (a .docx table, a PDF table, tab-separated or
space-aligned lines of a text). Column roles are found from the header words through the one header-role
table (``grammar/rules/headers.yaml``), so other layouts work: "TT | Chỉ tiêu | ĐVT | Kế hoạch 2025 | Thực hiện 2025 | Đánh
giá", several yearly result columns, or the two-level header of a mid-term report where "Ước thực
hiện giai đoạn 2021 - 2023" spans "Kết quả đạt được | Tỷ lệ % | So sánh …". Page headers repeated in
the middle of the table are skipped, names wrapped onto continuation rows are merged back, "+ " rows
become components of the header-only row above them, and roman-numbered rows set the group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from chitieu.domain import Op, Quantity
from chitieu.extraction.table_columns import COMMA_THOUSANDS_RE, clean, comma_thousands, label_unit
from chitieu.extraction.table_columns import parse_cell_quantity as parse_cell_quantity  # re-exported
from chitieu.extraction.table_figures import RATES_RE, name_targets, text_figures, with_name
from chitieu.extraction.table_layouts import (
    COMPARED_RE,
    is_zero,
    percent_column,
    zero_filled_table,
)
from chitieu.extraction.text_tables import TextTable as TextTable  # re-exported: text tables live there
from chitieu.extraction.text_tables import find_text_tables as find_text_tables
from chitieu.extraction.text_tables import split_space_aligned as split_space_aligned
from chitieu.grammar.text import fold
from chitieu.vocab.table_headers import amount_kind
from chitieu.vocab.table_headers import column_role as header_column_role
from chitieu.vocab.verdicts import Status, parse_verdict

VALUE_ROLES = frozenset({"target", "result", "ratio", "verdict"})
# Words that open an indicator's name; a row starting with one is a sibling, not a component.
INDICATOR_HEAD_WORDS: tuple[str, ...] = (
    "tỷ lệ", "tỉ lệ", "số ", "tổng", "tốc độ", "mức", "giá trị", "diện tích", "thu ", "chi ", "kim ngạch",
    "sản lượng", "thu nhập", "grdp", "đào tạo", "giải quyết", "kết nạp", "tuổi thọ", "cơ cấu",
)
COMPONENT_PREFIX_RE = re.compile(r"^\s*[+\-–•]\s*")
ROMAN_RE = re.compile(r"^(?:[IVX]{1,5}|[A-H])\.?$")
NUMBERED_RE = re.compile(r"^\d{1,3}(?:\.\d{1,2})*\.?$")
# The row numbering the columns under a header: "1 | 2 | 3", "(A) | (B)", and formulas "8=7/4", "(10) = (9)/(7)".
COLUMN_NUMBER_RE = re.compile(r"^\(?\d{1,2}\)?(?:\s*=\s*[\d()/*x+.\s-]+)?$|^\(?[A-Z]\)?$")
YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\b")


def column_role(header: str) -> str | None:
    """The role of a column from its header text ("Đơn vị tính" → "unit"); None when unknown. The roles come
    from the one header table (``chitieu.vocab.table_headers``); a header naming a period only ("Năm 2022")
    is a result column of that period."""
    role = header_column_role(clean(header))
    return "result" if role == "period" else role


def period_of(label: str) -> tuple[int, int] | None:
    """Years named in a header ("giai đoạn 2021 - 2023" → (2021, 2023); "Thực hiện 2025" → (2025, 2025))."""
    years = [int(y) for y in YEAR_RE.findall(label or "")]
    if not years:
        return None
    return (years[0], years[-1]) if len(years) > 1 else (years[0], years[0])


def has_number(text: str) -> bool:
    """True when the cell holds a number (verdict words such as "Chưa đạt" do not count)."""
    q = parse_cell_quantity(text)
    return q is not None and (q.value is not None or q.low is not None)


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    role: str | None
    label: str  # the full header ("Ước thực hiện giai đoạn 2021 - 2023 / Kết quả đạt được")
    block: str = ""  # the spanning upper header, if any


@dataclass(frozen=True, slots=True)
class ResultBlock:
    """Columns that belong to one result (value, % of target, verdict) of one period."""

    label: str
    period: tuple[int, int] | None
    value: int | None = None
    ratio: int | None = None
    verdict: int | None = None
    ratios: tuple[int, ...] = ()  # every ratio column of the result: % of plan, % of the same period …


@dataclass(frozen=True, slots=True)
class TargetBlock:
    """A target column and the ratio columns comparing it ("Kế hoạch 2020 so với thực hiện 2019 (%)").
    ``plan``: the plan the results beside it are measured against; False for a target of a later period
    than every result column ("Mục tiêu 2020" next to "Thực hiện 2019")."""

    label: str
    period: tuple[int, int] | None
    value: int
    ratios: tuple[int, ...] = ()
    plan: bool = True


@dataclass(slots=True)
class ResultCell:
    label: str
    period: tuple[int, int] | None
    value: str = ""
    ratio: str = ""
    verdict: str = ""
    quantity: Quantity | None = None
    status: Status | None = None
    unit: str = ""  # the unit the column's header names ("Thành tiền (VNĐ)")
    more: list[Quantity] = field(default_factory=list)  # further figures of the cell ("100%/85%")
    ratios: list[tuple[str, str]] = field(default_factory=list)  # (column header, cell) of each ratio column


@dataclass(slots=True)
class TargetCell:
    label: str
    period: tuple[int, int] | None
    value: str
    quantity: Quantity | None
    plan: bool
    ratios: list[tuple[str, str]] = field(default_factory=list)
    unit: str = ""  # the unit the column's header names


@dataclass(slots=True)
class IndicatorRow:
    """One indicator of the table (or a header-only parent row, ``is_header``)."""

    first_row: int
    last_row: int
    number: str  # the TT of this row or of the numbered indicator above it
    numbered: bool
    group: str
    name: str
    parent: str = ""
    unit: str = ""
    target: str = ""
    target_label: str = ""
    target_quantity: Quantity | None = None
    target_unit: str = ""  # the unit the target column's header names
    more_targets: list[ResultCell] = field(default_factory=list)  # other plan columns ("trước thuế", "sau thuế")
    target_figures: list[Quantity] = field(default_factory=list)  # further figures of the target cell ("…; 500 đề tài")
    results: list[ResultCell] = field(default_factory=list)
    is_header: bool = False
    targets: list[TargetCell] = field(default_factory=list)  # every target column, the first being ``target``

    @property
    def full_name(self) -> str:
        return f"{self.parent}: {self.name}" if self.parent else self.name


@dataclass(slots=True)
class IndicatorTable:
    columns: list[Column]
    blocks: list[ResultBlock]
    rows: list[IndicatorRow]
    header_rows: int
    title: str = ""  # the table's title rows (above its header) and the caption given
    targets: list[TargetBlock] = field(default_factory=list)
    zero_filled: bool = False  # zeros are empty cells (table_layouts.ZERO_FILLED_SHARE)


def _role_columns(header: list[str], sub: list[str] | None, width: int) -> list[Column]:
    columns: list[Column] = []
    carried = ""
    for j in range(width):
        top = clean(header[j]) if j < len(header) else ""
        child = clean(sub[j]) if sub is not None and j < len(sub) else ""
        if top:
            carried = top
        elif sub is not None and child:
            top = carried  # a spanning upper header covers this column
        role = column_role(child) if child else None
        if role is None or (role == "indicator" and top):
            role = column_role(child) if child and not top else role or column_role(top)
        if child and role != "ratio" and column_role(top) == "ratio" and len(COMPARED_RE.split(child)) > 1:
            role = "ratio"  # "So sánh %" over "KH 2021/ƯTH 2020": a ratio, not the plan it names first
        label = " / ".join(x for x in (top, child) if x)
        columns.append(Column(j, role, label, top if child else ""))
    return columns


def _child(col: Column) -> str:
    return col.label[len(col.block) + 3:] if col.block and col.label.startswith(col.block + " / ") else col.label


def _compares_target(col: Column) -> bool:
    """A ratio column whose compared figure is a target ("Kế hoạch 2020 so với thực hiện 2019 (%)", "KH/TH")."""
    pieces = COMPARED_RE.split(_child(col))
    return len(pieces) > 1 and column_role(pieces[0]) == "target"


def _target_blocks(columns: list[Column]) -> list[TargetBlock]:
    years = [y for c in columns if c.role == "result" for y in (period_of(_child(c)) or ())]
    last = max(years, default=None)
    blocks: list[TargetBlock] = []
    for col in columns:
        if col.role == "target":
            period = period_of(col.label)
            later = period is not None and last is not None and period[0] > last
            blocks.append(TargetBlock(col.label, period, col.index, plan=not later))
        elif col.role == "ratio" and blocks and _compares_target(col):
            blocks[-1] = replace(blocks[-1], ratios=(*blocks[-1].ratios, col.index))
    return blocks


def _result_blocks(columns: list[Column], taken: set[int]) -> list[ResultBlock]:
    blocks: list[ResultBlock] = []
    for col in columns:
        if col.index in taken:
            continue
        if col.role == "result":
            label = col.block or col.label
            blocks.append(ResultBlock(label, period_of(col.label), value=col.index))
        elif col.role in ("ratio", "verdict") and blocks and (
            not col.block or col.block == blocks[-1].label or column_role(col.block) == col.role
        ):  # "So sánh (%)" spanning "Ước TH/KH" and "Ước TH/cùng kỳ": ratios of the result before
            last = blocks[-1]
            if col.role == "ratio":
                blocks[-1] = replace(last, ratio=col.index if last.ratio is None else last.ratio,
                                     ratios=(*last.ratios, col.index))
            elif last.verdict is None:
                blocks[-1] = replace(last, verdict=col.index)
    return blocks


def _roles_from_cells(columns: list[Column], rows: list[list[str]]) -> list[Column]:
    """Columns whose cells contradict their header: a "Đánh giá" column of percentages is a ratio column."""
    out = []
    for col in columns:
        if col.role == "verdict" and percent_column([_cell(r, col.index) for r in rows]):
            col = replace(col, role="ratio")
        out.append(col)
    return out


def _is_header(row: list[str]) -> bool:
    roles = [column_role(c) for c in row if clean(c)]
    return "indicator" in roles and sum(1 for r in roles if r) >= 3


def _is_subheader(row: list[str], columns_hint: int) -> bool:
    cells = [clean(c) for c in row]
    if len(cells) < 2 or cells[0] or (len(cells) > 1 and cells[1]):
        return False
    filled = [c for c in cells if c]
    return bool(filled) and not any(has_number(c) for c in filled) and any(column_role(c) for c in filled)


def _is_column_numbers(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return len(filled) >= 3 and all(COLUMN_NUMBER_RE.match(c) for c in filled)


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def find_header(rows: list[list[str]], search: int = 8) -> int | None:
    return next((i for i, row in enumerate(rows[:search]) if _is_header(row)), None)


def _resolve_amounts(columns: list[Column], title: str) -> list[Column]:
    """Amount columns ("Thành tiền", "Kinh phí") become plan or result columns as their header or the table's
    title says (``headers.amount_kinds``); a table that says neither keeps no claim in them."""
    resolved = []
    for col in columns:
        if col.role == "amount":
            col = Column(col.index, amount_kind(col.label) or amount_kind(title), col.label, col.block)
        resolved.append(col)
    return resolved


def parse_indicator_table(rows: list[list[str]], caption: str = "") -> IndicatorTable | None:
    """Rows of an appendix table → indicator rows; None when no indicator header is found. ``caption``: the
    line before the table, which with its title rows may tell whether its amounts are planned or spent."""
    h = find_header(rows)
    if h is None:
        return None
    header = rows[h]
    sub = rows[h + 1] if h + 1 < len(rows) and _is_subheader(rows[h + 1], len(header)) else None
    width = max(len(r) for r in rows)
    title = " ".join([caption, *(clean(c) for row in rows[:h] for c in row if clean(c))]).strip()
    columns = _target_after_name(_resolve_amounts(_role_columns(header, sub, width), title))
    role_index = {role: next((c.index for c in columns if c.role == role), None) for role in ("number", "indicator", "unit", "target")}
    if role_index["indicator"] is None:
        return None
    start = h + (2 if sub is not None else 1)
    columns = _roles_from_cells(columns, rows[start:])
    targets = _target_blocks(columns)
    blocks = _result_blocks(columns, {j for t in targets for j in t.ratios})
    signatures = {tuple(fold(clean(c)) for c in header if clean(c))}
    if sub is not None:
        signatures.add(tuple(fold(clean(c)) for c in sub if clean(c)))
    value_cols = [c.index for c in columns if c.role in VALUE_ROLES] + ([role_index["unit"]] if role_index["unit"] is not None else [])
    target_label = columns[role_index["target"]].label if role_index["target"] is not None else ""
    more_targets = [c for c in columns if c.role == "target" and c.index != role_index["target"]]
    grouped = {j for j in value_cols if comma_thousands([_cell(r, j) for r in rows[start:]])}
    if grouped:
        rows = [[c.replace(",", "") if j in grouped and COMMA_THOUSANDS_RE.match(clean(c)) else c
                 for j, c in enumerate(r)] for r in rows]
    figure_cols = [c.index for c in columns if c.role in ("target", "result", "ratio")]
    zero_filled = zero_filled_table([_cell(r, j) for r in rows[start:] for j in figure_cols])
    out: list[IndicatorRow] = []
    group, number, parent, parent_open_list = "", "", "", False
    for i in range(start, len(rows)):
        cells = [clean(c) for c in rows[i]]
        if zero_filled:  # a template's 0 is an empty cell
            cells = ["" if j in figure_cols and is_zero(c) else c for j, c in enumerate(cells)]
        if not any(cells) or _is_column_numbers(cells):
            continue
        if tuple(fold(c) for c in cells if c) in signatures:
            continue  # a header repeated at the top of a page
        tt = _cell(cells, role_index["number"])
        name = _cell(cells, role_index["indicator"])
        if not name and tt and not NUMBERED_RE.match(tt) and len(tt.split()) > 1:
            name, tt = tt, ""  # "Tổng dự toán (làm tròn)" written across the merged number and name cells
        has_values = any(_cell(cells, j) for j in value_cols)
        if not tt and out and (not name or name[0].islower()) and not any(
            has_number(_cell(cells, j)) for j in value_cols
        ):
            _merge_continuation(out[-1], i, cells, role_index, blocks)
            continue
        if tt and ROMAN_RE.match(tt) and not has_values:
            group, parent, parent_open_list = f"{tt}. {name}" if name else tt, "", False
            continue
        numbered = bool(tt and NUMBERED_RE.match(tt))
        if numbered:
            number, parent, parent_open_list = tt.rstrip("."), "", False
        component = bool(COMPONENT_PREFIX_RE.match(name))
        name = COMPONENT_PREFIX_RE.sub("", name)
        if not has_values:  # a header-only parent ("Cơ cấu kinh tế", "Tỷ lệ huy động …:")
            parent, parent_open_list = name.rstrip(" :"), name.endswith(":")
            out.append(IndicatorRow(i, i, number, numbered, group, parent, is_header=True))
            continue
        row_parent = ""
        if parent and (component or (parent_open_list and not name.lower().startswith(INDICATOR_HEAD_WORDS))):
            row_parent = parent
        else:
            parent, parent_open_list = "", False
        row = IndicatorRow(i, i, number, numbered, group, name, row_parent, _cell(cells, role_index["unit"]))
        row.target = _cell(cells, role_index["target"])
        row.target_label = target_label
        if role_index["target"] is not None:
            figures = cell_quantities(row.target, zero_filled)
        else:  # "Giới thiệu ít nhất 2.500 chỗ trọ/năm" | 3.429 | 137% : the target is written in the name
            figures = name_targets(name)
            row.target, row.target_label = (name, columns[role_index["indicator"]].label) if figures else ("", "")
        row.target_quantity = with_name(figures[0], name) if figures else None
        row.target_figures = [with_name(q, name) for q in figures[1:]]
        if role_index["target"] is not None:
            row.target_unit = label_unit(target_label)
        row.more_targets = [ResultCell(c.label, period_of(c.label), _cell(cells, c.index),
                                       quantity=parse_cell_quantity(_cell(cells, c.index)), unit=label_unit(c.label))
                            for c in more_targets]
        row.results = [_result(cells, b, columns, zero_filled) for b in blocks]
        row.targets = [
            TargetCell(t.label, t.period, _cell(cells, t.value), parse_cell_quantity(_cell(cells, t.value)), t.plan,
                       [(columns[j].label, _cell(cells, j)) for j in t.ratios if _cell(cells, j)], label_unit(t.label))
            for t in targets
        ]
        out.append(row)
    return IndicatorTable(columns, blocks, out, start, title, targets, zero_filled)


def _result(cells: list[str], block: ResultBlock, columns: list[Column], zero_filled: bool = False) -> ResultCell:
    value, verdict = _cell(cells, block.value), _cell(cells, block.verdict)
    unit = label_unit(columns[block.value].label) if block.value is not None else ""
    figures = cell_quantities(value, zero_filled)
    return ResultCell(
        block.label, block.period, value, _cell(cells, block.ratio), verdict,
        figures[0] if figures else None, parse_verdict(verdict), unit, figures[1:],
        ratios=[(columns[j].label, _cell(cells, j)) for j in block.ratios if _cell(cells, j)],
    )


# A header naming the indicators ("Chỉ tiêu") after a column of names ("Nội dung"): it holds their targets.
_BARE_TARGET_LABELS = frozenset({"chi tieu", "chi tieu de ra", "chi tieu nhiem ky"})


def _target_after_name(columns: list[Column]) -> list[Column]:
    """"TT | Nội dung | Chỉ tiêu | Kết quả | Đánh giá": with a name column before it and no target column, a
    column headed only "Chỉ tiêu" gives each row's target, not a second name."""
    if any(c.role == "target" for c in columns):
        return columns
    names = [c for c in columns if c.role == "indicator"]
    later = next((c for c in names[1:] if fold(c.label).strip(" .:") in _BARE_TARGET_LABELS), None)
    if later is None:
        return columns
    return [Column(c.index, "target", c.label, c.block) if c is later else c for c in columns]


def cell_quantities(text: str, zero_filled: bool = False) -> list[Quantity]:
    """The figures of a value cell: the cell read whole ("9-10", ">5", "Hoàn thành"), else every quantity the
    running-text grammar finds in it ("100% cán bộ và 80% thanh niên", "5.000 ý tưởng; 500 đề tài"); "97%/72%"
    holds two rates (a rate has no "%" denominator). ``zero_filled``: the table prints 0 for an empty cell, so
    no 0 is a figure, even one misplaced into a cell of words."""
    if zero_filled:
        return [q for q in cell_quantities(text) if not (q.op is Op.EQ and q.value == 0)]
    cell = clean(text)
    if RATES_RE.match(cell):
        return [q for piece in cell.split("/") if (q := parse_cell_quantity(piece)) is not None]
    whole = parse_cell_quantity(cell)
    if whole is not None and (whole.value is not None or whole.low is not None or whole.boolean is not None):
        return [whole]
    return text_figures(cell)


def _merge_continuation(
    row: IndicatorRow, index: int, cells: list[str], roles: dict[str, int | None], blocks: list[ResultBlock]
) -> None:
    """A wrapped line: append its pieces to the row above (name, unit, verdict words)."""
    row.last_row = index
    name = _cell(cells, roles["indicator"])
    if name:
        row.name = f"{row.name} {name}".strip()
    unit = _cell(cells, roles["unit"])
    if unit:
        row.unit = f"{row.unit} {unit}".strip()
    for cell, block in zip(row.results, blocks, strict=False):
        more = _cell(cells, block.verdict)
        if more:
            cell.verdict = f"{cell.verdict} {more}".strip()
            cell.status = parse_verdict(cell.verdict)
