"""Text decoding: invalid bytes replaced and reported with line and column, binary judged from content,
and big files read in bounded chunks whose offsets match the whole text."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.messages import ChitieuError, Problem
from chitieu.readers import read_document
from chitieu.readers.text_reader import SNIFF_BYTES, iter_text_chunks

from .builders import cp1258_bytes

LINE = "Tỷ lệ che phủ rừng đạt 54%; thu ngân sách trên địa bàn đạt 3.000 tỷ đồng."


def test_an_invalid_byte_is_replaced_and_reported_with_line_and_column(tmp_path: Path) -> None:
    good = (LINE + "\n") * 3
    bad_line = "Sản lượng lúa đạt 512.000 tấn".encode() + b"\xff" + " trong năm.".encode()
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(good.encode() + bad_line + b"\n" + good.encode())
    document = read_document(path)
    assert document.encoding == "utf-8"
    assert "512.000 tấn\ufffd trong năm." in document.text
    assert len(document.problems) == 1
    problem = document.problems[0]
    assert isinstance(problem, Problem)
    assert problem.code == "read_text_invalid_byte"
    assert problem.severity == "warning"
    assert problem.row == 4
    column = len("Sản lượng lúa đạt 512.000 tấn") + 1
    assert problem.column == str(column)
    assert document.text.splitlines()[3][column - 1] == "\ufffd"
    assert "dòng 4" in problem.message and f"cột {column}" in problem.message and "0xFF" in problem.message
    assert document.warnings == [problem.message]


def test_many_invalid_bytes_are_counted_not_listed(tmp_path: Path) -> None:
    path = tmp_path / "nhieu-loi.txt"
    path.write_bytes(((LINE + "\n").encode() * 20 + b"x\x80y\n") * 30)
    document = read_document(path)
    codes = [p.code for p in document.problems]
    assert codes.count("read_text_invalid_byte") == 20
    assert codes[-1] == "read_text_invalid_bytes_more"
    assert "10 byte" in document.problems[-1].message
    assert document.text.count("\ufffd") == 30


def test_positions_are_right_across_chunks_and_crlf(tmp_path: Path) -> None:
    lines = [f"{i}. {LINE}" for i in range(400)]
    lines[350] = lines[350][:10] + "\udcff" + lines[350][10:]
    data = "\r\n".join(lines).encode("utf-8", "surrogateescape")
    path = tmp_path / "dai.txt"
    path.write_bytes(data)
    stream, chunks = iter_text_chunks(path, chunk_bytes=1000)
    pieces = list(chunks)
    assert len(pieces) > 20
    whole = "".join(c.text for c in pieces)
    assert whole == read_document(path).text
    for chunk in pieces:
        assert whole[chunk.start:chunk.start + len(chunk.text)] == chunk.text
        assert chunk.text.endswith("\n") or chunk is pieces[-1]
    assert "\r" not in whole
    assert [(p.row, p.column) for p in stream.problems] == [(351, "11")]


def test_cp1258_chunks_compose_and_keep_offsets(tmp_path: Path) -> None:
    path = tmp_path / "cu.txt"
    path.write_bytes(cp1258_bytes("\n".join([LINE] * 300)))
    _, chunks = iter_text_chunks(path, chunk_bytes=2048)
    pieces = list(chunks)
    whole = "".join(c.text for c in pieces)
    assert whole == "\n".join([LINE] * 300)
    assert all(whole[c.start:c.start + len(c.text)] == c.text for c in pieces)


def test_binary_content_after_a_text_start_is_judged_from_samples(tmp_path: Path) -> None:
    path = tmp_path / "ghep.txt"
    blob = bytes(range(256)) * (SNIFF_BYTES // 64)
    path.write_bytes((LINE + "\n").encode() * 2000 + blob * 4)
    with pytest.raises(ChitieuError) as info:
        read_document(path)
    assert info.value.code == "file_binary"


def test_text_with_a_binary_looking_name_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "ghi-chu.dat"
    path.write_text(LINE, encoding="utf-8")
    assert read_document(path).text == LINE


@pytest.mark.parametrize("magic", [b"\x89PNG\r\n\x1a\n", b"\x7fELF\x02\x01", b"SQLite format 3\x00"])
def test_known_binary_formats(tmp_path: Path, magic: bytes) -> None:
    path = tmp_path / "anh.txt"
    path.write_bytes(magic + b"abcdefgh" * 100)
    with pytest.raises(ChitieuError) as info:
        read_document(path)
    assert info.value.code == "file_binary"


def test_document_chunks_stream_text_and_read_other_formats_whole(tmp_path: Path) -> None:
    import docx

    from chitieu.readers import iter_document_chunks

    text_file = tmp_path / "dai.txt"
    text_file.write_text((LINE + "\n") * 3000, encoding="utf-8")
    document, chunks = iter_document_chunks(text_file, chunk_bytes=16_384)
    pieces = list(chunks)
    assert document is None and len(pieces) > 5
    assert "".join(c.text for c in pieces) == read_document(text_file).text
    word = tmp_path / "a.docx"
    package = docx.Document()
    package.add_paragraph(LINE)
    package.save(str(word))
    document, chunks = iter_document_chunks(word)
    [chunk] = list(chunks)
    assert document is not None and chunk.start == 0 and chunk.text == document.text
