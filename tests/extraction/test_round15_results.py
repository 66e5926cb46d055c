"""Round 15 (results in council-session, district, commune and department reports): rules found on the failures
of the round's fix set.

Every sentence here is written for these tests, in the style of those reports, with invented figures.
"""

from __future__ import annotations

from chitieu.extraction.claims import extract_claims
from chitieu.extraction.quantity import find_quantities


def claims(text: str) -> dict[float, tuple[str, str, str]]:
    return {c.value: (c.kind, c.role, c.unit) for c in extract_claims(text + "\n") if c.value is not None}


def test_a_plan_abbreviation_glued_to_the_rate_sign_is_still_the_plan() -> None:
    got = claims("Năm 2024, doanh thu vận tải đạt 96.450 triệu đồng, bằng 58,2%KH, bằng 110,4% so với cùng kỳ.")
    assert got[96450] == ("result", "level", "triệu đồng")
    assert got[58.2] == ("result", "plan_ratio", "% kế hoạch")
    assert got[110.4] == ("result", "ratio", "%")


def test_a_lower_case_word_glued_to_the_rate_sign_takes_no_rate() -> None:
    (q,) = find_quantities("tỷ lệ đạt 92%khá")
    assert q.value == 92 and q.unit == ""


def test_the_plan_abbreviation_in_brackets_after_a_slash_is_part_of_the_plan_word() -> None:
    got = claims("Năm 2023, tốc độ tăng giá trị sản xuất nông nghiệp ước đạt 5,6%/kế hoạch (KH) 5%.")
    assert got[5.6] == ("result", "level", "%")
    assert got[5][:2] == ("target", "plan")


def test_criteria_of_the_whole_place_are_measured_and_of_some_places_name_a_group() -> None:
    whole = [c for c in extract_claims("Năm 2024, về nông thôn mới, toàn huyện đạt 150/171 tiêu chí.\n")]
    assert [(c.value, c.unit) for c in whole] == [(150, "tiêu chí")]
    some = claims("Năm 2024, huyện có 4 xã đạt 19/19 tiêu chí nông thôn mới.")
    assert list(some) == [4]


def test_a_headline_figure_the_body_states_again_is_one_claim_in_two_places() -> None:
    from chitieu.services.extract import all_claims

    text = (
        "Huyện A: thu ngân sách 6 tháng chỉ đạt 38% dự toán\n\n"
        "Trong 6 tháng đầu năm 2024, thu ngân sách trên địa bàn ước đạt 41,5 tỷ đồng, đạt 38% dự toán, "
        "giảm 4,2% so với cùng kỳ.\n"
    )
    got = list(all_claims(text))
    body = text.index("Trong")
    assert [(c.value, c.unit) for c in got] == [(41.5, "tỷ đồng"), (38, "% dự toán"), (4.2, "%")]
    assert all(c.start >= body for c in got)
    ratio = got[1]
    assert ratio.places is not None and len(ratio.places) == 2
    assert ratio.places[0]["start"] < body <= ratio.places[1]["start"] == ratio.start


def test_a_headline_figure_the_body_does_not_repeat_stays_a_claim() -> None:
    from chitieu.services.extract import all_claims

    text = "Huyện A: thu ngân sách 6 tháng chỉ đạt 38% dự toán\n\nCông tác quản lý thu được tăng cường.\n"
    assert [c.value for c in all_claims(text)] == [38]


def test_an_instruction_to_cut_by_a_figure_is_no_result() -> None:
    got = claims("Năm 2024, UBND huyện chỉ đạo các phòng, ban rút ngắn ít nhất 25% thời gian giải quyết hồ sơ đất đai.")
    assert got[25][0] == "target"
    done = claims("Năm 2024, UBND huyện chỉ đạo các phòng quyết liệt, nhờ đó thời gian giải quyết hồ sơ giảm 25%.")
    assert done[25][0] == "result"


def test_ensuring_a_ratio_to_the_plan_by_a_time_is_a_promise() -> None:
    got = claims("Thời gian tới, các chi hội tăng cường vận động; bảo đảm đến cuối nhiệm kỳ đạt 100% chỉ tiêu đại hội đề ra.")
    assert got[100][0] == "target"


def test_the_qualities_a_movement_trains_are_part_of_its_name() -> None:
    assert claims("Năm 2024, các chi hội hưởng ứng phong trào rèn luyện 4 phẩm chất của người phụ nữ.") == {}


def test_a_bound_on_the_ratio_after_a_count_of_units_says_which_units_are_counted() -> None:
    got = claims("Năm 2024, có 7 chi cục đạt trên 100% dự toán thu, 2 chi cục đạt dưới 85%.")
    assert sorted(got) == [2, 7]


def test_the_level_of_a_standard_counts_nothing() -> None:
    got = claims("Năm học 2024, có 6 trường được công nhận mới mức 1, 2 trường nâng lên mức độ 2; lạm phát ở mức 3,8%.")
    assert sorted(got) == [2, 3.8, 6]
