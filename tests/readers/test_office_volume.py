"""A congress volume as a district prints it from Word (LibreOffice PDF): the political report opens with its
slogan in capitals and the bracketed designation under it, the draft resolution with the two-column header
block (a Word table), "DỰ THẢO" and its title on three lines. Our own words and figures."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt

from chitieu.readers import read_document
from chitieu.services.extract import extract_file

from .office_pdf import soffice, to_pdf

SOFFICE = soffice()
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

REPORT = [
    "ĐOÀN KẾT, ĐỔI MỚI SÁNG TẠO, XÂY DỰNG HUYỆN MINH SƠN PHÁT TRIỂN NHANH VÀ BỀN VỮNG",
    "(Báo cáo chính trị của Ban Chấp hành Đảng bộ huyện khóa XIX trình Đại hội đại biểu Đảng bộ huyện lần thứ XX)",
    "Phần thứ nhất",
    "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020 - 2025",
    "Thu ngân sách trên địa bàn năm 2025 ước đạt 415 tỷ đồng; tỷ lệ che phủ rừng đạt 51,3%.",
    "Phần thứ hai",
    "MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2025 - 2030",
    "Các chỉ tiêu chủ yếu",
    "Tỷ lệ che phủ rừng đạt 53%; thu ngân sách trên địa bàn đạt 600 tỷ đồng.",
]
RESOLUTION = [
    "DỰ THẢO",
    "NGHỊ QUYẾT",
    "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN MINH SƠN LẦN THỨ XX,",
    "NHIỆM KỲ 2025 - 2030",
    "QUYẾT NGHỊ:",
    "1. Tán thành đánh giá kết quả nhiệm kỳ 2020 - 2025: thu ngân sách trên địa bàn ước đạt 415 tỷ đồng.",
    "2. Các chỉ tiêu chủ yếu đến năm 2030: tỷ lệ che phủ rừng đạt 53%; thu ngân sách trên địa bàn đạt 600 tỷ "
    "đồng; tỷ lệ hộ nghèo giảm bình quân 1,5 - 2% hằng năm.",
]


def _paragraph(document: docx.document.Document, text: str) -> None:
    paragraph = document.add_paragraph(text)
    capitals = text.isupper()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if capitals or text.startswith("(") else WD_ALIGN_PARAGRAPH.JUSTIFY
    if not capitals and not text.startswith("("):
        paragraph.paragraph_format.first_line_indent = Cm(1)
    for run in paragraph.runs:
        run.bold = capitals


def build(path: Path) -> Path:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    for line in REPORT:
        _paragraph(document, line)
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ĐẢNG BỘ TỈNH NAM SƠN\nĐẢNG BỘ HUYỆN MINH SƠN"
    header.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    header.cell(1, 0).text = "*"
    header.cell(1, 1).text = "Minh Sơn, ngày 20 tháng 7 năm 2025"
    for line in RESOLUTION:
        _paragraph(document, line)
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def volume(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("volume")
    assert SOFFICE is not None
    return to_pdf(build(folder / "van-kien.docx"), folder, SOFFICE)


def test_the_report_named_in_brackets_and_the_draft_resolution_are_parts(volume: Path) -> None:
    parts = read_document(volume).parts
    assert [(p.kind, p.page) for p in parts] == [("report", 1), ("resolution", 2)]
    # the designation stays a line of its own under the slogan (the PDF had joined it to the slogan)
    assert parts[0].title == (
        "Báo cáo chính trị của Ban Chấp hành Đảng bộ huyện khóa XIX trình Đại hội đại biểu Đảng bộ huyện lần thứ XX")
    assert parts[1].title == "NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN MINH SƠN LẦN THỨ XX, NHIỆM KỲ 2025 - 2030"


def test_the_resolution_restates_results_and_sets_targets(volume: Path) -> None:
    claims = [(c.kind, c.value if c.value is not None else (c.low, c.high), c.unit) for c in extract_file(volume).claims]
    assert claims == [
        ("result", 415.0, "tỷ đồng"), ("result", 51.3, "%"),
        ("target", 53.0, "%"), ("target", 600.0, "tỷ đồng"),
        ("result", 415.0, "tỷ đồng"),
        ("target", 53.0, "%"), ("target", 600.0, "tỷ đồng"), ("target", (1.5, 2.0), "%/năm"),
    ]
