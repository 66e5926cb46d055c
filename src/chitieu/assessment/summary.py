"""Summary counts of verdicts per group, and the sentence officials write about them (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from chitieu.messages import msg
from chitieu.vocab.verdicts import Status

SUMMARY_ORDER: tuple[Status, ...] = (
    Status.EXCEEDED,
    Status.ACHIEVED,
    Status.ON_TRACK,
    Status.NOT_YET,
    Status.AT_RISK,
    Status.NOT_ACHIEVED,
    Status.NO_DATA,
)
TOTAL = ""  # key of the all-groups count


def summarise(items: Iterable[tuple[str | None, Status]]) -> dict[str, Counter[Status]]:
    """Counts of each status per group code, plus the total under the key ``""``."""
    counts: dict[str, Counter[Status]] = {TOTAL: Counter()}
    for group, status in items:
        counts.setdefault(group or TOTAL, Counter())
        if group:
            counts[group][status] += 1
        counts[TOTAL][status] += 1
    return counts


def summary_sentence(counts: Mapping[Status, int], lead: str) -> str:
    """"{lead} có 54 chỉ tiêu: 14 chỉ tiêu vượt, 10 chỉ tiêu đạt, …" (statuses with a zero count left out)."""
    parts = [
        msg("summary_part", count=counts[s], label=s.label_vi.lower())
        for s in SUMMARY_ORDER
        if counts.get(s, 0)
    ]
    return msg("summary_sentence", lead=lead, total=sum(counts.values()), parts=", ".join(parts))
