"""Round 13 (names a reviewer can accept, names2): rules found on the failures left in rounds 10-12 (provincial budget
revenue with long share bases, ministry growth figures split by sub-sector).

Every sentence here is written for these tests, in the style of those documents, with invented figures.
"""

from __future__ import annotations

from chitieu.extraction.claims import extract_claims


def claims(text: str) -> dict[float, tuple[str, str]]:
    return {c.value: (c.indicator, c.role) for c in extract_claims(text + "\n") if c.value is not None}


def test_change_after_a_share_with_a_long_basis_stays_with_the_level() -> None:
    got = claims(
        "Thu tiền sử dụng đất ước thực hiện 3.420 tỷ đồng, đạt 41,3% dự toán, "
        "chiếm 8,7% tổng thu cân đối ngân sách nhà nước trên địa bàn và giảm 15,6%."
    )
    assert got[15.6] == ("Thu tiền sử dụng đất", "change")
    assert got[8.7][1] == "share"


def test_change_after_a_share_ended_by_a_comma_stays_with_the_level() -> None:
    got = claims("Thu thuế bảo vệ môi trường đạt 910 tỷ đồng, chiếm 2,4% tổng thu nội địa, tăng 6,2% so với cùng kỳ.")
    assert got[6.2] == ("Thu thuế bảo vệ môi trường", "change")


def test_a_part_takes_the_measure_without_the_word_leading_into_its_sector() -> None:
    got = claims(
        "Năm 2025, giá trị gia tăng toàn ngành lâm nghiệp ước tăng 5,2%; trong đó, chăn nuôi tăng 3,3%, thủy sản tăng 4,9%."
    )
    assert got[3.3][0] == "giá trị gia tăng chăn nuôi"
    assert got[4.9][0] == "giá trị gia tăng thủy sản"


def test_a_measure_not_cut_at_a_part_keeps_its_own_words() -> None:
    got = claims("Năm 2025, tỷ lệ hộ nghèo toàn huyện giảm còn 4,1%.")
    assert got[4.1][0] == "tỷ lệ hộ nghèo toàn huyện"


def test_a_count_helped_by_a_verb_is_named_by_its_noun() -> None:
    got = claims("Năm 2025, chương trình vay vốn được triển khai tốt, giúp 860 hộ thoát nghèo bền vững.")
    assert got[860][0] == "hộ thoát nghèo bền vững"


def test_a_name_ending_in_of_counts_the_owners() -> None:
    got = claims("Cuối năm 2025, đã hoàn thành các tiêu chí an toàn thực phẩm của 6 xã.")
    assert got[6][0] == "số xã hoàn thành các tiêu chí an toàn thực phẩm"
