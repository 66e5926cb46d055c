"""Split normalised text into paragraphs under their section headings, then sentences and clauses.

Headings are recognised by the markers officials use (tables below, outermost first): "Phần thứ hai",
"B- MỤC TIÊU…", "II- Các chỉ tiêu…", "1. …", "5.1. …", "a) …". A numbered line whose title holds a
figure ("1. Tốc độ tăng trưởng GRDP đạt 9-10%/năm…") is a list item, not a heading. Upper-case lines
right after a heading continue its title. Each paragraph carries the kind of its innermost section
that has one (see ``cues.SectionKind``) and the latest year named by its headings (the deadline).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from chitieu.extraction.cues import SectionKind, classify_title
from chitieu.grammar.loader import rulebook
from chitieu.grammar.schema import HeadingRule, PatternRule

_BOOK = rulebook()
# (name, regex on the line, level): smaller level = outer section (grammar/rules/sections.yaml).
HEADING_MARKERS: tuple[tuple[str, str, int], ...] = tuple(
    (rule.id, rule.pattern, rule.level) for rule in _BOOK.typed("sections.headings", HeadingRule)
)
# List items: content, never headings.
LIST_MARKERS: tuple[str, ...] = tuple(rule.pattern for rule in _BOOK.typed("sections.list_markers", PatternRule))
# "QUYẾT NGHỊ:" opens a resolution's body: no heading above it stays open (a part title the reader missed).
_BODY_OPENER_RE = re.compile("|".join(rule.pattern for rule in _BOOK.typed("sections.body_openers", PatternRule)))
LEAD_IN_LEVEL = 9
# Headings of these levels title a document or its main division (part, chapter, "B-", a title in capitals).
OUTER_LEVEL = 1
FORWARD_KINDS = frozenset({SectionKind.TARGETS, SectionKind.PLAN, SectionKind.TASKS})

_HEADING_RES = tuple((name, re.compile(pattern), level) for name, pattern, level in HEADING_MARKERS)
_LIST_RE = re.compile("|".join(LIST_MARKERS))
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_FIGURE_RE = re.compile(r"\d")
_TITLE_END_RE = re.compile(r"[:;]|\.(?:\s|$)")
_LINE_RE = re.compile(r"[^\n]+")
ABBREVIATIONS: frozenset[str] = frozenset({"tp", "ths", "ts", "pgs", "gs", "ql", "đt", "tt", "tr", "v.v", "bs", "kts", "ks", "th"})
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=[\"'(\[]?[A-ZĐÀ-ỸА-Я0-9-])")


@dataclass(slots=True)
class Heading:
    level: int
    title: str
    kind: SectionKind
    year: int | None
    start: int


@dataclass(slots=True)
class Paragraph:
    """One line of text (list marker skipped) with its section context."""

    start: int
    end: int
    kind: SectionKind
    section: str  # title of the innermost heading
    deadline: int | None
    is_heading: bool = False


def _title_of(body: str) -> str:
    m = _TITLE_END_RE.search(body)
    return (body[: m.start()] if m else body)[:160].strip()


def _without_years(s: str) -> str:
    return _YEAR_RE.sub("", s)


TITLE_LINE_MAX_WORDS = 14


def _is_title_line(line: str) -> bool:
    """A short line that reads as an unnumbered title: capitalised, no closing punctuation, no figure."""
    return (
        len(line) <= TITLE_LINE_MAX_WORDS * 8
        and line[0].isupper()
        and line[-1] not in ".:;,!?…"
        and len(line.split()) <= TITLE_LINE_MAX_WORDS
        and not _FIGURE_RE.search(_without_years(line))
        and not _is_upper_line(line)
    )


def _is_sentence(line: str) -> bool:
    """A heading line that is a whole sentence ("I- Tán thành những nội dung … trình Đại hội.") has said all
    it says: a line in capitals after it is a title of its own, not the rest of this one."""
    return line.endswith(".") and len(line.split()) > TITLE_LINE_MAX_WORDS


def _is_upper_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


class SectionTracker:
    """The stack of open headings while reading a document top to bottom."""

    def __init__(self) -> None:
        self.stack: list[Heading] = []
        self.last_was_heading = False

    def push(self, heading: Heading) -> None:
        while self.stack and self.stack[-1].level >= heading.level:
            self.stack.pop()
        self.stack.append(heading)

    def extend_title(self, more: str) -> None:
        top = self.stack[-1]
        top.title = f"{top.title} {more}".strip()
        top.kind = classify_title(top.title)
        years = _YEAR_RE.findall(more)
        if years:
            top.year = int(years[-1])

    @property
    def kind(self) -> SectionKind:
        # A review section stays a review section: its topic headings often name "nhiệm vụ" or "mục tiêu" —
        # unless a title of the document's own level below it looks past the period it reviews.
        for n, heading in enumerate(self.stack):
            if heading.kind is SectionKind.RESULTS and heading.level < LEAD_IN_LEVEL and not self._looks_ahead(n):
                return SectionKind.RESULTS
        for heading in reversed(self.stack):
            if heading.kind is not SectionKind.NEUTRAL:
                return heading.kind
        return SectionKind.NEUTRAL

    def _looks_ahead(self, n: int) -> bool:
        """A forward-looking title (targets, plan, tasks) of the outer levels (a part, "B-", a title in
        capitals) under the review heading ``self.stack[n]`` names a later year than the review does: "MỤC
        TIÊU, NHIỆM VỤ … NHIỆM KỲ 2025 - 2028" bound after "PHẦN THỨ NHẤT: BÁO CÁO KẾT QUẢ … 2023 - 2025" is
        the next term's plan, not a topic of the review."""
        reviewed = self.stack[n].year
        if reviewed is None:
            return False
        return any(
            h.kind in FORWARD_KINDS and h.level <= OUTER_LEVEL and h.year is not None and h.year > reviewed
            for h in self.stack[n + 1 :]
        )

    @property
    def deadline(self) -> int | None:
        for heading in reversed(self.stack):
            if heading.year is not None:
                return heading.year
        return None

    @property
    def section(self) -> str:
        return self.stack[-1].title if self.stack else ""


def iter_paragraphs(
    text: str, start: int = 0, end: int | None = None, breaks: Sequence[int] = ()
) -> Iterator[Paragraph]:
    """Paragraphs (non-empty lines) of ``text[start:end]`` with their section context. ``breaks`` are the
    offsets where a new document of a bound volume begins: no heading of the one before stays open there,
    so the draft resolution after a political report is read under its own headings only."""
    tracker = SectionTracker()
    pending = sorted(breaks)
    for m in _LINE_RE.finditer(text, start, len(text) if end is None else end):
        if pending and m.start() >= pending[0]:
            while pending and m.start() >= pending[0]:
                pending.pop(0)
            tracker = SectionTracker()
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        offset = m.start() + (len(line) - len(line.lstrip()))
        if _BODY_OPENER_RE.match(stripped):
            tracker = SectionTracker()
            yield Paragraph(offset, m.end(), tracker.kind, tracker.section, tracker.deadline, True)
            continue
        heading, body_offset = _heading_of(stripped)
        if heading is not None:
            heading.start = offset
            tracker.push(heading)
            tracker.last_was_heading = not _is_sentence(stripped)
            yield Paragraph(offset + body_offset, m.end(), tracker.kind, tracker.section, tracker.deadline, True)
            continue
        if tracker.last_was_heading and tracker.stack and len(stripped) < 200 and _is_upper_line(stripped):
            tracker.extend_title(stripped)
            yield Paragraph(offset, m.end(), tracker.kind, tracker.section, tracker.deadline, True)
            continue
        tracker.last_was_heading = False
        lm = _LIST_RE.match(stripped)
        body_start = offset + (lm.end() if lm else 0)
        if stripped.endswith(":") and len(stripped) <= 120 and not lm:
            title = stripped[:-1]
            kind = classify_title(title)
            years = _YEAR_RE.findall(title)
            if kind is not SectionKind.NEUTRAL or years:
                tracker.push(Heading(LEAD_IN_LEVEL, title, kind, int(years[-1]) if years else None, offset))
        elif _is_title_line(stripped) and not lm:
            # "Các chỉ tiêu chủ yếu (nhiệm kỳ 2020-2025)": a short unmarked line with no full stop that names a kind
            kind = classify_title(stripped)
            if kind is not SectionKind.NEUTRAL:
                years = _YEAR_RE.findall(stripped)
                tracker.push(Heading(1, stripped, kind, int(years[-1]) if years else None, offset))
        elif len(stripped) < 200 and _is_upper_line(stripped) and not _FIGURE_RE.search(_without_years(stripped)):
            kind = classify_title(stripped)
            if kind is not SectionKind.NEUTRAL:
                years = _YEAR_RE.findall(stripped)
                tracker.push(Heading(1, stripped, kind, int(years[-1]) if years else None, offset))
                tracker.last_was_heading = True
        yield Paragraph(body_start, m.end(), tracker.kind, tracker.section, tracker.deadline)


def _heading_of(line: str) -> tuple[Heading | None, int]:
    """A heading when ``line`` starts with a heading marker and its title holds no figure."""
    for _name, pattern, level in _HEADING_RES:
        m = pattern.match(line)
        if not m:
            continue
        body = line[m.end() :]
        title = _title_of(body) if body else line.strip()
        if _FIGURE_RE.search(_without_years(title)) or (not title and level > 0):
            return None, 0
        if level == 0 and not body:
            title = line.strip()
        years = _YEAR_RE.findall(title)
        return Heading(level, title, classify_title(title), int(years[-1]) if years else None, 0), m.end()
    return None, 0


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (a full stop followed by a capital starts a new one)."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END_RE.finditer(text, start, end):
        before = text[max(pos, m.start() - 5) : m.start() - 1].split(" ")[-1].lower()
        if before in ABBREVIATIONS:
            continue
        spans.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    return spans


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of a sentence, split on semicolons."""
    spans: list[tuple[int, int]] = []
    pos = start
    while True:
        i = text.find(";", pos, end)
        if i < 0:
            spans.append((pos, end))
            return spans
        spans.append((pos, i))
        pos = i + 1
