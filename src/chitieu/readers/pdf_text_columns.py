"""Pages set in two columns of running text (printed Congress volumes, bulletins): where the columns are.

A PDF's text layer gives a line across the whole page for the words of both columns that stand at one
height, so a two-column page read line by line interleaves the columns ("… tăng trưởng đạt | Công tác xây
dựng Đảng …"). A *gutter* is a vertical strip in the middle of the text that no glyph of most lines
touches while both of its sides hold text; a line of justified prose fills its column, so the text on
each side of the gutter spans most of that column (a table without rules has short cells and gaps at
many places: it is not read as columns). Lines that cross the gutter (a title across the page, a running
header, a page number) stay whole; the lines between them are read column by column, left first.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

GUTTER_MIN = 10.0  # points of white between the columns; a stretched space of justified text stays below it
CENTRE_ZONE = (0.3, 0.7)  # the gutter lies in this share of the text's width
MIN_COLUMN_LINES = 4  # lines of text each column needs to call the page two-column
FILL_SHARE = 0.7  # the median line of each column spans at least this share of the column (justified prose)
STEP = 1.0  # points between the gutter positions tried


@dataclass(frozen=True, slots=True)
class LineShape:
    """A text line: its height on the page and the horizontal extents of its glyphs (spaces left out)."""

    top: float
    bottom: float
    glyphs: tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class Band:
    """Lines centred in ``[top, bottom)``: read whole (``split`` None) or column by column at ``split``."""

    top: float
    bottom: float
    split: float | None


def _runs(line: LineShape) -> list[tuple[float, float]]:
    """The line's glyphs merged wherever less than a gutter apart (a line of prose is one run per column)."""
    runs: list[tuple[float, float]] = []
    for x0, x1 in sorted(line.glyphs):
        if runs and x0 - runs[-1][1] < GUTTER_MIN:
            runs[-1] = (runs[-1][0], max(runs[-1][1], x1))
        else:
            runs.append((x0, x1))
    return runs


def _touches(runs: list[tuple[float, float]], a: float, b: float) -> bool:
    return any(x0 < b and x1 > a for x0, x1 in runs)


def find_gutter(lines: list[LineShape]) -> float | None:
    """The x of the gutter's middle when the lines are set in two columns, else None."""
    runs = [r for r in (_runs(line) for line in lines) if r]
    if len(runs) < 2 * MIN_COLUMN_LINES:
        return None
    left, right = min(r[0][0] for r in runs), max(r[-1][1] for r in runs)
    zone = (left + CENTRE_ZONE[0] * (right - left), left + CENTRE_ZONE[1] * (right - left))
    if sum(1 for r in runs if _touches(r, *zone) and len(r) == 1 and r[0][0] <= zone[0] and r[0][1] >= zone[1]) * 2 > len(runs):
        return None  # most lines run across the whole middle: one column (the common case, decided at once)
    best: tuple[int, float] | None = None
    x = zone[0]
    while x <= zone[1]:
        a, b = x - GUTTER_MIN / 2, x + GUTTER_MIN / 2
        clear = [r for r in runs if not _touches(r, a, b)]
        on_left = [max(x1 for _, x1 in r if x1 <= a) - r[0][0] for r in clear if r[0][1] <= a]
        on_right = [r[-1][1] - min(x0 for x0, _ in r if x0 >= b) for r in clear if r[-1][0] >= b]
        if (
            len(clear) * 2 > len(runs)
            and min(len(on_left), len(on_right)) >= MIN_COLUMN_LINES
            and median(on_left) >= FILL_SHARE * (a - left)
            and median(on_right) >= FILL_SHARE * (right - b)
            and (best is None or len(clear) > best[0])
        ):
            best = (len(clear), x)
        x += STEP
    return None if best is None else best[1]


def column_bands(lines: list[LineShape]) -> list[Band]:
    """The page's lines (top to bottom) as bands read whole or column by column; one band read whole when the
    page is not set in columns."""
    if not lines:
        return []
    ordered = sorted(lines, key=lambda ln: ln.top)
    bottom = max(ln.bottom for ln in ordered) + 1
    gutter = find_gutter(ordered)
    if gutter is None:
        return [Band(0.0, bottom, None)]
    a, b = gutter - GUTTER_MIN / 2, gutter + GUTTER_MIN / 2
    bands: list[Band] = []
    for line in ordered:
        split = None if _touches(_runs(line), a, b) else gutter
        if bands and bands[-1].split == split:
            continue
        if bands:  # the band before ends where this line begins: a glyph's centre lies below its line's top
            bands[-1] = Band(bands[-1].top, line.top, bands[-1].split)
        bands.append(Band(bands[-1].bottom if bands else 0.0, bottom, split))
    return bands
