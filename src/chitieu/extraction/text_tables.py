"""Tables written in plain text: tab-separated or space-aligned lines cut into rows of cells (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass


def split_space_aligned(lines: list[str]) -> list[list[str]]:
    """Cut space-aligned lines into cells at the columns that are blank (2+ wide) in every line."""
    width = max((len(line) for line in lines), default=0)
    blank = [all(j >= len(line) or line[j] == " " for line in lines if line.strip()) for j in range(width)]
    cuts: list[tuple[int, int]] = []
    j = 0
    while j < width:
        if blank[j]:
            k = j
            while k < width and blank[k]:
                k += 1
            if k - j >= 2 and j > 0:
                cuts.append((j, k))
            j = k
        else:
            j += 1
    bounds, prev = [], 0
    for a, b in cuts:
        bounds.append((prev, a))
        prev = b
    bounds.append((prev, width))
    return [[line[a:b].strip() for a, b in bounds] for line in lines]


@dataclass(frozen=True, slots=True)
class TextTable:
    """A table found in plain text: rows of cells and the offset of each row's line."""

    rows: list[list[str]]
    start: int
    end: int
    row_starts: list[int]


def _line_style(line: str) -> str | None:
    if "\t" in line and line.strip():
        return "tab"
    if len(re.findall(r"\S {2,}(?=\S)", line)) >= 2:
        return "space"
    return None


def find_text_tables(text: str, min_rows: int = 2, max_blank: int = 2) -> list[TextTable]:
    """Blocks of tab-separated or space-aligned lines in ``text`` (blank lines inside are allowed)."""
    tables: list[TextTable] = []
    pos, lines = 0, []
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        style = _line_style(lines[i][1])
        if style is None:
            i += 1
            continue
        block = [lines[i]]
        j, blanks = i + 1, 0
        while j < len(lines):
            line = lines[j][1]
            if not line.strip():
                blanks += 1
                if blanks > max_blank:
                    break
            elif _line_style(line) == style or (style == "space" and line.startswith("  ")):
                block.extend(lines[j - blanks : j + 1] if style == "space" else [lines[j]])
                blanks = 0
            else:
                break
            j += 1
        content = [(p, ln) for p, ln in block if ln.strip()]
        if style == "tab":
            rows = [[c.strip() for c in ln.split("\t")] for _, ln in content]
        else:
            rows = split_space_aligned([ln for _, ln in content])
        if len(rows) >= min_rows and any(len([c for c in r if c]) >= 3 for r in rows):
            last_pos, last_line = content[-1]
            tables.append(TextTable(rows, content[0][0], last_pos + len(last_line), [p for p, _ in content]))
        i = j
    return tables
