"""Counts of things named by the thing counted, then the action done to it (issue 10 item 8, round 15), in our
own sentences."""

from __future__ import annotations

from chitieu.extraction.counted_names import action_name, listed_after

from .claim_names import names_by_value as _names


def test_the_counted_noun_heads_the_name_and_the_verb_qualifies_it() -> None:
    got = _names("Năm 2025, phường đã trồng mới 3.050 cây xanh trên các tuyến phố.")
    assert got[3050] == "cây xanh trồng mới"
    got = _names("Trong năm, xã sửa chữa 12 nhà văn hóa thôn.")
    assert got[12] == "nhà văn hóa thôn sửa chữa"


def test_the_actor_before_a_tense_word_is_no_part_of_the_name() -> None:
    got = _names("Năm 2025, Ủy ban Mặt trận Tổ quốc huyện đã vận động xây mới 21 nhà đại đoàn kết.")
    assert got[21] == "nhà đại đoàn kết vận động xây mới"


def test_an_action_done_for_the_counted_names_them_as_receivers() -> None:
    got = _names("Năm 2025, trung tâm y tế đã khám sức khỏe định kỳ cho 860 người cao tuổi.")
    assert got[860] == "người cao tuổi được khám sức khỏe định kỳ"


def test_counts_listed_after_the_first_share_its_action_also_inside_a_bracket() -> None:
    got = _names("Năm học này, tỉnh công nhận mới 15 trường (4 trường mầm non, 6 trường tiểu học và 5 trường THCS).")
    assert got[15] == "trường công nhận mới"
    assert got[4] == "trường mầm non công nhận mới"
    assert got[6] == "trường tiểu học công nhận mới"
    assert got[5] == "trường THCS công nhận mới"


def test_a_generic_area_qualifies_the_thing_a_named_place_does_not() -> None:
    got = _names("Riêng khu vực thành thị có 35 trạm y tế có bác sĩ, 12 trạm y tế đạt chuẩn quốc gia.")
    assert got[35] == "trạm y tế có bác sĩ khu vực thành thị"
    assert got[12] == "trạm y tế đạt chuẩn quốc gia khu vực thành thị"
    assert action_name("thị trấn Phú Lộc", "có", "hộ kinh doanh", "hộ") == ("hộ kinh doanh", "")


def test_what_joins_the_next_figure_or_a_detail_is_no_qualifier_of_the_thing() -> None:
    got = _names("Năm 2025, công an xã đã triệt phá 4 ổ nhóm cờ bạc với 31 người tham gia.")
    assert got[4] == "ổ nhóm cờ bạc triệt phá"
    got = _names("Năm 2025, xã xây mới 9 cây cầu, chủ yếu là cầu bê tông nông thôn.")
    assert got[9] == "cây cầu xây mới"


def test_a_subject_that_measures_or_reaches_a_level_keeps_its_name() -> None:
    assert action_name("Số lượt người khám bệnh", "", "lượt người", "lượt người") is None
    assert action_name("số hộ nghèo", "đạt", "hộ", "hộ") is None
    got = _names("Đến hết năm 2025, hộ cận nghèo toàn xã giảm xuống còn 96 hộ.")
    assert got[96] == "hộ cận nghèo toàn xã"


def test_only_list_marks_between_two_counts_share_an_action() -> None:
    assert listed_after(", ")
    assert listed_after(" (tỷ lệ 32%), ")
    assert listed_after(" và ")
    assert not listed_after(" với ")
    assert not listed_after(", trong đó có ")


def test_a_lead_ending_in_cho_is_part_of_the_action_done_for_the_counted() -> None:
    got = _names("Năm 2025, hỗ trợ vay vốn thêm cho 75 hộ, vượt 5%.")
    assert got[75] == "hộ được hỗ trợ vay vốn thêm"


def test_a_trend_verb_opening_a_rates_name_is_not_part_of_it() -> None:
    got = _names("Năm 2025, nâng tỷ lệ hộ dùng nước sạch lên 97,5%.")
    assert got[97.5] == "tỷ lệ hộ dùng nước sạch"


def test_a_period_in_the_subject_or_after_the_thing_is_no_part_of_the_name() -> None:
    got = _names("Mỗi năm đào tạo nghề cho 3.500 lao động nông thôn.")
    assert got[3500] == "lao động nông thôn được đào tạo nghề"
    got = _names("Trong nhiệm kỳ, 5 năm kết nạp 820 đảng viên mới trở lên.")
    assert got[820] == "đảng viên mới kết nạp"


def test_categories_counted_in_people_keep_their_own_noun() -> None:
    got = _names("Năm 2025, cán bộ cấp xã có 1.240 người (trong đó: cán bộ 610 người; công chức 630 người).")
    assert got[1240] == "cán bộ cấp xã"
    assert got[610] == "cán bộ"
    assert got[630] == "công chức"


def test_a_body_named_with_capitals_mid_sentence_is_not_an_action() -> None:
    assert action_name("UBKT", "", "tổ chức đảng", "tổ chức đảng") is None
    assert action_name("cán bộ và", "", "viên chức", "viên chức") is None
    got = _names("Năm 2025, Thanh tra huyện lựa chọn 14 đơn vị.")
    assert got[14] != "đơn vị thanh tra huyện lựa chọn"


def test_people_counted_after_a_verb_of_harm_are_named_as_the_people_harmed() -> None:
    got = _names("Năm 2025, trên địa bàn huyện xảy ra 37 vụ tai nạn giao thông, làm chết 21 người, bị thương 44 người.")
    assert got[21] == "người chết"
    assert got[44] == "người bị thương"
    assert _names("Năm 2025, viên chức có trình độ thạc sĩ 58 người.")[58] == "viên chức có trình độ thạc sĩ"
