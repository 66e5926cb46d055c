"""Raw tables of the exchange format: numbers written by export are read back exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chitieu.numbers import parse_number
from chitieu.registry import exact_number_text


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_exported_numbers_parse_back_exactly(value: float) -> None:
    text = exact_number_text(value)
    assert "e" not in text.lower() and "." not in text
    assert parse_number(text) == value


def test_examples_of_exported_numbers() -> None:
    assert [exact_number_text(v) for v in (2134.6, 3000.0, -0.95, 1e-07, 0.125)] == [
        "2134,6", "3000", "-0,95", "0,0000001", "0,125",
    ]
