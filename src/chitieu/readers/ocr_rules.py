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
DIGIT_LOOKALIKES: dict[str, str] = {"§": "8", "O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "s": "5", "$": "5"}

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
    Example("s0,0", "50,0"),  # a thin "5" of a black-and-white scan
    Example("1$", "15"),
)
# Words that must stay as they are read.
COUNTER_EXAMPLES: tuple[str, ...] = (
    *("I.", "II", "lợi", "Ol", "IOl", "l,", "§", "O", "12,5%", "QĐ-UBND", "5633/VPCP"),
    *("s", "sơ", "S1", "$"),
)


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


# Units of area OCR reads with a tone mark after a figure ("525 hạ cây ăn quả" for "525 ha"), and what they are.
UNIT_MISREADS: dict[str, str] = {"hạ": "ha", "há": "ha", "hả": "ha", "hà": "ha"}
# Words after which such a word is the real word ("hạ tầng", "hạ bậc").
UNIT_MISREAD_REAL_BEFORE: frozenset[str] = frozenset({"tầng", "sĩ", "cánh", "thủy", "thuỷ", "giá", "bậc", "nhiệt", "xuống", "thấp"})
UNIT_EXAMPLES: tuple[tuple[str, str, str, str], ...] = (
    # (figure, word read, the word after it, the word as meant)
    ("525", "hạ", "cây", "ha"),
    ("3.859", "hạ,", "trong", "ha,"),
    ("16.809", "há", "", "ha"),
)
UNIT_COUNTER_EXAMPLES: tuple[tuple[str, str, str], ...] = (
    ("5", "hạ", "tầng"),  # a real word after a count
    ("mùa", "hạ", "năm"),  # no figure before: summer
)

# Marks a speck between a figure and its unit comes out as: glued to the figure ("5.276: tỷ đồng"), glued to
# both ("400-ha", "2.151:-ha,") or a word of its own ("270,7 ; tỷ đồng"). A word of its own before the first
# word of a unit can only be a speck; glued, only the marks that never end a clause are ("so với năm 2020; tỷ
# lệ hộ …" keeps its ";"), "." only before a unit in small letters (no sentence starts with one) and "," only
# before a unit written in capitals ("156,6, MW"; "thôn 5, xã …" is an address).
STRAY_MARKS = ":;.'`‘’·•-–"
GLUED_STRAY_MARKS = ":'`‘’·•-"
# First words of the units a figure is followed by (lower case); the unit list of the grammar is larger,
# these are the ones a report writes right after a figure.
UNIT_HEADS: frozenset[str] = frozenset(
    {"ha", "tỷ", "tỉ", "triệu", "nghìn", "ngàn", "tấn", "km", "kg", "mw", "kwh", "usd", "lượt", "người", "hộ",
     "lao", "doanh", "con", "đồng", "xã", "trường", "học", "cán", "dự", "công", "hồ", "sản", "m2", "m3"}
)
MARK_EXAMPLES: tuple[tuple[str, str, str | None], ...] = (
    # (figure as read, the word after it, the figure as meant or None when it stays)
    ("5.276:", "tỷ", "5.276"),
    ("2.151'", "ha,", "2.151"),
    ("98,6%:", "lao", "98,6%"),
    ("156,6,", "MW.", "156,6"),
    ("2020;", "tỷ", None),  # a clause ends before "tỷ lệ …"
    ("5,", "xã", None),  # "thôn 5, xã …": an address
    ("883.", "nghìn", "883"),  # no sentence starts with a small letter
    ("2023.", "tỷ", None),  # a year ends its sentence
    ("2021:", "tỷ", None),  # a year introduces what it holds
    ("2021:", "2.067,7", None),
    ("12:", "Người", None),  # a capital starts a new sentence
    ("Điều:", "ha", None),  # no figure
)
STRAY_EXAMPLES: tuple[tuple[str, str, str, bool], ...] = (
    # (word before, the mark, word after, whether the mark is a speck)
    ("270,7", ";", "tỷ", True),
    ("16.809", ".", "ha", True),
    ("2020", ":", "tỷ", False),  # a year and what it holds
    ("xã", ":", "ha", False),  # no figure before
    ("400", "-", "ha", True),
    ("5", "-", "7", False),  # a range
)
GLUED_EXAMPLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # (word as read, the words meant)
    ("400-ha,", ("400", "ha,")),
    ("2.151:-ha,", ("2.151", "ha,")),
    ("34,2:-triệu", ("34,2", "triệu")),
    ("2021-2025", ("2021-2025",)),  # a span of years
    ("5-7ha", ("5-7ha",)),  # a range
    ("1-hộ", ("1-hộ",)),  # too short to be sure
)
_MARKED_RE = re.compile(rf"^(?P<figure>[(\[]?\d[\d.,]*%?)(?P<marks>[{re.escape(GLUED_STRAY_MARKS)}]+)(?P<rest>[^\d\W].*)?$")
_PERIOD_RE = re.compile(r"^(?P<figure>[(\[]?\d[\d.,]*\d%?)\.(?P<rest>)$")
_CAPITAL_UNIT_RE = re.compile(r"^(?P<figure>[(\[]?\d[\d.,]*\d%?)[,.]$")
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
_UNIT_HEAD_RE = re.compile(r"^(?P<word>[^\W\d_]+|m[23])(?P<punct>[).,;:…]*)$")


def _unit_head(word: str, capitals: bool = True) -> bool:
    m = _UNIT_HEAD_RE.match(word)
    if m is None or m.group("word").lower() not in UNIT_HEADS:
        return False
    return word[:1].islower() or (capitals and m.group("word").isupper())


def split_glued(word: str) -> tuple[str, ...]:
    """A figure and its unit a speck's mark glued together ("400-ha," → "400", "ha,"), else (word,)."""
    m = _MARKED_RE.match(word)
    if m is None or not m.group("rest") or len(m.group("figure")) < 2 or _YEAR_RE.match(m.group("figure")):
        return (word,)
    if not _unit_head(m.group("rest")):
        return (word,)
    return m.group("figure"), m.group("rest")


def fix_unit_word(figure: str, word: str, after: str) -> str | None:
    """``word`` after the word ``figure`` mended into the unit it was ("hạ" → "ha"), or None."""
    if not any(ch.isdigit() for ch in figure):
        return None
    m = _PAIR_TAIL_RE.match(word)
    if m is None:
        return None
    meant = UNIT_MISREADS.get(m.group("word"))
    if meant is None or (not m.group("punct") and after.lower().strip(".,;:") in UNIT_MISREAD_REAL_BEFORE):
        return None
    return meant + m.group("punct")


def unmarked_figure(figure: str, after: str) -> str | None:
    """The figure without a speck's mark glued to it ("5.276:" before "tỷ" → "5.276"), or None."""
    m = _MARKED_RE.match(figure) or _PERIOD_RE.match(figure)
    if m is not None and not m.group("rest") and not _YEAR_RE.match(m.group("figure")) and _unit_head(after, m.re is _MARKED_RE):
        return m.group("figure")
    c = _CAPITAL_UNIT_RE.match(figure)
    if c is not None and not _YEAR_RE.match(c.group("figure")) and _unit_head(after) and not _unit_head(after, False):
        return c.group("figure")
    return None


def stray_mark(before: str, word: str, after: str) -> bool:
    """True when ``word`` is only a speck's mark between a figure and its unit ("270,7" ";" "tỷ")."""
    return (
        0 < len(word) <= 2
        and all(ch in STRAY_MARKS for ch in word)
        and (before[-1:].isdigit() or before.endswith("%"))
        and not _YEAR_RE.match(before)
        and _unit_head(after)
    )


def mended_units(words: list[str]) -> list[tuple[int, str]]:
    """The words of a line with a unit read with a tone mark after a figure mended ("525 hạ" → "525 ha") and
    the mark a speck leaves between a figure and its unit dropped ("5.276: tỷ đồng", "270,7 ; tỷ đồng"),
    which would otherwise cut the unit off its figure: (index of the word read, its text) for each word kept."""
    split = [(i, part) for i, word in enumerate(words) for part in split_glued(word)]
    texts = [part for _, part in split]
    for i in range(len(texts) - 1):
        unit = fix_unit_word(texts[i], texts[i + 1], texts[i + 2] if i + 2 < len(texts) else "")
        if unit is not None:
            texts[i + 1] = unit
    kept: list[tuple[int, str]] = []
    for i, text in enumerate(texts):
        after = texts[i + 1] if i + 1 < len(texts) else ""
        if kept and stray_mark(kept[-1][1], text, after):
            continue
        kept.append((split[i][0], unmarked_figure(text, after) or text))
    return kept


# A table cell of one figure as black-and-white scans read it: a lone "1" as the letter "l", and a decimal
# comma as a point where a point cannot be meant (a point groups thousands: three digits follow it; and a
# numbered row "1.1" never starts with 0 nor ends with .0).
CELL_LOOKALIKES: dict[str, str] = {"l": "1"}
CELL_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("l", "1"),
    ("0.04", "0,04"),
    ("4.0", "4,0"),
    ("80.0", "80,0"),
    ("0.2%", "0,2%"),
    ("1.1", "1.1"),  # a numbered row
    ("2.15", "2.15"),
    ("1.500", "1.500"),  # thousands
    ("I", "I"),  # a Roman numeral heading a group of rows
)
_CELL_POINT_RE = re.compile(r"^(?P<int>\d+)\.(?P<dec>\d{1,2})(?P<pct>%?)$")


def fix_cell(text: str) -> str:
    """A table cell's text with a lone figure mended (see ``CELL_EXAMPLES``); other cells as read."""
    if text in CELL_LOOKALIKES:
        return CELL_LOOKALIKES[text]
    m = _CELL_POINT_RE.match(text)
    if m is not None and (m.group("int") == "0" or set(m.group("dec")) == {"0"}):
        return f"{m.group('int')},{m.group('dec')}{m.group('pct')}"
    return text


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
    for cell, meant in CELL_EXAMPLES:
        if fix_cell(cell) != meant:
            raise ValueError(f"OCR cell rule reads {cell!r} as {fix_cell(cell)!r}, not {meant!r}")
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
    for figure, word, after, meant in UNIT_EXAMPLES:
        if fix_unit_word(figure, word, after) != meant:
            raise ValueError(f"OCR unit rule reads {word!r} after {figure!r} as {fix_unit_word(figure, word, after)!r}")
    for figure, word, after in UNIT_COUNTER_EXAMPLES:
        if fix_unit_word(figure, word, after) is not None:
            raise ValueError(f"OCR unit rule changes {word!r} after {figure!r}")
    for before, mark, after, speck in STRAY_EXAMPLES:
        if stray_mark(before, mark, after) != speck:
            raise ValueError(f"OCR mark rule reads {mark!r} between {before!r} and {after!r} wrongly")
    for word, parts in GLUED_EXAMPLES:
        if split_glued(word) != parts:
            raise ValueError(f"OCR mark rule splits {word!r} into {split_glued(word)!r}, not {parts!r}")
    for figure, after, meant_figure in MARK_EXAMPLES:
        if unmarked_figure(figure, after) != meant_figure:
            raise ValueError(f"OCR mark rule reads {figure!r} before {after!r} as {unmarked_figure(figure, after)!r}")


validate()
