"""Names cut to their subject (issue 10 item 8, round 14): edges of a name, in our own sentences."""

from __future__ import annotations

from chitieu.extraction.claims import extract_claims
from chitieu.extraction.names import edges

from .claim_names import names_by_value as _names


def test_a_name_never_starts_inside_a_bracket() -> None:
    assert edges("4,1% theo ước tính lần đầu) và quý III") == "quý III"
    got = _names("Giá trị xuất khẩu tăng 5,2%, trong đó quý I tăng 4,4% (thấp hơn mức 4,6% ước tính trước đó) và quý II tăng 6,0%.")
    assert got[6.0] == "Giá trị xuất khẩu quý II"


def test_a_period_a_predicate_or_a_comparison_at_the_end_is_not_the_name() -> None:
    assert edges("Tổng vốn huy động tính đến hết tháng 6") == "Tổng vốn huy động"
    assert edges("học sinh tiểu học đi học đúng độ tuổi đạt tỷ lệ") == "học sinh tiểu học đi học đúng độ tuổi"
    assert edges("Sản lượng cá quý này cao hơn hẳn cùng kỳ (2022)") == "Sản lượng cá"
    # a running total, an average, a plan word alone and a name that is only a period keep their period
    assert edges("Doanh thu lũy kế 7 tháng") == "Doanh thu lũy kế 7 tháng"
    assert edges("Giá xăng bình quân 3 tháng") == "Giá xăng bình quân 3 tháng"
    assert edges("kế hoạch năm 2026") == "kế hoạch năm 2026"
    assert edges("Sơ bộ quý II") == "Sơ bộ quý II"


def test_the_period_cut_from_a_name_is_the_claims_period() -> None:
    claims = list(extract_claims("Chỉ số giá vận tải tháng 7 tăng 1,3% so với tháng trước.\n"))
    assert (claims[0].indicator, claims[0].period) == ("Chỉ số giá vận tải", "tháng 7")


def test_a_unit_alone_names_nothing_so_the_year_list_keeps_the_subject() -> None:
    got = _names("Sản lượng chè năm nay cao hơn mức của các năm trước (năm 2021 tăng 2,2%; năm 2022 tăng 3,1%).")
    assert got[2.2] == got[3.1] == "Sản lượng chè"


def test_a_detail_opened_by_trong_do_is_not_widened_into_the_words_before() -> None:
    got = _names("Thu ngân sách 9 tháng ước đạt 71,5% dự toán năm, trong đó thu nội địa đạt 69,2%.")
    assert got[69.2] == "thu nội địa"


def test_a_sector_alone_in_a_new_paragraph_is_a_part_of_the_sections_measure() -> None:
    got = _names("Giá trị sản xuất ước tăng 6,8%.\n\nNgành trồng trọt tăng 3,1%, ngành chăn nuôi tăng 5,0%.")
    assert got[3.1] == "Giá trị sản xuất ngành trồng trọt"
    assert got[5.0] == "Giá trị sản xuất ngành chăn nuôi"
    # a new heading starts a new section: its sectors take nothing from the one before
    got = _names("1. Sản xuất\nGiá trị sản xuất ước tăng 6,8%.\n2. Lao động\nNgành dệt may tăng 2,2%.")
    assert got[2.2] == "Ngành dệt may"


def test_a_part_that_contributes_is_named_by_itself() -> None:
    got = _names("Giá trị tăng thêm tăng 5,4%, trong đó trồng trọt đóng góp 1,1 điểm phần trăm, chăn nuôi đóng góp 2,0 "
                 "điểm phần trăm và khu vực nông, lâm, thủy sản đóng góp 0,3 điểm phần trăm.")
    assert got[1.1] == "trồng trọt đóng góp"
    assert got[0.3] == "khu vực nông, lâm, thủy sản đóng góp"
    # a contribution written without a part of its own stays a figure of the statement before it
    claims = list(extract_claims("Chăn nuôi tăng 6,2%, đóng góp 1,9 điểm phần trăm vào mức tăng chung.\n"))
    assert [(c.role, c.indicator) for c in claims] == [("level", "Chăn nuôi"), ("contribution", "Chăn nuôi")]


def test_a_share_of_a_count_of_things_is_a_rate_and_of_an_amount_a_weight() -> None:
    got = _names("Đến hết năm 2024, hộ nghèo toàn huyện giảm xuống còn 412 hộ, chiếm khoảng 2,86%.")
    assert got[2.86] == "tỷ lệ hộ nghèo toàn huyện"
    got = _names("Thu nội địa ước đạt 1.240 tỷ đồng, chiếm 71,2% tổng thu.")
    assert got[71.2] == "tỷ trọng thu nội địa"


def test_a_comma_after_the_measured_name_opening_a_clause_lists_one_more_thing_it_measures() -> None:
    got = _names("- Tỷ trọng ngành may mặc, da giày trong giá trị xuất khẩu đạt 31%.\n"
                 "- Số cụm công nghiệp, làng nghề được công nhận mới là 4 cụm.")
    assert got[31.0] == "Tỷ trọng ngành may mặc, da giày trong giá trị xuất khẩu"
    assert got[4.0] == "Số cụm công nghiệp, làng nghề được công nhận mới"


def test_a_comma_before_a_name_with_its_own_measure_or_after_an_opening_still_parts_names() -> None:
    got = _names("Tổng thu ngân sách tăng khá, số thu nội địa đạt 812 tỷ đồng.\nNăm 2026, tỷ lệ hộ nghèo giảm còn 2,5%.")
    assert got[812.0] == "số thu nội địa"
    assert got[2.5] == "tỷ lệ hộ nghèo"
