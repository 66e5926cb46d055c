"""The written Word document read back with python-docx: layout, header, values, summary, charts."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn


@pytest.fixture(scope="module")
def document(written_reports: dict[str, Path]):
    return docx.Document(str(written_reports["docx"]))


def _texts(row) -> list[str]:
    return [c.text for c in row.cells]


def data_table(document):
    """The appendix table (the header block and the signature are borderless tables of their own)."""
    return next(t for t in document.tables if t.rows[0].cells[0].text == "TT")


def test_landscape_and_font(document) -> None:
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_merged_header_repeated(document) -> None:
    table = data_table(document)
    top, bottom = _texts(table.rows[0]), _texts(table.rows[1])
    assert top[:4] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu Nghị quyết Đại hội"]
    assert bottom[:4] == top[:4]  # vertically merged cells
    assert top[4] == top[5] == top[6] == "Ước thực hiện giai đoạn 2021 - 2023"
    assert top[7] == "Ước thực hiện giai đoạn 2020 - 2025"
    assert bottom[4:7] == ["Kết quả đạt được", "Tỷ lệ % so với mục tiêu nghị quyết",
                           "So sánh với mục tiêu nghị quyết Đại hội"]
    for row in table.rows[:2]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None


def test_rows_and_values(document) -> None:
    table = data_table(document)
    assert len(table.rows) == 2 + 60  # 4 groups, 2 header rows, 54 rows with targets
    rows = {r.cells[1].text: _texts(r) for r in table.rows[2:]}
    assert rows["Thu ngân sách trên địa bàn"][3:7] == ["3.000", "2.134,6", "71,2%", "Chưa đạt"]
    assert rows["GRDP bình quân đầu người"][4:7] == ["47,5", "73,1%", "Chưa đạt"]
    assert rows["Số bác sỹ/1 vạn dân"][4:7] == ["13", "100%", "Đạt"]


def test_group_rows_bold(document) -> None:
    table = data_table(document)
    groups = [r for r in table.rows[2:] if r.cells[0].text in ("I", "II", "III", "IV")]
    assert len(groups) == 4
    assert all(run.bold for r in groups for run in r.cells[1].paragraphs[0].runs)


def test_summary_and_charts(document) -> None:
    texts = [p.text for p in document.paragraphs]
    summary = next(t for t in texts if t.startswith("Dự ước đến hết năm 2023 có"))
    assert "chỉ tiêu chưa đạt" in summary and "dự ước đến hết nhiệm kỳ" in summary
    assert len(document.inline_shapes) == 4


def test_fixed_layout_wide_name_column_rows_kept_whole(document) -> None:
    from docx.oxml.ns import qn

    table = data_table(document)
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[1] == max(grid) and grid[1] > 3 * grid[0]  # LibreOffice lays the table out from the grid
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
