"""The name each figure of a text is given, for the names tests."""

from __future__ import annotations

from chitieu.extraction.claims import extract_claims


def names_by_value(text: str) -> dict[float, str]:
    """Each claim's indicator name, by its value (the tests' sentences give each figure once)."""
    return {c.value: c.indicator for c in extract_claims(text + "\n") if c.value is not None}
