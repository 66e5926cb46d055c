"""What kind of file this is, from its first bytes (magic) and then its extension."""

from __future__ import annotations

import zipfile
from pathlib import Path

from chitieu.messages import ChitieuError, msg

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
RTF_MAGIC = b"{\\rtf"
# Office documents encrypted with a password are OLE containers holding these streams (UTF-16 names).
ENCRYPTED_PACKAGE_MARKERS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))

SUPPORTED = ".txt, .md, .docx, .doc, .pdf, .xlsx, .xls"
EXTENSION_KINDS: dict[str, str] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".dotx": "docx",
    ".doc": "doc",
    ".dot": "doc",
    ".rtf": "doc",
    ".odt": "doc",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xls",
    ".xlt": "xls",
    ".ods": "xls",
}
SHEET_SUFFIXES = (".xls", ".xlt")
HEAD_BYTES = 8192
OLE_SCAN_BYTES = 1 << 20


def detect_kind(path: Path) -> str:
    """``txt``, ``docx``, ``pdf``, ``xlsx``, ``xls`` (a workbook LibreOffice converts) or ``doc`` (anything
    else LibreOffice converts); raises for encrypted files."""
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    if head.startswith(PDF_MAGIC) or PDF_MAGIC in head[:1024]:
        return "pdf"
    if head.startswith(OLE_MAGIC):
        if _ole_is_encrypted(path):
            raise ChitieuError("file_encrypted", path=path)
        return "xls" if path.suffix.lower() in SHEET_SUFFIXES else "doc"
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(path)
    if head.startswith(RTF_MAGIC):
        return "doc"
    declared = EXTENSION_KINDS.get(path.suffix.lower())
    if declared in ("xlsx", "xls"):
        raise ChitieuError("file_corrupt", path=path, kind=declared.upper(), reason=msg("reason_bad_signature"))
    if declared in ("docx", "pdf"):  # claims to be docx/pdf but is not: corrupt or mislabelled
        raise ChitieuError("file_corrupt", path=path, kind=declared.upper(), reason=msg("reason_bad_signature"))
    if declared == "doc" and path.suffix.lower() in (".doc", ".dot"):
        raise ChitieuError("file_corrupt", path=path, kind="DOC", reason=msg("reason_bad_signature"))
    return "txt"


def _ole_is_encrypted(path: Path) -> bool:
    """Scan the start and end of an OLE container for the encrypted-package directory entries."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        chunks = [fh.read(OLE_SCAN_BYTES)]
        if size > OLE_SCAN_BYTES:
            fh.seek(max(OLE_SCAN_BYTES, size - OLE_SCAN_BYTES))
            chunks.append(fh.read(OLE_SCAN_BYTES))
    return any(marker in chunk for chunk in chunks for marker in ENCRYPTED_PACKAGE_MARKERS)


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ChitieuError("file_corrupt", path=path, kind="DOCX/ZIP", reason=str(exc) or type(exc).__name__) from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names and path.suffix.lower() == ".odt":
        return "doc"
    if "content.xml" in names and path.suffix.lower() == ".ods":
        return "xls"
    raise ChitieuError("file_format_unsupported", path=path, allowed=SUPPORTED)
