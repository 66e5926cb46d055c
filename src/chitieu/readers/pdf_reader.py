"""PDF files with pdfplumber: text with page numbers, ruled tables, bounded work for huge files.

Pages are read one at a time and released after use, so memory stays flat whatever the page count.
Work is bounded by a page limit, a per-page content-size limit (oversized pages are skipped with a
warning) and a time budget; exceeding the page limit or the budget raises a clear Vietnamese error.

Pages without a text layer (scans) are rendered and read by OCR (``readers/ocr.py``), each within its
own time limit; a file may mix both kinds of page. Every line keeps its box on the page, and OCRed
words their confidence, as ``Document.spans``. A text page's items (tables, lines, footnotes) are read by
``readers/pdf_page.py``.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chitieu.messages import ChitieuError, Problem, msg
from chitieu.readers.document import Document, PageSpan, TableBlock, TextSpan
from chitieu.readers.legacy_vietnamese import decode_tcvn3, looks_like_tcvn3
from chitieu.readers.ocr import OcrSettings
from chitieu.readers.pdf_layout import PageItem, PageLines, Word, assemble, drop_running_lines
from chitieu.readers.pdf_page import page_items

# (pages done, pages in the file, what is being done): called after each page; OCR pages are the slow ones.
Progress = Callable[[int, int, str], None]
MIN_TEXT_CHARS = 10  # a page with fewer characters in its text layer is read as a scan
# A page-sized image (PAGE_IMAGE_SHARE of the page or more) under fewer characters than this is a scan
# with a signature box or label written on it: read by OCR, the few typed lines are not the page's text.
STAMPED_TEXT_CHARS = 300
PAGE_IMAGE_SHARE = 0.8
LOW_OCR_CONFIDENCE = 0.75  # a page read below this gets a warning asking to check against the original

TRAILER_BYTES = 256 * 1024


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
                items, notes = page_items(page, lim.find_tables)
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


def _row_starts(text: str, start: int, rows: list[list[str]]) -> list[int]:
    starts, pos = [], start
    for _ in rows:
        starts.append(pos)
        nl = text.find("\n", pos)
        pos = len(text) if nl < 0 else nl + 1
    return starts
