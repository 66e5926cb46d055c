"""Rules (data) for what OCR gets wrong in figures, with examples checked when the module loads.

Tesseract reads a digit as a letter or a sign that looks like it ("§" for "8", "O" for "0", "l", "I" or
"|" for "1") now and then, most of all in bold or blurred print and next to a stamp. Inside a word that is
otherwise a figure (digits with their "." and "," separators, perhaps a "%" and the brackets or
punctuation around it) such a character can only be the digit; anywhere else it is left alone ("I." is
a heading's numeral, "lợi" a word). ``validate`` checks every example when the module is imported.

At low resolution (150 dpi office scanners, faxes) Tesseract also cuts a figure in two at its separator:
"75,5%" comes out as the words "75," and "5%", "1.764,5" as "1." and "764,5". ``joined_figure`` says when
two such words are one figure by their text; the reader joins them only when the gap between them is
narrower than the line's spaces (a list "khoản 1, 2" has a full space). The money units of a figure lose
their tone marks too ("89,0 tủ đồng", "736,80 triệu đông"): ``fix_money_unit`` mends the word pair after
a figure, from ``MONEY_UNIT_MISREADS``.
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


# A figure's first part cut at its separator: digits (thousands groups) ending with "," or ".".
_FIGURE_HEAD_RE = re.compile(r"^(?P<lead>[(\[]?)(?P<digits>\d{1,3}(?:\.\d{3})*|\d+)(?P<sep>[.,])$")
# Its second part: the digits after the separator, then perhaps "%", a unit run on ("3ha") and punctuation.
_FIGURE_TAIL_RE = re.compile(r"^(?P<digits>\d+)(?P<rest>(?:%|[^\W\d_]+(?:/[^\W\d_]+)?)?[)\].,;:…]*)$")


@dataclass(frozen=True, slots=True)
class JoinExample:
    left: str
    right: str
    meant: str | None  # None: not one figure


JOIN_EXAMPLES: tuple[JoinExample, ...] = (
    JoinExample("64,", "7%", "64,7%"),
    JoinExample("3.", "218,", "3.218,"),
    JoinExample("12.305,", "8ha,", "12.305,8ha,"),
    JoinExample("2457,", "25", "2457,25"),
    JoinExample("(41,", "06%);", "(41,06%);"),
    JoinExample("3.", "1", None),  # a heading's number "3.1"
    JoinExample("2021,", "2022", None),  # two years
    JoinExample("5,", "Điều", None),
    JoinExample("II.", "5", None),
    JoinExample("7.", "25", None),  # a thousands group has three digits
)


def joined_figure(left: str, right: str) -> str | None:
    """The one figure that two OCR words ``left`` ("64,") and ``right`` ("7%") are, or None.

    After a ",", one to three decimals follow; after a ".", a thousands group of exactly three digits."""
    head = _FIGURE_HEAD_RE.match(left)
    tail = _FIGURE_TAIL_RE.match(right)
    if head is None or tail is None:
        return None
    digits = tail.group("digits")
    if head.group("sep") == "," and len(digits) > 3:
        return None
    if head.group("sep") == "." and len(digits) != 3:
        return None
    return left + right


# Money units after a figure as OCR reads them without (or with the wrong) tone marks, and what they are.
MONEY_UNIT_MISREADS: dict[tuple[str, str], str] = {
    ("tủ", "đồng"): "tỷ đồng",
    ("tý", "đồng"): "tỷ đồng",
    ("tỳ", "đồng"): "tỷ đồng",
    ("tỹ", "đồng"): "tỷ đồng",
    ("tỵ", "đồng"): "tỷ đồng",
    ("tỷ", "đông"): "tỷ đồng",
    ("tỷ", "dồng"): "tỷ đồng",
    ("tủ", "đông"): "tỷ đồng",
    ("triệu", "đông"): "triệu đồng",
    ("triệu", "dồng"): "triệu đồng",
    ("triều", "đồng"): "triệu đồng",
    ("triêu", "đồng"): "triệu đồng",
    ("nghìn", "đông"): "nghìn đồng",
}
MONEY_EXAMPLES: tuple[tuple[str, str, str, str], ...] = (
    # (figure, first word, second word, the pair as meant)
    ("41,5", "tủ", "đồng,", "tỷ đồng,"),
    ("618,20", "triệu", "đông", "triệu đồng"),
    ("2.300", "tỷ", "đông;", "tỷ đồng;"),
)
MONEY_COUNTER_EXAMPLES: tuple[tuple[str, str, str], ...] = (
    ("hướng", "đông", "nam"),  # no figure before: a direction
    ("3", "tủ", "sách"),  # three bookcases
    ("5", "mùa", "đông"),
)
_PAIR_TAIL_RE = re.compile(r"^(?P<word>[^\W\d_]+)(?P<punct>[).,;:…]*)$")


def fix_money_unit(figure: str, first: str, second: str) -> tuple[str, str] | None:
    """The two words after the word ``figure`` mended into a money unit ("tủ" "đồng" → "tỷ" "đồng"), or
    None when ``figure`` holds no digit or the pair is no misread money unit."""
    if not any(ch.isdigit() for ch in figure):
        return None
    tail = _PAIR_TAIL_RE.match(second)
    if tail is None:
        return None
    meant = MONEY_UNIT_MISREADS.get((first.lower(), tail.group("word").lower()))
    if meant is None:
        return None
    unit, currency = meant.split(" ")
    return unit, currency + tail.group("punct")


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
    for join in JOIN_EXAMPLES:
        if joined_figure(join.left, join.right) != join.meant:
            raise ValueError(f"OCR join rule reads {join.left!r} {join.right!r} as {joined_figure(join.left, join.right)!r}")
    for figure, first, second, meant in MONEY_EXAMPLES:
        fixed = fix_money_unit(figure, first, second)
        if fixed is None or " ".join(fixed) != meant:
            raise ValueError(f"OCR money-unit rule reads {first!r} {second!r} after {figure!r} as {fixed!r}")
    for figure, first, second in MONEY_COUNTER_EXAMPLES:
        if fix_money_unit(figure, first, second) is not None:
            raise ValueError(f"OCR money-unit rule changes {first!r} {second!r} after {figure!r}")


validate()
