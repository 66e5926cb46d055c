"""Verdict codes, their Vietnamese labels, and the many ways officials write them."""

from __future__ import annotations

from enum import StrEnum

from chitieu.grammar.text import norm


class Status(StrEnum):
    EXCEEDED = "exceeded"
    ACHIEVED = "achieved"
    NOT_YET = "not_yet"
    NOT_ACHIEVED = "not_achieved"
    AT_RISK = "at_risk"
    ON_TRACK = "on_track"
    NO_DATA = "no_data"

    @property
    def label_vi(self) -> str:
        return STATUS_LABELS_VI[self]


STATUS_LABELS_VI: dict[Status, str] = {
    Status.EXCEEDED: "Vượt",
    Status.ACHIEVED: "Đạt",
    Status.NOT_YET: "Chưa đạt",
    Status.NOT_ACHIEVED: "Không đạt",
    Status.AT_RISK: "Khó đạt",
    Status.ON_TRACK: "Theo lộ trình",
    Status.NO_DATA: "Chưa có số liệu",
}

# Official verdict cells as written in appendices → status. Keys are normalised (lower, NFC, single spaces).
VERDICT_WORDS: dict[str, Status] = {
    "vượt": Status.EXCEEDED,
    "vượt chỉ tiêu": Status.EXCEEDED,
    "vượt kế hoạch": Status.EXCEEDED,
    "vượt mục tiêu": Status.EXCEEDED,
    "hoàn thành vượt": Status.EXCEEDED,
    "đạt": Status.ACHIEVED,
    "đạt chỉ tiêu": Status.ACHIEVED,
    "đạt mục tiêu": Status.ACHIEVED,
    "hoàn thành": Status.ACHIEVED,
    "đạt kế hoạch": Status.ACHIEVED,
    "chưa đạt": Status.NOT_YET,
    "chưa hoàn thành": Status.NOT_YET,
    "không đạt": Status.NOT_ACHIEVED,
    "không hoàn thành": Status.NOT_ACHIEVED,
    "khó đạt": Status.AT_RISK,
    "khó hoàn thành": Status.AT_RISK,
    "có khả năng không đạt": Status.AT_RISK,
    "dự kiến không đạt": Status.AT_RISK,
    "theo lộ trình": Status.ON_TRACK,
    "đúng lộ trình": Status.ON_TRACK,
    "dự kiến đạt": Status.ON_TRACK,
    "phấn đấu đạt": Status.ON_TRACK,
}




def parse_verdict(text: str | None) -> Status | None:
    """Map an official verdict cell ("Vượt", "Chưa đạt", "Khó đạt") to a status; None if not a verdict."""
    if not text:
        return None
    return VERDICT_WORDS.get(norm(text))
