"""Word files for tests: paragraphs followed by one table, built with python-docx as offices write them."""

from __future__ import annotations

from pathlib import Path

import docx

Merge = tuple[tuple[int, int], tuple[int, int]]


def word_file(path: Path, paragraphs: list[str], rows: list[list[str]], merges: tuple[Merge, ...] = ()) -> Path:
    """A Word file of ``paragraphs`` and one table of ``rows`` ("" cells are left empty), cells merged as given,
    saved at ``path``."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            if cell:
                table.cell(i, j).text = cell
    for (a, b), (c, d) in merges:
        table.cell(a, b).merge(table.cell(c, d))
    document.save(str(path))
    return path
