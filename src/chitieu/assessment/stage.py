"""Assessment stages: before the deadline, at/after it, or projected to it."""

from __future__ import annotations

from enum import StrEnum

from chitieu.vocab.verdicts import Status


class Stage(StrEnum):
    """When a result is judged against its target."""

    MIDTERM = "midterm"  # before the deadline: a miss is "Chưa đạt"
    FINAL = "final"  # at or after the deadline: a miss is "Không đạt"
    FORECAST = "forecast"  # a value projected to the deadline: a miss is "Khó đạt"

    @property
    def label_vi(self) -> str:
        return STAGE_LABELS_VI[self]

    @property
    def miss_status(self) -> Status:
        """The verdict for a result that falls short at this stage."""
        return MISS_STATUS[self]


STAGE_LABELS_VI: dict[Stage, str] = {
    Stage.MIDTERM: "giữa kỳ",
    Stage.FINAL: "cuối kỳ",
    Stage.FORECAST: "dự báo đến cuối kỳ",
}

MISS_STATUS: dict[Stage, Status] = {
    Stage.MIDTERM: Status.NOT_YET,
    Stage.FINAL: Status.NOT_ACHIEVED,
    Stage.FORECAST: Status.AT_RISK,
}


def stage_for_year(year: int, deadline: int | None) -> Stage:
    """Midterm before the deadline, final at or after it (no deadline: final)."""
    if deadline is not None and year < deadline:
        return Stage.MIDTERM
    return Stage.FINAL


def parse_stage(text: str) -> Stage:
    """'midterm' / 'final' / 'forecast' (also Vietnamese 'giữa kỳ', 'cuối kỳ', 'dự báo')."""
    key = " ".join(text.strip().lower().split())
    aliases = {"giữa kỳ": Stage.MIDTERM, "cuối kỳ": Stage.FINAL, "dự báo": Stage.FORECAST}
    if key in aliases:
        return aliases[key]
    return Stage(key)
