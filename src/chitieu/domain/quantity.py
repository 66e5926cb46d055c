"""A quantity as officials write it: comparator, value or range, unit, hedge."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Op(StrEnum):
    """Comparator of a target or a bounded observation (">5" is a value with op GT)."""

    EQ = "="
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    RANGE = "range"
    DONE = "done"  # boolean target/result: "Hoàn thành" / "Đạt"

    @property
    def symbol(self) -> str:
        return {"=": "", ">": ">", ">=": "≥", "<": "<", "<=": "≤", "range": "", "done": ""}[self.value]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed value: ``value`` for point/bound ops, ``low``/``high`` for ranges.

    ``boolean`` is set for "Hoàn thành"/"Không hoàn thành"-like cells (op DONE).
    ``hedge`` keeps words like "khoảng", "ước", "gần" that soften the number.
    ``per_year`` marks units or wording that say the figure is per year ("%/năm", "hằng năm").
    """

    op: Op = Op.EQ
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str = ""
    hedge: str = ""
    boolean: bool | None = None
    per_year: bool = False
    text: str = ""

    @property
    def point(self) -> float | None:
        """A single representative number: the value, or the midpoint of a range."""
        if self.op is Op.RANGE and self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.value

    @property
    def is_bound(self) -> bool:
        return self.op in (Op.GT, Op.GE, Op.LT, Op.LE)
