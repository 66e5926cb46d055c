"""What OCR gets wrong in figures: lookalikes of digits inside a figure, and only there."""

from __future__ import annotations

import pytest

from chitieu.readers.ocr_rules import fix_figure


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("§.699,28", "8.699,28"),  # "8" of a bold figure read as a section sign
        ("4.O50", "4.050"),
        ("l7,45%", "17,45%"),
        ("(2O,5%),", "(20,5%),"),
        ("1|", "11"),
    ],
)
def test_lookalikes_inside_a_figure_are_its_digits(read: str, meant: str) -> None:
    assert fix_figure(read) == meant


@pytest.mark.parametrize("word", ["II.", "Ol", "lô", "IO", "§", "l", "O,", "NQ-HĐND", "83/NQ-HĐND", "2024"])
def test_words_that_are_not_figures_stay_as_read(word: str) -> None:
    assert fix_figure(word) == word
