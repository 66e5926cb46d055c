"""The bare-figure shortcut of ``parse_change`` agrees with the general path on every bare figure."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.domain.quantity import Quantity
from chitieu.grammar import cells
from chitieu.quantities import QuantityError

# Digits with Vietnamese and English separators, signs and stray characters around them.
figures = st.text(alphabet="0123456789.,-", min_size=1, max_size=14)


def _outcome(fn: object, text: str) -> tuple[Quantity, int] | str:
    try:
        return fn(text)  # type: ignore[operator, no-any-return]
    except QuantityError:
        return "error"


@settings(max_examples=1000)
@given(figures)
def test_shortcut_equals_general_path(text: str) -> None:
    assert _outcome(cells.parse_change, text) == _outcome(cells._parse_change_general, text)


def test_common_figures() -> None:
    assert cells.parse_change("2.134,6")[0].value == 2134.6
    assert cells.parse_change("-3")[0].value == -3
    assert cells.parse_change("47,5")[0] == cells._parse_change_general("47,5")[0]
