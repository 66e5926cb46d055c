"""A target restated in an appendix is one claim with two places; statements of the running text stay apart."""

from __future__ import annotations

from pathlib import Path

from chitieu.extraction.claims import Claim
from chitieu.extraction.restated import merge_restated
from chitieu.services.extract import extract_file

BODY = (
    "NGHỊ QUYẾT\nĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN LẦN THỨ XX\n"
    "II. Các chỉ tiêu chủ yếu đến năm 2025\n"
    "Tốc độ tăng trưởng giá trị sản xuất bình quân 9,5%/năm; tỷ lệ che phủ rừng đạt 45%.\n\n"
)
APPENDIX = (
    "PHỤ LỤC\nCÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2025\n"
    "Tốc độ tăng trưởng giá trị sản xuất bình quân hằng năm đạt 9,5%/năm; tỷ lệ che phủ rừng 45%; "
    "thu ngân sách đạt 500 tỷ đồng.\n"
)


def _target(name: str, value: float, start: int) -> Claim:
    return Claim("target", name, "=", value, None, None, "%", start, start + 10, name, deadline=2025)


def test_restatement_in_an_appendix_is_a_place_of_the_first_claim() -> None:
    claims = [_target("tỷ lệ che phủ rừng", 45, 0), _target("Tỷ lệ che phủ rừng (%)", 45, 100), _target("tỷ lệ đô thị hóa", 45, 200)]
    kept = merge_restated(claims, [0, 0, 0], [False, True, True])
    assert [c.start for c in kept] == [0, 200]
    assert kept[0].places is not None and [p["start"] for p in kept[0].places] == [0, 100]
    # the same figure in the running text twice, or in another document of the volume, stays two claims
    assert len(merge_restated(claims[:2], [0, 0], [False, False])) == 2
    assert len(merge_restated(claims[:2], [0, 1], [False, True])) == 2


def test_extract_gives_one_claim_with_two_places(tmp_path: Path) -> None:
    path = tmp_path / "nghi-quyet.txt"
    path.write_text(BODY + APPENDIX, encoding="utf-8")
    claims = extract_file(path).claims
    assert [(c.value, c.unit) for c in claims] == [(9.5, "%/năm"), (45.0, "%"), (500.0, "tỷ đồng")]
    places = claims[0].places
    assert places is not None and len(places) == 2 and places[1]["start"] > len(BODY)
    assert "hằng năm đạt 9,5%/năm" in str(places[1]["quote"]) and claims[2].places is None


def test_two_rows_of_one_table_are_never_a_restatement() -> None:
    rows = [_target("Tổng thu ngân sách xã", 7320, 0), _target("Tổng chi ngân sách xã", 7320, 50)]
    assert len(merge_restated(rows, [0, 0], [True, True], [0, 0])) == 2
    # the same amount in another table of the appendix restates the first
    assert len(merge_restated(rows, [0, 0], [True, True], [0, 1])) == 1
