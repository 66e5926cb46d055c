"""The Vietnamese summary paragraph of the appendix, computed from verdict counts (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from chitieu.messages import msg
from chitieu.vocab.verdicts import Status

# Order in which officials list verdicts: best first, missing data last.
STATUS_ORDER: tuple[Status, ...] = (
    Status.EXCEEDED,
    Status.ACHIEVED,
    Status.ON_TRACK,
    Status.NOT_YET,
    Status.NOT_ACHIEVED,
    Status.AT_RISK,
    Status.NO_DATA,
)


def count_statuses(statuses: Iterable[Status | None]) -> dict[Status, int]:
    """How many rows have each verdict; rows without an assessment count as "no data"."""
    counts = Counter(s if s is not None else Status.NO_DATA for s in statuses)
    return {s: counts[s] for s in STATUS_ORDER if counts[s]}


def counts_phrase(counts: Mapping[Status, int]) -> str:
    """"12 chỉ tiêu vượt, 10 chỉ tiêu đạt, 32 chỉ tiêu chưa đạt" (verdicts in the official order)."""
    parts = [
        msg("report_summary_part", count=counts[s], label=s.label_vi.lower())
        for s in STATUS_ORDER
        if counts.get(s)
    ]
    return ", ".join(parts) if parts else msg("report_summary_none")


def summary_paragraph(
    midterm: Mapping[Status, int],
    final: Mapping[Status, int],
    *,
    year: int,
    end_year: int,
    total: int,
) -> str:
    """"Dự ước đến hết năm 2023 có …; dự ước đến hết nhiệm kỳ (năm 2025) có …" with the row total."""
    return msg(
        "report_summary",
        year=year,
        end_year=end_year,
        total=total,
        midterm=counts_phrase(midterm),
        final=counts_phrase(final),
    )
