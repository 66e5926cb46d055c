"""What a table column's header and cells say about all its values (pure): the unit its header names in
brackets, whether it writes thousands with commas, and the caption written just before a table."""

from __future__ import annotations

import re

from chitieu.domain import Quantity
from chitieu.quantities import QuantityError, parse_quantity
from chitieu.vocab.units import lookup_unit

MARKUP_RE = re.compile(r"</?[a-zA-Z]{1,6}>|\*\*|__")


def clean(text: str) -> str:
    """A cell's text without markup and with its spaces collapsed."""
    return " ".join(MARKUP_RE.sub("", text or "").split())


def parse_cell_quantity(text: str) -> Quantity | None:
    """A value cell as written ("9-10", ">5", "2.134,6", "73,1%", "Hoàn thành") → Quantity; None if none."""
    cell = clean(text)
    if not cell:
        return None
    try:
        return parse_quantity(cell)
    except QuantityError:
        return None

# The unit a header gives its column in brackets: "Thành tiền (VNĐ)", "Dự toán (Đơn vị: triệu đồng)".
LABEL_UNIT_RE = re.compile(r"\(\s*(?:đơn vị(?: tính)?\s*:?\s*)?([^()\d]{1,24}?)\s*\)\s*$", re.IGNORECASE)
# English thousands in a whole column: "197,128,000" next to "465,222" (which alone would read 465.222).
COMMA_GROUPED_RE = re.compile(r"^\d{1,3}(?:,\d{3}){2,}$")
COMMA_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$")


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def label_unit(label: str) -> str:
    """The unit a column header names in brackets ("Thành tiền sau thuế (VNĐ)" → "VNĐ"); "" when none. In a
    two-level header ("Năm 2025 (triệu đồng) / DT giao") the lower header's unit comes first, then the upper's,
    which covers every column under it."""
    for piece in reversed(_clean(label).split(" / ")):
        m = LABEL_UNIT_RE.search(piece.strip())
        if m and lookup_unit(m.group(1).strip()) is not None:
            return m.group(1).strip()
    return ""


# The unit a table's caption or title rows give all its figures: "Đơn vị tính: triệu đồng", "ĐVT: tỷ đồng".
CAPTION_UNIT_RE = re.compile(r"(?:đơn vị tính|đơn vị|đvt|đ\.v\.t)\s*:\s*([^\s,;:()]+(?:\s+[^\s,;:()]+){0,2})", re.IGNORECASE)


def caption_unit(title: str) -> str:
    """The unit a table's caption names for all its figures ("Đơn vị tính: tỷ đồng" → "tỷ đồng"); "" when none
    or when the words are no known unit. The longest known unit of the first words is taken ("triệu đồng")."""
    m = CAPTION_UNIT_RE.search(_clean(title))
    if m is None:
        return ""
    words = [w.rstrip(".") for w in m.group(1).split()]
    unit = next((" ".join(words[:n]) for n in range(len(words), 0, -1) if lookup_unit(" ".join(words[:n])) is not None), "")
    return unit if unit.isupper() else unit.lower()  # "Triệu đồng" as a unit is "triệu đồng"; "USD" stays


def comma_thousands(cells: list[str]) -> bool:
    """Whether a column writes thousands with commas: some cell has two comma groups ("197,128,000") and no
    cell uses a dot, so a single group ("465,222") is thousands too."""
    filled = [_clean(c) for c in cells if _clean(c)]
    return any(COMMA_GROUPED_RE.match(c) for c in filled) and not any("." in c for c in filled)


def caption_before(text: str, start: int, lines: int = 2) -> str:
    """The last lines of text before a table (its caption: "IV.5.2 Tổng mức đầu tư", "Đơn vị: triệu đồng")."""
    before = text[max(0, start - 400) : start].rstrip("\n").split("\n")
    return " ".join(line.strip() for line in before[-lines:] if line.strip())
