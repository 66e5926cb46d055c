"""Multi-page PDFs made from the unseen test documents, as a scanner-free office PDF looks to a reader:
hard line breaks at ~95 characters, a running header on every page and the page number at the foot.

Used by the PDF tests here and by ``benchmarks/eval_pdf.py`` (the 76-page Congress case).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["pdf.fonttype"] = 42  # embed TrueType (DejaVu Sans) so the text layer is extractable
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402

LINES_PER_PAGE = 40
WRAP = 95


def page_lines(text: str, wrap: int = WRAP) -> list[str]:
    """The document's lines re-wrapped at ``wrap`` characters (blank lines kept)."""
    out: list[str] = []
    for paragraph in text.replace("\r", "").split("\n"):
        if not paragraph.strip():
            out.append("")
            continue
        out.extend(textwrap.wrap(paragraph, wrap, break_long_words=False, break_on_hyphens=False) or [""])
    return out


def paginate(lines: list[str], per_page: int = LINES_PER_PAGE) -> list[list[str]]:
    return [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]


def build_pdf(path: Path, pages: list[list[str]], header: str) -> Path:
    """One A4 page per list of lines, with ``header`` on top and the page number at the foot."""
    with PdfPages(path) as pdf:
        for number, lines in enumerate(pages, start=1):
            fig = plt.figure(figsize=(8.27, 11.69))
            fig.text(0.5, 0.97, header, ha="center", fontsize=8)
            y = 0.93
            for line in lines:
                if line:
                    fig.text(0.07, y, line, fontsize=8.5)
                y -= 0.021
            fig.text(0.5, 0.03, str(number), ha="center", fontsize=8)
            pdf.savefig(fig)
            plt.close(fig)
    return path


def unwrap_paragraphs(text: str) -> str:
    """Join the hard-wrapped lines of a test document back into one line per paragraph."""
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if out and out[-1] and stripped and not _starts_item(stripped) and out[-1][-1] not in ".:;" and stripped[0].islower():
            out[-1] += " " + stripped
        else:
            out.append(stripped)
    return "\n".join(out)


def _starts_item(line: str) -> bool:
    return line[0] in "-+•" or (line[0].isdigit() and "." in line[:5]) or line.startswith(("a)", "b)", "c)"))
