"""Geometry of scanned page images: evening out the paper's shade, straightening a tilted page and finding
the rules of its tables.

Averages along a direction are taken with Pillow by shrinking the image with a box filter, so a 300 dpi
page is measured in well under a second; the paper's shade is divided out with NumPy.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

RULE_DARK = 110  # grey level below which a pixel is ink
RULE_WINDOW = 24  # pixels averaged along a rule's direction; a rule fills the window, text does not
RULE_FILL = 0.75  # share of a window that must be ink
RULE_MIN_SHARE = 0.2  # a horizontal rule is at least this share of the page's width
RULE_MIN_SHARE_VERTICAL = 0.04  # a vertical rule spans at least a few rows of a short table


@dataclass(frozen=True, slots=True)
class Rule:
    position: int  # y of a horizontal rule, x of a vertical one (pixels)
    start: int
    end: int


@dataclass(slots=True)
class Grid:
    """A ruled table on a page image: row bands (top, bottom) and column bands (left, right) in pixels."""

    rows: list[tuple[int, int]]
    columns: list[tuple[int, int]]

    @property
    def box(self) -> tuple[int, int, int, int]:
        return self.columns[0][0], self.rows[0][0], self.columns[-1][1], self.rows[-1][1]

    def cell_of(self, x: float, y: float) -> tuple[int, int] | None:
        row = next((i for i, (a, b) in enumerate(self.rows) if a <= y < b), None)
        col = next((j for j, (a, b) in enumerate(self.columns) if a <= x < b), None)
        return None if row is None or col is None else (row, col)


# The paper's shade is measured on a copy shrunk this many times (16: cells of 1.4 mm at 300 dpi), as the
# brightest value around each cell (PAPER_WINDOW cells: 7 mm, wider than any stroke of text) smoothed.
PAPER_SHRINK = 16
PAPER_WINDOW = 5
# Paper lit evenly is at least this bright everywhere: such a page is left as it is.
EVEN_PAPER = 225


def flatten_background(grey: Any) -> Any:
    """The page with its paper made evenly white: a page photographed under a lamp or copied on a worn drum
    is darker towards a corner or an edge, and there the ink no longer stands out for the recogniser. The
    paper's shade (the brightest value around each place, text removed) is divided out; a page whose paper
    is bright everywhere is returned unchanged."""
    import numpy as np
    from PIL import Image, ImageFilter

    small = grey.reduce(PAPER_SHRINK) if min(grey.size) >= PAPER_SHRINK * PAPER_WINDOW else grey
    paper_small = small.filter(ImageFilter.MaxFilter(PAPER_WINDOW)).filter(ImageFilter.GaussianBlur(2))
    lo, _hi = paper_small.getextrema()
    if lo >= EVEN_PAPER:
        return grey
    paper = np.asarray(paper_small.resize(grey.size, Image.Resampling.BILINEAR), dtype=np.float32)
    page = np.asarray(grey, dtype=np.float32)
    flat = np.clip(page * 255.0 / np.maximum(paper, 1.0), 0, 255).astype(np.uint8)
    return Image.fromarray(flat, "L")


# A page scanned in black and white is a 1-bit image; rendered at 300 dpi its letters have stair-stepped
# edges that Tesseract misreads (a 150 dpi one: 0.92 of characters right). Blurred by this radius (pixels at
# 300 dpi) they get the grey edges of a grey scan (0.999 right).
BILEVEL_SMOOTHING = 1.5


def bilevel(page: Any) -> bool:
    """The largest image of a ``pypdfium2`` page is black and white (1 bit per pixel): a fax or a
    black-and-white office scan."""
    import pypdfium2.raw as pdfium_c

    largest, bits = 0, 0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=1):
        meta = obj.get_metadata()
        if meta.width * meta.height > largest:
            largest, bits = meta.width * meta.height, meta.bits_per_pixel
    return bits == 1


def smooth_bilevel(grey: Any, dpi: int) -> Any:
    """A black-and-white page image rendered at ``dpi`` with its stair-stepped edges blurred to grey."""
    from PIL import ImageFilter

    return grey.filter(ImageFilter.GaussianBlur(BILEVEL_SMOOTHING * dpi / 300))


def even_page(grey: Any, page: Any, dpi: int) -> Any:
    """A page image (rendered at ``dpi`` from the ``pypdfium2`` ``page``) evened out for recognition: the
    paper's shade divided out, and the stair-stepped edges of a black-and-white scan blurred to grey."""
    grey = flatten_background(grey)
    return smooth_bilevel(grey, dpi) if bilevel(page) else grey


SKEW_STEP = 0.1  # degrees
SKEW_MAX = 2.0


def deskew(grey: Any) -> Any:
    """The page turned straight: the angle (within ±2°) at which rows of ink line up best, measured on a
    small copy by the variance of its row darkness (text lines and rules give sharp peaks when level);
    searched coarse (0.5°) then fine (0.1°) around the best coarse angle."""
    from PIL import Image

    small = grey.resize((max(1, grey.width // 4), max(1, grey.height // 4)), Image.Resampling.BOX)

    def sharpness(angle: float) -> float:
        turned = small.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255) if angle else small
        profile = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
        mean = sum(profile) / len(profile)
        return float(sum((v - mean) ** 2 for v in profile))

    coarse = max((k * 0.5 for k in range(-4, 5)), key=lambda a: (sharpness(a), -abs(a)))
    fine = [round(coarse + k * SKEW_STEP, 2) for k in range(-4, 5) if abs(coarse + k * SKEW_STEP) <= SKEW_MAX]
    best_angle = max(fine, key=lambda a: (sharpness(a), -abs(a)))
    if abs(best_angle) < SKEW_STEP / 2:
        return grey
    return grey.rotate(best_angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def find_rules(grey: Any, horizontal: bool) -> list[Rule]:
    """Long straight runs of ink: table rules. Found on a shrunk copy averaged along the rule's direction."""
    from PIL import Image

    width, height = grey.size
    if horizontal:
        small = grey.resize((max(1, width // RULE_WINDOW), height), Image.Resampling.BOX)
    else:
        small = grey.resize((width, max(1, height // RULE_WINDOW)), Image.Resampling.BOX)
    limit = RULE_DARK + (255 - RULE_DARK) * (1 - RULE_FILL)
    ink = small.point(lambda v: 1 if v < limit else 0)
    cols, lines = ink.size if horizontal else ink.size[::-1]
    data = ink.load()
    rules: list[Rule] = []
    min_cells = max(3, int((RULE_MIN_SHARE if horizontal else RULE_MIN_SHARE_VERTICAL) * cols))
    for line in range(lines):
        run_start = None
        for cell in range(cols + 1):
            dark = cell < cols and (data[cell, line] if horizontal else data[line, cell])
            if dark and run_start is None:
                run_start = cell
            elif not dark and run_start is not None:
                if cell - run_start >= min_cells:
                    rules.append(Rule(line, run_start * RULE_WINDOW, cell * RULE_WINDOW))
                run_start = None
    return _merge_rules(rules)


def _merge_rules(rules: list[Rule]) -> list[Rule]:
    """Adjacent pixel lines of one thick rule become one rule at their middle."""
    merged: list[list[Rule]] = []
    for rule in sorted(rules, key=lambda r: (r.position, r.start)):
        if merged and rule.position - merged[-1][-1].position <= 3 and _overlap(rule, merged[-1][-1]):
            merged[-1].append(rule)
        else:
            merged.append([rule])
    return [Rule((g[0].position + g[-1].position) // 2, min(r.start for r in g), max(r.end for r in g)) for g in merged]


def _overlap(a: Rule, b: Rule) -> bool:
    return a.start < b.end and b.start < a.end


def find_grids(grey: Any) -> list[Grid]:
    """Ruled tables: groups of horizontal and vertical rules that touch each other (a table's rules are
    broken where cells are merged, so touching, not crossing the whole table, joins them), each group cut
    into row bands between its horizontal rules and column bands between its vertical rules."""
    rules = [(True, r) for r in find_rules(grey, horizontal=True)] + [(False, r) for r in find_rules(grey, horizontal=False)]
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    slack = 2 * RULE_WINDOW + 4  # rule ends are found to the nearest window
    for i, (hi, a) in enumerate(rules):
        for j in range(i + 1, len(rules)):
            hj, b = rules[j]
            if hi == hj:
                continue
            h, v = (a, b) if hi else (b, a)
            if v.start - slack <= h.position <= v.end + slack and h.start - slack <= v.position <= h.end + slack:
                parent[root(i)] = root(j)
    groups: dict[int, list[tuple[bool, Rule]]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(root(i), []).append(rule)
    grids: list[Grid] = []
    for group in groups.values():
        ys = _dedupe(sorted(r.position for horizontal, r in group if horizontal))
        xs = _dedupe(sorted(r.position for horizontal, r in group if not horizontal))
        rows = [(a, b) for a, b in itertools.pairwise(ys) if b - a > 8]
        columns = [(a, b) for a, b in itertools.pairwise(xs) if b - a > 8]
        if len(rows) >= 2 and len(columns) >= 2:
            grids.append(Grid(rows, columns))
    return sorted(grids, key=lambda g: g.rows[0][0])


def _dedupe(values: list[int], gap: int = 8) -> list[int]:
    """Positions closer than ``gap`` are one rule (the pieces of a rule broken by merged cells)."""
    out: list[int] = []
    for value in values:
        if out and value - out[-1] < gap:
            continue
        out.append(value)
    return out


def whiten_rules(grey: Any, grids: list[Grid], width: int = 4) -> Any:
    """The image with the grids' rules painted white, so they are not read as letters ("|", "l", "1")."""
    from PIL import ImageDraw

    image = grey.copy()
    draw = ImageDraw.Draw(image)
    for grid in grids:
        left, top, right, bottom = grid.box
        for y in {a for a, _ in grid.rows} | {bottom}:
            draw.rectangle([left - width, y - width, right + width, y + width], fill=255)
        for x in {a for a, _ in grid.columns} | {right}:
            draw.rectangle([x - width, top - width, x + width, bottom + width], fill=255)
    return image
