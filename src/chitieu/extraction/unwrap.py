"""Soft line breaks: hard-wrapped lines (text copied out of a PDF) read again as one paragraph.

Text extracted from PDF arrives wrapped at ~80 characters, with page numbers alone on a line between
pages. The segmenter reads a paragraph per line, so a wrapped sentence would lose its subject or its
unit at the break. ``soften_line_breaks`` returns the text with the same length where

- a line that is only a page number ("3", "- 3 -", "Trang 3", "3/76") next to a blank line is blanked;
- a line break (with any blank lines and page numbers in between) that continues a sentence becomes a
  space: the previous line does not end a sentence and the next one starts in lower case, or the
  previous line ends with a comma, or the next one starts with a figure or "(", "%".

Lines that start an item ("1.", "a)", "-", "+", "•", "II.") never continue the previous line, and table
rows (lines holding tabs in the original text) are left as they are. Offsets are unchanged, so no map
is needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from chitieu.grammar.loader import rulebook
from chitieu.grammar.schema import PatternRule

PAGE_NUMBER_RE = re.compile(r"^\s*(?:[-–—]\s*)?(?:trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?\s*(?:[-–—]\s*)?$", re.IGNORECASE)
SENTENCE_END = ".!?:;"
BULLETS = "-+•*–—▪●○◦·"
NEW_ITEM_RE = re.compile(
    r"^(?:[-+•*–—▪●○◦·]\s|[a-zđ]\s?[).]\s|\d+(?:\.\d+)*\.?\s?[.)/-]\s|\d+\.\d+(?:\.\d+)*\.?\s|[IVXLC]+\s?[.)/-]\s|"
    r"[A-ZĐ]\s?[.)/-]\s|\(\d+\)|\(?[a-zđ]\)\s|Điều\s+\d|Phần\s|PHẦN\s|Chương\s|CHƯƠNG\s)"
)
BODY_OPENER_RE = re.compile("|".join(rule.pattern for rule in rulebook().typed("sections.body_openers", PatternRule)))
# Hard-wrapped text has most lines close to one width; a line that long was cut by the wrap.
WRAP_WIDTHS = (50, 200)  # plausible wrap widths (characters)
FULL_LINE_SLACK = 18  # a line at least (width - slack) long is a "full" line
_LINE_RE = re.compile(r"[^\n]*")


def continues(previous: str, following: str, across_blank: bool = False, full: bool = False) -> bool:
    """Whether ``following`` continues the sentence that ``previous`` leaves open (``full``: the previous
    line reaches the wrap width, so it was cut mid-sentence even when the next one starts in capitals)."""
    a, b = previous.rstrip(), following.lstrip()
    if not a or not b or NEW_ITEM_RE.match(b) or b[0] in BULLETS or BODY_OPENER_RE.match(b):
        return False  # (a body opener: "… do Ban Chấp hành trình," + "QUYẾT NGHỊ:" ends the preamble)
    if a[-1] in SENTENCE_END:
        return False
    first = b[0]
    if first.isalpha() and first.islower():
        return True
    if across_blank:
        return False
    return full or a[-1] == "," or first.isdigit() or first in "(%‰"


def wrap_width(lengths: list[int]) -> int | None:
    """The width the text was wrapped at, when most long lines share one (None for unwrapped text)."""
    if len(lengths) < 8:
        return None
    ordered = sorted(lengths)
    width = ordered[int(0.9 * (len(ordered) - 1))]
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return None
    near = sum(1 for n in lengths if width - FULL_LINE_SLACK <= n <= width + 2)
    return width if near >= 0.3 * len(lengths) else None


def soften_line_breaks(text: str, is_table_line: Callable[[int], bool] | None = None) -> str:
    """``text`` with wrapped lines joined by spaces and lone page numbers blanked (same length)."""
    if "\n" not in text:
        return text
    lines = [(m.start(), m.end()) for m in _LINE_RE.finditer(text)]
    # _LINE_RE yields an empty match after each line; keep one span per physical line.
    spans: list[tuple[int, int]] = []
    pos = 0
    for start, end in lines:
        if start < pos:
            continue
        spans.append((start, end))
        pos = end + 1
    chars = list(text)
    kinds: list[str] = []  # "text", "blank", "page", "table"
    for i, (s, e) in enumerate(spans):
        line = text[s:e]
        if not line.strip():
            kinds.append("blank")
        elif is_table_line is not None and is_table_line(s):
            kinds.append("table")
        elif PAGE_NUMBER_RE.match(line) and _next_to_blank(text, spans, i):
            kinds.append("page")
            for j in range(s, e):
                chars[j] = " "
        else:
            kinds.append("text")
    width = wrap_width([spans[i][1] - spans[i][0] for i, k in enumerate(kinds) if k == "text"])
    last_text: int | None = None
    for i, kind in enumerate(kinds):
        if kind != "text":
            if kind == "table":
                last_text = None
            continue
        if last_text is not None:
            ps, pe = spans[last_text]
            s, _ = spans[i]
            across = i - last_text > 1
            full = width is not None and pe - ps >= width - FULL_LINE_SLACK
            if continues(text[ps:pe], text[s:spans[i][1]], across, full):
                for j in range(pe, s):
                    if chars[j] == "\n" or (across and chars[j] != " "):
                        chars[j] = " "
        last_text = i
    return "".join(chars)


def _next_to_blank(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    before = i > 0 and not text[spans[i - 1][0] : spans[i - 1][1]].strip()
    after = i + 1 < len(spans) and not text[spans[i + 1][0] : spans[i + 1][1]].strip()
    return before or after or i == 0 or i == len(spans) - 1
