"""The reader's result: one text, a map back to pages, and what a reader learnt about its places.

Besides the text and its page map a ``Document`` carries:

- ``spans``: where pieces of the text stand on their page (a box in PDF points) and, for text read by
  OCR, how sure the recogniser was (``confidence`` 0..1); extraction uses them to give each claim its
  page and box and to lower the confidence of claims read from a poor scan;
- ``marks``: stretches of text that are document furniture, not statements (recipients "Nơi nhận",
  signature blocks, legal-basis lines "Căn cứ …", page headers and footers, footnotes);
- ``parts``: the documents bound in one file (a political report, a resolution, an appendix …), each
  from its title block to the next one;
- ``problems``: typed warnings (``chitieu.messages.Problem``) such as an invalid byte replaced at a line
  and column, or a page whose OCR ran out of time; ``warnings`` keeps their messages as plain strings.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from chitieu.messages import Problem

# Kinds of ``Mark``: furniture a reader recognised and extraction should not read claims from.
MARK_KINDS = frozenset(
    {"recipients", "signature", "legal_basis", "page_header", "page_footer", "footnotes", "title_block"}
)
# Kinds of ``Part``: what a title block names.
PART_KINDS = frozenset({"report", "resolution", "appendix", "decision", "plan", "programme", "speech", "other"})


class PageSpan(NamedTuple):
    """Characters ``[start, end)`` of the document text come from page ``number`` (1-based)."""

    number: int
    start: int
    end: int


class Box(NamedTuple):
    """A rectangle on a page in PDF points (1/72 inch), origin at the page's top-left corner."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Characters ``[start, end)`` of the text stand in ``box`` on ``page``.

    ``confidence`` is the OCR engine's confidence (0..1, the lowest of the span's words) for text read
    from an image, None for text taken from a text layer or a Word file. ``source`` is "text" or "ocr".
    """

    start: int
    end: int
    page: int | None
    box: Box | None = None
    confidence: float | None = None
    source: str = "text"


@dataclass(frozen=True, slots=True)
class Mark:
    """Characters ``[start, end)`` are furniture of ``kind`` (one of ``MARK_KINDS``)."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Part:
    """One document bound in the file: ``title`` (its title block on one line), ``kind`` (``PART_KINDS``),
    characters ``[start, end)`` and the page it begins on."""

    title: str
    kind: str
    start: int
    end: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class CellMerge:
    """A merged table cell: it starts at grid ``row``/``col`` and covers ``rows`` × ``cols`` grid cells.

    The table's ``rows`` keep the merged cell's text in its first grid cell only; the others are "".
    """

    row: int
    col: int
    rows: int = 1
    cols: int = 1


@dataclass(slots=True)
class TableBlock:
    """A table as rows of cell strings; ``start``/``end`` are offsets of its rendering in the text.

    Each row is rendered into the text as tab-separated cells on one line, so offsets of a cell can
    be recovered from the row's line. ``row_starts`` gives the offset of each row's line; ``merges``
    lists the cells merged across rows or columns (Word's gridSpan/vMerge).
    """

    rows: list[list[str]]
    start: int
    end: int
    page: int | None = None
    row_starts: list[int] = field(default_factory=list)
    merges: list[CellMerge] = field(default_factory=list)

    def filled_rows(self) -> list[list[str]]:
        """Rows with each merged cell's text copied into every grid cell it covers."""
        rows = [list(r) for r in self.rows]
        for m in self.merges:
            if m.row >= len(rows) or m.col >= len(rows[m.row]):
                continue
            value = rows[m.row][m.col]
            for r in range(m.row, min(len(rows), m.row + m.rows)):
                for c in range(m.col, min(len(rows[r]), m.col + m.cols)):
                    rows[r][c] = value
        return rows


@dataclass(slots=True)
class Document:
    """A read document. Character offsets used anywhere else (claims, provenance) refer to ``text``."""

    path: Path
    kind: str  # txt | docx | pdf | doc | xlsx
    text: str
    pages: list[PageSpan] = field(default_factory=list)
    tables: list[TableBlock] = field(default_factory=list)
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    spans: list[TextSpan] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text was read by OCR
    header_text: str = ""  # page headers and footers of a Word file, kept apart from the body
    cells: list[tuple[int, int, str]] = field(default_factory=list)  # workbook cells: (start, end, "Biểu 01!C7")
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _span_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def warn(self, problem: Problem) -> None:
        """Keep a typed warning and its message."""
        self.problems.append(problem)
        self.warnings.append(problem.message)

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

    def spans_in(self, start: int, end: int) -> list[TextSpan]:
        """The spans overlapping characters ``[start, end)`` in text order (spans are sorted, disjoint)."""
        if not self.spans:
            return []
        if self._span_starts is None or len(self._span_starts) != len(self.spans):
            self._span_starts = [s.start for s in self.spans]
        i = max(0, bisect_right(self._span_starts, start) - 1)
        found: list[TextSpan] = []
        for span in self.spans[i:]:
            if span.start >= max(end, start + 1):
                break
            if span.end > start:
                found.append(span)
        return found

    def box_of(self, start: int, end: int) -> tuple[int | None, Box | None]:
        """(page, box enclosing the characters ``[start, end)`` on the page of ``start``); box None when unknown."""
        spans = self.spans_in(start, end)
        if not spans:
            return self.page_at(start), None
        page = spans[0].page
        boxes = [s.box for s in spans if s.page == page and s.box is not None]
        if not boxes:
            return page, None
        return page, Box(min(b.x0 for b in boxes), min(b.top for b in boxes),
                         max(b.x1 for b in boxes), max(b.bottom for b in boxes))

    def ocr_confidence(self, start: int, end: int) -> float | None:
        """The lowest OCR confidence (0..1) over characters ``[start, end)``; None when none was OCRed."""
        values = [s.confidence for s in self.spans_in(start, end) if s.confidence is not None]
        return min(values) if values else None

    def cell_at(self, start: int, end: int | None = None) -> str | None:
        """The workbook cell ("Biểu 01!C7") whose text holds or overlaps ``[start, end)``; None outside cells."""
        if not self.cells:
            return None
        stop = start + 1 if end is None else max(end, start + 1)
        i = max(0, bisect_right([c[0] for c in self.cells], start) - 1)
        for cell_start, cell_end, place in self.cells[i:]:
            if cell_start >= stop:
                break
            if cell_end > start:
                return place
        return None

    def marks_at(self, start: int, end: int | None = None) -> list[Mark]:
        """Marks overlapping ``[start, end)`` (or holding ``start``)."""
        stop = start + 1 if end is None else max(end, start + 1)
        return [m for m in self.marks if m.start < stop and m.end > start]

    def part_at(self, offset: int) -> Part | None:
        """The bound part holding ``offset``; None when the file has no recognised parts there."""
        for part in self.parts:
            if part.start <= offset < part.end:
                return part
        return None


@dataclass(frozen=True, slots=True)
class TextChunk:
    """A piece of a document's text starting at character ``start`` (offsets as in ``Document.text``)."""

    start: int
    text: str
    page: int | None = None  # the page ``start`` is on, for texts with form-feed pages


def document_chunks(document: Document) -> Iterator[TextChunk]:
    """A whole document as one chunk (the streaming API's shape for formats read at once)."""
    yield TextChunk(0, document.text, document.page_at(0))


def render_rows(rows: list[list[str]]) -> str:
    """Tab-separated lines of a table, cells flattened to one line each."""
    return "\n".join("\t".join(clean_cell(c) for c in row) for row in rows)


def clean_cell(text: str) -> str:
    """One line per cell: tabs and line breaks inside a cell become single spaces."""
    return " ".join((text or "").replace("\t", " ").split())
