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
