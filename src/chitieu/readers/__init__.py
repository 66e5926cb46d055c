"""Readers: .txt, .docx, .pdf and legacy .doc files → one ``Document`` (text, page map, tables).

``read_document(path)`` picks the reader from the file's first bytes, then its extension. Every
failure a user can meet (empty, binary, wrongly encoded, encrypted, corrupt, oversized files) is a
``ChitieuError`` with a Vietnamese message naming the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from chitieu.messages import ChitieuError
from chitieu.readers.document import Document, PageSpan, TableBlock
from chitieu.readers.pdf_reader import PdfLimits
from chitieu.readers.zipguard import ZipLimits

__all__ = ["Document", "PageSpan", "PdfLimits", "TableBlock", "ZipLimits", "read_document"]


def read_document(
    path: str | os.PathLike[str],
    *,
    pdf_limits: PdfLimits | None = None,
    zip_limits: ZipLimits | None = None,
) -> Document:
    """Read any supported document into one text with a page map and tables."""
    from chitieu.readers.sniff import detect_kind

    file = Path(path)
    if not file.exists():
        raise ChitieuError("file_not_found", path=file)
    if not file.is_file():
        raise ChitieuError("read_ingest_not_a_file", path=file)
    try:
        if file.stat().st_size == 0:
            raise ChitieuError("file_empty", path=file)
        kind = detect_kind(file)
        if kind == "pdf":
            from chitieu.readers.pdf_reader import read_pdf

            return read_pdf(file, pdf_limits)
        if kind == "docx":
            from chitieu.readers.docx_reader import read_docx

            return read_docx(file, zip_limits)
        if kind == "doc":
            from chitieu.readers.doc_reader import read_legacy

            return read_legacy(file)
        from chitieu.readers.text_reader import read_text_file

        return _with_text_tables(read_text_file(file))
    except PermissionError as exc:
        raise ChitieuError("file_unreadable", path=file, reason="không có quyền đọc") from exc
    except MemoryError as exc:
        raise ChitieuError("file_too_large", path=file, size="?", limit="bộ nhớ máy") from exc
    except OSError as exc:
        raise ChitieuError("file_unreadable", path=file, reason=exc.strerror or str(exc)) from exc


def _with_text_tables(document: Document) -> Document:
    """Plain text has no table markup: find tab-separated and space-aligned blocks in it."""
    from chitieu.extraction.tables import find_text_tables

    for block in find_text_tables(document.text):
        document.tables.append(
            TableBlock(
                rows=block.rows,
                start=block.start,
                end=block.end,
                page=document.page_at(block.start),
                row_starts=block.row_starts,
            )
        )
    return document
