"""Promises inside budget and investment reports (issue 10 item 3): a figure the unit strives for or is required
to reach is a target even when worded as an achievement or a ratio to the plan.

Sentences are written for these tests in the style of such reports, with invented figures.
"""

from __future__ import annotations

from chitieu.extraction.claims import extract_claims


def kinds(text: str) -> list[tuple[str, float | None, str]]:
    return [(c.kind, c.value, c.unit) for c in extract_claims(text)]


def test_striving_to_reach_a_minimum_is_a_target_after_a_reported_result() -> None:
    text = ("Năm 2024, thu nội địa đến hết tháng 10 đạt 71,5% dự toán năm. Trên cơ sở đó, phấn đấu đạt được số thu "
            "tối thiểu 9.300 tỷ đồng, đạt 90,2% dự toán và giảm 3,4% so với cùng kỳ.\n")
    assert kinds(text) == [("result", 71.5, "% dự toán"), ("target", 9300.0, "tỷ đồng"), ("target", 90.2, "% dự toán"),
                           ("target", 3.4, "%")]


def test_a_review_that_strove_and_achieved_stays_a_result() -> None:
    text = "Năm 2024, toàn huyện đã nỗ lực phấn đấu đạt được nhiều kết quả, thu ngân sách đạt 412 tỷ đồng.\n"
    assert kinds(text) == [("result", 412.0, "tỷ đồng")]


def test_a_required_disbursement_is_a_target_beside_the_disbursed_share() -> None:
    text = ("Để hoàn thành kế hoạch năm 2024, UBND huyện yêu cầu các phòng, ban và các chủ đầu tư đẩy nhanh tiến độ, "
            "giải ngân 100% kế hoạch vốn giao. Đến nay số vốn giải ngân bằng 61,3% kế hoạch vốn năm 2024.\n")
    assert kinds(text) == [("target", 100.0, "% kế hoạch"), ("result", 61.3, "% kế hoạch")]


def test_a_total_estimate_of_several_units_is_a_plan_value() -> None:
    text = ("Đến hết tháng 9, số thu của 5 chi cục đạt 1.420 tỷ đồng, bằng 68,1% trên tổng dự toán của 5 chi cục "
            "cộng lại 2.085 tỷ đồng.\n")
    claims = list(extract_claims(text))
    assert [(c.kind, c.value, c.unit, c.role, c.plan_kind) for c in claims] == [
        ("result", 1420.0, "tỷ đồng", "level", ""),
        ("result", 68.1, "% dự toán", "plan_ratio", ""),
        ("target", 2085.0, "tỷ đồng", "plan", "dự toán"),
    ]
    assert len({c.statement for c in claims}) == 1


def test_money_over_its_plan_keeps_its_unit_when_the_comma_before_bang_is_left_out() -> None:
    claims = list(extract_claims("Đến ngày 20/11/2024, Chi cục thu đạt 6.120/6.400 tỷ đồng bằng 95,6% dự toán.\n"))
    assert [(c.kind, c.value, c.unit, c.role) for c in claims] == [
        ("result", 6120.0, "tỷ đồng", "level"),
        ("target", 6400.0, "tỷ đồng", "plan"),
        ("result", 95.6, "% dự toán", "plan_ratio"),
    ]
    assert not any("đồng" in c.indicator for c in claims)


def test_a_plain_is_still_no_money() -> None:
    claims = list(extract_claims("Huyện có 14 xã thuộc vùng đồng bằng, 6 xã miền núi.\n"))
    assert all(c.unit != "đồng" for c in claims)


def test_an_estimate_named_by_its_own_wording_takes_the_name_of_its_result() -> None:
    text = "Năm 2024, số thu ngân sách ước đạt 3.520 tỷ đồng, đạt 86,7% dự toán năm 2024 được tỉnh giao là 4.060 tỷ đồng.\n"
    claims = list(extract_claims(text))
    assert [(c.kind, c.value, c.role, c.indicator) for c in claims] == [
        ("result", 3520.0, "level", "số thu ngân sách"),
        ("result", 86.7, "plan_ratio", "số thu ngân sách"),
        ("target", 4060.0, "plan", "số thu ngân sách"),
    ]


def test_money_over_its_plan_with_a_magnitude_on_both_sides_gives_both() -> None:
    claims = list(extract_claims("Dự án cầu Bến Lức đến nay đã giải ngân được 393 tỷ/932 tỷ đồng.\n"))
    assert [(c.kind, c.value, c.unit, c.role) for c in claims] == [
        ("result", 393.0, "tỷ đồng", "level"),
        ("target", 932.0, "tỷ đồng", "plan"),
    ]


def test_a_task_named_with_its_figure_and_a_request_to_exceed_the_estimate_are_targets() -> None:
    text = ("Chỉ còn hai tháng nữa là hết năm, nhưng nhiệm vụ giải ngân 100% vốn đầu tư công sẽ rất nặng nề.\n"
            "Giám đốc Sở đề nghị công tác thu phí năm 2025 cần vượt tối thiểu 3% dự toán.\n"
            "Năm 2024, huyện hoàn thành nhiệm vụ thu ngân sách, đạt 104% dự toán.\n")
    assert [(c.kind, c.value) for c in extract_claims(text)] == [("target", 100.0), ("target", 3.0), ("result", 104.0)]
