"""A long text read piece by piece: pieces end where one of its documents begins, join back to the whole
text, keep the whole text's page numbers, and a document with no start in sight is cut at a blank line."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.messages import ChitieuError
from chitieu.readers import read_document
from chitieu.readers.text_pieces import iter_text_pieces
from text_volumes import volume as _volume


def test_pieces_end_where_a_document_begins_and_join_back_to_the_whole_text(tmp_path: Path) -> None:
    path = _volume(tmp_path)
    whole = read_document(path).text
    _, pieces = iter_text_pieces(path, piece_chars=4_000)
    got = list(pieces)
    assert len(got) >= 3
    assert "".join(p.document.text for p in got) == whole
    assert [p.start for p in got] == [sum(len(q.document.text) for q in got[:i]) for i in range(len(got))]
    for piece in got[1:]:
        assert piece.document.text.startswith("ỦY BAN NHÂN DÂN") and not piece.forced
        assert piece.document.parts[0].start == 0 and piece.document.parts[0].kind == "report"


def test_pieces_keep_the_page_numbers_of_the_whole_text(tmp_path: Path) -> None:
    path = _volume(tmp_path, separator="\n\x0c")
    whole = read_document(path)
    _, pieces = iter_text_pieces(path, piece_chars=4_000)
    for piece in pieces:
        for offset in (0, len(piece.document.text) // 2, len(piece.document.text) - 1):
            assert piece.document.page_at(offset) == whole.page_at(piece.start + offset)


def test_a_text_without_form_feeds_has_no_pages(tmp_path: Path) -> None:
    _, pieces = iter_text_pieces(_volume(tmp_path), piece_chars=4_000)
    assert all(p.document.page_at(0) is None for p in pieces)


def test_a_document_with_no_start_in_sight_is_cut_at_a_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "dai.txt"
    path.write_text(("Thu ngân sách đạt 1.000 tỷ đồng.\n" * 50 + "\n") * 40, encoding="utf-8")
    _, pieces = iter_text_pieces(path, piece_chars=2_000, max_piece_chars=5_000)
    got = list(pieces)
    assert len(got) > 5 and all(p.forced for p in got[:-1])
    assert all(len(p.document.text) <= 5_000 and p.document.text.endswith("\n\n") for p in got[:-1])
    assert "".join(p.document.text for p in got) == path.read_text(encoding="utf-8")


def test_a_blank_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "trang.txt"
    path.write_text(" \n\n \n", encoding="utf-8")
    _, pieces = iter_text_pieces(path)
    with pytest.raises(ChitieuError) as caught:
        list(pieces)
    assert caught.value.code == "file_empty"
