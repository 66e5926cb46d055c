"""Cutting a document's text into pieces around quoted places, for highlighting (no markup here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CONTEXT = 2500


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    mark: Any = None  # the claim (or True) this piece quotes; None for plain text


def window(text: str, start: int | None, end: int | None, quote: str = "", context: int = CONTEXT) -> list[Piece]:
    """The text around [start, end) (or the first place ``quote`` occurs), that place marked."""
    if start is None or end is None or not (0 <= start < end <= len(text)):
        found = text.find(quote.strip()[:200]) if quote.strip() else -1
        if found < 0:
            return [Piece(text[: context * 2])] if text else []
        start, end = found, found + len(quote.strip()[:200])
    lo, hi = max(0, start - context), min(len(text), end + context)
    pieces = [Piece(("…" if lo else "") + text[lo:start]), Piece(text[start:end], True),
              Piece(text[end:hi] + ("…" if hi < len(text) else ""))]
    return [p for p in pieces if p.text]


def segments(text: str, spans: list[tuple[int, int, Any]]) -> list[Piece]:
    """The whole text cut at every span (overlapping spans: the earlier one wins)."""
    pieces: list[Piece] = []
    position = 0
    for start, end, mark in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < position or not (0 <= start < end <= len(text)):
            continue
        if start > position:
            pieces.append(Piece(text[position:start]))
        pieces.append(Piece(text[start:end], mark))
        position = end
    if position < len(text):
        pieces.append(Piece(text[position:]))
    return pieces
