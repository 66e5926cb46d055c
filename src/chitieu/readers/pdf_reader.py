"""PDF files with pdfplumber: text with page numbers, ruled tables, bounded work for huge files.

Pages are read one at a time and released after use, so memory stays flat whatever the page count.
Work is bounded by a page limit, a per-page content-size limit (oversized pages are skipped with a
warning) and a time budget; exceeding the page limit or the budget raises a clear Vietnamese error.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chitieu.messages import ChitieuError
from chitieu.readers.document import Document, PageSpan, TableBlock, clean_cell
from chitieu.readers.legacy_vietnamese import decode_tcvn3, looks_like_tcvn3
from chitieu.readers.pdf_layout import PageLines, assemble, drop_running_lines

TRAILER_BYTES = 256 * 1024
FOOTER_ZONE = 0.93  # lines starting below this share of the page height are footer, not footnotes
# the gap a dropped footnote mark leaves before punctuation: "vật chất¹, tinh thần" → "vật chất, tinh thần"
SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\w) (?=[,.;:](?:\s|$))")
NOTE_SIZE = 0.85  # footnotes are set at most this share of the body text's size


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
                items, notes = _page_items(page, lim.find_tables)
                pages.append(PageLines(number, items, notes))
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
    _decode_tcvn3_pages(pages)
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


def _decode_tcvn3_pages(pages: list[PageLines]) -> None:
    """A .VnTime font without a Unicode map gives TCVN3 codes as Latin-1: turn them into letters (in
    place, before lines are joined, so joining sees real letters)."""
    sample = "\n".join(text for page in pages[:20] for text, _ in page.items)
    if not looks_like_tcvn3(sample):
        return
    for page in pages:
        page.items = [
            (decode_tcvn3(text), None if rows is None else [decode_tcvn3(c) for c in rows]) for text, rows in page.items
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


def _page_items(page: Any, find_tables: bool) -> tuple[list[tuple[str, list[str] | None]], list[str]]:
    """Text lines and table rows in reading order, and the footnotes at the page foot."""
    page = _without_superscripts(page)
    notes: list[str] = []
    tables = []
    if find_tables and len(page.edges) > 4:
        tables = sorted((t for t in page.find_tables() if t.bbox), key=lambda t: t.bbox[1])
    items: list[tuple[str, list[str] | None]] = []
    cursor = page.bbox[1]
    bottom = page.bbox[3]
    for table in tables:
        _, top, _, table_bottom = table.bbox
        if top > cursor:
            items.extend(_text_lines(_band(page, cursor, top)))
        for row in table.extract():
            cells = [clean_cell(c or "") for c in row]
            if any(cells):
                items.append(("\t".join(cells), cells))
        cursor = max(cursor, table_bottom)
    if cursor < bottom:
        notes_top, footer_top = _footnote_block(page, cursor)
        if notes_top is None:
            items.extend(_text_lines(page if cursor == page.bbox[1] else _band(page, cursor, bottom)))
        else:
            items.extend(_text_lines(_band(page, cursor, notes_top)))
            notes.extend(line for line, _ in _text_lines(_band(page, notes_top, footer_top)) if line.strip())
            items.extend(_text_lines(_band(page, footer_top, bottom)))
    return items, notes


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
        return top <= (obj["top"] + obj["bottom"]) / 2 < bottom

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


def _text_lines(region: Any) -> list[tuple[str, list[str] | None]]:
    text = region.extract_text() or ""
    return [(SPACE_BEFORE_PUNCTUATION.sub("", line), None) for line in text.split("\n")]


def _row_starts(text: str, start: int, rows: list[list[str]]) -> list[int]:
    starts, pos = [], start
    for _ in rows:
        starts.append(pos)
        nl = text.find("\n", pos)
        pos = len(text) if nl < 0 else nl + 1
    return starts
