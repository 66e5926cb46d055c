"""One page of a PDF with a text layer → its items in reading order: ruled tables' rows (with rows cut by a
page break closed where their column rules end), loose tables, text lines with their boxes, and the
footnotes at the page foot (dropped footnote marks and Word's numbering without a space mended)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from chitieu.readers.document import Box, clean_cell
from chitieu.readers.pdf_columns import find_loose_tables
from chitieu.readers.pdf_layout import PageItem, Word
from chitieu.readers.pdf_text_columns import LineShape, column_bands

# Cells of justified text (Excel, Word) are set with wide letter gaps and no space glyphs: with
# pdfplumber's default tolerance (3 pt) their words run together ("Tiếpnhậnvănbản").
TABLE_X_TOLERANCE = 1.5
FOOTER_ZONE = 0.93  # lines starting below this share of the page height are footer, not footnotes
# the gap a dropped footnote mark leaves before punctuation: "vật chất¹, tinh thần" → "vật chất, tinh thần"
SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\w) (?=[,.;:](?:\s|$))")
# Word's automatic numbering puts a tab, not a space, after the label: "1.Kết quả", "a)Kinh tế", "-Sản lượng"
LABEL_WITHOUT_SPACE = re.compile(r"^([-+•]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[IVXLC]{1,5}[.)])(?=[^\W\d_])")
NOTE_SIZE = 0.85  # footnotes are set at most this share of the body text's size


def page_items(page: Any, find_tables: bool) -> tuple[list[PageItem], list[str]]:
    """Text lines and table rows in reading order, and the footnotes at the page foot."""
    page = _without_superscripts(page)
    notes: list[str] = []
    tables: list[tuple[float, float, list[list[str]]]] = []
    if find_tables and len(page.edges) > 4:
        found = page.find_tables()
        boxes = [t.bbox for t in found if t.bbox]
        open_ends = _open_ends(page, boxes)
        if open_ends:  # a row cut by the page break has its column rules but no rule above (or below) it
            # the lines run the page's width: keep only the tables that grow out of one found before
            found = [t for t in page.find_tables({"explicit_horizontal_lines": open_ends})
                     if t.bbox and any(_grows_out_of(t.bbox, box) for box in boxes)]
        for table in found:
            if table.bbox:
                rows = [[clean_cell(c or "") for c in row] for row in table.extract(x_tolerance=TABLE_X_TOLERANCE)]
                tables.append((table.bbox[1], table.bbox[3], rows))
    if find_tables and not tables and not _in_columns(page):
        # (two columns of prose would read as a table without rules: two wide pieces a line)
        tables = [(t.top, t.bottom, t.rows) for t in find_loose_tables(page)]
    tables.sort(key=lambda t: t[0])
    items: list[PageItem] = []
    cursor = page.bbox[1]
    bottom = page.bbox[3]
    for top, table_bottom, rows in tables:
        if top > cursor:
            items.extend(_text_lines(_band(page, cursor, top)))
        for cells in rows:
            if any(cells):
                items.append(PageItem("\t".join(cells), cells))
        cursor = max(cursor, table_bottom)
    if cursor < bottom:
        notes_top, footer_top = _footnote_block(page, cursor)
        if notes_top is None:
            items.extend(_text_lines(page if cursor == page.bbox[1] else _band(page, cursor, bottom)))
        else:
            items.extend(_text_lines(_band(page, cursor, notes_top)))
            notes.extend(item.text for item in _text_lines(_band(page, notes_top, footer_top)) if item.text.strip())
            items.extend(_text_lines(_band(page, footer_top, bottom)))
    return items, notes


OPEN_END_GAP = 2.0  # points between a table's outer rule and the column rules that go on past it
OPEN_END_MIN_COLUMNS = 3


def _open_ends(page: Any, boxes: list[tuple[float, float, float, float]]) -> list[float]:
    """Where a table's column rules go on above its top rule (or below its bottom rule) with no rule to close
    them: the first row on a page after a break (or the last before one) that Word draws without its border.
    The heights where those rules end, to close the row there."""
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    ends: list[float] = []
    for x0, top, x1, bottom in boxes:
        columns = [e for e in verticals if x0 - OPEN_END_GAP <= e["x0"] <= x1 + OPEN_END_GAP]
        for edge_end, far, step in ((top, "top", -1), (bottom, "bottom", 1)):
            near = "bottom" if step < 0 else "top"
            reach, at = edge_end, edge_end
            while True:  # follow the rules from the table's edge outwards, piece by piece
                more = [e for e in columns if (e[far] - at) * step > OPEN_END_GAP and (at - e[near]) * step >= -OPEN_END_GAP]
                if len({round(e["x0"]) for e in more}) < OPEN_END_MIN_COLUMNS:
                    break
                at = min(e[far] for e in more) if step < 0 else max(e[far] for e in more)
                reach = at
            if abs(reach - edge_end) > 3 * OPEN_END_GAP:
                ends.append(reach)
    return ends


def _grows_out_of(new: tuple[float, float, float, float], old: tuple[float, float, float, float]) -> bool:
    """``new`` has the columns of ``old`` and holds it, with rows added above or below."""
    return (abs(new[0] - old[0]) <= OPEN_END_GAP and abs(new[2] - old[2]) <= OPEN_END_GAP
            and new[1] <= old[1] + OPEN_END_GAP and new[3] >= old[3] - OPEN_END_GAP)


def _footnote_block(page: Any, cursor: float) -> tuple[float | None, float]:
    """(top of the footnotes at the page foot, top of the footer below them); (None, bottom) if none.

    Footnotes are the last lines above the footer zone set clearly smaller than the page's body
    text, the first of them starting with a note number or an asterisk."""
    bottom = page.bbox[3]
    sizes = Counter(round(c["size"], 1) for c in page.chars if c.get("text", "").strip())
    if not sizes:
        return None, bottom
    body = sizes.most_common(1)[0][0]
    footer_zone = page.bbox[1] + FOOTER_ZONE * (bottom - page.bbox[1])
    footer_top, notes_top, first = bottom, None, ""
    for line in reversed(page.extract_text_lines(return_chars=True)):
        if line["top"] < cursor:
            break
        if notes_top is None and line["top"] >= footer_zone:
            footer_top = min(footer_top, line["top"] - 0.5)
            continue
        chars = [c for c in line["chars"] if c.get("text", "").strip()]
        if not chars or max(c["size"] for c in chars) > NOTE_SIZE * body:
            break
        notes_top, first = line["top"] - 0.5, line["text"].lstrip()
    if notes_top is None or not first or not (first[0].isdigit() or first[0] == "*"):
        return None, bottom
    return notes_top, footer_top


def _band(page: Any, top: float, bottom: float) -> Any:
    """The page's text whose characters are centred in ``[top, bottom)``: a glyph's box may poke a
    little above a table's top rule, so cropping by boxes would copy a table row into the text."""

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return False
        return bool(top <= (obj["top"] + obj["bottom"]) / 2 < bottom)

    return page.filter(keep)


def _without_superscripts(page: Any) -> Any:
    """Drop footnote reference marks: small digits raised against the glyph just before them, as in
    "đạt 7,5%¹" (they would otherwise glue onto the number: "7,5%1")."""
    marks: set[tuple[float, float]] = set()
    previous: dict[str, Any] | None = None
    anchor: dict[str, Any] | None = None  # the full-size glyph a run of raised digits follows
    for char in page.chars:
        text = char.get("text", "")
        base = anchor if anchor is not None else previous
        if (
            base is not None
            and text.isdigit()
            and char["size"] <= 0.8 * base["size"]
            and char["bottom"] < base["bottom"] - 0.2 * base["size"]
            and -1.0 <= char["x0"] - (previous or base)["x1"] <= 2.0
        ):
            marks.add((char["x0"], char["top"]))
            anchor = base
        else:
            anchor = None
        previous = char
    if not marks:
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or (obj["x0"], obj["top"]) not in marks)


def _shapes(lines: list[dict[str, Any]]) -> list[LineShape]:
    return [
        LineShape(float(ln["top"]), float(ln["bottom"]),
                  tuple((float(c["x0"]), float(c["x1"])) for c in ln["chars"] if c["text"].strip()))
        for ln in lines
    ]


def _in_columns(page: Any) -> bool:
    return any(band.split is not None for band in column_bands(_shapes(page.extract_text_lines(return_chars=True))))


def _text_lines(region: Any) -> list[PageItem]:
    """The region's text lines, each with its box on the page; a page set in two columns is read column by
    column between the lines that cross its gutter (pdf_text_columns)."""
    lines = region.extract_text_lines(return_chars=True)
    bands = column_bands(_shapes(lines))
    if all(band.split is None for band in bands):
        return [_item(line) for line in lines]
    items: list[PageItem] = []
    for band in bands:
        if band.split is None:
            items.extend(_item(ln) for ln in lines if band.top <= (ln["top"] + ln["bottom"]) / 2 < band.bottom)
            continue
        for lo, hi in ((float("-inf"), band.split), (band.split, float("inf"))):
            column = _part(region, band.top, band.bottom, lo, hi)
            items.extend(_item(ln) for ln in column.extract_text_lines(return_chars=False))
    return items


def _part(region: Any, top: float, bottom: float, left: float, right: float) -> Any:
    """The region's glyphs centred inside the box (one column of one band)."""

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return False
        return bool(top <= (obj["top"] + obj["bottom"]) / 2 < bottom and left <= (obj["x0"] + obj["x1"]) / 2 < right)

    return region.filter(keep)


def _item(line: dict[str, Any]) -> PageItem:
    text = LABEL_WITHOUT_SPACE.sub(r"\1 ", SPACE_BEFORE_PUNCTUATION.sub("", line["text"]))
    box = Box(float(line["x0"]), float(line["top"]), float(line["x1"]), float(line["bottom"]))
    return PageItem(text, None, (Word(" ".join(text.split()), box),))
