"""Word .docx: reading order, merged header cells, page breaks, zip bombs, corrupt and encrypted files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from chitieu.messages import ChitieuError
from chitieu.readers import ZipLimits, read_document

from .builders import OLE_HEADER, make_docx

TABLE = [
    ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2025"],
    ["1", "Tỷ lệ che phủ rừng", "%", "54"],
]


def test_paragraphs_and_tables_in_reading_order(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", ["Phần mở đầu.", TABLE, "Phần kết luận."])
    document = read_document(path)
    assert document.kind == "docx"
    text = document.text
    assert text.index("Phần mở đầu") < text.index("Tỷ lệ che phủ rừng") < text.index("Phần kết luận")
    assert "1\tTỷ lệ che phủ rừng\t%\t54" in text
    [table] = document.tables
    assert table.rows == TABLE
    assert text[table.start : table.end].startswith("TT\tChỉ tiêu")
    assert text[table.row_starts[1] :].startswith("1\t")


def test_merged_header_cells_keep_grid_positions(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 0).text = "TT"
    table.cell(0, 1).text = "Chỉ tiêu"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Ước thực hiện 2021 - 2023"
    table.cell(1, 2).text = "Kết quả"
    table.cell(1, 3).text = "Tỷ lệ %"
    for j, value in enumerate(["3", "Thu ngân sách", "2.134,6", "71,2%"]):
        table.cell(2, j).text = value
    path = tmp_path / "m.docx"
    document.save(str(path))
    rows = read_document(path).tables[0].rows
    assert rows[0] == ["TT", "Chỉ tiêu", "Ước thực hiện 2021 - 2023", ""]
    assert rows[1] == ["", "", "Kết quả", "Tỷ lệ %"]
    assert rows[2] == ["3", "Thu ngân sách", "2.134,6", "71,2%"]


def test_hard_page_breaks_give_pages(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "p.docx", ["Trang đầu.", "Trang sau có số 54%."], page_break_after=0)
    document = read_document(path)
    assert document.page_at(document.text.index("Trang đầu")) == 1
    assert document.page_at(document.text.index("54%")) == 2


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "bomb.docx", ["Nội dung."])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/filler.bin", b"\x00" * (8 * 1024 * 1024))
    with pytest.raises(ChitieuError) as info:
        read_document(path)
    assert info.value.code == "zip_bomb"


def test_total_uncompressed_size_is_limited(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "big.docx", ["Nội dung " * 2000])
    with pytest.raises(ChitieuError) as info:
        read_document(path, zip_limits=ZipLimits(max_total_bytes=20_000))
    assert info.value.code == "zip_bomb"


def test_corrupt_docx(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "g.docx", ["Nội dung đủ dài để cắt đôi."] * 20).read_bytes()
    truncated = tmp_path / "cut.docx"
    truncated.write_bytes(good[: len(good) // 2])
    with pytest.raises(ChitieuError) as info:
        read_document(truncated)
    assert info.value.code == "file_corrupt"
    fake = tmp_path / "fake.docx"
    fake.write_text("không phải docx", encoding="utf-8")
    with pytest.raises(ChitieuError) as info:
        read_document(fake)
    assert info.value.code == "file_corrupt"


def test_zip_without_word_document_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("ppt/presentation.xml", "<presentation/>")
    with pytest.raises(ChitieuError) as info:
        read_document(path)
    assert info.value.code == "file_format_unsupported"


def test_password_protected_office_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.docx"
    path.write_bytes(OLE_HEADER + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500)
    with pytest.raises(ChitieuError) as info:
        read_document(path)
    assert info.value.code == "file_encrypted"


def test_legacy_doc_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("chitieu.readers.doc_reader.find_soffice", lambda: None)
    path = tmp_path / "old.doc"
    path.write_bytes(OLE_HEADER + b"\x00" * 2048)
    with pytest.raises(ChitieuError) as info:
        read_document(path)
    assert info.value.code == "libreoffice_missing"
    assert "old.doc" in info.value.message


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice not installed")
def test_legacy_doc_is_converted_with_libreoffice(tmp_path: Path) -> None:
    import subprocess

    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TABLE)
    source = tmp_path / "src.html"
    source.write_text(f'<html><head><meta charset="utf-8"></head><body><p>Tỷ lệ che phủ rừng đạt 54% vào năm 2025.</p>'
                      f"<table>{cells}</table></body></html>", encoding="utf-8")
    subprocess.run(  # a real Word 97 file, written by LibreOffice itself
        ["soffice", "--headless", "--convert-to", "doc:MS Word 97", "--outdir", str(tmp_path / "legacy"), str(source)],
        check=True, capture_output=True, timeout=120,
    )
    document = read_document(tmp_path / "legacy" / "src.doc")
    assert document.kind == "doc"
    assert "Tỷ lệ che phủ rừng đạt 54%" in document.text
    assert any(row[1] == "Tỷ lệ che phủ rừng" for table in document.tables for row in table.rows)
