"""The figures of a statement (pure): their roles, the ``Figure`` and ``Item`` records, and how a qualifying figure
is made from the words around it (a plan after a slash, a plan ratio or change, a figure in brackets).

``chitieu.extraction.statements.group`` decides which figure qualifies which; this module says what each one is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from chitieu.domain.quantity import Op
from chitieu.extraction.grammar import PLAN_BASIS, PLAN_RATIO_UNITS, SLASH_PLAN_DIMENSIONS
from chitieu.extraction.quantity import TextQuantity
from chitieu.vocab.units import lookup_unit

# Roles of the figures of a statement (the ``role`` of a claim).
LEVEL = "level"
PLAN_RATIO = "plan_ratio"
CHANGE = "change"
PLAN = "plan"
SHARE = "share"
BASELINE = "baseline"
COUNT = "count"
EQUIVALENT = "equivalent"
RANK = "rank"
RATIO = "ratio"  # "bằng 99,6% so với cùng kỳ": the level as a ratio to an earlier period's
CONTRIBUTION = "contribution"  # "đóng góp 0,55 điểm %": the points a part adds to the whole's growth
ROLES = (LEVEL, PLAN_RATIO, CHANGE, PLAN, SHARE, BASELINE, COUNT, EQUIVALENT, RANK, RATIO, CONTRIBUTION)

_DOWN_RE = re.compile(r"(?:^|\s)(?:giảm|hạ|thấp hơn|ít hơn|chậm hơn|hụt)(?:\s|$)")
_EXCEED_WORD_RE = re.compile(r"(?:^|\s)vượt(?:\s|$)")
# "tăng 4% so với kế hoạch" is a change; "đạt hơn 54% dự toán" a ratio ("hơn" alone is a comparator here).
_DIRECTION_BEFORE_RE = re.compile(r"(?:^|\s)(?:tăng|giảm|cao hơn|thấp hơn|tăng thêm|giảm thêm)\s*(?:gần|hơn|khoảng|trên)?\s*$")


@dataclass(slots=True)
class Figure:
    """A figure qualifying a statement's main figure, with its own role, unit and span (normalised text)."""

    role: str
    quantity: TextQuantity
    unit: str
    start: int
    end: int
    basis: str = ""
    sign: int = 0
    plan_kind: str = ""


@dataclass(slots=True)
class Item:
    """A main figure of a clause and what qualifies it; ``plan``/``change`` keep the qualifiers as written."""

    quantity: TextQuantity
    plan: list[str]
    change: list[str]
    baseline: str = ""
    tail: int = 0  # end of the figure and of what has been attached to it
    figures: list[Figure] = field(default_factory=list)
    role: str = LEVEL
    unit: str | None = None  # the unit as a claim writes it, when not the quantity's ("% dự toán")
    plan_kind: str = ""  # a plan value ("dự toán giao 9.870 tỷ đồng"): a target of this kind
    against_plan: bool = False  # "đạt 53,5/52 ha": written as result/plan, so the level is a result


def make_figure(role: str, q: TextQuantity, start: int | None = None, end: int | None = None, **kw: object) -> Figure:
    return Figure(role, q, str(kw.pop("unit", q.unit)), q.start if start is None else start,
                  q.end if end is None else end, **kw)  # type: ignore[arg-type]


def sign_of(words: str) -> int:
    return -1 if _DOWN_RE.search(f" {words.lower()} ") else 1


def plan_after_slash(q: TextQuantity) -> Figure | None:
    """The plan written after a bare slash in a unit of measure ("đạt 53,5/52 ha"), as a plan value figure."""
    if q.rank or q.denominator is None or q.value is None or not q.unit:
        return None
    unit = lookup_unit(q.unit)
    if unit is None:
        return None
    # a count above its whole ("8.793/6.500 đảng viên") is no part of it: the result and its plan
    beyond_whole = unit.dimension.startswith("count") and q.value > q.denominator
    if unit.dimension not in SLASH_PLAN_DIMENSIONS and not beyond_whole:
        return None
    plan = replace(q, value=q.denominator, denominator=None, op=Op.EQ, hedge="", lead="")
    return make_figure(PLAN, plan, start=q.number_start, plan_kind="kế hoạch")


_LIST_GAP_RE = re.compile(r"\s*(?:,|;)?\s*(?:và\s*)?")


def share_population_base(t: str, items: list[Item]) -> None:
    """"15 bác sỹ, 35 giường bệnh trên 1 vạn dân": the population base written after the last count of a list
    is the base of every count of the list."""
    for i in range(len(items) - 1, 0, -1):
        base = items[i].quantity.unit.partition("/")[2]
        prev = items[i - 1].quantity
        if not base or base.split()[-1] not in ("dân", "người"):
            continue
        if prev.unit and "/" not in prev.unit and "%" not in prev.unit and _LIST_GAP_RE.fullmatch(t[prev.end : items[i].quantity.start]):
            items[i - 1].quantity = replace(prev, unit=f"{prev.unit}/{base}")


def plan_figure(q: TextQuantity, before_l: str, plan_words: str, end: int) -> Figure:
    """"bằng 104,2% dự toán" (ratio, unit "% dự toán"); "vượt 12% kế hoạch" (change, unit "%");
    "1.200 ha kế hoạch" (the plan value)."""
    basis = PLAN_BASIS[plan_words.strip().lower()]
    own = re.split(r"\d", before_l)[-1]  # the words since the figure before
    exceeds = bool(_EXCEED_WORD_RE.search(f"{own} {q.lead}")) or bool(_DIRECTION_BEFORE_RE.search(own))
    if "%" in q.unit and exceeds:
        return make_figure(CHANGE, q, end=end, basis=basis, sign=1)
    if q.unit == "%":
        return make_figure(PLAN_RATIO, q, end=end, unit=f"% {basis}", basis=basis)
    if exceeds:  # "cao hơn 2 lần so với kế hoạch" says by how much
        return make_figure(CHANGE, q, end=end, basis=basis, sign=1)
    if q.unit.lower() in PLAN_RATIO_UNITS:  # "gấp 2,46 lần so kế hoạch": how many times the plan
        return make_figure(PLAN_RATIO, q, end=end, basis=basis)
    return make_figure(PLAN, q, end=end, plan_kind=basis)


_TIME_IN_PAREN_RE = re.compile(r"năm\s+(?:19|20)\d{2}|hiện nay|hiện tại|đến nay|trước|cùng kỳ")


def paren_figure(t: str, main: TextQuantity, q: TextQuantity) -> Figure:
    opened = t.rfind("(", main.end, q.number_start)
    inner = t[opened + 1 : q.number_start].lower() if opened >= 0 else ""
    if _TIME_IN_PAREN_RE.search(inner):
        return make_figure(BASELINE, replace(q, op=Op.EQ), basis=" ".join(inner.split()))
    if "%" in q.unit and "%" not in main.unit:
        return make_figure(SHARE, q)
    if "%" in main.unit and "%" not in q.unit:
        return make_figure(COUNT, q)
    return make_figure(EQUIVALENT, q)


def attach(item: Item, bucket: list[str], text: str, end: int, figure: Figure | None = None) -> None:
    """Attach a qualifying figure to ``item``; what follows is read from the end of that figure."""
    bucket.append(text)
    item.tail = max(item.tail, end)
    if figure is not None:
        item.figures.append(figure)
