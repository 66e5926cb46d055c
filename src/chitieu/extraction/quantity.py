"""Quantities in running Vietnamese text: numbers, ranges, fractions, magnitudes, units, comparators.

``find_quantities(text, start, end)`` scans ``text[start:end]`` (already normalised: dashes are "-")
and returns what it finds, with absolute offsets. The shapes it reads are listed in the docstring tests;
what is *not* a quantity (years, periods, dates, document numbers, ages, ordinals, list numbers and
thresholds that are part of a name) is filtered by the tables of ``grammar`` and ``text_units``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chitieu.domain.quantity import Op
from chitieu.extraction.grammar import (
    HEDGE_WORDS,
    LEAD_WORDS,
    NAME_THRESHOLDS,
    ORDINAL_BEFORE,
    PREFIX_OPS,
    SUFFIX_OPS,
)
from chitieu.extraction.text_units import (
    DENOMINATORS,
    MAGNITUDES,
    RATE_UNITS,
    TIME_UNITS,
    all_word_units,
)
from chitieu.numbers import VULGAR_FRACTIONS, number_value

_NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+\.\d+|\d+(?:[.,]\d+)?)"
_FRACTIONS = "".join(VULGAR_FRACTIONS)
_MAG = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
_RATE = "|".join(re.escape(r) for r in sorted(RATE_UNITS, key=len, reverse=True))

QUANTITY_RE = re.compile(
    rf"""
    (?<![\w.,/²³])(?<![A-Za-z]-)
    (?P<neg>-\s?)?
    (?:(?P<n1>{_NUM})(?P<vf1>[{_FRACTIONS}])?|(?P<vf>[{_FRACTIONS}]))
    (?:/(?P<den>{_NUM})(?![\d/]))?
    (?:\s?(?P<mag1>{_MAG})(?![\w]))?
    (?P<pct1>\s?(?:{_RATE})(?![\w]))?
    (?:\s*(?P<rsep>-|đến|tới|÷)\s*(?P<neg2>-)?(?P<n2>{_NUM})(?![\d/])
       (?:\s?(?P<mag2>{_MAG})(?![\w]))?(?P<pct2>\s?(?:{_RATE})(?![\w]))?)?
    """,
    re.VERBOSE | re.IGNORECASE,
)

_WORD_UNIT_RE = re.compile(
    r"\s*(?P<u>" + "|".join(re.escape(u) for u in all_word_units()) + r")(?![\w%])", re.IGNORECASE
)
_DENOM_RE = re.compile(
    r"(?:\s?/\s?(?:" + "|".join(re.escape(d) for d in sorted(DENOMINATORS, key=len, reverse=True)) + r")(?![\w]))+",
    re.IGNORECASE,
)
_PLAN_DEN_RE = re.compile(rf"\s?/\s?(?P<n>{_NUM})(?![\d/])(?:\s?(?P<u>[^\W\d_]+))?")
_SUFFIX_RE = re.compile(r"\s*(?P<s>" + "|".join(sorted(SUFFIX_OPS, key=len, reverse=True)) + r")(?![\w])", re.IGNORECASE)

# Blocked spans: dates, document numbers, periods, list numbers in parentheses.
BLOCKED_PATTERNS: tuple[tuple[str, str], ...] = (
    ("date", r"(?<![\d/])\d{1,2}/\d{1,2}/\d{2,4}(?![\d/])"),
    ("month_year", r"(?<![\d/.,])\d{1,2}/(?:19|20)\d{2}(?![\d/])"),
    ("day_month", r"(?:ngày|đến|từ|hết|trước)\s+\d{1,2}/\d{1,2}(?![\d/])"),
    ("document_number", r"\d+(?:/\d{2,4})?[-/][A-ZĐ][A-Za-zĐđ]*(?:[-/][A-ZĐ][A-Za-zĐđ0-9]*)*"),
    ("period", r"(?<![\d.,])(?:19|20)\d{2}\s*-\s*(?:19|20)?\d{2}(?![\d.,%])"),
    ("list_number", r"\(\s?\d{1,2}\s?\)"),
    ("clock", r"\d{1,2}\s?(?:giờ|h)\s?\d{2}"),
)
_BLOCKED_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in BLOCKED_PATTERNS))

_ORDINAL_WORDS = sorted(ORDINAL_BEFORE, key=len, reverse=True)
_ORDINAL_RE = re.compile(
    r"(?:^|(?<=[\s(.,;:-]))(?:"
    + "|".join(
        (r"(?<!tổng )(?<!với )số" if w == "số" else r"(?<!mỗi )(?<!hằng )(?<!hàng )năm" if w == "năm" else re.escape(w))
        for w in _ORDINAL_WORDS
    )
    + r")\s?\.?\s*$",
    re.IGNORECASE,
)
_PREFIX_WORDS = sorted({*PREFIX_OPS, *HEDGE_WORDS, *LEAD_WORDS, "từ", "không còn"}, key=len, reverse=True)
_PREFIX_RE = re.compile(
    r"(?:^|(?<=[\s(,;:]))(?P<w>" + "|".join(re.escape(w) for w in _PREFIX_WORDS) + r")\s*$", re.IGNORECASE
)
_SYMBOL_PREFIX_RE = re.compile(r"(?P<w>≥|≤|>=|<=|>|<)\s*$")
_SYMBOL_OPS: dict[str, Op] = {"≥": Op.GE, ">=": Op.GE, "≤": Op.LE, "<=": Op.LE, ">": Op.GT, "<": Op.LT}
_NAME_THRESHOLD_RES = tuple((re.compile(before, re.IGNORECASE), unit, needs) for before, unit, needs in NAME_THRESHOLDS)
_FROM_TO_RE = re.compile(rf"\s*(?:lên|xuống|còn)\s+(?:mức\s+)?-?{_NUM}")


@dataclass(slots=True)
class TextQuantity:
    """One quantity found in running text; offsets index the normalised text."""

    start: int  # first character of the comparator/hedge words, or of the number
    number_start: int
    end: int  # after the unit and any suffix comparator
    op: Op
    value: float | None
    low: float | None
    high: float | None
    unit: str
    hedge: str = ""
    lead: str = ""  # lead words right before the number ("đạt", "tăng bình quân")
    denominator: float | None = None  # "39/94 xã" -> 94; "3.859 ha/3.500 ha" -> 3500
    per_year: bool = False
    bare: bool = False  # no unit at all


def blocked_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of dates, document numbers, periods and list numbers inside ``text[start:end]``."""
    return [(m.start(), m.end()) for m in _BLOCKED_RE.finditer(text, start, end)]


def _value(token: str | None, fraction: str | None) -> float | None:
    if token is None:
        return VULGAR_FRACTIONS.get(fraction or "")
    value = number_value(token)
    if fraction:
        value += VULGAR_FRACTIONS[fraction]
    return value


def _read_prefix(text: str, floor: int, pos: int) -> tuple[int, Op | None, str, list[str]]:
    """Words right before ``pos``: (start of the words, comparator, hedge, the words read)."""
    op: Op | None = None
    hedge = ""
    words: list[str] = []
    window_start = max(floor, pos - 48)
    window = text[window_start:pos]
    cut = len(window)
    m = _SYMBOL_PREFIX_RE.search(window)
    if m:
        op = _SYMBOL_OPS[m.group("w")]
        cut = m.start()
    for _ in range(5):
        m = _PREFIX_RE.search(window, 0, cut)
        if not m:
            break
        word = m.group("w").lower()
        words.append(word)
        if word in PREFIX_OPS and op is None:
            op = PREFIX_OPS[word]
        elif word in HEDGE_WORDS and not hedge:
            hedge = word
        cut = m.start()
    start = window_start + cut
    while start < pos and text[start] == " ":
        start += 1
    return start, op, hedge, words


def _read_unit(text: str, pos: int, end: int, has_rate: bool, magnitude: str) -> tuple[str, int]:
    """The unit written at ``pos`` (after the number) and where it ends."""
    unit = ""
    if not has_rate:
        m = _WORD_UNIT_RE.match(text, pos, end)
        if m:
            unit, pos = m.group("u"), m.end()
    m = _DENOM_RE.match(text, pos, end)
    if m and (unit or has_rate or magnitude):
        unit += m.group().replace(" /", "/").replace("/ ", "/")
        pos = m.end()
    return unit, pos


# Words that follow a bare number without being its unit.
_NOT_UNITS: frozenset[str] = frozenset(
    {
        "đạt", "của", "so", "với", "và", "trong", "là", "được", "có", "trên", "dưới", "từ", "đến", "tại", "theo",
        "cho", "các", "những", "một", "tăng", "giảm", "năm", "tháng", "ngày", "quý", "hoặc", "thì", "đã", "sẽ",
        "vào", "ra", "về", "do", "bằng", "vượt", "nhưng", "hay", "để", "khi", "nếu", "trở", "lên", "xuống",
        "đồng", "kế", "dự", "mục", "chỉ", "nghị", "ước", "còn", "như", "gồm", "thuộc", "ở", "phải",
    }
)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[TextQuantity]:
    """All quantities in ``text[start:end]``, left to right, with absolute offsets."""
    end = len(text) if end is None else end
    blocked = blocked_spans(text, start, end)
    found: list[TextQuantity] = []
    floor = start
    for m in QUANTITY_RE.finditer(text, start, end):
        ns, ne = m.start(), m.end()
        if blocked and any(bs < ne and ns < be for bs, be in blocked):
            continue
        quantity = _build(text, m, floor, end)
        if quantity is not None:
            found.append(quantity)
            floor = quantity.end
    return found


def _build(text: str, m: re.Match[str], floor: int, end: int) -> TextQuantity | None:
    n1, n2 = m.group("n1"), m.group("n2")
    magnitude = (m.group("mag2") or m.group("mag1") or "").lower()
    rate = (m.group("pct2") or m.group("pct1") or "").strip()
    if _ORDINAL_RE.search(text, max(floor, m.start() - 24), m.start()):
        return None
    if m.group("neg") and m.start() > 0 and text[m.start() - 1].isdigit():
        return None
    value = _value(n1, m.group("vf1") or m.group("vf"))
    if value is None:
        return None
    if m.group("neg"):
        value = -value
    low = high = None
    op: Op | None = None
    if n2 is not None:
        low, high = value, number_value(n2) * (-1 if m.group("neg2") else 1)
        if m.group("mag1") and not m.group("mag2"):
            magnitude = m.group("mag1").lower()
        if high < low and m.group("rsep") == "-":  # "2021 - 25" style or a subtraction: not a range
            return None
        op = Op.RANGE
    pos = m.end()
    unit, pos = _read_unit(text, pos, end, bool(rate), magnitude)
    unit_l = unit.lower()
    if rate:
        unit = rate.replace("%o", "‰") + unit
    if magnitude:
        unit = magnitude + (" " + unit if unit and not unit.startswith("/") else unit)
    life_expectancy = unit_l == "tuổi" and "tuổi thọ" in text[max(floor, m.start() - 60) : m.start()].lower()
    if unit_l in TIME_UNITS and not rate and not magnitude and not life_expectancy:
        return None
    if (
        n1 is not None
        and n2 is None
        and not rate
        and not magnitude
        and re.fullmatch(r"(?:19|20)\d{2}", n1)
        and (not unit or unit_l in _NOT_UNITS or unit_l in TIME_UNITS)
    ):
        return None  # a year
    denominator = number_value(m.group("den")) if m.group("den") else None
    dm = _PLAN_DEN_RE.match(text, pos, end)
    if dm and unit and denominator is None and (dm.group("u") or "").lower() in ("", unit_l):
        denominator = number_value(dm.group("n"))
        pos = dm.end()
    start, prefix_op, hedge, words = _read_prefix(text, floor, m.start())
    for before_re, threshold_unit, needs_comparator in _NAME_THRESHOLD_RES:
        allowed = (Op.LT, Op.GT) if needs_comparator else (Op.LT, Op.GT, None)
        if unit_l.startswith(threshold_unit) and prefix_op in allowed and before_re.search(
            text, max(floor, start - 20), start
        ):
            return None
    if "từ" in words and _FROM_TO_RE.match(text, pos, end):
        return None  # "từ 50% lên 60%": the first number is the starting point
    sm = _SUFFIX_RE.match(text, pos, end)
    if sm:
        op = SUFFIX_OPS[sm.group("s").lower()]
        pos = sm.end()
    if op is None:
        op = prefix_op or Op.EQ
    per_year = "/năm" in unit.replace(" ", "").lower()
    lead = " ".join(reversed([w for w in words if w in LEAD_WORDS]))
    return TextQuantity(
        start=start,
        number_start=m.start(),
        end=pos,
        op=op,
        value=None if op is Op.RANGE else value,
        low=low,
        high=high,
        unit=unit,
        hedge=hedge,
        lead=lead,
        denominator=denominator,
        per_year=per_year,
        bare=not unit,
    )
