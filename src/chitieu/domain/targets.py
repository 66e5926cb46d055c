"""Versioned targets of an indicator."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chitieu.domain.provenance import Provenance
from chitieu.domain.quantity import Op


class TargetKind(StrEnum):
    """What the target number measures."""

    LEVEL = "level"  # level reached by the deadline (tỷ lệ che phủ rừng 54%)
    ANNUAL_RATE = "annual_rate"  # average yearly rate over the term (tăng trưởng 9-10%/năm)
    PER_YEAR = "per_year"  # a flow every year (giải quyết việc làm 8.500 lao động/năm)
    CUMULATIVE = "cumulative"  # a total over the term (trồng mới 2.400 ha)


class TargetVersion(StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"
    REVISED = "revised"


@dataclass(frozen=True, slots=True)
class Target:
    """A promise: ``op`` with ``value`` (or ``low``/``high`` for ranges) by ``deadline``."""

    indicator_code: str
    op: Op
    value: float | None = None
    low: float | None = None
    high: float | None = None
    deadline: int | None = None
    start_year: int | None = None
    kind: TargetKind = TargetKind.LEVEL
    version: TargetVersion = TargetVersion.ADOPTED
    plan_code: str | None = None
    unit: str = ""
    text: str = ""  # the target as written ("9-10", ">5", "Hoàn thành")
    baseline_year: int | None = None
    baseline_value: float | None = None
    provenance: Provenance | None = None
    org_unit_code: str | None = None  # None: the plan's whole area; else one unit's own target (a commune)
