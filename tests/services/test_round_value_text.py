"""Values as officials type them into a round: a unit after the number must belong with the indicator's."""

from __future__ import annotations

import pytest

from chitieu.domain import Op
from chitieu.services.round_values import read_value_text


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("47,5", "%", (Op.EQ, 47.5)),
        ("95 %", "%", (Op.EQ, 95.0)),
        ("120 hộ", "Hộ", (Op.EQ, 120.0)),
        (">5", "%", (Op.GT, 5.0)),
        ("47,5 triệu đồng", "Triệu đồng/người", (Op.EQ, 47.5)),  # the unit's leading words
        ("1,2 tỷ đồng", "triệu đồng", (Op.EQ, 1200.0)),  # converted, not stored as 1,2
        ("9-10 tỷ đồng", "triệu đồng", (Op.EQ, 9500.0)),
        ("Hoàn thành", "", (Op.DONE, 1.0)),
        ("", "%", (None, None)),
    ],
)
def test_values_read_in_the_indicators_unit(text: str, unit: str, expected: tuple[Op | None, float | None]) -> None:
    assert read_value_text(text, unit) == expected


@pytest.mark.parametrize(("text", "unit"), [("1O", "%"), ("12a", "xã"), ("5 tấn", "%"), ("3 km", "ha")])
def test_a_stray_or_foreign_unit_is_refused_not_dropped(text: str, unit: str) -> None:
    # "1O" (letter O for a zero) used to be stored as 1.
    with pytest.raises(ValueError):
        read_value_text(text, unit)


def test_without_the_indicators_unit_the_number_alone_is_read() -> None:
    assert read_value_text("1O") == (Op.EQ, 1.0)
