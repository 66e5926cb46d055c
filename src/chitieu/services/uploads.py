"""Checking an uploaded document before anything is stored: name, size, and what its bytes really are."""

from __future__ import annotations

import hashlib
import re
import tempfile
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

from chitieu.messages import ChitieuError
from chitieu.numbers import format_number

ALLOWED_SUFFIXES = (".txt", ".md", ".docx", ".doc", ".pdf", ".rtf", ".odt", ".xlsx", ".xlsm", ".xls")
ALLOWED_TEXT = ".txt, .docx, .pdf, .doc, .xlsx"
# Formats no reader takes, recognised by their first bytes (images, archives, executables, media).
BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"MZ", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf",
                b"Rar!", b"\x00\x00\x01\x00", b"ID3", b"OggS", b"RIFF", b"\x00asm", b"\xca\xfe\xba\xbe")
SNIFF_BYTES = 8192


def clean_file_name(name: str | None) -> str:
    """The base name only (no folders, no control characters), at most 200 characters."""
    if not name:
        raise ChitieuError("upload_bad_name")
    base = PureWindowsPath(PurePosixPath(name).name).name
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if unicodedata.category(ch)[0] != "C")
    base = re.sub(r"\s+", " ", base).strip(" .")
    if not base:
        raise ChitieuError("upload_bad_name")
    stem, dot, suffix = base.rpartition(".")
    if dot and len(base) > 200:
        base = stem[: 200 - len(suffix) - 1] + "." + suffix
    return base[:200]


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{format_number(size / 1024 / 1024, 1)} MB"
    return f"{format_number(size / 1024, 1)} KB"


def sniff_upload(name: str, content: bytes, limit: int) -> str:
    """The document kind (txt, docx, pdf, doc) of an upload, or a Vietnamese error for what we cannot read."""
    if len(content) > limit:
        raise ChitieuError("upload_too_large", name=name, size=size_text(len(content)), limit=size_text(limit))
    if not content.strip():
        raise ChitieuError("upload_empty", name=name)
    suffix = Path(name).suffix.lower()
    head = content[:SNIFF_BYTES]
    if head.startswith(BINARY_MAGIC) or (suffix and suffix not in ALLOWED_SUFFIXES):
        raise ChitieuError("upload_bad_type", name=name, allowed=ALLOWED_TEXT)
    from chitieu.readers.sniff import detect_kind

    with tempfile.TemporaryDirectory(prefix="chitieu-sniff-") as folder:
        path = Path(folder) / ("upload" + suffix)
        path.write_bytes(content)
        try:
            kind = detect_kind(path)
        except ChitieuError as exc:
            raise ChitieuError("upload_bad_type", name=name, allowed=ALLOWED_TEXT) from exc
    if kind == "txt" and b"\x00" in head and not _utf16(head):
        raise ChitieuError("upload_bad_type", name=name, allowed=ALLOWED_TEXT)
    return kind


def _utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
