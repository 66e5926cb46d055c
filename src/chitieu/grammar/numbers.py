"""Vietnamese number grammar and formatting (pure).

Vietnamese writes "2.134,6": dot for thousands, comma for decimals. Real documents also contain
dot-decimals ("6.14") and English-style "2,134.6"; ``parse_number`` resolves those by the digit
grouping. Formatting goes through babel's ``vi`` locale so output matches what officials type.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from babel.numbers import format_decimal

# One number as written in Vietnamese documents, without its sign; table cells (``cells``) and running
# text (``chitieu.extraction.quantity``) both use it. Order matters: grouped forms first:
# "2.134,6" and "3.000"; "2,134.6" (English style, only with a decimal part); "197,128,000" (English
# thousands, two groups or more: no decimal comma is written twice); "65", "0,4", "6.14".
UNSIGNED_NUMBER = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}(?![,.]?\d)|\d+(?:[.,]\d+)?)"
# The same with an optional sign (hyphen, minus, en dash).
NUMBER_PATTERN = rf"[-−–]?\s?{UNSIGNED_NUMBER}"
NUMBER_RE = re.compile(NUMBER_PATTERN)
_FULL_NUMBER_RE = re.compile(rf"^\s*{NUMBER_PATTERN}\s*$")

VULGAR_FRACTIONS: dict[str, float] = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2}



class NumberFormatError(ValueError):
    """The text is not a number in any grammar we accept."""


def parse_number(text: str) -> float:
    """Parse one number written the Vietnamese way ("2.134,6", "-0,95", "02", "½").

    Raises ``NumberFormatError`` when ``text`` is not exactly one number.
    """
    s = text.strip().replace("\u00a0", " ")
    if s in VULGAR_FRACTIONS:
        return VULGAR_FRACTIONS[s]
    if s and s[-1] in VULGAR_FRACTIONS and s[:-1].strip().isdigit():
        return int(s[:-1]) + VULGAR_FRACTIONS[s[-1]]
    if not _FULL_NUMBER_RE.match(s):
        raise NumberFormatError(text)
    return _number_value(s)


def _number_value(token: str) -> float:
    s = token.replace(" ", "")
    negative = s[0] in "-−–"
    if negative:
        s = s[1:]
    if "," in s and "." in s:
        # The later separator is the decimal one: 2.134,6 (Vietnamese) or 2,134.6 (English).
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    elif "." in s:
        # Dot with exact 3-digit groups is a thousands separator (3.000, 1.234.567); otherwise a decimal point.
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
            s = s.replace(".", "")
    elif "," in s:
        # Two comma groups or more of 3 digits are English thousands (197,128,000); one comma is a decimal one.
        s = s.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", s) else s.replace(",", ".")
    value = float(s)
    return -value if negative else value


def number_value(token: str) -> float:
    """Value of a token already matched by ``NUMBER_RE`` (no validation; fast path for extraction)."""
    return _number_value(token)


def decimals_of(token: str) -> int:
    """How many decimals a written number shows ("2.134,6" → 1, "3.000" → 0, "6.14" → 2)."""
    s = token.strip()
    if re.fullmatch(r"[-−–]?\d{1,3}(?:,\d{3}){2,}", s):
        return 0
    if "," in s and ("." not in s or s.rfind(",") > s.rfind(".")):
        return len(s) - s.rfind(",") - 1
    if "." in s and not re.fullmatch(r"[-−–]?\d{1,3}(?:\.\d{3})+", s):
        return len(s) - s.rfind(".") - 1
    return 0


@lru_cache(maxsize=64)
def _pattern(decimals: int, trim: bool) -> str:
    if decimals <= 0:
        return "#,##0"
    return "#,##0." + ("#" * decimals if trim else "0" * decimals)


def format_number(value: float | None, decimals: int | None = None, empty: str = "") -> str:
    """Format the Vietnamese way: 2134.6 → "2.134,6"; 3000 → "3.000".

    ``decimals=None`` shows what the value needs, at most two decimals.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return empty
    if decimals is None:
        return format_decimal(round(value, 2), format=_pattern(2, True), locale="vi")
    return format_decimal(round(value, decimals), format=_pattern(decimals, False), locale="vi")


def format_percent(value: float | None, decimals: int = 1, empty: str = "") -> str:
    """Format a number already in percent: 73.1 → "73,1%"."""
    if value is None:
        return empty
    return format_number(value, decimals) + "%"
