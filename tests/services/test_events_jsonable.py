"""Event payloads become plain JSON whatever they hold."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

from chitieu.services.events import jsonable


class Colour(Enum):
    RED = "đỏ"


def test_nested_values_become_plain_json() -> None:
    payload = {"value": 47.5, "flag": Colour.RED, "at": date(2025, 6, 30), "parts": ("a", 1),
               2024: {"when": datetime(2025, 7, 1, 8, 30), "tags": {"x"}}, "none": None, "ok": True}
    assert jsonable(payload) == {"value": 47.5, "flag": "đỏ", "at": "2025-06-30", "parts": ["a", 1],
                                 "2024": {"when": "2025-07-01T08:30:00", "tags": ["x"]}, "none": None, "ok": True}


def test_plain_values_are_returned_as_they_are() -> None:
    assert [jsonable(v) for v in (None, True, 3, 2.5, "chữ")] == [None, True, 3, 2.5, "chữ"]
    assert jsonable(Colour.RED) == "đỏ" and jsonable(object) == str(object)
