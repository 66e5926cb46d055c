"""Counts a report states about its own table ("12 chỉ tiêu vượt, 10 chỉ tiêu đạt"), kept as data (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from chitieu.domain.provenance import Provenance


@dataclass(frozen=True, slots=True)
class StatedCount:
    """"Dự ước đến hết năm 2023 có 12 chỉ tiêu thành phần vượt": category "exceeded", year 2023, count 12.

    ``category`` is one of ``chitieu.audit.summary_counts.CATEGORIES``; the audit compares the count
    with the rows of the plan's table.
    """

    plan_code: str
    year: int
    category: str
    count: int
    provenance: Provenance | None = None
