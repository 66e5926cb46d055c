"""Plain text: encodings, line ends, pages from form feeds, and the bad inputs users meet."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from chitieu.messages import ChitieuError
from chitieu.readers import read_document

from .builders import cp1258_bytes

SENTENCE = "Tỷ lệ che phủ rừng đạt 54%; thu ngân sách trên địa bàn đạt 3.000 tỷ đồng."


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_text_offsets_match_python_text_mode(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", ("Mở đầu\r\n" + SENTENCE + "\r\n").encode("utf-8"))
    document = read_document(path)
    with path.open(encoding="utf-8") as fh:
        assert document.text == fh.read()
    start = document.text.index("54%")
    assert document.text[start : start + 3] == "54%"
    assert document.kind == "txt"
    assert document.page_at(start) is None


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16-be"),
        (SENTENCE.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_unicode_encodings_with_and_without_bom(tmp_path: Path, data: bytes, encoding: str) -> None:
    document = read_document(_write(tmp_path, "u.txt", data))
    assert document.text == SENTENCE
    assert document.encoding == encoding


def test_windows_1258_is_detected_and_composed(tmp_path: Path) -> None:
    text = SENTENCE + " Tốc độ tăng trưởng kinh tế bình quân đạt 9-10%/năm."
    data = cp1258_bytes(text)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    document = read_document(_write(tmp_path, "cp.txt", data))
    assert document.encoding == "cp1258"
    assert document.text == text


def test_form_feeds_make_pages(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path, "p.txt", "trang một\x0ctrang hai\x0ctrang ba".encode()))
    assert [p.number for p in document.pages] == [1, 2, 3]
    assert document.page_at(document.text.index("hai")) == 2
    assert document.page_at(document.text.index("ba")) == 3


def test_tab_separated_table_found_in_text(tmp_path: Path) -> None:
    body = "Phụ lục\nTT\tChỉ tiêu\tĐơn vị tính\tMục tiêu\n1\tTỷ lệ che phủ rừng\t%\t54\n\nHết.\n"
    document = read_document(_write(tmp_path, "t.txt", body.encode()))
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table.rows[1] == ["1", "Tỷ lệ che phủ rừng", "%", "54"]
    assert document.text[table.row_starts[1] :].startswith("1\tTỷ lệ")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "file_empty"),
        (b"  \n\t\n", "file_empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "file_binary"),
        (os.urandom(4096) + b"\x00\x01", "file_binary"),
        (b"abc\x01\x02\x03\x04\x05\x06\x07\x08" * 50, "file_binary"),
    ],
)
def test_bad_text_inputs(tmp_path: Path, data: bytes, code: str) -> None:
    with pytest.raises(ChitieuError) as info:
        read_document(_write(tmp_path, "bad.txt", data))
    assert info.value.code == code
    assert "bad.txt" in info.value.message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ChitieuError) as info:
        read_document(tmp_path / "khong-co.txt")
    assert info.value.code == "file_not_found"
    with pytest.raises(ChitieuError) as info:
        read_document(tmp_path)
    assert info.value.code == "read_ingest_not_a_file"


def test_reads_the_shared_report_with_its_appendix_tables(corpus_dir: Path) -> None:
    document = read_document(corpus_dir / "002_afab32be4bedbcb5.txt")
    with (corpus_dir / "002_afab32be4bedbcb5.txt").open(encoding="utf-8") as fh:
        assert document.text == fh.read()
    headers = [t.rows[0][:2] for t in document.tables]
    assert ["TT", "Chỉ tiêu"] in headers
