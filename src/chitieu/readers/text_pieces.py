"""A plain text file of any size read as a sequence of pieces, each made of whole documents.

A 200 MB text held whole (decoded, normalised, with its claims) needs several gigabytes, so
``iter_text_pieces`` decodes the file a chunk at a time and cuts it where one document of the file ends and
the next begins: the start of a part that is not an appendix ("BÁO CÁO …", "NGHỊ QUYẾT …", with its motto
block), found by the same furniture rules as ``read_document``. Extraction already reads each such part on
its own (headings, discourse and signing year reset there; a restated target is only folded inside one
document and its appendices), so a piece gives the claims the whole text gives there, and memory is bounded
by the piece, not by the file.

A document longer than ``MAX_PIECE_CHARS`` with no part start is cut at a blank line (``TextPiece.forced``):
its headings and restatements are not carried across that cut.

Each piece is a ``Document`` of its own, read like a whole text file (tables found in it, marks and parts);
its offsets start at 0 and ``TextPiece.start`` places it in the whole text; page numbers (form feeds) are
those of the whole text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from chitieu.messages import ChitieuError
from chitieu.readers.document import Document, PageSpan
from chitieu.readers.text_reader import TextStream, open_text

PIECE_CHARS = 1_000_000  # a piece ends at the first document start after this many characters
MAX_PIECE_CHARS = 4_000_000  # with no document start by then, cut at a blank line
STABLE_TAIL = 50_000  # a document start this close to the end of the text read so far is not trusted yet
# (its title and motto lines are judged with a few lines around them; a short piece size shortens it)
CHUNK_BYTES = 256 * 1024
PROBE_MARGIN = 8_000  # text read again before a searched place: the lines a title is judged with
WIDE_CODECS = ("utf-16", "utf-32")


@dataclass(slots=True)
class TextPiece:
    start: int  # offset of the piece in the whole text
    document: Document  # the piece read on its own (offsets from 0; pages numbered as in the whole text)
    forced: bool = False  # cut inside a document: no part started there


def iter_text_pieces(
    path: Path, piece_chars: int | None = None, max_piece_chars: int | None = None
) -> tuple[TextStream, Iterator[TextPiece]]:
    """(the opened stream, its pieces). The concatenated pieces are the text ``read_text_file`` gives.
    Raises ``file_empty`` (after the last piece) when the whole text is blank."""
    stream = open_text(path)
    paged = _has_form_feeds(stream)
    piece = piece_chars or PIECE_CHARS
    return stream, _pieces(stream, paged, piece, max(max_piece_chars or MAX_PIECE_CHARS, piece))


def _pieces(stream: TextStream, paged: bool, piece_chars: int, max_piece_chars: int) -> Iterator[TextPiece]:
    buffer, start, page, blank = "", 0, 1, True
    tail = min(STABLE_TAIL, piece_chars)
    searched = 0  # the buffer holds no document start between piece_chars and here
    for chunk in stream.chunks(CHUNK_BYTES):
        buffer = buffer + chunk.text if buffer else chunk.text
        while len(buffer) > piece_chars + tail:
            cut, forced, searched = _cut(stream.path, buffer, piece_chars, max_piece_chars, tail, searched)
            if cut is None:
                break
            text, buffer = buffer[:cut], buffer[cut:]
            blank = blank and not text.strip()
            yield TextPiece(start, _piece_document(stream, text, page if paged else None), forced)
            start += len(text)
            page += text.count("\x0c")
    blank = blank and not buffer.strip()
    if blank:
        raise ChitieuError("file_empty", path=stream.path)
    if buffer:
        yield TextPiece(start, _piece_document(stream, buffer, page if paged else None))


def _cut(
    path: Path, buffer: str, piece_chars: int, max_piece_chars: int, tail: int, searched: int
) -> tuple[int | None, bool, int]:
    """(where to end the next piece, forced, how far it was searched): the first document start after
    ``piece_chars``; None to read on. Only the text not searched yet is read again (with a few lines before
    it, which a title needs), so each character is looked at about once more than ``read_document`` does."""
    trusted = len(buffer) - tail
    after = [s for s in _part_starts(path, buffer, max(piece_chars, searched)) if piece_chars <= s <= trusted]
    if after:
        return after[0], False, 0
    if len(buffer) < max_piece_chars:
        return None, False, trusted
    starts = [s for s in _part_starts(path, buffer[:trusted], 0) if s <= trusted]
    if starts:
        return starts[-1], False, 0
    blank_line = buffer.rfind("\n\n", 0, max_piece_chars)
    if blank_line > 0:
        return blank_line + 2, True, 0
    line_end = buffer.rfind("\n", 0, max_piece_chars)
    return (line_end + 1 if line_end > 0 else max_piece_chars), True, 0


def _part_starts(path: Path, buffer: str, since: int) -> list[int]:
    """Offsets in ``buffer`` after 0 where a document that is not an appendix begins, from ``since`` on."""
    from chitieu.readers.furniture import annotate

    window = buffer.rfind("\n", 0, max(0, since - PROBE_MARGIN)) + 1 if since > PROBE_MARGIN else 0
    probe = annotate(Document(path=path, kind="txt", text=buffer[window:]))
    return [window + p.start for p in probe.parts if p.kind != "appendix" and window + p.start >= max(since, 1)]


def _piece_document(stream: TextStream, text: str, first_page: int | None) -> Document:
    """The piece read as ``read_document`` reads a text file: its tables, marks and parts."""
    from chitieu.readers import with_text_tables
    from chitieu.readers.furniture import annotate

    pages = _pages(text, first_page) if first_page is not None else []
    document = Document(path=stream.path, kind="txt", text=text, pages=pages, encoding=stream.encoding)
    return annotate(with_text_tables(document))


def _pages(text: str, first: int) -> list[PageSpan]:
    """Form-feed pages of a piece, numbered from the page it starts on (as ``_form_feed_pages`` of the whole)."""
    pages: list[PageSpan] = []
    start = 0
    for number, part in enumerate(text.split("\x0c"), start=first):
        end = start + len(part)
        pages.append(PageSpan(number, start, end + 1 if end < len(text) else end))
        start = end + 1
    return pages


def _has_form_feeds(stream: TextStream) -> bool:
    """Whether the text has form-feed pages (then every claim has a page), judged before streaming it."""
    with stream.path.open("rb") as fh:
        fh.seek(stream.skip)
        found = False
        while data := fh.read(CHUNK_BYTES):
            if b"\x0c" in data:
                found = True
                break
    if not found or not stream.codec.startswith(WIDE_CODECS):
        return found  # in UTF-8 and 8-bit code pages the byte 0x0C is only ever a form feed
    probe = replace(stream, problems=[], bad_bytes=0)  # its warnings are the stream's, met again when read
    return any("\x0c" in chunk.text for chunk in probe.chunks(CHUNK_BYTES))
