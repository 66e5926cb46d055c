"""Review states of an extracted claim and their Vietnamese labels."""

from __future__ import annotations

CLAIM_STATUS_LABELS_VI: dict[str, str] = {"candidate": "chờ duyệt", "accepted": "đã nhận", "rejected": "đã loại"}


def claim_status_label(status: str) -> str:
    return CLAIM_STATUS_LABELS_VI.get(status, status)
