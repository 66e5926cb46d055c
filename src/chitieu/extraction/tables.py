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
from dataclasses import dataclass, field

from chitieu.domain import Op, Quantity
from chitieu.extraction.table_columns import (
    COMMA_THOUSANDS_RE,
    LABEL_UNIT_RE,
    clean,
    comma_thousands,
    label_unit,
)
from chitieu.extraction.table_columns import parse_cell_quantity as parse_cell_quantity  # re-exported
from chitieu.extraction.table_figures import RATES_RE, name_targets, text_figures, with_name
from chitieu.extraction.table_header import (
    Column,
    ResultBlock,
    TargetBlock,
    cell_at,
    find_header,
    has_number,
    is_column_numbers,
    is_subheader,
    resolve_amounts,
    result_blocks,
    role_columns,
    roles_from_cells,
    target_after_name,
    target_blocks,
)
from chitieu.extraction.table_header import column_role as column_role  # re-exported: headers are read there
from chitieu.extraction.table_header import period_of as period_of
from chitieu.extraction.table_layouts import is_zero, zero_filled_table
from chitieu.extraction.text_tables import TextTable as TextTable  # re-exported: text tables live there
from chitieu.extraction.text_tables import find_text_tables as find_text_tables
from chitieu.extraction.text_tables import split_space_aligned as split_space_aligned
from chitieu.grammar.text import fold
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


def parse_indicator_table(rows: list[list[str]], caption: str = "") -> IndicatorTable | None:
    """Rows of an appendix table → indicator rows; None when no indicator header is found. ``caption``: the
    line before the table, which with its title rows may tell whether its amounts are planned or spent."""
    h = find_header(rows)
    if h is None:
        return None
    header = rows[h]
    sub = rows[h + 1] if h + 1 < len(rows) and is_subheader(rows[h + 1], len(header), header) else None
    width = max(len(r) for r in rows)
    title = " ".join([caption, *(clean(c) for row in rows[:h] for c in row if clean(c))]).strip()
    columns = target_after_name(resolve_amounts(role_columns(header, sub, width), title))
    role_index = {role: next((c.index for c in columns if c.role == role), None) for role in ("number", "indicator", "unit", "target")}
    if role_index["indicator"] is None:
        return None
    start = h + (2 if sub is not None else 1)
    columns = roles_from_cells(columns, rows[start:])
    targets = target_blocks(columns)
    blocks = result_blocks(columns, {j for t in targets for j in t.ratios})
    signatures = {tuple(fold(clean(c)) for c in header if clean(c))}
    if sub is not None:
        signatures.add(tuple(fold(clean(c)) for c in sub if clean(c)))
    value_cols = [c.index for c in columns if c.role in VALUE_ROLES] + ([role_index["unit"]] if role_index["unit"] is not None else [])
    target_label = columns[role_index["target"]].label if role_index["target"] is not None else ""
    grouped = {j for j in value_cols if comma_thousands([cell_at(r, j) for r in rows[start:]])}
    if grouped:
        rows = [[c.replace(",", "") if j in grouped and COMMA_THOUSANDS_RE.match(clean(c)) else c
                 for j, c in enumerate(r)] for r in rows]
    figure_cols = [c.index for c in columns if c.role in ("target", "result", "ratio")]
    zero_filled = zero_filled_table([cell_at(r, j) for r in rows[start:] for j in figure_cols])
    out: list[IndicatorRow] = []
    group, number, parent, parent_open_list = "", "", "", False
    for i in range(start, len(rows)):
        cells = [clean(c) for c in rows[i]]
        if zero_filled:  # a template's 0 is an empty cell
            cells = ["" if j in figure_cols and is_zero(c) else c for j, c in enumerate(cells)]
        if not any(cells) or is_column_numbers(cells):
            continue
        if tuple(fold(c) for c in cells if c) in signatures:
            continue  # a header repeated at the top of a page
        tt = cell_at(cells, role_index["number"])
        name = cell_at(cells, role_index["indicator"])
        if not name and tt and not NUMBERED_RE.match(tt) and len(tt.split()) > 1:
            name, tt = tt, ""  # "Tổng dự toán (làm tròn)" written across the merged number and name cells
        has_values = any(cell_at(cells, j) for j in value_cols)
        if not tt and out and (not name or name[0].islower()) and not any(
            has_number(cell_at(cells, j)) for j in value_cols
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
        unit = cell_at(cells, role_index["unit"])
        if role_index["unit"] is None and (unit := label_unit(name)):
            name = LABEL_UNIT_RE.sub("", name).rstrip()  # "Tỷ lệ che phủ rừng (%)": no unit column, the name gives it
        row = IndicatorRow(i, i, number, numbered, group, name, row_parent, unit)
        row.target = cell_at(cells, role_index["target"])
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
        row.results = [_result(cells, b, columns, zero_filled) for b in blocks]
        row.targets = [
            TargetCell(t.label, t.period, cell_at(cells, t.value), parse_cell_quantity(cell_at(cells, t.value)), t.plan,
                       [(columns[j].label, cell_at(cells, j)) for j in t.ratios if cell_at(cells, j)], label_unit(t.label))
            for t in targets
        ]
        out.append(row)
    return IndicatorTable(columns, blocks, out, start, title, targets, zero_filled)


def _result(cells: list[str], block: ResultBlock, columns: list[Column], zero_filled: bool = False) -> ResultCell:
    value, verdict = cell_at(cells, block.value), cell_at(cells, block.verdict)
    unit = label_unit(columns[block.value].label) if block.value is not None else ""
    figures = cell_quantities(value, zero_filled)
    return ResultCell(
        block.label, block.period, value, cell_at(cells, block.ratio), verdict,
        figures[0] if figures else None, parse_verdict(verdict), unit, figures[1:],
        ratios=[(columns[j].label, cell_at(cells, j)) for j in block.ratios if cell_at(cells, j)],
    )


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
    name = cell_at(cells, roles["indicator"])
    if name:
        row.name = f"{row.name} {name}".strip()
    unit = cell_at(cells, roles["unit"])
    if unit:
        row.unit = f"{row.unit} {unit}".strip()
    for cell, block in zip(row.results, blocks, strict=False):
        more = cell_at(cells, block.verdict)
        if more:
            cell.verdict = f"{cell.verdict} {more}".strip()
            cell.status = parse_verdict(cell.verdict)
