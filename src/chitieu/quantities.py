"""Quantities in table cells: kept importable here; the grammar lives in ``chitieu.grammar.cells``."""

from chitieu.grammar.cells import (
    QuantityError,
    clean_cell,
    comparator_words,
    find_change,
    find_quantity,
    is_no_data,
    parse_change,
    parse_quantity,
)

__all__ = [
    "QuantityError", "clean_cell", "comparator_words", "find_change", "find_quantity", "is_no_data", "parse_change",
    "parse_quantity",
]
