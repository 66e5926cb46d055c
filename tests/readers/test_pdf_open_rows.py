"""A ruled table cut by a page break: Word draws the rows that go on at the top of the next page under their
column rules but with no rule above the first of them (and none below the last row before the break)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.lines import Line2D

from chitieu.readers import read_document

ROWS = [
    ["4", "Vận động ít nhất 900 đơn vị máu", "1.020", "113%"],
    ["5", "Giới thiệu ít nhất 300 việc làm", "342", "114%"],
    ["6", "Tổ chức ít nhất 04 hội thảo", "5", "125%"],
]
XS = [0.08, 0.16, 0.62, 0.77, 0.92]


def _page(pdf: PdfPages, rows: list[list[str]], open_top: bool, open_bottom: bool, lines: list[str]) -> None:
    fig = plt.figure(figsize=(8.27, 11.69))
    top, height = 0.95, 0.04
    y = top - len(rows) * height - 0.04
    for line in lines:
        fig.text(0.08, y, line, fontsize=10)
        y -= 0.025
    for i, row in enumerate(rows):
        for x, cell in zip(XS, row, strict=False):
            fig.text(x + 0.005, top - (i + 1) * height + 0.014, cell, fontsize=8)
    first = 1 if open_top else 0
    last = len(rows) - 1 if open_bottom else len(rows)
    for i in range(first, last + 1):
        fig.add_artist(Line2D([XS[0], XS[-1]], [top - i * height] * 2, color="k", lw=0.5))
    for x in XS:
        fig.add_artist(Line2D([x, x], [top, top - len(rows) * height], color="k", lw=0.5))
    pdf.savefig(fig)
    plt.close(fig)


def test_rows_without_their_outer_rule_stay_in_the_table(tmp_path: Path) -> None:
    path = tmp_path / "open.pdf"
    with PdfPages(path) as pdf:
        _page(pdf, ROWS, open_top=True, open_bottom=False, lines=["Văn bản tiếp theo bảng trên trang này."])
    document = read_document(path)
    assert [t.rows for t in document.tables] == [ROWS]
    assert "Vận động ít nhất 900" not in document.text.split("\t")[0]


def test_a_closed_table_is_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "closed.pdf"
    with PdfPages(path) as pdf:
        _page(pdf, ROWS, open_top=False, open_bottom=False, lines=["Văn bản sau bảng."])
    assert [t.rows for t in read_document(path).tables] == [ROWS]
