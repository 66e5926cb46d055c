"""Parts of a figure named with the whole they split (issue 10 item 8, round 16), in our own sentences."""

from __future__ import annotations

from chitieu.extraction.claims import extract_claims

from .claim_names import names_by_value as _names


def test_a_level_before_a_count_qualifies_the_counted_noun() -> None:
    got = _names("Năm 2024, toàn huyện có 20 trường đạt chuẩn. Trong đó, bậc học mẫu giáo có 7 trường đạt chuẩn, chiếm 35%.")
    assert got[7] == "trường mẫu giáo đạt chuẩn"
    assert got[35] == "tỷ lệ trường mẫu giáo đạt chuẩn"


def test_an_administrative_level_is_no_category() -> None:
    got = _names("Năm 2024, cấp xã có 17 cơ quan đạt chuẩn văn hóa.")
    assert got[17] == "cơ quan đạt chuẩn văn hóa"


def test_labels_in_the_bracket_after_a_figure_name_its_parts() -> None:
    got = _names("Năm 2024, toàn tỉnh tuyển sinh 640 người (trung cấp 210 người, sơ cấp 430 người).")
    assert got[210] == "số người tuyển sinh trung cấp"
    assert got[430] == "số người tuyển sinh sơ cấp"


def test_a_label_goes_after_the_noun_of_a_counted_whole() -> None:
    got = _names("Năm học này, huyện tuyển mới 950 học sinh (mầm non 350 học sinh, tiểu học 600 học sinh).")
    assert got[350] == "học sinh mầm non tuyển mới"
    assert got[600] == "học sinh tiểu học tuyển mới"


def test_a_year_or_span_opening_a_name_is_its_period() -> None:
    got = _names("Năm 2022 tỷ lệ hộ dùng nước hợp vệ sinh đạt 93%.")
    assert got[93] == "tỷ lệ hộ dùng nước hợp vệ sinh"


def test_a_rate_right_after_a_count_is_the_rate_of_what_was_counted() -> None:
    got = _names("Năm 2024, toàn xã có 88 hộ được công nhận gia đình văn hóa (tỷ lệ 91%).")
    assert got[91] == "tỷ lệ hộ được công nhận gia đình văn hóa"
    got = _names("Năm 2024, bậc học mẫu giáo có 14 trường đạt chuẩn quốc gia, chiếm tỷ lệ 70%.")
    assert got[70] == "tỷ lệ trường mẫu giáo đạt chuẩn quốc gia"


def test_the_day_a_census_is_taken_at_leaves_the_name_for_the_period() -> None:
    claims = {c.value: c for c in extract_claims("Tổng đàn bò tại thời điểm 1/10/2023 là 12.400 con.\n")}
    assert claims[12400].indicator == "Tổng đàn bò"
    assert claims[12400].period == "tại thời điểm 1/10/2023"
    assert _names("Số hộ cận nghèo đầu năm 2024 là 1.310 hộ.")[1310] == "Số hộ cận nghèo"


def test_a_subject_writing_the_counted_noun_names_the_count() -> None:
    got = _names("Năm 2024, đưa người lao động đi làm việc ở nước ngoài là 320 người.")
    assert got[320] == "đưa người lao động đi làm việc ở nước ngoài"


def test_two_verbs_joined_by_a_comma_both_name_the_count() -> None:
    got = _names("Năm 2024, huyện đã tuyển sinh, đào tạo nghề cho 1.200 người.")
    assert got[1200] == "người được tuyển sinh, đào tạo nghề"
