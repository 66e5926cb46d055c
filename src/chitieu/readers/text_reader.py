"""Plain text files: UTF-8 (with or without BOM), UTF-16/32 with BOM, and legacy 8-bit code pages.

The encoding and "is this text at all" are decided from samples of the file (its start, middle and
end), never from the whole file, so a 200 MB file is judged in milliseconds. The text is then decoded
in bounded chunks (``open_text``/``TextStream.chunks``) so that a caller can stream a huge file;
``read_text_file`` joins the chunks for the usual whole-document readers.

Line ends are translated like Python's text mode (CRLF and CR become LF) so offsets match what
``open(path, encoding="utf-8").read()`` gives. Form feeds (written by pdftotext between pages) become
page boundaries. An invalid byte in a UTF-8 file is replaced by U+FFFD and reported as a typed
``Problem`` naming its line and column.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from chitieu.messages import ChitieuError, Problem
from chitieu.readers.document import Document, PageSpan, TextChunk
from chitieu.readers.legacy_vietnamese import decode_tcvn3, repair_legacy_text, repair_mojibake

MAX_TEXT_BYTES = 200 * 1024 * 1024
SNIFF_BYTES = 64 * 1024
GUESS_BYTES = 1024 * 1024
SAMPLES = 5  # pieces of SNIFF_BYTES spread over the file to judge it
CHUNK_BYTES = 4 * 1024 * 1024  # bytes decoded at a time
MAX_REPORTED_BAD_BYTES = 20  # invalid bytes reported one by one; the rest are counted
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
ALLOWED_CONTROLS = frozenset(b"\n\t\r\x0c\x1a\x1b")  # \x1a: DOS end of file; \x1b: escapes in logs
BINARY_CONTROL_SHARE = 0.01
# The start of files that are certainly not text whatever their name says.
BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"\x7fELF", b"MZ", b"\x1f\x8b", b"BZh",
    b"7z\xbc\xaf", b"Rar!", b"SQLite format 3", b"\x00\x00\x01\x00", b"OggS", b"ID3", b"fLaC", b"RIFF",
)
# Returned by the decoding error handler in place of an invalid byte, then found and replaced by U+FFFD
# once its line and column are known (a noncharacter: never in a real text).
# The byte's value is kept in the code point (U+10FD00 + byte, a private-use plane no report uses).
_MARK_BASE = 0x10FD00
_INVALID = re.compile("[\U0010fd00-\U0010fdff]")
_ERROR_HANDLER = "chitieu-mark-invalid"


def _mark_invalid(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    byte = error.object[error.start]
    return chr(_MARK_BASE + byte), error.start + 1  # one mark per invalid byte


codecs.register_error(_ERROR_HANDLER, _mark_invalid)


@dataclass(slots=True)
class TextStream:
    """A text file opened for reading in chunks; ``problems`` fills as the chunks are read."""

    path: Path
    encoding: str  # the name shown to users (e.g. "utf-8", "cp1258", "tcvn3")
    codec: str  # the Python codec that decodes the bytes
    skip: int  # bytes of BOM to skip
    size: int
    repair: str | None = None  # "tcvn3" | "mojibake" | None: applied to each decoded chunk
    problems: list[Problem] = field(default_factory=list)
    bad_bytes: int = 0

    def chunks(self, chunk_bytes: int = CHUNK_BYTES) -> Iterator[TextChunk]:
        """The text in pieces of about ``chunk_bytes`` ending at a line end; offsets match ``read_text_file``."""
        decoder = codecs.getincrementaldecoder(self.codec)(errors=_ERROR_HANDLER)
        offset = 0
        page = 1
        line, column = 1, 1  # where the next character stands (1-based)
        carry = ""  # text after the last line end of the previous piece, and a held-back CR
        with self.path.open("rb") as fh:
            fh.seek(self.skip)
            while True:
                data = fh.read(chunk_bytes)
                final = not data
                text = carry + decoder.decode(data, final=final)
                carry = ""
                if not final:
                    cut = max(text.rfind("\n"), text.rfind("\r", 0, len(text) - 1)) + 1
                    if cut <= 0:
                        if len(text) < 16 * chunk_bytes:
                            carry = text
                            continue
                        cut = len(text) - 1  # no line end for very long: cut anyway
                    text, carry = text[:cut], text[cut:]
                text = text.replace("\r\n", "\n").replace("\r", "\n")
                if _INVALID.search(text):
                    text = self._replace_invalid(text, line, column)
                if self.repair == "tcvn3":
                    text = decode_tcvn3(text)
                elif self.repair == "mojibake":
                    text = repair_mojibake(text, known=True) or text
                elif self.codec in LEGACY_CODEPAGES:
                    text = unicodedata.normalize("NFC", text)  # cp1258 writes tone marks apart
                if text:
                    yield TextChunk(offset, text, page)
                    offset += len(text)
                    page += text.count("\x0c")
                    newlines = text.count("\n")
                    if newlines:
                        line += newlines
                        column = len(text) - text.rfind("\n")
                    else:
                        column += len(text)
                if final:
                    break
        if self.bad_bytes > MAX_REPORTED_BAD_BYTES:
            self.problems.append(
                Problem.make(
                    "read_text_invalid_bytes_more", severity="warning", path=self.path,
                    count=self.bad_bytes - MAX_REPORTED_BAD_BYTES, encoding=self.encoding,
                )
            )

    def _replace_invalid(self, text: str, line: int, column: int) -> str:
        """Report each invalid byte with its line and column, then replace it by U+FFFD."""
        scanned = 0
        for match in _INVALID.finditer(text):
            self.bad_bytes += 1
            if self.bad_bytes > MAX_REPORTED_BAD_BYTES:
                continue
            position = match.start()
            newlines = text.count("\n", scanned, position)
            if newlines:
                line += newlines
                column = position - text.rfind("\n", 0, position)
            else:
                column += position - scanned
            scanned = position
            self.problems.append(
                Problem.make(
                    "read_text_invalid_byte", severity="warning", path=self.path, row=line,
                    column=str(column), encoding=self.encoding, byte=f"{ord(match.group()) - _MARK_BASE:02X}",
                )
            )
        return _INVALID.sub("\ufffd", text)


def open_text(path: Path) -> TextStream:
    """Judge ``path`` from samples (binary or text, which encoding) without reading it whole."""
    size = path.stat().st_size
    if size == 0:
        raise ChitieuError("file_empty", path=path)
    if size > MAX_TEXT_BYTES:
        raise ChitieuError("file_too_large", path=path, size=f"{size / 1e6:.0f} MB", limit="200 MB")
    samples = _samples(path, size)
    head = samples[0]
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return TextStream(path, encoding, encoding, len(bom), size)
    if any(head.startswith(magic) for magic in BINARY_MAGIC):
        raise ChitieuError("file_binary", path=path)
    if any(b"\x00" in sample for sample in samples):
        utf16 = _bomless_utf16(head)
        if utf16 is None:
            raise ChitieuError("file_binary", path=path)
        return TextStream(path, utf16, utf16, 0, size)
    if _control_share(samples) > BINARY_CONTROL_SHARE:
        raise ChitieuError("file_binary", path=path)
    if _mostly_utf8(samples):
        stream = TextStream(path, "utf-8", "utf-8", 0, size)
        _, repair = repair_legacy_text(_sample_text(head, "utf-8"))
        if repair is not None:  # UTF-8 bytes of cp1252 mojibake ("Ã¡") or of TCVN3 letters read as Latin-1
            stream.repair = "tcvn3" if repair == "tcvn3" else "mojibake"
            stream.encoding = repair
        return stream
    return _legacy_stream(path, size, samples)


def read_text_file(path: Path) -> Document:
    """The whole text file as a ``Document`` (see ``iter_text_chunks`` to stream it instead)."""
    stream = open_text(path)
    text = "".join(chunk.text for chunk in stream.chunks())
    if not text.strip():
        raise ChitieuError("file_empty", path=path)
    document = Document(path=path, kind="txt", text=text, pages=_form_feed_pages(text), encoding=stream.encoding)
    for problem in stream.problems:
        document.warn(problem)
    return document


def iter_text_chunks(path: Path, chunk_bytes: int = CHUNK_BYTES) -> tuple[TextStream, Iterator[TextChunk]]:
    """(the opened stream, its chunks): read a text file of any size in bounded memory.

    Chunks end at a line end; their ``start`` offsets index the text ``read_text_file`` would give.
    ``stream.problems`` holds the warnings met so far (complete once the chunks are exhausted)."""
    stream = open_text(path)
    return stream, stream.chunks(chunk_bytes)


def decode_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """Decode ``data`` held in memory; returns (text, encoding name). Raises for binary data."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), encoding
    samples = [data[:SNIFF_BYTES]]
    if b"\x00" in samples[0]:
        utf16 = _bomless_utf16(samples[0])
        if utf16 is None:
            raise ChitieuError("file_binary", path=path)
        return data.decode(utf16, errors="replace"), utf16
    if _mostly_utf8(samples):
        return data.decode("utf-8", errors="replace"), "utf-8"
    return _decode_legacy(data, path)


def _samples(path: Path, size: int) -> list[bytes]:
    """The file's start and a few pieces spread over it (each cut back to whole UTF-8 characters)."""
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
        samples = [head]
        if size > SNIFF_BYTES * 2:
            step = size // SAMPLES
            for i in range(1, SAMPLES):
                fh.seek(i * step)
                piece = fh.read(SNIFF_BYTES)
                samples.append(_utf8_aligned(piece))
    return samples


def _utf8_aligned(piece: bytes) -> bytes:
    """Drop continuation bytes at the start and a cut character at the end of a piece from mid-file."""
    start = 0
    while start < min(4, len(piece)) and 0x80 <= piece[start] < 0xC0:
        start += 1
    end = len(piece)
    back = 0
    while back < 4 and end - back - 1 >= start and 0x80 <= piece[end - back - 1] < 0xC0:
        back += 1
    if end - back - 1 >= start and piece[end - back - 1] >= 0xC0:
        end = end - back - 1
    return piece[start:end]


def _mostly_utf8(samples: list[bytes]) -> bool:
    """UTF-8 unless invalid sequences are common: a few bad bytes in a UTF-8 text are replaced, but a
    legacy 8-bit file is full of bytes that never form UTF-8 sequences."""
    invalid = multibyte = 0
    for sample in samples:
        text = sample.decode("utf-8", errors=_ERROR_HANDLER)
        bad = len(_INVALID.findall(text))
        invalid += bad
        multibyte += sum(1 for c in text if ord(c) > 0x7F) - bad
    if invalid == 0:
        return True
    return multibyte >= 3 * invalid and invalid * 1000 <= sum(len(s) for s in samples) * 5


def _sample_text(sample: bytes, codec: str) -> str:
    return sample.decode(codec, errors="replace")


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


def _legacy_codec(sample: bytes, path: Path) -> tuple[str, str, str | None]:
    """(codec, encoding name, repair) for bytes that are not UTF-8."""
    best_codepage, best_score = "", 0.0
    for codepage in LEGACY_CODEPAGES:
        score = vietnamese_score(sample.decode(codepage, errors="replace"))
        if score > best_score + 0.02:
            best_codepage, best_score = codepage, score
    tcvn3_score = vietnamese_score(decode_tcvn3(sample.decode("latin-1")))
    if tcvn3_score >= 0.08 and tcvn3_score > best_score + 0.02:
        return "latin-1", "tcvn3", "tcvn3"
    if best_codepage and best_score >= 0.08:
        return best_codepage, best_codepage, None
    guess = from_bytes(sample).best()
    if guess is None or guess.encoding in ("utf_8", "ascii"):
        raise ChitieuError("encoding_unknown", path=path)
    if guess.chaos > 0.2:
        raise ChitieuError("read_encoding_guess_failed", path=path, guess=guess.encoding)
    return guess.encoding, guess.encoding, None


def _legacy_stream(path: Path, size: int, samples: list[bytes]) -> TextStream:
    with path.open("rb") as fh:
        sample = fh.read(GUESS_BYTES)
    codec, name, repair = _legacy_codec(sample, path)
    try:
        codecs.lookup(codec)
    except LookupError as exc:
        raise ChitieuError("read_encoding_guess_failed", path=path, guess=codec) from exc
    return TextStream(path, name, codec, 0, size, repair=repair)


def _decode_legacy(data: bytes, path: Path) -> tuple[str, str]:
    codec, name, repair = _legacy_codec(data[:GUESS_BYTES], path)
    text = data.decode(codec, errors="replace")
    if repair == "tcvn3":
        return text, "latin-1"  # the caller maps TCVN3 bytes to letters
    return (unicodedata.normalize("NFC", text) if codec in LEGACY_CODEPAGES else text), name


_CONTROL_BYTES = bytes(b for b in [*range(0x20), 0x7F] if b not in ALLOWED_CONTROLS)
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _control_share(samples: list[bytes]) -> float:
    total = sum(len(s) for s in samples)
    if not total:
        return 0.0
    bad = sum(len(s.translate(None, _NOT_CONTROL)) for s in samples)
    return bad / total


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
