"""Turning PDF page lines into running text: drop running headers and page numbers, join hard breaks.

PDF text comes line by line. A sentence broken over two lines (or two pages) is joined back with a
space, a word hyphenated at the line end is glued back, and lines that repeat at the top or bottom of
most pages (running headers, "Trang 3", "- 3 -") are dropped. Table rows are kept as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from chitieu.readers.document import Box

PAGE_NUMBER_RE = re.compile(r"^\s*(?:[-–—]\s*)?(?:trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?\s*(?:[-–—]\s*)?$", re.I)
SENTENCE_END = ".!?:;"
# A line starting like this opens a new item, never continues the previous sentence.
NEW_ITEM_RE = re.compile(
    r"^(?:[-+•*–—▪●○◦]\s|[a-zđ][).]\s|\d+(?:\.\d+)*[.)]\s|[IVXLC]+[.)]\s|\(\d+\)|\d+/\s)"
)
BULLETS = "-+•*–—▪●○◦"
DEHYPHENATE = ""  # "infor-" + "mation" → "information"
KEEP_HYPHEN = "-"  # "kinh tế-" + "xã hội" → "kinh tế-xã hội"
_LAST_WORD_RE = re.compile(r"(\w+)-$")


class Word(NamedTuple):
    """A piece of a line with its place on the page; ``confidence`` is None for a text layer's text."""

    text: str
    box: Box | None
    confidence: float | None = None


class PageItem(NamedTuple):
    """A text line (``rows`` None) or a table row (``rows`` its cells), with the words it was read from."""

    text: str
    rows: list[str] | None
    words: tuple[Word, ...] = ()


class Placed(NamedTuple):
    """Characters ``[start, end)`` of the assembled text came from ``word`` on page ``page``."""

    start: int
    end: int
    page: int
    word: Word


@dataclass(slots=True)
class PageLines:
    """One page: text lines and table rows in reading order. ``rows`` is None for text lines."""

    number: int
    items: list[PageItem]
    notes: list[str] = field(default_factory=list)  # footnotes at the page foot
    ocr: bool = False  # the page's text was read by OCR

    def __post_init__(self) -> None:
        self.items = [it if isinstance(it, PageItem) else PageItem(*it) for it in self.items]


def _signature(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def drop_running_lines(pages: list[PageLines]) -> None:
    """Remove page numbers and header/footer lines repeated on most pages (in place)."""
    counts_top: Counter[str] = Counter()
    counts_bottom: Counter[str] = Counter()
    for page in pages:
        texts = [it.text for it in page.items if it.rows is None and it.text.strip()]
        if texts:
            counts_top[_signature(texts[0])] += 1
            counts_bottom[_signature(texts[-1])] += 1
    many = max(3, (len(pages) + 1) // 2)
    running = {s for s, c in (counts_top + counts_bottom).items() if c >= many and len(pages) >= 3}
    # A bound volume gives each of its documents its own running header ("BÁO CÁO CHÍNH TRỊ" on the report's
    # pages, "DỰ THẢO NGHỊ QUYẾT" on the resolution's): a line heading the same edge of several pages runs too.
    running |= {
        s
        for counts in (counts_top, counts_bottom)
        for s, c in counts.items()
        if c >= PART_RUNNING_PAGES and not s.endswith((".", ";", ":"))  # a sentence is text, whatever it repeats
    }
    for page in pages:
        items = [it for it in page.items if it[1] is not None or it[0].strip()]
        for edge in (0, -1):
            while items and items[edge][1] is None:
                line = items[edge][0]
                if PAGE_NUMBER_RE.match(line) or _is_running(_signature(line), running):
                    items.pop(edge)
                else:
                    break
        page.items = items


# Pages a line must head (or foot) to be a document's own running header inside a volume.
PART_RUNNING_PAGES = 3
# Words a part's pages may add to the volume's running header ("VĂN KIỆN ĐẠI HỘI … — DỰ THẢO").
RUNNING_SUFFIX_MAX = 40


def _is_running(signature: str, running: set[str]) -> bool:
    """The line is a running header or footer, or one of them with a few words added for the part it heads."""
    if signature in running:
        return True
    return any(
        signature.startswith(f"{r} ") and len(signature) - len(r) <= RUNNING_SUFFIX_MAX and len(r.split()) >= 3
        for r in running
    )


def joins(previous: str, following: str) -> str | None:
    """How two text lines meet: " " (same sentence), None (new line), or for a line ending in a hyphen
    ``DEHYPHENATE`` (a word split in two, ASCII only: Vietnamese syllables are never split) or
    ``KEEP_HYPHEN`` (a compound such as "kinh tế-xã hội")."""
    a, b = previous.rstrip(), following.lstrip()
    if not a or not b:
        return None
    if NEW_ITEM_RE.match(b) or b[0] in BULLETS:
        return None
    first = b[0]
    hyphenated = _LAST_WORD_RE.search(a)
    if hyphenated and first.isalnum():
        head, tail = hyphenated.group(1), b.split()[0]
        if head.isascii() and head.isalpha() and tail.isascii() and tail.isalpha() and tail.islower():
            return DEHYPHENATE
        return KEEP_HYPHEN
    if a[-1] in SENTENCE_END:
        return None
    if first.isalpha() and first.islower():
        return " "
    if first == "(" and _heading_in_capitals(a) and b[1:2].isalpha():
        return None  # "… NHANH VÀ BỀN VỮNG" + "(Báo cáo chính trị của …)": a title's bracketed designation
    if a[-1] == "," and _heading_in_capitals(b) and len(b.split()) <= OPENER_MAX_WORDS:
        return None  # "… do Ban Chấp hành khóa XIV trình," + "QUYẾT NGHỊ:": the preamble ends, the body opens
    if a[-1] == "," or first.isdigit() or first in "(%‰":
        return " "
    if a[-1].isdigit() and _unit_in_capitals(b):
        return " "  # "gồm có: 47" + "PAKN qua Hệ thống …": a figure and its unit written in capitals
    return None


OPENER_MAX_WORDS = 4  # a line in capitals this short after a comma opens a body ("QUYẾT NGHỊ:"), it goes on nothing


def _heading_in_capitals(line: str) -> bool:
    """Two or more words, every letter a capital: a title line, not running text."""
    return len(line.split()) >= 2 and line.isupper()


def _unit_in_capitals(line: str) -> bool:
    """The line starts with a unit written in capitals ("PAKN", "TTHC", "USD", "MW") and goes on in
    running text (a heading in capitals after a date, "BÁO CÁO", "TỶ LỆ …", is no unit)."""
    words = line.split()
    head = words[0].rstrip(",.;:")
    if not (head.isupper() and head.isalpha()) or (len(words) > 1 and words[1].isupper()):
        return False
    return head.lower() in _word_units()


@cache
def _word_units() -> frozenset[str]:
    from chitieu.extraction.text_units import all_word_units

    return frozenset(all_word_units())


def is_continued_row(previous: list[str], row: list[str]) -> bool:
    """A table row cut by a page break: same columns, and the part on the new page has no number (first
    cell empty) but text in a later cell."""
    return len(previous) == len(row) and len(row) > 1 and not row[0].strip() and any(c.strip() for c in row[1:])


Assembled = tuple[str, list[tuple[int, int, int]], list[tuple[int, int, list[list[str]], int]], list[Placed]]


def assemble(pages: list[PageLines]) -> Assembled:
    """Join pages into one text; returns (text, page spans, tables as (start, end, rows, page), and where
    each word of the text stands on its page)."""
    placed: list[Placed] = []
    parts: list[str] = []
    length = 0
    spans: list[tuple[int, int, int]] = []
    tables: list[tuple[int, int, list[list[str]], int]] = []
    last_text: str | None = None  # the previous item, when it was a text line
    open_table: tuple[int, list[list[str]], int] | None = None

    def add(piece: str) -> None:
        nonlocal length
        parts.append(piece)
        length += len(piece)

    def close_table() -> None:
        nonlocal open_table
        if open_table is not None:
            start, rows, page_no = open_table
            tables.append((start, max(start, length - 1), rows, page_no))
            open_table = None

    pending: list[str] = []  # footnotes of the previous page, held until its last sentence ends

    def flush_notes() -> None:
        nonlocal last_text
        if pending:
            close_table()
            if last_text is not None:
                add("\n")
            add("\n".join(pending))
            pending.clear()
            last_text = "."

    for page in pages:
        page_start = length
        carried = open_table is not None  # a table may run on from the previous page
        frame = text_frame(page.items)
        last_box: Box | None = None
        for text, rows, words in page.items:
            box = _line_box(words) if rows is None else None
            if pending and (
                (rows is not None and open_table is None)
                or (rows is None and (last_text is None or joins(last_text, " ".join(text.split())) is None))
            ):
                flush_notes()
            if rows is not None:
                if carried and open_table is not None and open_table[1]:
                    kept = open_table[1]
                    if rows == kept[0] and len(kept) > 1:
                        continue  # the header row Word repeats on each page of a long table
                    if is_continued_row(kept[-1], rows):
                        merged = [" ".join(f"{a} {b}".split()) for a, b in zip(kept[-1], rows, strict=True)]
                        kept[-1] = merged
                        line = "\t".join(merged) + "\n"
                        length += len(line) - len(parts[-1])
                        parts[-1] = line
                        number, start, _ = spans[-1]
                        spans[-1] = (number, start, length)
                        page_start = length
                        carried = False
                        continue
                carried = False
                if last_text is not None:
                    add("\n")
                if open_table is None:
                    open_table = (length, [], page.number)
                open_table[1].append(rows)
                if len(words) == len(rows):
                    placed.extend(_place_cells(words, rows, length, page.number))
                add("\t".join(rows) + "\n")
                last_text = None
                continue
            close_table()
            carried = False
            line = " ".join(text.split())
            if last_text is not None:
                glue = joins(last_text, line)
                if glue is None and continues_by_layout(last_text, last_box, line, box, frame):
                    glue = " "
                if glue == DEHYPHENATE:
                    parts[-1] = parts[-1][:-1]
                    length -= 1
                elif glue != KEEP_HYPHEN:
                    add("\n" if glue is None else glue)
            if words:
                placed.extend(_place(words, line, length, page.number))
            add(line)
            last_text = line
            last_box = box
        pending.extend(" ".join(n.split()) for n in page.notes)
        if open_table is None and (last_text is None or joins(last_text, "x") is None):
            flush_notes()  # the page ends its sentence: its notes stay on it
        spans.append((page.number, page_start, length))
    close_table()
    flush_notes()
    if last_text is not None:
        add("\n")
        if spans:
            number, start, _ = spans[-1]
            spans[-1] = (number, start, length)
    return "".join(parts), spans, tables, placed


# How close (points) a line must come to the page's text edges to be a full line / a line without indent.
EDGE_TOLERANCE = 9.0


def _line_box(words: tuple[Word, ...]) -> Box | None:
    boxes = [w.box for w in words if w.box is not None]
    if not boxes:
        return None
    return Box(min(b.x0 for b in boxes), min(b.top for b in boxes), max(b.x1 for b in boxes), max(b.bottom for b in boxes))


def text_frame(items: list[PageItem]) -> tuple[float, float] | None:
    """The left and right edges of a page's running text: the leftmost x where two lines or more begin (the
    lines of a justified paragraph, but its indented first, begin there) and the x where most lines end."""
    boxes = [b for it in items if it.rows is None and (b := _line_box(it.words)) is not None]
    if len(boxes) < 4:
        return None
    lefts = Counter(round(b.x0 / EDGE_TOLERANCE) for b in boxes)
    rights = Counter(round(b.x1 / EDGE_TOLERANCE) for b in boxes)
    shared = [x for x, n in lefts.items() if n >= 2]
    right, n_right = rights.most_common(1)[0]
    if not shared or n_right < 2 or right <= min(shared):
        return None
    return min(shared) * EDGE_TOLERANCE, right * EDGE_TOLERANCE


def continues_by_layout(previous: str, previous_box: Box | None, following: str, box: Box | None,
                        frame: tuple[float, float] | None) -> bool:
    """A line that opens with a capital ("Tết Nguyên đán …", "Văn phòng Chính phủ …") still continues the
    previous one when the layout says so: the previous line runs to the right edge of the text (a full line
    of a justified paragraph, not ending a sentence) and this one starts at the left edge, right below it
    (a new paragraph is indented, or follows a short line). Headings in capitals never continue."""
    if frame is None or previous_box is None or box is None or not following:
        return False
    words = following.split()
    if not (following[0].isalpha() and following[0].isupper()):
        return False
    if len(words) < 2 or all(len(w) > 1 and w.isupper() for w in words[:2]):
        return False  # a heading in capitals ("BÁO CÁO", "TỶ LỆ …"); "UBND tỉnh …" runs on
    if previous.rstrip()[-1:] in SENTENCE_END or NEW_ITEM_RE.match(following):
        return False
    left, right = frame
    height = max(1.0, previous_box.bottom - previous_box.top)
    return (
        previous_box.x1 >= right - EDGE_TOLERANCE
        and abs(box.x0 - left) <= EDGE_TOLERANCE
        and 0 <= box.top - previous_box.top <= 2.5 * height
    )


def _place_cells(words: tuple[Word, ...], cells: list[str], start: int, page: int) -> list[Placed]:
    """Each non-empty cell of a table row, placed where it stands in the row's tab-separated line."""
    out, pos = [], start
    for word, cell in zip(words, cells, strict=True):
        if cell and (word.box is not None or word.confidence is not None):
            out.append(Placed(pos, pos + len(cell), page, word))
        pos += len(cell) + 1
    return out


def _place(words: tuple[Word, ...], line: str, start: int, page: int) -> list[Placed]:
    """Each word at its offset when the line is its words joined by spaces; else the whole line as one."""
    if " ".join(w.text for w in words) == line:
        out, pos = [], start
        for word in words:
            out.append(Placed(pos, pos + len(word.text), page, word))
            pos += len(word.text) + 1
        return out
    boxes = [w.box for w in words if w.box is not None]
    box = Box(min(b.x0 for b in boxes), min(b.top for b in boxes), max(b.x1 for b in boxes),
              max(b.bottom for b in boxes)) if boxes else None
    confidences = [w.confidence for w in words if w.confidence is not None]
    return [Placed(start, start + len(line), page, Word(line, box, min(confidences) if confidences else None))]
