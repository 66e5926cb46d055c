"""PDF tables drawn without rules (an appendix set as a borderless Word/LibreOffice table) come out as
table rows, and Word's numbering labels followed by a tab keep their space ("a) Kinh tế")."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.readers import read_document

from .builders import make_pdf
from .office_docx import build_report_fodt
from .office_pdf import soffice, to_pdf

BINARY = soffice()


@pytest.mark.skipif(BINARY is None, reason="LibreOffice (soffice) not installed")
def test_borderless_table_and_numbering_from_libreoffice(tmp_path: Path) -> None:
    assert BINARY is not None
    pdf = to_pdf(build_report_fodt(tmp_path / "bao-cao.fodt"), tmp_path, BINARY)
    document = read_document(pdf)
    [table] = document.tables
    assert table.rows[0][:4] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2024"]
    assert table.rows[1][3:] == ["Kế hoạch", "Thực hiện"]
    assert table.rows[2] == ["1", "Sản lượng lương thực", "tấn", "12.000", "12.450"]  # wrapped name joined
    assert table.rows[3] == ["2", "Thu ngân sách trên địa bàn", "tỷ đồng", "41,5", "43,2"]
    lines = document.text.splitlines()
    assert "a) Kinh tế" in lines and "1. Kết quả thực hiện" in lines
    assert "- Thu ngân sách trên địa bàn 43,2 tỷ đồng." in lines


def test_justified_prose_is_not_a_table(tmp_path: Path) -> None:
    prose = [
        "Năm 2024, kinh tế của tỉnh tiếp tục tăng trưởng khá, tổng sản phẩm trên địa bàn tăng 7,2%",
        "so với năm trước; thu ngân sách đạt 4.321 tỷ đồng, bằng 104,2% dự toán; tỷ lệ hộ nghèo",
        "giảm còn 2,15%; có 12 xã đạt chuẩn nông thôn mới, nâng tổng số xã đạt chuẩn lên 45 xã.",
        "Công tác cải cách hành chính được đẩy mạnh, chỉ số PAR INDEX xếp thứ 20 trên 63 tỉnh.",
    ]
    document = read_document(make_pdf(tmp_path / "van.pdf", [prose], page_numbers=False))
    assert document.tables == []
    assert "tăng 7,2% so với năm trước" in document.text
