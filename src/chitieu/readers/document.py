"""The reader's result: one text, a map back to pages, and the tables found in it."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


class PageSpan(NamedTuple):
    """Characters ``[start, end)`` of the document text come from page ``number`` (1-based)."""

    number: int
    start: int
    end: int


@dataclass(slots=True)
class TableBlock:
    """A table as rows of cell strings; ``start``/``end`` are offsets of its rendering in the text.

    Each row is rendered into the text as tab-separated cells on one line, so offsets of a cell can
    be recovered from the row's line. ``row_starts`` gives the offset of each row's line.
    """

    rows: list[list[str]]
    start: int
    end: int
    page: int | None = None
    row_starts: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """A read document. Character offsets used anywhere else (claims, provenance) refer to ``text``."""

    path: Path
    kind: str  # txt | docx | pdf | doc
    text: str
    pages: list[PageSpan] = field(default_factory=list)
    tables: list[TableBlock] = field(default_factory=list)
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def page_at(self, offset: int) -> int | None:
        """The page holding character ``offset``; None when the format has no pages."""
        if not self.pages:
            return None
        if self._starts is None or len(self._starts) != len(self.pages):
            self._starts = [p.start for p in self.pages]
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return self.pages[0].number
        return self.pages[i].number

    @property
    def page_count(self) -> int:
        return len(self.pages)


def render_rows(rows: list[list[str]]) -> str:
    """Tab-separated lines of a table, cells flattened to one line each."""
    return "\n".join("\t".join(clean_cell(c) for c in row) for row in rows)


def clean_cell(text: str) -> str:
    """One line per cell: tabs and line breaks inside a cell become single spaces."""
    return " ".join((text or "").replace("\t", " ").split())
