"""`chitieu extract` on a long text works piece by piece (whole documents at a time) and gives the claims
the whole text gives, as each piece is done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import chitieu.readers.text_pieces as text_pieces
from chitieu.extraction.claims import Claim
from chitieu.services.extract import iter_file_claims
from text_volumes import FILLER
from text_volumes import volume as _volume


def _comparable(claims: list[Claim]) -> list[str]:
    """Claims as JSON, statements numbered by first appearance (a piece numbers its own on from the last)."""
    numbers: dict[int, int] = {}
    out = []
    for claim in claims:
        data = claim.to_dict()
        data["statement"] = numbers.setdefault(claim.statement, len(numbers) + 1)
        out.append(json.dumps(data, ensure_ascii=False, sort_keys=True))
    return out


@pytest.fixture
def bound_reports(corpus_dir: Path, tmp_path: Path) -> Path:
    """Both real corpus reports twice over: four documents, one with appendix tables, the same targets restated."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt"))]
    path = tmp_path / "bon-bao-cao.txt"
    path.write_text("\n\n".join(texts * 2), encoding="utf-8")
    return path


def test_claims_of_a_text_read_in_pieces_are_those_of_the_whole_text(
    bound_reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = list(iter_file_claims(bound_reports)[1])
    monkeypatch.setattr(text_pieces, "PIECE_CHARS", 50_000)
    monkeypatch.setattr(text_pieces, "STABLE_TAIL", 5_000)
    read, stream = iter_file_claims(bound_reports)
    pieces = list(stream)
    assert len(whole) > 1000
    assert _comparable(pieces) == _comparable(whole)
    assert read.length == len(bound_reports.read_text(encoding="utf-8"))
    assert any(c.places for c in pieces if c.start > 200_000)  # restatements folded in a later piece too


def test_claims_come_before_the_text_is_read_to_its_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _volume(tmp_path, copies=8)
    monkeypatch.setattr(text_pieces, "PIECE_CHARS", 4_000)
    read, stream = iter_file_claims(path)
    first = next(stream)
    assert first.kind == "result" and first.value == 1000.0
    assert read.length == 0  # nothing past the first piece read yet
    rest = list(stream)
    assert [c.value for c in [first, *rest] if c.role == "level"] == [1000.0 + i for i in range(8)]
    assert read.length == len(path.read_text(encoding="utf-8"))


def test_statements_of_later_pieces_are_numbered_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _volume(tmp_path, copies=8)
    monkeypatch.setattr(text_pieces, "PIECE_CHARS", 4_000)
    claims = list(iter_file_claims(path)[1])
    levels = [c for c in claims if c.role == "level"]
    assert [c.statement for c in levels] == sorted({c.statement for c in levels})
    assert len({c.statement for c in levels}) == 8
    ratios = [c for c in claims if c.role == "plan_ratio"]
    assert [(c.statement, c.value) for c in ratios] == [(c.statement, 104.2) for c in levels]


def test_a_later_piece_without_a_date_line_is_dated_by_the_whole_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Đến năm 2022 …" looks back in a volume signed in 2026: a result, in every part without its own date
    dated = _volume(tmp_path, copies=7).read_text(encoding="utf-8").split("\n\n\n")[-1]  # the 2026 report
    motto = "\n".join(dated.splitlines()[:4])
    forest = f"{motto}\n\nKẾ HOẠCH\nPhát triển lâm nghiệp\n\nI. LÂM NGHIỆP\nĐến năm 2022, tỷ lệ che phủ rừng 55%.\n{FILLER}"
    path = tmp_path / "hai-phan.txt"
    path.write_text(dated + "\n\n" + forest + "\n\n" + forest, encoding="utf-8")
    whole = list(iter_file_claims(path)[1])
    monkeypatch.setattr(text_pieces, "PIECE_CHARS", 3_000)
    pieces = list(iter_file_claims(path)[1])
    assert _comparable(pieces) == _comparable(whole)
    assert [(c.kind, c.value) for c in pieces if c.value == 55.0] == [("result", 55.0)] * 2
