"""OCR of scanned pages: render with PDFium (pypdfium2), recognise with Tesseract's Vietnamese model.

Tesseract runs as a separate process through ``pytesseract`` (Apache-2.0), one page at a time, so a
page that takes too long is stopped at its time limit and a crash cannot take the reader with it.
Before recognition, coloured ink is whitened: official stamps are red and signatures are usually blue,
and both would otherwise come out as lines of garbage over the text they cover. What is left of such
noise is recognised with low confidence and dropped line by line (see ``keep_line``).

Each recognised word keeps its box (in PDF points, top-left origin) and its confidence (0..1), so the
reader can give every piece of text its place on the page and extraction can lower the confidence of a
claim read from a poor scan.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from chitieu.readers.document import Box
from chitieu.readers.ocr_page import OcrLine, OcrPage, OcrTable, OcrWord, cell_text
from chitieu.readers.ocr_rules import (
    fix_figure,
    fix_money_unit,
    joined_figure,
    mended_units,
    unmarked_figure,
)
from chitieu.readers.scan_layout import Grid, deskew, even_page, find_grids, whiten_rules

POINTS_PER_INCH = 72.0
# Words (0..1) below this are noise unless their line is otherwise well read.
NOISE_CONFIDENCE = 0.45
# A line whose mean confidence is below this, or that has almost no letters or digits, is dropped.
LINE_CONFIDENCE = 0.50
LETTERS_MIN_SHARE = 0.5
# Inside a ruled cell a short figure alone ("1", "0,8") is read with modest confidence but is real: cells
# keep words down to this confidence (specks are already gone with the whitened rules).
CELL_CONFIDENCE = 0.2
RULE_INK = 128  # grey level below which a pixel of a cell is ink
# Two words that are one figure cut at its separator ("75," "5%") stand closer than the line's spaces: the
# gap between them is at most this share of the line's median gap between words.
SPLIT_FIGURE_GAP = 0.65
# A pixel is coloured ink (stamp, signature) when its channels differ by more than CHROMA_INK and its
# brightest channel is above COLOURED_BRIGHTNESS. HSV saturation is no test: the black text of a colour
# scan has a faint JPEG tint, and near black a tint of a few levels is a high saturation (text came out
# hollow); black text printed over a stamp is dark and stays.
CHROMA_INK = 40
COLOURED_BRIGHTNESS = 100
# Letters, digits and "%"; not "_", which OCR makes of specks and of the dotted blanks of forms.
_WORD_CHARS = re.compile(r"[^\W_]|%", re.UNICODE)


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """How pages are recognised. ``page_timeout_s`` bounds one page; ``dpi`` is the render resolution."""

    language: str = "vie"
    dpi: int = 300
    page_timeout_s: float = 120.0
    remove_colour: bool = True
    page_segmentation: int = 3  # Tesseract --psm: 3 = automatic layout, the right one for report pages


def tesseract_ready(language: str = "vie") -> bool:
    """Tesseract is installed with the language's model."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        return language in pytesseract.get_languages(config="")
    except Exception:  # no binary, unreadable data directory, …: treated as not installed
        return False


def render_page(pdf: Any, index: int, dpi: int) -> Any:
    """Page ``index`` of an open ``pypdfium2.PdfDocument`` as a Pillow RGB image at ``dpi``."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=dpi / POINTS_PER_INCH)
        try:
            return bitmap.to_pil().convert("RGB")
        finally:
            bitmap.close()
    finally:
        page.close()


def clean_image(image: Any, remove_colour: bool = True) -> Any:
    """A greyscale image with coloured ink (red stamps, blue signatures) turned white."""
    grey = image.convert("L")
    if remove_colour and image.mode == "RGB":
        grey.paste(255, mask=coloured_ink(image))
    return grey


def coloured_ink(image: Any) -> Any:
    """Mask (255 = coloured ink) of an RGB image: clearly coloured and not dark (see ``CHROMA_INK``)."""
    from PIL import ImageChops

    r, g, b = image.split()
    brightest = ImageChops.lighter(ImageChops.lighter(r, g), b)
    darkest = ImageChops.darker(ImageChops.darker(r, g), b)
    chroma = ImageChops.subtract(brightest, darkest).point(lambda v: 255 if v > CHROMA_INK else 0)
    bright = brightest.point(lambda v: 255 if v > COLOURED_BRIGHTNESS else 0)
    return ImageChops.multiply(chroma, bright)


def recognise(image: Any, settings: OcrSettings, scale: float) -> OcrPage:
    """Words of a page image, grouped in lines, boxes scaled to PDF points by ``scale`` (points per pixel).

    Raises ``TimeoutError`` when Tesseract runs past ``settings.page_timeout_s``."""
    import pytesseract

    # One thread per Tesseract process: on a shared machine OpenMP threads only fight each other.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        data = pytesseract.image_to_data(
            image,
            lang=settings.language,
            config=f"--psm {settings.page_segmentation}",
            output_type=pytesseract.Output.DICT,
            timeout=settings.page_timeout_s,
        )
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            raise TimeoutError(str(exc)) from exc
        raise
    lines: dict[tuple[int, int, int], OcrLine] = {}
    for i, text in enumerate(data["text"]):
        # Specks beside a word come out as underscores glued to it ("_136%", "hoạch__"); no word of a
        # report begins or ends with one.
        word = (text or "").strip().strip("_")
        confidence = float(data["conf"][i])
        if not word or confidence < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        left, top = data["left"][i] * scale, data["top"][i] * scale
        box = Box(left, top, left + data["width"][i] * scale, top + data["height"][i] * scale)
        line = lines.setdefault(key, OcrLine([], block=key[0]))
        line.words.append(OcrWord(fix_figure(word), box, confidence / 100.0))
    for line in lines.values():
        mend_figures(line)
    mend_line_ends(list(lines.values()))
    return OcrPage(lines=list(lines.values()))


def mend_line_ends(lines: list[OcrLine]) -> None:
    """Drop a speck's mark after a figure that ends a line when its unit starts the next ("883." / "nghìn
    lượt khách"); in place."""
    for upper, lower in pairwise(lines):
        figure = unmarked_figure(upper.words[-1].text, lower.words[0].text) if upper.words and lower.words else None
        if figure is not None:
            upper.words[-1] = OcrWord(figure, upper.words[-1].box, upper.words[-1].confidence)


def mend_figures(line: OcrLine) -> None:
    """Join the parts of a figure OCR cut at its separator ("75," "5%" → "75,5%") when they stand closer
    than the line's spaces, and mend a money unit read without its tone marks after a figure ("89,0 tủ
    đồng" → "89,0 tỷ đồng"); in place (rules and examples in ``ocr_rules``)."""
    words = line.words
    gaps = sorted(b.box.x0 - a.box.x1 for a, b in pairwise(words))
    if len(gaps) >= 2:
        limit = SPLIT_FIGURE_GAP * gaps[len(gaps) // 2]
        i = 0
        while i + 1 < len(words):
            left, right = words[i], words[i + 1]
            joined = joined_figure(left.text, right.text)
            if joined is not None and right.box.x0 - left.box.x1 <= limit:
                box = Box(left.box.x0, min(left.box.top, right.box.top), right.box.x1, max(left.box.bottom, right.box.bottom))
                words[i : i + 2] = [OcrWord(joined, box, min(left.confidence, right.confidence))]
                continue
            i += 1
    for i in range(len(words) - 2):
        mended = fix_money_unit(words[i].text, words[i + 1].text, words[i + 2].text)
        if mended is not None:
            words[i + 1] = OcrWord(mended[0], words[i + 1].box, words[i + 1].confidence)
            words[i + 2] = OcrWord(mended[1], words[i + 2].box, words[i + 2].confidence)
    # a unit read with a tone mark ("525 hạ") and a speck's mark between a figure and its unit ("5.276: tỷ")
    words[:] = [OcrWord(text, words[j].box, words[j].confidence) for j, text in mended_units([w.text for w in words])]


def drop_noise(page: OcrPage) -> None:
    """Keep the page's lines of real text (see ``keep_line``), in place."""
    kept: list[OcrLine] = []
    for raw in page.lines:
        line = keep_line(raw)
        if line is None:
            page.dropped += 1
        else:
            kept.append(line)
    page.lines = kept


def keep_line(line: OcrLine) -> OcrLine | None:
    """The line without noise words at its ends, or None when the whole line is noise.

    Stamps, signatures and specks come out as short runs of symbols with low confidence; a real line
    of text has words of letters and digits read with confidence."""
    words = list(line.words)
    while words and _noise(words[0]):
        words.pop(0)
    while words and _noise(words[-1]):
        words.pop()
    if not words:
        return None
    kept = OcrLine(words, line.block)
    text = kept.text
    letters = len(_WORD_CHARS.findall(text))
    if letters < LETTERS_MIN_SHARE * len(text.replace(" ", "")):
        return None
    if kept.confidence < LINE_CONFIDENCE:
        return None
    return kept


def _noise(word: OcrWord) -> bool:
    """A speck or stroke: read with low confidence, or a lone symbol the engine was unsure of (a
    confidently read "-" is the bullet Vietnamese lists use, and is kept)."""
    if word.confidence < NOISE_CONFIDENCE:
        return True
    return not _WORD_CHARS.search(word.text) and (word.confidence < 0.85 or word.text not in BULLETS)


BULLETS = frozenset({"-", "+", "•", "*", "–", "—", "(", ")", "…"})


def ocr_pdf_page(pdf: Any, index: int, page_width_pt: float, settings: OcrSettings) -> OcrPage:
    """Render and recognise one page of an open ``pypdfium2.PdfDocument``; ruled tables come out as
    tables (their rules are whitened before recognition, the words placed in the cells they fall in)."""
    image = render_page(pdf, index, settings.dpi)
    scale = page_width_pt / image.width
    page_object = pdf[index]
    try:
        grey = deskew(even_page(clean_image(image, settings.remove_colour), page_object, settings.dpi))
    finally:
        page_object.close()
    grids = find_grids(grey)
    if grids:
        grey = whiten_rules(grey, grids)
    page = recognise(grey, settings, scale)
    if grids:
        _fill_tables(page, grids, scale)
        _reread_empty_cells(page, grids, grey, settings, scale)
    drop_noise(page)
    return page


MAX_CELL_PASSES = 60  # empty cells with ink read again on their own, at most, per page
CELL_MARGIN = 6  # pixels inside a cell's rules ignored when looking for ink (rule remnants)
CELL_INK = 30  # dark pixels a cell must hold to be worth reading again


def _reread_empty_cells(page: OcrPage, grids: list[Grid], grey: Any, settings: OcrSettings, scale: float) -> None:
    """Read again, one by one as single lines, the cells left empty that hold ink.

    Tesseract's page layout drops short figures standing alone in narrow columns ("1", "0,8"); the
    cell's own image, read as one line, gives them back. Cells without ink are not read. (Reading
    poorly read cells again this way was tried and made real tables worse: kept out.)"""
    from PIL import ImageOps

    line = OcrSettings(settings.language, settings.dpi, settings.page_timeout_s, False, 7)
    passes = 0
    for grid, table in zip(grids, page.tables, strict=False):
        for r, row in enumerate(table.cells):
            if not any(cell_text(cell) for cell in row):
                continue
            for c, cell in enumerate(row):
                if cell_text(cell) or passes >= MAX_CELL_PASSES:
                    continue
                (top, bottom), (left, right) = grid.rows[r], grid.columns[c]
                box = (left + CELL_MARGIN, top + CELL_MARGIN, right - CELL_MARGIN, bottom - CELL_MARGIN)
                if box[2] <= box[0] or box[3] <= box[1]:
                    continue
                crop = grey.crop(box)
                if sum(crop.point(lambda v: 1 if v < RULE_INK else 0).histogram()[1:]) < CELL_INK:
                    continue
                passes += 1
                try:
                    read = recognise(ImageOps.expand(crop, border=20, fill=255), line, 1.0)
                except TimeoutError:
                    return
                words = [w for ln in read.lines for w in ln.words if w.confidence >= CELL_CONFIDENCE]
                row[c] = [
                    OcrWord(w.text, Box((box[0] - 20 + w.box.x0) * scale, (box[1] - 20 + w.box.top) * scale,
                                        (box[0] - 20 + w.box.x1) * scale, (box[1] - 20 + w.box.bottom) * scale),
                            w.confidence)
                    for w in words
                ]


def _fill_tables(page: OcrPage, grids: list[Grid], scale: float) -> None:
    """Move the words inside each grid from the page's lines into the grid's cells."""
    tables = [OcrTable(grid.rows[0][0] * scale, [[[] for _ in grid.columns] for _ in grid.rows]) for grid in grids]
    lines: list[OcrLine] = []
    for line in sorted(page.lines, key=lambda ln: ln.box.top):
        outside: list[OcrWord] = []
        for word in line.words:
            x = (word.box.x0 + word.box.x1) / 2 / scale
            y = (word.box.top + word.box.bottom) / 2 / scale
            for grid, table in zip(grids, tables, strict=True):
                cell = grid.cell_of(x, y)
                if cell is not None:
                    if word.confidence >= CELL_CONFIDENCE:
                        table.cells[cell[0]][cell[1]].append(word)
                    break
            else:
                outside.append(word)
        if outside:
            lines.append(OcrLine(outside, line.block))
    page.lines = lines
    page.tables = tables


def open_pdfium(path: Path) -> Any:
    import pypdfium2

    return pypdfium2.PdfDocument(str(path))
