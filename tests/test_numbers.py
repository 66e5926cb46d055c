"""Vietnamese number grammar and formatting."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from chitieu.numbers import (
    NumberFormatError,
    decimals_of,
    format_number,
    format_percent,
    parse_number,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.134,6", 2134.6),
        ("-0,95", -0.95),
        ("−7,8", -7.8),
        ("3.000", 3000),
        ("1.234.567", 1234567),
        ("10.443", 10443),
        ("65", 65),
        ("02", 2),
        ("0,4", 0.4),
        ("6.14", 6.14),  # dot-decimal seen in real drafts: not a 3-digit group
        ("2,134.6", 2134.6),  # English style with a decimal part
        ("½", 0.5),
        ("1½", 1.5),
        (" 62,79 ", 62.79),
    ],
)
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "abc", "9-10", "1,2,3", "3.00.0", "5%", "--4"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_number(text)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(2134.6, 1, "2.134,6"), (3000, None, "3.000"), (62.79, None, "62,79"), (0.4, 1, "0,4"), (-7.8, 1, "-7,8"), (1e6, 0, "1.000.000")],
)
def test_format_number(value: float, decimals: int | None, expected: str) -> None:
    assert format_number(value, decimals) == expected


def test_format_percent_and_empty() -> None:
    assert format_percent(73.1) == "73,1%"
    assert format_percent(100, 0) == "100%"
    assert format_number(None) == "" and format_percent(None, empty="-") == "-"


@pytest.mark.parametrize(("text", "n"), [("2.134,6", 1), ("3.000", 0), ("6.14", 2), ("62,79", 2), ("65", 0)])
def test_decimals_of(text: str, n: int) -> None:
    assert decimals_of(text) == n


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_babel_vi_formatting_round_trips(value) -> None:  # type: ignore[no-untyped-def]
    written = format_decimal(value, format="#,##0.00", locale="vi")
    assert parse_number(written) == pytest.approx(float(value), abs=1e-9)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(min_value=0, max_value=3))
def test_format_then_parse(value: float, decimals: int) -> None:
    assert parse_number(format_number(value, decimals)) == pytest.approx(round(value, decimals), abs=10**-decimals)


def test_commas_grouping_thousands_twice_are_an_english_integer() -> None:
    from chitieu.grammar.numbers import decimals_of, parse_number

    assert parse_number("45,600,000") == 45600000.0
    assert decimals_of("45,600,000") == 0
    assert parse_number("12,5") == 12.5  # one comma stays the Vietnamese decimal comma
    assert parse_number("3,250") == 3.25
