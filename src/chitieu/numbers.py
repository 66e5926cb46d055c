"""Vietnamese numbers: kept importable here; the grammar lives in ``chitieu.grammar.numbers``."""

from chitieu.grammar.numbers import (
    NUMBER_PATTERN,
    NUMBER_RE,
    UNSIGNED_NUMBER,
    VULGAR_FRACTIONS,
    NumberFormatError,
    decimals_of,
    format_number,
    format_percent,
    number_value,
    parse_number,
)

__all__ = [
    "NUMBER_PATTERN", "NUMBER_RE", "UNSIGNED_NUMBER", "VULGAR_FRACTIONS", "NumberFormatError", "decimals_of",
    "format_number", "format_percent", "number_value", "parse_number",
]
