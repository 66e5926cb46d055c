"""Small real documents for reader tests: .docx via python-docx, .pdf via matplotlib's PDF backend."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["pdf.fonttype"] = 42  # embed TrueType so the text layer is extractable
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

TONE_MARKS = {0x300, 0x301, 0x303, 0x309, 0x323}


def cp1258_bytes(text: str) -> bytes:
    """Encode Vietnamese as Windows-1258 does: base letter then a combining tone mark."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in parts if ord(m) in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(m for m in parts if ord(m) not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def make_pdf(
    path: Path,
    pages: list[list[str]],
    header: str | None = None,
    page_numbers: bool = True,
    table_on: dict[int, list[list[str]]] | None = None,
    transparent: bool = False,
) -> Path:
    """One A4 page per list of lines; optional running header, page numbers and ruled tables.
    ``transparent`` pages have no white background (to lay them over another page)."""
    with PdfPages(path) as pdf:
        for number, lines in enumerate(pages, start=1):
            fig = plt.figure(figsize=(8.27, 11.69))
            if transparent:
                fig.patch.set_alpha(0.0)
            if header:
                fig.text(0.5, 0.97, header, ha="center", fontsize=9)
            y = 0.92
            for line in lines:
                fig.text(0.08, y, line, fontsize=10)
                y -= 0.022
            rows = (table_on or {}).get(number)
            if rows:
                _draw_table(fig, rows, top=y - 0.02)
            if page_numbers:
                fig.text(0.5, 0.03, str(number), ha="center", fontsize=9)
            pdf.savefig(fig)
            plt.close(fig)
    return path


def _draw_table(fig: plt.Figure, rows: list[list[str]], top: float) -> None:
    height = 0.03
    n_cols = len(rows[0])
    xs = [0.08 + i * (0.84 / n_cols) for i in range(n_cols + 1)]
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            fig.text(xs[j] + 0.005, top - (i + 1) * height + 0.009, cell, fontsize=8)
    for i in range(len(rows) + 1):
        fig.add_artist(Line2D([xs[0], xs[-1]], [top - i * height] * 2, color="k", lw=0.5))
    for x in xs:
        fig.add_artist(Line2D([x, x], [top, top - len(rows) * height], color="k", lw=0.5))


def make_docx(path: Path, blocks: list[str | list[list[str]]], page_break_after: int | None = None) -> Path:
    """Paragraphs (str) and tables (rows) in order; optional hard page break after block ``n``."""
    document = docx.Document()
    for index, block in enumerate(blocks):
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for i, row in enumerate(block):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
        if page_break_after == index:
            document.add_page_break()
    document.save(str(path))
    return path


OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
