"""Fixtures shared by the service tests: a small mid-term report with an appendix table, as a .docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from test_ingest import HEADER, ROWS


@pytest.fixture
def report_docx(tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Báo cáo sơ kết giữa nhiệm kỳ (văn bản thử).")
    table = document.add_table(rows=len(ROWS), cols=len(HEADER))
    for i, row in enumerate(ROWS):
        for j, cell in enumerate(row):
            if cell:
                table.cell(i, j).text = cell
    document.add_paragraph("Hết phụ lục.")
    path = tmp_path / "so-ket.docx"
    document.save(str(path))
    return path
