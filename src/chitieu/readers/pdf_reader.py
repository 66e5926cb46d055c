"""PDF files with pdfplumber: text with page numbers, ruled tables, bounded work for huge files.

Pages are read one at a time and released after use, so memory stays flat whatever the page count.
Work is bounded by a page limit, a per-page content-size limit (oversized pages are skipped with a
warning) and a time budget; exceeding the page limit or the budget raises a clear Vietnamese error.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chitieu.messages import ChitieuError
from chitieu.readers.document import Document, PageSpan, TableBlock, clean_cell
from chitieu.readers.pdf_layout import PageLines, assemble, drop_running_lines

TRAILER_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class PdfLimits:
    max_pages: int = 2000
    max_file_bytes: int = 512 * 1024 * 1024  # pdfminer holds a page's streams in memory while reading it
    time_budget_s: float = 300.0
    max_page_content_bytes: int = 32 * 1024 * 1024  # compressed content streams of one page
    find_tables: bool = True


def read_pdf(path: Path, limits: PdfLimits | None = None) -> Document:
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
    warnings: list[str] = []
    pages: list[PageLines] = []
    try:
        try:
            page_list = pdf.pages
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
                    warnings.append(f"trang {number}: nội dung quá lớn, đã bỏ qua")
                    continue
                pages.append(PageLines(number, _page_items(page, lim.find_tables)))
            except ChitieuError:
                raise
            except Exception as exc:
                warnings.append(f"trang {number}: không đọc được ({_reason(exc)})")
            finally:
                page.close()
            page_list[index] = None  # release the page object as we go
    finally:
        _close_quietly(pdf)
    drop_running_lines(pages)
    text, spans, tables = assemble(pages)
    if not text.strip():
        if warnings:
            raise ChitieuError("read_pdf_pages_skipped", path=path, reason="; ".join(warnings[:3]))
        raise ChitieuError("read_pdf_no_text", path=path)
    return Document(
        path=path,
        kind="pdf",
        text=text,
        pages=[PageSpan(*s) for s in spans],
        tables=[TableBlock(rows=rows, start=s, end=e, page=p, row_starts=_row_starts(text, s, rows))
                for s, e, rows, p in tables],
        warnings=warnings,
    )


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


def _page_items(page: Any, find_tables: bool) -> list[tuple[str, list[str] | None]]:
    tables = []
    if find_tables and len(page.edges) > 4:
        tables = sorted((t for t in page.find_tables() if t.bbox), key=lambda t: t.bbox[1])
    items: list[tuple[str, list[str] | None]] = []
    cursor = page.bbox[1]
    x0, _, x1, bottom = page.bbox
    for table in tables:
        _, top, _, table_bottom = table.bbox
        if top > cursor:
            items.extend(_text_lines(page.crop((x0, cursor, x1, top), strict=False)))
        for row in table.extract():
            cells = [clean_cell(c or "") for c in row]
            if any(cells):
                items.append(("\t".join(cells), cells))
        cursor = max(cursor, table_bottom)
    if cursor < bottom:
        region = page if cursor == page.bbox[1] else page.crop((x0, cursor, x1, bottom), strict=False)
        items.extend(_text_lines(region))
    return items


def _text_lines(region: Any) -> list[tuple[str, list[str] | None]]:
    text = region.extract_text() or ""
    return [(line, None) for line in text.split("\n")]


def _row_starts(text: str, start: int, rows: list[list[str]]) -> list[int]:
    starts, pos = [], start
    for _ in rows:
        starts.append(pos)
        nl = text.find("\n", pos)
        pos = len(text) if nl < 0 else nl + 1
    return starts
