"""PDF: page map, running headers and page numbers dropped, sentences re-joined, tables, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from chitieu.messages import ChitieuError
from chitieu.readers import PdfLimits, read_document
from chitieu.readers.legacy_vietnamese import encode_tcvn3

from .builders import make_pdf

PAGES = [
    ["Trong nhiệm kỳ, tốc độ tăng trưởng kinh tế bình quân đạt", "6,14%/năm; thu ngân sách trên địa bàn đạt 2.345 tỷ", "đồng."],
    ["Tỷ lệ che phủ rừng đạt 54%.", "- Giải quyết việc làm cho 8.500 lao động/năm."],
    ["Tỷ lệ hộ nghèo giảm bình quân 3%/năm."],
]
TABLE = [["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch"], ["1", "Thu ngân sách", "Tỷ đồng", "3.000"], ["2", "Tỷ lệ che phủ rừng", "%", "54"]]


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "bao-cao.pdf"
    return make_pdf(path, PAGES, header="BÁO CÁO CHÍNH TRỊ", table_on={2: TABLE})


def test_text_pages_and_joined_lines(report_pdf: Path) -> None:
    document = read_document(report_pdf)
    assert document.kind == "pdf"
    text = document.text
    assert "bình quân đạt 6,14%/năm; thu ngân sách trên địa bàn đạt 2.345 tỷ đồng." in text
    assert "BÁO CÁO CHÍNH TRỊ" not in text  # running header dropped
    assert [p.number for p in document.pages] == [1, 2, 3]
    assert document.page_at(text.index("2.345")) == 1
    assert document.page_at(text.index("54%")) == 2
    assert document.page_at(text.index("3%/năm")) == 3
    assert "\n- Giải quyết việc làm" in text  # a bullet starts its own line
    for line in text.splitlines():
        assert line.strip() not in {"1", "2", "3"}  # page numbers dropped


def test_ruled_table_becomes_rows_and_text(report_pdf: Path) -> None:
    document = read_document(report_pdf)
    [table] = document.tables
    assert table.rows == TABLE
    assert table.page == 2
    assert document.text[table.start :].startswith("TT\tChỉ tiêu\tĐVT\tKế hoạch\n1\tThu ngân sách")
    assert document.text[table.row_starts[2] :].startswith("2\tTỷ lệ che phủ rừng\t%\t54")


def test_encrypted_pdf_needs_password(report_pdf: Path, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(str(report_pdf)))
    writer.encrypt(user_password="mat-khau", owner_password="chu")
    path = tmp_path / "khoa.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ChitieuError) as info:
        read_document(path)
    assert info.value.code == "file_encrypted"


def test_owner_password_only_pdf_is_read(report_pdf: Path, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(str(report_pdf)))
    writer.encrypt(user_password="", owner_password="chu")
    path = tmp_path / "owner.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert "54%" in read_document(path).text


def test_truncated_pdf_is_corrupt(report_pdf: Path, tmp_path: Path) -> None:
    data = report_pdf.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(ChitieuError) as info:
        read_document(path)
    assert info.value.code in ("file_corrupt", "read_pdf_no_text")
    assert "cut.pdf" in info.value.message


def test_pdf_extension_without_pdf_content(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("chỉ là văn bản", encoding="utf-8")
    with pytest.raises(ChitieuError) as info:
        read_document(path)
    assert info.value.code == "file_corrupt"


def test_page_limit_and_time_budget(report_pdf: Path) -> None:
    with pytest.raises(ChitieuError) as info:
        read_document(report_pdf, pdf_limits=PdfLimits(max_pages=2))
    assert info.value.code == "read_pdf_too_many_pages"
    assert "3 trang" in info.value.message
    with pytest.raises(ChitieuError) as info:
        read_document(report_pdf, pdf_limits=PdfLimits(time_budget_s=-1))
    assert info.value.code == "read_pdf_time_budget"


def test_file_size_limit(report_pdf: Path) -> None:
    with pytest.raises(ChitieuError) as info:
        read_document(report_pdf, pdf_limits=PdfLimits(max_file_bytes=1000))
    assert info.value.code == "file_too_large"


def test_oversized_pages_are_skipped_not_parsed(report_pdf: Path) -> None:
    with pytest.raises(ChitieuError) as info:
        read_document(report_pdf, pdf_limits=PdfLimits(max_page_content_bytes=1))
    assert info.value.code == "read_pdf_pages_skipped"
    assert "trang 1" in info.value.message


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", [[]], page_numbers=False)
    with pytest.raises(ChitieuError) as info:
        read_document(path)
    assert info.value.code == "read_pdf_no_text"


def test_tcvn3_text_layer_is_converted(tmp_path: Path) -> None:
    """A PDF set in a .VnTime font without a Unicode map yields Latin-1 codes; they become letters."""
    lines = ["Tỷ lệ hộ nghèo giảm bình quân 3%/năm, thu nhập bình quân", "đầu người đạt 90 triệu đồng."]
    garbled = [encode_tcvn3(line).decode("latin-1") for line in lines]
    document = read_document(make_pdf(tmp_path / "vntime.pdf", [garbled], page_numbers=False))
    assert document.text.strip() == " ".join(lines)  # joined: the line break is judged on real letters
