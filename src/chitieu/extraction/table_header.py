"""The header of an indicator table: the role of each column from its header words (``grammar/rules/headers.yaml``
through ``chitieu.vocab.table_headers``), the spanning upper header of a two-level header, and the blocks of
columns that belong to one target or one result (value, % of target, verdict) of one period."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from chitieu.extraction.table_columns import clean, parse_cell_quantity
from chitieu.extraction.table_layouts import COMPARED_RE, percent_column
from chitieu.grammar.text import fold
from chitieu.vocab.table_headers import amount_kind
from chitieu.vocab.table_headers import column_role as header_column_role

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



def role_columns(header: list[str], sub: list[str] | None, width: int) -> list[Column]:
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
    if (named := name_after_number(header)) is not None and not any(c.role == "indicator" for c in columns):
        columns[named] = replace(columns[named], role="indicator")
    return columns


def _child(col: Column) -> str:
    return col.label[len(col.block) + 3:] if col.block and col.label.startswith(col.block + " / ") else col.label


def _compares_target(col: Column) -> bool:
    """A ratio column whose compared figure is a target ("Kế hoạch 2020 so với thực hiện 2019 (%)", "KH/TH")."""
    pieces = COMPARED_RE.split(_child(col))
    return len(pieces) > 1 and column_role(pieces[0]) == "target"


def target_blocks(columns: list[Column]) -> list[TargetBlock]:
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


def result_blocks(columns: list[Column], taken: set[int]) -> list[ResultBlock]:
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


def roles_from_cells(columns: list[Column], rows: list[list[str]]) -> list[Column]:
    """Columns whose cells contradict their header: a "Đánh giá" column of percentages is a ratio column."""
    out = []
    for col in columns:
        if col.role == "verdict" and percent_column([cell_at(r, col.index) for r in rows]):
            col = replace(col, role="ratio")
        out.append(col)
    return out


_VALUE_ROLES = ("target", "result", "ratio")


def name_after_number(header: list[str]) -> int | None:
    """The column naming the rows when no header says "Chỉ tiêu"/"Nội dung": offices head it with what the rows
    are ("Cây trồng", "Sản phẩm", "Loại hình"), right after the "TT" column. Only when the header also names a
    plan, result or ratio column, so a list of people or documents ("TT | Họ và tên | Chức vụ") is no table of
    figures."""
    cells = [clean(c) for c in header]
    roles = [column_role(c) if c else None for c in cells]
    if "indicator" in roles or not any(r in _VALUE_ROLES for r in roles):
        return None
    first = next((j for j, c in enumerate(cells) if c), None)
    if first is None or roles[first] != "number" or first + 1 >= len(cells):
        return None
    name = cells[first + 1]
    return first + 1 if name and roles[first + 1] is None and not has_number(name) else None


def is_header(row: list[str]) -> bool:
    roles = [column_role(c) for c in row if clean(c)]
    if "indicator" not in roles and name_after_number(row) is not None:
        roles.append("indicator")
    return "indicator" in roles and sum(1 for r in roles if r) >= 3


def is_subheader(row: list[str], columns_hint: int, header: list[str] | None = None) -> bool:
    """The lower row of a two-level header: empty under the number and name columns, no figure, and either
    header words of its own or cells under a spanning upper cell ("Kế hoạch 2024" over "Diện tích (ha)" |
    "Năng suất (tạ/ha)": the merged cell leaves the upper row empty above the second)."""
    cells = [clean(c) for c in row]
    if len(cells) < 2 or cells[0] or (len(cells) > 1 and cells[1]):
        return False
    filled = [c for c in cells if c]
    if not filled or any(has_number(c) for c in filled):
        return False
    if any(column_role(c) for c in filled):
        return True
    top = [clean(c) for c in header] if header is not None else []
    spanned = [j for j, c in enumerate(cells) if c and j < len(top) and not top[j] and any(top[:j])]
    return bool(spanned)


def is_column_numbers(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return len(filled) >= 3 and all(COLUMN_NUMBER_RE.match(c) for c in filled)



def cell_at(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def find_header(rows: list[list[str]], search: int = 8) -> int | None:
    return next((i for i, row in enumerate(rows[:search]) if is_header(row)), None)


def resolve_amounts(columns: list[Column], title: str) -> list[Column]:
    """Amount columns ("Thành tiền", "Kinh phí") become plan or result columns as their header or the table's
    title says (``headers.amount_kinds``); a table that says neither keeps no claim in them."""
    resolved = []
    for col in columns:
        if col.role == "amount":
            col = Column(col.index, amount_kind(col.label) or amount_kind(title), col.label, col.block)
        resolved.append(col)
    return resolved



# A header naming the indicators ("Chỉ tiêu") after a column of names ("Nội dung"): it holds their targets, also
# with the deadline or term it sets ("Chỉ tiêu đến năm 2025", "Chỉ tiêu nhiệm kỳ 2020 - 2025"). Folded text.
_BARE_TARGET_LABEL_RE = re.compile(
    r"^chi tieu(?: de ra| nhiem ky)?"
    r"(?: (?:(?:den|toi) )?(?:nam |giai doan |nhiem ky )?(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?)?$"
)


def target_after_name(columns: list[Column]) -> list[Column]:
    """"TT | Nội dung | Chỉ tiêu | Kết quả | Đánh giá": with a name column before it and no target column, a
    column headed only "Chỉ tiêu" gives each row's target, not a second name."""
    if any(c.role == "target" for c in columns):
        return columns
    names = [c for c in columns if c.role == "indicator"]
    later = next((c for c in names[1:] if _BARE_TARGET_LABEL_RE.match(" ".join(fold(c.label).strip(" .:").split()))), None)
    if later is None:
        return columns
    return [Column(c.index, "target", c.label, c.block) if c is later else c for c in columns]
