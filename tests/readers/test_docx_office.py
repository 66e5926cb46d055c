"""Word files as offices write them: numbering, footnotes, text boxes, headers and footers, merged
cells, and the furniture (motto block, legal basis, recipients, signature) marked for extraction."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from chitieu.readers import read_document

from .office_docx import BOX, HEADER, NOTE, build_report_fodt, convert
from .office_pdf import soffice

BINARY = soffice()
needs_libreoffice = pytest.mark.skipif(BINARY is None, reason="LibreOffice (soffice) not installed")


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert BINARY is not None
    out = tmp_path_factory.mktemp("office")
    return convert(build_report_fodt(out / "bao-cao.fodt"), out, BINARY, "docx")


def _marked(document, kind: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [document.text[m.start:m.end] for m in document.marks if m.kind == kind]


@needs_libreoffice
def test_numbering_footnote_text_box_and_headers(report_docx: Path) -> None:
    document = read_document(report_docx)
    lines = document.text.splitlines()
    assert "1. Kết quả thực hiện" in lines
    assert "a) Kinh tế" in lines and "b) Xã hội" in lines
    assert "2. Nhiệm vụ năm 2025" in lines
    assert "- Sản lượng lương thực ước đạt 12.450 tấn, đạt 103,8% kế hoạch." in lines  # no note mark glued
    # the footnote follows the paragraph citing it, marked so extraction can tell it apart
    assert lines[lines.index("- Sản lượng lương thực ước đạt 12.450 tấn, đạt 103,8% kế hoạch.") + 1] == NOTE
    assert _marked(document, "footnotes") == [NOTE]
    assert document.text.count(BOX) == 1  # the text box once, after its paragraph
    assert document.text.index("Tỷ lệ hộ nghèo giảm còn 2,15%.") < document.text.index(BOX)
    assert HEADER in document.header_text and HEADER not in document.text
    assert "Trang" not in document.text


@needs_libreoffice
def test_merged_cells_are_listed_and_can_be_filled(report_docx: Path) -> None:
    document = read_document(report_docx)
    table = next(t for t in document.tables if t.rows[0][0] == "TT")
    assert table.rows[0] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2024", ""]
    assert table.rows[1] == ["", "", "", "Kế hoạch", "Thực hiện"]
    merges = {(m.row, m.col): (m.rows, m.cols) for m in table.merges}
    assert merges[(0, 0)] == (2, 1) and merges[(0, 1)] == (2, 1) and merges[(0, 3)] == (1, 2)
    filled = table.filled_rows()
    assert filled[1][:3] == ["TT", "Chỉ tiêu", "Đơn vị tính"] and filled[0][4] == "Năm 2024"
    assert table.rows[2] == ["1", "Sản lượng lương thực", "tấn", "12.000", "12.450"]


@needs_libreoffice
def test_furniture_is_marked(report_docx: Path) -> None:
    document = read_document(report_docx)
    [head] = _marked(document, "title_block")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in head and "Số: 12/BC-UBND" in head
    assert _marked(document, "legal_basis") == [
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;"
    ]
    assert _marked(document, "recipients") == ["Nơi nhận: - UBND huyện; - Lưu: VT."]
    assert _marked(document, "signature") == ["TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn An"]
    start = document.text.index("12.450 tấn")
    assert document.marks_at(start, start + 5) == []
    [part] = document.parts
    assert part.kind == "report" and part.title == "BÁO CÁO Tình hình kinh tế - xã hội năm 2024"


@needs_libreoffice
def test_legacy_doc_keeps_numbering_and_notes(report_docx: Path, tmp_path: Path) -> None:
    assert BINARY is not None
    doc = convert(report_docx, tmp_path, BINARY, "doc")
    document = read_document(doc)
    assert document.kind == "doc"
    lines = document.text.splitlines()
    assert "a) Kinh tế" in lines and NOTE in lines
    assert _marked(document, "recipients") and _marked(document, "signature")


def test_text_box_drawn_twice_by_word_is_read_once(tmp_path: Path) -> None:
    """Word stores a text box twice (DrawingML and a VML fallback for old readers)."""
    document = docx.Document()
    paragraph = document.add_paragraph("Thu ngân sách đạt 43,2 tỷ đồng.")
    box = ('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:r>'
           "<w:t>Khung: số liệu sơ bộ.</w:t></w:r></w:p>")
    run = parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx>"
        "</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    paragraph._p.append(run)
    path = tmp_path / "khung.docx"
    document.save(str(path))
    text = read_document(path).text
    assert text.count("Khung: số liệu sơ bộ.") == 1
    assert text.splitlines()[:2] == ["Thu ngân sách đạt 43,2 tỷ đồng.", "Khung: số liệu sơ bộ."]


def test_vertically_merged_cells_from_python_docx(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "Kinh tế"
    for r, (name, value) in enumerate([("GRDP", "7,2"), ("Thu ngân sách", "43,2"), ("Xuất khẩu", "12")]):
        table.cell(r, 1).text, table.cell(r, 2).text = name, value
    path = tmp_path / "gop.docx"
    document.save(str(path))
    [block] = read_document(path).tables
    assert [r[0] for r in block.rows] == ["Kinh tế", "", ""]
    assert [(m.row, m.col, m.rows, m.cols) for m in block.merges] == [(0, 0, 3, 1)]
    assert [r[0] for r in block.filled_rows()] == ["Kinh tế"] * 3
