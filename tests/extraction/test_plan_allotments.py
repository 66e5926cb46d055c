"""Plan values written as money allotted to a unit ("được cấp", "được giao bổ sung", "tổng kế hoạch năm … khoảng"),
and what stays a result: things other than money handed out, counts of works in an adjusted plan, what was
collected or done after the allotment."""

from __future__ import annotations

from chitieu.extraction.claims import extract_claims


def _kinds(text: str) -> list[tuple[str, float | None, str]]:
    return [(c.kind, c.value, c.unit) for c in extract_claims(text + "\n")]


def test_money_allotted_to_a_unit_is_its_plan_value() -> None:
    text = "Năm 2024, Trung tâm Y tế huyện được cấp 18 tỷ đồng để xây khu khám bệnh, đến tháng 9 mới giải ngân 6 tỷ đồng."
    assert _kinds(text) == [("target", 18.0, "tỷ đồng"), ("result", 6.0, "tỷ đồng")]


def test_cards_handed_out_are_what_was_done() -> None:
    text = "Năm 2024, huyện có 2.300 trẻ em dưới 6 tuổi được cấp 2.300 thẻ bảo hiểm y tế."
    assert [k for k, _, _ in _kinds(text)] == ["result", "result"]


def test_a_supplement_names_the_plan_it_adds_to() -> None:
    text = "Trong tháng 8, Cục Thuế được giao bổ sung 150 tỷ đồng, nâng tổng chỉ tiêu thu cả năm lên 2.150 tỷ đồng."
    assert _kinds(text) == [("target", 150.0, "tỷ đồng"), ("target", 2150.0, "tỷ đồng")]


def test_parts_listed_after_an_allotment_are_plan_values_until_a_result_is_reported() -> None:
    text = ("Năm 2024, trường được duyệt chi 9 tỷ đồng sửa chữa lớp học, 3 tỷ đồng mua bàn ghế; "
            "đến nay thực hiện 7 tỷ đồng.")
    assert _kinds(text) == [("target", 9.0, "tỷ đồng"), ("target", 3.0, "tỷ đồng"), ("result", 7.0, "tỷ đồng")]


def test_total_plan_needs_no_linking_word() -> None:
    text = "Năm 2024, tổng kế hoạch năm 2024 của ngành y tế khoảng 640 tỷ đồng, đã giải ngân 410 tỷ đồng."
    assert _kinds(text) == [("target", 640.0, "tỷ đồng"), ("result", 410.0, "tỷ đồng")]


def test_an_adjusted_plan_moves_money_not_counts_of_works() -> None:
    text = "Năm 2024, tỉnh điều chỉnh kế hoạch cho 9 dự án, với số vốn điều chuyển 120 tỷ đồng."
    kinds = _kinds(text)
    assert kinds[0][0] == "result" and kinds[0][1] == 9.0
    assert kinds[1] == ("target", 120.0, "tỷ đồng")


def test_items_without_a_verb_repeat_the_assignment_that_opened_the_list() -> None:
    text = ("Năm 2024, Chi cục Hải quan cảng được giao chỉ tiêu 9.000 tỷ đồng; Chi cục Hải quan sân bay 2.100 tỷ đồng "
            "và Chi cục Hải quan khu công nghiệp 640 tỷ đồng.")
    assert [k for k, _, _ in _kinds(text)] == ["target", "target", "target"]


def test_a_breakdown_after_trong_do_takes_the_kind_of_the_sentence_before() -> None:
    plan = "Năm 2024, Cục được giao chỉ tiêu thu 5.000 tỷ đồng. Trong đó, thuế nhập khẩu 1.200 tỷ đồng."
    done = "Năm 2024, Cục thu được 5.100 tỷ đồng. Trong đó, thuế nhập khẩu 1.250 tỷ đồng."
    assert [k for k, _, _ in _kinds(plan)] == ["target", "target"]
    assert [k for k, _, _ in _kinds(done)] == ["result", "result"]


def test_to_beat_the_estimate_by_a_share_is_a_change_in_percent() -> None:
    claims = [(c.kind, c.value, c.unit, c.role) for c in extract_claims("Năm 2025, tỉnh phấn đấu thu ngân sách vượt 5% dự toán.\n")]
    assert claims == [("target", 5.0, "%", "change")]


def test_an_item_linked_by_la_repeats_the_assignment() -> None:
    text = "Năm 2024, Chi cục Hải quan cảng được giao 3.100 tỷ đồng; Chi cục Hải quan khu công nghiệp là 1.400 tỷ đồng."
    assert [k for k, _, _ in _kinds(text)] == ["target", "target"]


def test_an_amount_written_again_in_words_keeps_its_magnitude_and_unit() -> None:
    text = "Điều 1. Giao bổ sung dự toán năm 2024 cho Trạm Khuyến nông với số tiền 95 (chín mươi lăm) triệu đồng."
    assert _kinds(text) == [("target", 95.0, "triệu đồng")]
