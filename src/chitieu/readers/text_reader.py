"""Plain text files: UTF-8 (with or without BOM), UTF-16/32 with BOM, and legacy 8-bit code pages.

Line ends are translated like Python's text mode (CRLF and CR become LF) so offsets match what
``open(path, encoding="utf-8").read()`` gives. Form feeds (written by pdftotext between pages)
become page boundaries.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from chitieu.messages import ChitieuError
from chitieu.readers.document import Document, PageSpan
from chitieu.readers.legacy_vietnamese import decode_tcvn3, repair_legacy_text

MAX_TEXT_BYTES = 200 * 1024 * 1024
SNIFF_BYTES = 64 * 1024
GUESS_BYTES = 1024 * 1024
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Letters only Vietnamese uses; a legacy 8-bit file decoded with the right code page is full of them.
VIETNAMESE_LETTERS = frozenset(
    "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
# 8-bit code pages tried in this order when the bytes are not UTF-8; the best Vietnamese score wins.
LEGACY_CODEPAGES = ("cp1258", "cp1252")
ALLOWED_CONTROLS = frozenset("\n\t\x0c")


def read_text_file(path: Path) -> Document:
    size = path.stat().st_size
    if size == 0:
        raise ChitieuError("file_empty", path=path)
    if size > MAX_TEXT_BYTES:
        raise ChitieuError("file_too_large", path=path, size=f"{size / 1e6:.0f} MB", limit="200 MB")
    data = path.read_bytes()
    text, encoding = decode_bytes(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, legacy = repair_legacy_text(text)
    if legacy is not None:
        encoding = legacy
    if _control_share(text) > 0.01:
        raise ChitieuError("file_binary", path=path)
    if not text.strip():
        raise ChitieuError("file_empty", path=path)
    return Document(path=path, kind="txt", text=text, pages=_form_feed_pages(text), encoding=encoding)


def decode_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding name). Raises for binary data or an unknown encoding."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ChitieuError("file_unreadable", path=path, reason=f"lỗi bảng mã {encoding}") from exc
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        utf16 = _bomless_utf16(head)
        if utf16 is None:
            raise ChitieuError("file_binary", path=path)
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            raise ChitieuError("file_binary", path=path) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, path)


def _bomless_utf16(head: bytes) -> str | None:
    """UTF-16 without a BOM shows NUL high bytes for ASCII characters in one byte position only."""
    even, odd = head[0::2], head[1::2]
    if not even or not odd:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.01:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.01:
        return "utf-16-be"
    return None


def vietnamese_score(text: str) -> float:
    """Share of letters that are specifically Vietnamese (after NFC composition), less foreign accents.

    A wrong code page turns Vietnamese bytes into letters Vietnamese never uses (ð, þ, ì after a
    vowel, ...), so non-ASCII letters outside the Vietnamese alphabet count against the score.
    """
    sample = unicodedata.normalize("NFC", text[:200_000]).lower()
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return 0.0
    viet = sum(1 for c in letters if c in VIETNAMESE_LETTERS)
    foreign = sum(1 for c in letters if not c.isascii() and c not in VIETNAMESE_LETTERS)
    return (viet - 2 * foreign) / len(letters)


def _decode_legacy(data: bytes, path: Path) -> tuple[str, str]:
    sample = data[:GUESS_BYTES]
    best_codepage, best_score = "", 0.0
    for codepage in LEGACY_CODEPAGES:
        score = vietnamese_score(sample.decode(codepage, errors="replace"))
        if score > best_score + 0.02:
            best_codepage, best_score = codepage, score
    tcvn3_score = vietnamese_score(decode_tcvn3(sample.decode("latin-1")))
    if tcvn3_score >= 0.08 and tcvn3_score > best_score + 0.02:
        return data.decode("latin-1"), "latin-1"  # TCVN3 bytes: read_text_file maps them to letters
    if best_codepage and best_score >= 0.08:
        return unicodedata.normalize("NFC", data.decode(best_codepage, errors="replace")), best_codepage
    guess = from_bytes(sample).best()
    if guess is None or guess.encoding in ("utf_8", "ascii"):
        raise ChitieuError("encoding_unknown", path=path)
    try:
        text = data.decode(guess.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ChitieuError("read_encoding_guess_failed", path=path, guess=guess.encoding) from exc
    if guess.chaos > 0.2:
        raise ChitieuError("read_encoding_guess_failed", path=path, guess=guess.encoding)
    return text, guess.encoding


def _control_share(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in ALLOWED_CONTROLS)
    return bad / len(sample)


def _form_feed_pages(text: str) -> list[PageSpan]:
    if "\x0c" not in text:
        return []
    pages: list[PageSpan] = []
    start = 0
    for number, part in enumerate(text.split("\x0c"), start=1):
        end = start + len(part)
        pages.append(PageSpan(number, start, end + 1 if end < len(text) else end))
        start = end + 1
    return pages
