"""Readers: .txt, .docx, .pdf, legacy .doc and Excel .xlsx (.xls) files → one ``Document`` (text, page map, tables).

``read_document(path)`` picks the reader from the file's first bytes, then its extension. Every
failure a user can meet (empty, binary, wrongly encoded, encrypted, corrupt, oversized files) is a
``ChitieuError`` with a Vietnamese message naming the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from chitieu.messages import ChitieuError, msg
from chitieu.readers.document import (
    Box,
    CellMerge,
    Document,
    Mark,
    PageSpan,
    Part,
    TableBlock,
    TextChunk,
    TextSpan,
    document_chunks,
)
from chitieu.readers.ocr import OcrSettings
from chitieu.readers.pdf_reader import PdfLimits, Progress
from chitieu.readers.zipguard import ZipLimits

__all__ = [
    "Box", "CellMerge", "Document", "Mark", "OcrSettings", "PageSpan", "Part", "PdfLimits", "Progress",
    "TableBlock", "TextChunk", "TextSpan", "ZipLimits", "iter_document_chunks", "read_document", "with_text_tables",
]


def read_document(
    path: str | os.PathLike[str],
    *,
    pdf_limits: PdfLimits | None = None,
    zip_limits: ZipLimits | None = None,
    progress: Progress | None = None,
) -> Document:
    """Read any supported document into one text with a page map and tables.

    ``progress(done, total, stage)`` is called as pages are read (PDF), so a caller can show a bar
    while scanned pages go through OCR. ``marks`` and ``parts`` are filled for every format."""
    file = Path(path)
    if not file.exists():
        raise ChitieuError("file_not_found", path=file)
    if not file.is_file():
        raise ChitieuError("read_ingest_not_a_file", path=file)
    from chitieu.readers.furniture import annotate

    return annotate(_read(file, pdf_limits, zip_limits, progress))


def _read(file: Path, pdf_limits: PdfLimits | None, zip_limits: ZipLimits | None, progress: Progress | None) -> Document:
    from chitieu.readers.sniff import detect_kind

    try:
        if file.stat().st_size == 0:
            raise ChitieuError("file_empty", path=file)
        kind = detect_kind(file)
        if kind == "pdf":
            from chitieu.readers.pdf_reader import read_pdf

            return read_pdf(file, pdf_limits, progress)
        if kind == "docx":
            from chitieu.readers.docx_reader import read_docx

            return read_docx(file, zip_limits)
        if kind == "xlsx":
            from chitieu.readers.xlsx_reader import read_xlsx

            return read_xlsx(file, zip_limits)
        if kind == "xls":
            from chitieu.readers.xlsx_reader import read_legacy_sheet

            return read_legacy_sheet(file, zip_limits)
        if kind == "doc":
            from chitieu.readers.doc_reader import read_legacy

            return read_legacy(file)
        from chitieu.readers.text_reader import read_text_file

        return with_text_tables(read_text_file(file))
    except PermissionError as exc:
        raise ChitieuError("file_unreadable", path=file, reason=msg("reason_no_permission")) from exc
    except MemoryError as exc:
        raise ChitieuError("file_too_large", path=file, size="?", limit=msg("limit_memory")) from exc
    except OSError as exc:
        raise ChitieuError("file_unreadable", path=file, reason=exc.strerror or str(exc)) from exc


def iter_document_chunks(
    path: str | os.PathLike[str], *, chunk_bytes: int = 4 * 1024 * 1024, progress: Progress | None = None
) -> tuple[Document | None, Iterator[TextChunk]]:
    """Text in bounded chunks for streaming: (None, chunks) for a plain text file of any size, read a piece
    at a time; (the document, one chunk) for other formats, which are read whole. Chunk offsets index the
    text ``read_document`` gives, and chunks end at line ends."""
    from chitieu.readers.sniff import detect_kind
    from chitieu.readers.text_reader import iter_text_chunks

    file = Path(path)
    if not file.exists():
        raise ChitieuError("file_not_found", path=file)
    if not file.is_file():
        raise ChitieuError("read_ingest_not_a_file", path=file)
    if file.stat().st_size and detect_kind(file) == "txt":
        _, chunks = iter_text_chunks(file, chunk_bytes)
        return None, chunks
    document = read_document(file, progress=progress)
    return document, document_chunks(document)


def with_text_tables(document: Document) -> Document:
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
