"""Tables drawn without rules in a PDF's text layer: runs of lines whose words stand in aligned columns.

Word and LibreOffice appendices are often set as tables with no borders (or borders the PDF maker drops),
so a ruled-table finder gives 0 rows. A line is *tabular* when its words fall into three or more pieces
separated by wide gaps (far wider than a space, even in justified text); three or more tabular lines
close together whose pieces start at shared x positions are a table, its columns at those positions.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

GAP = 6.5  # points between two pieces of one line (a space is 3–4 pt; cells are padded 2×2.8 pt or more)
LINE_TOLERANCE = 2.5  # words whose tops differ less than this stand on one line
MIN_ROWS = 3
MIN_COLUMNS = 3
COLUMN_SNAP = 8.0  # piece starts closer than this share a column
COLUMN_SUPPORT = 0.4  # a column starts at least this share of the run's lines
ROW_GAP = 2.6  # a run breaks where the gap between lines exceeds this many line heights
# Justified prose stretches every space of a line by the same amount, sometimes past GAP: a line of words
# whose gaps are all equal (within this spread) is one piece of text, never the cells of a table row.
JUSTIFIED_MIN_GAPS = 4
JUSTIFIED_SPREAD = 0.6


@dataclass(frozen=True, slots=True)
class Piece:
    x0: float
    x1: float
    text: str
    words: tuple[tuple[float, str], ...] = ()  # (x0, text) of each word


@dataclass(frozen=True, slots=True)
class Line:
    top: float
    bottom: float
    pieces: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class LooseTable:
    top: float
    bottom: float
    rows: list[list[str]]


def find_loose_tables(page: Any) -> list[LooseTable]:
    """Unruled tables of a pdfplumber page, top to bottom."""
    lines = _lines(page.extract_words(x_tolerance=1.5, keep_blank_chars=False))
    tables: list[LooseTable] = []
    run: list[Line] = []
    for line in [*lines, None]:
        close = (
            line is not None and bool(run)
            and line.top - run[-1].bottom < ROW_GAP * max(1.0, run[-1].bottom - run[-1].top)
        )
        candidate = line is not None and (len(line.pieces) >= 2 or (close and _inside(line, run)))
        if candidate and (not run or close):
            run.append(line)  # type: ignore[arg-type]
            continue
        table = _table(run)
        if table is not None:
            tables.append(table)
        run = [line] if line is not None and len(line.pieces) >= 2 else []
    return tables


def _lines(words: list[dict[str, Any]]) -> list[Line]:
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) < LINE_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        pieces: list[Piece] = []
        prose = _justified_prose(row)
        for word in row:
            own = ((float(word["x0"]), str(word["text"])),)
            if pieces and (prose or word["x0"] - pieces[-1].x1 < GAP):
                last = pieces[-1]
                pieces[-1] = Piece(last.x0, word["x1"], f"{last.text} {word['text']}", last.words + own)
            else:
                pieces.append(Piece(word["x0"], word["x1"], word["text"], own))
        lines.append(Line(min(w["top"] for w in row), max(w["bottom"] for w in row), tuple(pieces)))
    return lines


def _justified_prose(row: list[dict[str, Any]]) -> bool:
    """Words, mostly not figures, spaced evenly: a justified line of a paragraph (see JUSTIFIED_SPREAD)."""
    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in itertools.pairwise(row)]
    if len(gaps) < JUSTIFIED_MIN_GAPS or max(gaps) - min(gaps) > JUSTIFIED_SPREAD:
        return False
    wordy = sum(any(ch.isalpha() for ch in str(w["text"])) for w in row)
    return wordy * 2 > len(row)


def _inside(line: Line, run: list[Line]) -> bool:
    """A short line whose pieces start where the run's columns (other than the first) start."""
    starts = [p.x0 for ln in run for p in ln.pieces[1:]]
    return all(any(abs(p.x0 - s) < COLUMN_SNAP for s in starts) for p in line.pieces)


def _table(run: list[Line]) -> LooseTable | None:
    tabular = [ln for ln in run if len(ln.pieces) >= MIN_COLUMNS]
    if len(tabular) < MIN_ROWS:
        return None
    starts: list[list[float]] = []
    for x in sorted(p.x0 for ln in tabular for p in ln.pieces):
        if starts and x - starts[-1][-1] < COLUMN_SNAP:
            starts[-1].append(x)
        else:
            starts.append([x])
    columns = [min(group) for group in starts if len(group) >= COLUMN_SUPPORT * len(tabular)]
    if len(columns) < MIN_COLUMNS:
        return None

    def aligned(line: Line) -> bool:
        return all(any(abs(p.x0 - c) < COLUMN_SNAP for c in columns) for p in line.pieces)

    first = next(i for i, ln in enumerate(run) if len(ln.pieces) >= MIN_COLUMNS or (aligned(ln) and len(ln.pieces) > 1))
    last = max(i for i, ln in enumerate(run) if len(ln.pieces) >= MIN_COLUMNS or aligned(ln))
    kept = run[first : last + 1]
    rows: list[list[str]] = []
    for line in kept:
        cells = [""] * len(columns)
        for piece in line.pieces:  # word by word: a cell's text may run up to the next column's start
            for x0, word in piece.words or ((piece.x0, piece.text),):
                index = max((i for i, c in enumerate(columns) if c <= x0 + COLUMN_SNAP / 2), default=0)
                cells[index] = f"{cells[index]} {word}".strip()
        if len(line.pieces) == 1 and rows:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]  # wrapped cell text
        else:
            rows.append(cells)
    return LooseTable(kept[0].top - 1.0, kept[-1].bottom + 1.0, rows)
