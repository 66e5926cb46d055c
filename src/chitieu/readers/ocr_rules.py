"""Rules (data) for what OCR gets wrong in figures, with examples checked when the module loads.

Tesseract reads a digit as a letter or a sign that looks like it ("§" for "8", "O" for "0", "l", "I" or
"|" for "1") now and then, most of all in bold or blurred print and next to a stamp. Inside a word that is
otherwise a figure (digits with their "." and "," separators, perhaps a "%" and the brackets or
punctuation around it) such a character can only be the digit; anywhere else it is left alone ("I." is
a heading's numeral, "lợi" a word). ``validate`` checks every example when the module is imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters OCR puts for a digit, and that digit.
DIGIT_LOOKALIKES: dict[str, str] = {"§": "8", "O": "0", "o": "0", "l": "1", "I": "1", "|": "1"}

_LOOK = re.escape("".join(DIGIT_LOOKALIKES))
# A figure with lookalikes: digits, lookalikes and separators, at least one real digit, optional "%".
_FIGURE_RE = re.compile(rf"^(?P<lead>[(\[]?)(?P<body>[\d{_LOOK}][\d{_LOOK}.,]*[\d{_LOOK}])(?P<tail>%?[)\].,;:]*)$")


@dataclass(frozen=True, slots=True)
class Example:
    read: str  # as OCR reads the word
    meant: str  # what it says


EXAMPLES: tuple[Example, ...] = (
    Example("§.699,28", "8.699,28"),
    Example("1O0%", "100%"),
    Example("2O24;", "2024;"),
    Example("(l2,5%)", "(12,5%)"),
    Example("|3", "13"),
    Example("0§", "08"),
)
# Words that must stay as they are read.
COUNTER_EXAMPLES: tuple[str, ...] = ("I.", "II", "lợi", "Ol", "IOl", "l,", "§", "O", "12,5%", "QĐ-UBND", "5633/VPCP")


def fix_figure(word: str) -> str:
    """``word`` with the lookalikes of a figure made digits ("§.699,28" → "8.699,28"); other words as read."""
    m = _FIGURE_RE.match(word)
    if m is None:
        return word
    body = m.group("body")
    if not any(ch.isdigit() for ch in body):
        return word
    fixed = "".join(DIGIT_LOOKALIKES.get(ch, ch) for ch in body)
    return m.group("lead") + fixed + m.group("tail")


def validate() -> None:
    """Every example reads as meant and every counter-example stays as it is; raises ValueError otherwise."""
    for example in EXAMPLES:
        if fix_figure(example.read) != example.meant:
            raise ValueError(f"OCR figure rule reads {example.read!r} as {fix_figure(example.read)!r}, not {example.meant!r}")
    for word in COUNTER_EXAMPLES:
        if fix_figure(word) != word:
            raise ValueError(f"OCR figure rule changes {word!r} into {fix_figure(word)!r}")


validate()
