"""PDF files with pdfplumber: text with page numbers, ruled tables, bounded work for huge files.

Pages are read one at a time and released after use, so memory stays flat whatever the page count.
Work is bounded by a page limit, a per-page content-size limit (oversized pages are skipped with a
warning) and a time budget; exceeding the page limit or the budget raises a clear Vietnamese error.

Pages without a text layer (scans) are rendered and read by OCR (``readers/ocr.py``), each within its
own time limit; a file may mix both kinds of page. Every line keeps its box on the page, and OCRed
words their confidence, as ``Document.spans``.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chitieu.messages import ChitieuError, Problem, msg
from chitieu.readers.document import Box, Document, PageSpan, TableBlock, TextSpan, clean_cell
from chitieu.readers.legacy_vietnamese import decode_tcvn3, looks_like_tcvn3
from chitieu.readers.ocr import OcrSettings
from chitieu.readers.pdf_columns import find_loose_tables
from chitieu.readers.pdf_layout import PageItem, PageLines, Word, assemble, drop_running_lines

# (pages done, pages in the file, what is being done): called after each page; OCR pages are the slow ones.
Progress = Callable[[int, int, str], None]
# Cells of justified text (Excel, Word) are set with wide letter gaps and no space glyphs: with
# pdfplumber's default tolerance (3 pt) their words run together ("Tiếpnhậnvănbản").
TABLE_X_TOLERANCE = 1.5
MIN_TEXT_CHARS = 10  # a page with fewer characters in its text layer is read as a scan
# A page-sized image (PAGE_IMAGE_SHARE of the page or more) under fewer characters than this is a scan
# with a signature box or label written on it: read by OCR, the few typed lines are not the page's text.
STAMPED_TEXT_CHARS = 300
PAGE_IMAGE_SHARE = 0.8
LOW_OCR_CONFIDENCE = 0.75  # a page read below this gets a warning asking to check against the original

TRAILER_BYTES = 256 * 1024
FOOTER_ZONE = 0.93  # lines starting below this share of the page height are footer, not footnotes
# the gap a dropped footnote mark leaves before punctuation: "vật chất¹, tinh thần" → "vật chất, tinh thần"
SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\w) (?=[,.;:](?:\s|$))")
# Word's automatic numbering puts a tab, not a space, after the label: "1.Kết quả", "a)Kinh tế", "-Sản lượng"
LABEL_WITHOUT_SPACE = re.compile(r"^([-+•]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[IVXLC]{1,5}[.)])(?=[^\W\d_])")
NOTE_SIZE = 0.85  # footnotes are set at most this share of the body text's size


@dataclass(frozen=True, slots=True)
class PdfLimits:
    max_pages: int = 2000
    max_file_bytes: int = 512 * 1024 * 1024  # pdfminer holds a page's streams in memory while reading it
    time_budget_s: float = 300.0
    max_page_content_bytes: int = 32 * 1024 * 1024  # compressed content streams of one page
    find_tables: bool = True
    ocr: bool = True  # read pages without a text layer by OCR
    max_ocr_pages: int = 500
    ocr_settings: OcrSettings = field(default_factory=OcrSettings)


def read_pdf(path: Path, limits: PdfLimits | None = None, progress: Progress | None = None) -> Document:
    lim = limits or PdfLimits()
    size = path.stat().st_size
    if size > lim.max_file_bytes:
        raise ChitieuError("file_too_large", path=path, size=f"{size / 1e6:.0f} MB", limit=f"{lim.max_file_bytes / 1e6:.0f} MB")
    password = _password_for(path)
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    started = time.monotonic()
    try:
        pdf = pdfplumber.open(str(path), password=password)
    except PDFPasswordIncorrect as exc:
        raise ChitieuError("file_encrypted", path=path) from exc
    except Exception as exc:  # pdfminer raises many syntax error types on broken files
        raise ChitieuError("file_corrupt", path=path, kind="PDF", reason=_reason(exc)) from exc
    problems: list[Problem] = []
    pages: list[PageLines] = []
    scans: dict[int, float] = {}  # page index → page width in points, for pages without a text layer
    try:
        try:
            page_list: list[Any] = pdf.pages
        except Exception as exc:
            raise ChitieuError("file_corrupt", path=path, kind="PDF", reason=_reason(exc)) from exc
        total = len(page_list)
        if total > lim.max_pages:
            raise ChitieuError("read_pdf_too_many_pages", path=path, pages=total, limit=lim.max_pages)
        for index, page in enumerate(page_list):
            elapsed = time.monotonic() - started
            if elapsed > lim.time_budget_s:
                raise ChitieuError(
                    "read_pdf_time_budget", path=path, done=index, pages=total, seconds=int(lim.time_budget_s)
                )
            number = index + 1
            try:
                if _content_bytes(page) > lim.max_page_content_bytes:
                    problems.append(_skipped(path, number, "nội dung quá lớn"))
                    continue
                if _is_scan(page):
                    scans[index] = float(page.width)
                    pages.append(PageLines(number, [], ocr=True))
                    continue
                items, notes = _page_items(page, lim.find_tables)
                pages.append(PageLines(number, items, notes))
            except ChitieuError:
                raise
            except Exception as exc:
                problems.append(_skipped(path, number, msg("reason_unreadable_because", reason=_reason(exc))))
            finally:
                page.close()
            page_list[index] = None  # release the page object as we go
            if progress is not None and not scans:
                progress(number, total, "text")
    finally:
        _close_quietly(pdf)
    if scans:
        _ocr_pages(path, pages, scans, lim, problems, progress, total)
    drop_running_lines(pages)
    _decode_tcvn3_pages(pages)
    text, spans, tables, placed = assemble(pages)
    if not text.strip():
        if scans and not any(p.code.startswith("read_ocr") for p in problems):
            raise ChitieuError("read_ocr_no_text", path=path, pages=len(scans))
        if problems:
            raise ChitieuError("read_pdf_pages_skipped", path=path, reason="; ".join(p.message for p in problems[:3]))
        raise ChitieuError("read_pdf_no_text", path=path)
    document = Document(
        path=path,
        kind="pdf",
        text=text,
        pages=[PageSpan(*s) for s in spans],
        tables=[TableBlock(rows=rows, start=s, end=e, page=p, row_starts=_row_starts(text, s, rows))
                for s, e, rows, p in tables],
        spans=[TextSpan(p.start, min(p.end, len(text)), p.page, p.word.box, p.word.confidence,
                        "ocr" if p.word.confidence is not None else "text") for p in placed],
        ocr_pages=[i + 1 for i in sorted(scans)],
    )
    for problem in problems:
        document.warn(problem)
    return document


def _skipped(path: Path, number: int, reason: str) -> Problem:
    return Problem.make("read_page_skipped", severity="warning", path=path, page=number, reason=reason)


def _is_scan(page: Any) -> bool:
    """No usable text layer: (almost) no characters and something drawn on the page (an image); or a
    page-sized image under a few lines of text, the box a digital signature stamps on a scanned page
    ("Ký bởi: Ủy ban nhân dân tỉnh …, Thời gian ký: …") or a scanner's page label."""
    if not page.images:
        return False
    chars = sum(1 for c in page.chars if c.get("text", "").strip())
    if chars < MIN_TEXT_CHARS:
        return True
    return chars < STAMPED_TEXT_CHARS and _page_sized_image(page)


def _page_sized_image(page: Any) -> bool:
    area = float(page.width) * float(page.height)
    for image in page.images:
        width = float(image.get("x1", 0)) - float(image.get("x0", 0))
        height = float(image.get("bottom", 0)) - float(image.get("top", 0))
        if area > 0 and width * height >= PAGE_IMAGE_SHARE * area:
            return True
    return False


def _ocr_pages(
    path: Path,
    pages: list[PageLines],
    scans: dict[int, float],
    lim: PdfLimits,
    problems: list[Problem],
    progress: Progress | None,
    total: int,
) -> None:
    """Fill the pages without a text layer by OCR (in place), page by page within the time limit."""
    from chitieu.readers.ocr import ocr_pdf_page, open_pdfium, tesseract_ready

    settings = lim.ocr_settings
    if not lim.ocr or not tesseract_ready(settings.language):
        if not any(p.items for p in pages):
            raise ChitieuError("read_ocr_missing", path=path, pages=len(scans))
        problems.append(Problem.make("read_ocr_missing", severity="warning", path=path, pages=len(scans)))
        return
    if len(scans) > lim.max_ocr_pages:
        raise ChitieuError("read_pdf_too_many_pages", path=path, pages=len(scans), limit=lim.max_ocr_pages)
    by_number = {p.number: p for p in pages}
    try:
        document = open_pdfium(path)
    except Exception as exc:
        raise ChitieuError("file_corrupt", path=path, kind="PDF", reason=_reason(exc)) from exc
    try:
        done = total - len(scans)
        for index, width in sorted(scans.items()):
            number = index + 1
            if progress is not None:
                progress(done, total, "ocr")
            try:
                page = ocr_pdf_page(document, index, width, settings)
            except TimeoutError:
                problems.append(Problem.make("read_ocr_page_timeout", severity="warning", path=path, page=number,
                                             seconds=int(settings.page_timeout_s)))
                continue
            except Exception as exc:  # a page Tesseract or PDFium cannot handle: skip it, keep the rest
                problems.append(Problem.make("read_ocr_page_failed", severity="warning", path=path, page=number,
                                             reason=_reason(exc)))
                continue
            finally:
                done += 1
            by_number[number].items = _ocr_items(page)
            confidence = page.confidence
            if confidence is not None and confidence < LOW_OCR_CONFIDENCE:
                problems.append(Problem.make("read_ocr_low_confidence", severity="warning", path=path, page=number,
                                             confidence=round(confidence * 100)))
        if progress is not None:
            progress(total, total, "ocr")
    finally:
        _close_quietly(document)


def _ocr_items(page: Any) -> list[PageItem]:
    """Lines and table rows of an OCRed page in reading order (top to bottom)."""
    placed: list[tuple[float, int, PageItem]] = []
    for order, line in enumerate(page.lines):
        words = tuple(Word(w.text, w.box, w.confidence) for w in line.words)
        placed.append((line.box.top, order, PageItem(line.text, None, words)))
    for table in page.tables:
        for offset, (cells, boxes, confidences) in enumerate(table.placed_rows()):
            words = tuple(Word(text, box, conf) for text, box, conf in zip(cells, boxes, confidences, strict=True))
            placed.append((table.top + offset * 1e-3, 0, PageItem("\t".join(cells), cells, words)))
    return [item for _, _, item in sorted(placed, key=lambda p: (p[0], p[1]))]


def _decode_tcvn3_pages(pages: list[PageLines]) -> None:
    """A .VnTime font without a Unicode map gives TCVN3 codes as Latin-1: turn them into letters (in
    place, before lines are joined, so joining sees real letters)."""
    sample = "\n".join(item.text for page in pages[:20] for item in page.items)
    if not looks_like_tcvn3(sample):
        return
    for page in pages:
        page.items = [
            PageItem(decode_tcvn3(text), None if rows is None else [decode_tcvn3(c) for c in rows], words)
            for text, rows, words in page.items
        ]
        page.notes = [decode_tcvn3(n) for n in page.notes]


def _close_quietly(pdf: Any) -> None:
    with contextlib.suppress(Exception):  # closing a half-broken file must not hide the real outcome
        pdf.close()


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return (text or type(exc).__name__)[:200]


def _password_for(path: Path) -> str:
    """"" for unencrypted files and files that open with an empty user password; raises otherwise."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - TRAILER_BYTES))
        tail = fh.read()
    if b"/Encrypt" not in tail:
        return ""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ChitieuError("file_encrypted", path=path)
    except ChitieuError:
        raise
    except (PdfReadError, ValueError, OSError, KeyError) as exc:
        raise ChitieuError("file_corrupt", path=path, kind="PDF", reason=_reason(exc)) from exc
    except NotImplementedError as exc:  # an encryption scheme pypdf cannot open
        raise ChitieuError("file_encrypted", path=path) from exc
    return ""


def _content_bytes(page: Any) -> int:
    from pdfminer.pdftypes import resolve1

    total = 0
    for stream in getattr(page.page_obj, "contents", None) or []:
        stream = resolve1(stream)
        attrs = getattr(stream, "attrs", {}) or {}
        length = resolve1(attrs.get("Length", 0))
        total += int(length) if isinstance(length, int | float) else len(getattr(stream, "rawdata", b"") or b"")
    return total


def _page_items(page: Any, find_tables: bool) -> tuple[list[PageItem], list[str]]:
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
    if find_tables and not tables:
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


def _text_lines(region: Any) -> list[PageItem]:
    """The region's text lines, each with its box on the page."""
    items = []
    for line in region.extract_text_lines(return_chars=False):
        text = LABEL_WITHOUT_SPACE.sub(r"\1 ", SPACE_BEFORE_PUNCTUATION.sub("", line["text"]))
        box = Box(float(line["x0"]), float(line["top"]), float(line["x1"]), float(line["bottom"]))
        items.append(PageItem(text, None, (Word(" ".join(text.split()), box),)))
    return items


def _row_starts(text: str, start: int, rows: list[list[str]]) -> list[int]:
    starts, pos = [], start
    for _ in rows:
        starts.append(pos)
        nl = text.find("\n", pos)
        pos = len(text) if nl < 0 else nl + 1
    return starts
