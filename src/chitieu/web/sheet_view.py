"""A workbook on the document page: each sheet's grid as a table whose cells keep their places ("Biểu 01!F4").

The stored text of a workbook is what the reader made of it (``readers/xlsx_reader.py``): per sheet a title
line, its title rows, then its grid as tab-separated rows. Shown in a ``<pre>`` those rows run together;
here the text is cut back into its sheets' rows and cells, with the claims' highlights (the pieces of
``web.highlight.segments``) cut at the cell borders. Only the first piece of a highlight carries its id.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from chitieu.web.highlight import Piece

_PLACE_RE = re.compile(r"!\$?(?P<col>[A-Z]{1,3})\$?(?P<row>\d+)$")


@dataclass(frozen=True, slots=True)
class SheetLayout:
    """Where a workbook's tables and cells stand in its text (from the reader's ``Document``)."""

    tables: tuple[tuple[int, tuple[int, ...]], ...]  # (end, row starts) of each sheet's grid
    cells: tuple[tuple[int, int, str], ...]  # (start, end, "Biểu 01!F4") of every filled cell


@dataclass(frozen=True, slots=True)
class Cut:
    """A piece of a cell or of text; ``anchor``: the first piece of its highlight, which carries its id."""

    text: str
    mark: Any = None
    anchor: bool = False


@dataclass(slots=True)
class SheetCell:
    pieces: list[Cut]
    place: str = ""


@dataclass(slots=True)
class SheetRow:
    number: str  # the sheet's own row number, from its cells' places ("" when no cell is filled)
    cells: list[SheetCell]


@dataclass(slots=True)
class Block:
    """Text (a sheet's title and title rows) or a sheet's grid (``columns`` and ``rows``)."""

    pieces: list[Cut] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[SheetRow] = field(default_factory=list)


def layout_of(document: Any) -> SheetLayout | None:
    """The layout of a read workbook; None for a document without cells (not a workbook)."""
    cells = getattr(document, "cells", None)
    if not cells or not document.tables:
        return None
    tables = tuple((t.end, tuple(t.row_starts)) for t in document.tables if t.row_starts)
    return SheetLayout(tables, tuple(cells))


class _Cutter:
    """Cuts [lo, hi) of the text out of the highlight pieces, which cover the text in order."""

    def __init__(self, pieces: list[Piece]) -> None:
        self.pieces = pieces
        self.starts: list[int] = []
        position = 0
        for piece in pieces:
            self.starts.append(position)
            position += len(piece.text)
        self.anchored: set[int] = set()

    def cut(self, lo: int, hi: int) -> list[Cut]:
        out: list[Cut] = []
        i = max(0, bisect_right(self.starts, lo) - 1)
        while i < len(self.pieces) and self.starts[i] < hi:
            piece, start = self.pieces[i], self.starts[i]
            text = piece.text[max(0, lo - start) : max(0, hi - start)]
            if text:
                anchor = piece.mark is not None and id(piece.mark) not in self.anchored
                if anchor:
                    self.anchored.add(id(piece.mark))
                out.append(Cut(text, piece.mark, anchor))
            i += 1
        return out


def sheet_blocks(text: str, pieces: list[Piece], layout: SheetLayout) -> list[Block]:
    """The text as blocks of text and tables, in order; ``pieces`` are ``segments`` of the same text."""
    cutter = _Cutter(pieces)
    places = {start: place for start, _end, place in layout.cells}
    blocks: list[Block] = []
    position = 0
    for end, row_starts in layout.tables:
        if row_starts[0] > position:
            blocks.append(Block(pieces=cutter.cut(position, row_starts[0])))
        table = Block()
        letters: dict[int, str] = {}
        for row_start in row_starts:
            line_end = text.find("\n", row_start)
            line_end = len(text) if line_end < 0 else line_end
            cells: list[SheetCell] = []
            number = ""
            lo = row_start
            for j, value in enumerate(text[row_start:line_end].split("\t")):
                place = places.get(lo, "") if value else ""
                found = _PLACE_RE.search(place)
                if found:
                    letters.setdefault(j, found.group("col"))
                    number = number or found.group("row")
                cells.append(SheetCell(cutter.cut(lo, lo + len(value)), place))
                lo += len(value) + 1
            table.rows.append(SheetRow(number, cells))
            position = min(len(text), line_end + 1)
        width = max((len(r.cells) for r in table.rows), default=0)
        for row in table.rows:
            row.cells.extend(SheetCell([]) for _ in range(width - len(row.cells)))
        table.columns = [letters.get(j, "") for j in range(width)]
        blocks.append(table)
        position = max(position, min(len(text), end + 1))
    if position < len(text):
        blocks.append(Block(pieces=cutter.cut(position, len(text))))
    return blocks
