"""Observed (or estimated) values of an indicator for a period and org unit."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chitieu.domain.provenance import Provenance
from chitieu.domain.quantity import Op


class ObservationFlag(StrEnum):
    """How final a figure is, as officials label it."""

    ACTUAL = "actual"  # thực hiện
    ESTIMATE = "estimate"  # ước (thực hiện)
    PROJECTION = "projection"  # dự ước / dự kiến
    PLAN = "plan"  # kế hoạch

    @property
    def label_vi(self) -> str:
        return {"actual": "thực hiện", "estimate": "ước", "projection": "dự ước", "plan": "kế hoạch"}[self.value]


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A year or a span of years (2021-2023 mid-term, 2020-2025 whole term)."""

    start: int
    end: int

    @classmethod
    def year(cls, y: int) -> Period:
        return cls(y, y)

    @property
    def is_year(self) -> bool:
        return self.start == self.end

    def label(self) -> str:
        return str(self.start) if self.is_year else f"{self.start}-{self.end}"

    @classmethod
    def parse(cls, text: str) -> Period:
        parts = [p.strip() for p in text.replace("–", "-").split("-")]
        if len(parts) == 1:
            return cls.year(int(parts[0]))
        return cls(int(parts[0]), int(parts[1]))


@dataclass(frozen=True, slots=True)
class Observation:
    """A value for an indicator, org unit and period; ``op`` is set for bounds like ">5"."""

    indicator_code: str
    period: Period
    value: float | None = None
    op: Op = Op.EQ
    org_unit_code: str | None = None
    flag: ObservationFlag = ObservationFlag.ACTUAL
    text: str = ""  # the value as written
    stated_ratio: float | None = None  # "% so với mục tiêu" as printed, if any
    stated_verdict: str | None = None  # the official verdict label, if printed next to it
    provenance: Provenance | None = None
