"""Verdict labels and the official words that map to them."""

from __future__ import annotations

import pytest

from chitieu.vocab.verdicts import STATUS_LABELS_VI, VERDICT_WORDS, Status, parse_verdict


def test_every_status_has_a_label() -> None:
    assert set(STATUS_LABELS_VI) == set(Status)


def test_labels_parse_back_to_their_status() -> None:
    for status, label in STATUS_LABELS_VI.items():
        if status is Status.NO_DATA:
            continue
        assert parse_verdict(label) is status


@pytest.mark.parametrize(
    ("cell", "status"),
    [("Vượt", Status.EXCEEDED), (" đạt ", Status.ACHIEVED), ("Chưa đạt", Status.NOT_YET), ("KHÓ ĐẠT", Status.AT_RISK),
     ("Không đạt", Status.NOT_ACHIEVED), ("Hoàn thành", Status.ACHIEVED)],
)
def test_parse_verdict(cell: str, status: Status) -> None:
    assert parse_verdict(cell) is status


def test_non_verdicts() -> None:
    assert parse_verdict("") is None and parse_verdict("47,5") is None and parse_verdict(None) is None


def test_keys_are_normalised() -> None:
    assert all(k == k.lower().strip() for k in VERDICT_WORDS)
