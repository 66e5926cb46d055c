"""Rules found by the fifth blind evaluation (news reports without headings that mix a year's review and the
next year's plan, with context figures in the review).

Every sentence here is written for these tests, in the style of those reports, with invented figures.
"""

from __future__ import annotations

from chitieu.extraction.claims import Claim, extract_claims


def claims_of(text: str) -> list[Claim]:
    return list(extract_claims(text))


def test_verdict_on_the_plan_makes_the_next_sentence_a_review() -> None:
    # "các chỉ tiêu … đều đạt, vượt kế hoạch" names the targets but judges them: what follows is achieved
    text = (
        "Hội nghị nhận định, năm 2025 hầu hết các chỉ tiêu của huyện đều đạt, vượt kế hoạch đề ra. "
        "Tốc độ tăng trưởng giá trị sản xuất đạt 9,4%, tăng 0,5% so với năm 2024.\n"
    )
    claims = claims_of(text)
    assert [(c.kind, c.value) for c in claims] == [("result", 9.4)]


def test_comparison_with_a_dated_plan_does_not_turn_a_target_into_a_result() -> None:
    text = (
        "HĐND tỉnh đặt mục tiêu năm 2026 tăng trưởng đạt 8 - 8,5%; thu ngân sách 7.250 tỷ đồng, "
        "tăng so với kế hoạch năm 2025.\n"
    )
    claims = claims_of(text)
    assert [(c.kind, c.op, c.value) for c in claims] == [("target", "range", None), ("target", "=", 7250.0)]
    # a comparison with the plan, undated, still reports an achieved figure
    review = claims_of("Thu ngân sách đạt 6.900 tỷ đồng, tăng 4% so với kế hoạch.\n")
    assert [(c.kind, c.value) for c in review] == [("result", 6900.0)]


def test_subjectless_plan_comparison_qualifies_the_figure_before() -> None:
    text = (
        "Toàn huyện trồng được 1.240 ha rừng các loại, đạt 103,3% so với kế hoạch huyện, tăng 2,1% so với cùng kỳ. "
        "Tổng thu ngân sách đạt 812 tỷ đồng, vượt 6,5% dự toán tỉnh giao và vượt 3,2% dự toán HĐND huyện giao.\n"
    )
    claims = claims_of(text)
    assert [(c.kind, c.value) for c in claims] == [("result", 1240.0), ("result", 812.0)]
    assert "103,3%" in claims[0].plan and "3,2%" in claims[1].plan
    # a second share with a subject of its own is a claim of its own
    own = claims_of("Thu nội địa đạt 500 tỷ đồng, thu xuất nhập khẩu đạt 96% kế hoạch.\n")
    assert [c.value for c in own] == [500.0, 96.0]


def test_figures_of_another_unit_in_a_ranking_parenthesis_are_not_claims() -> None:
    text = (
        "Năm 2025, tăng trưởng kinh tế của tỉnh ước đạt 10,2%, đứng thứ 3 cả nước (sau tỉnh Hải Dương tăng 11,4%), "
        "thu hút vốn FDI đạt 1,2 tỷ USD (xếp 5/34 tỉnh, thành phố).\n"
    )
    claims = claims_of(text)
    assert [(c.kind, c.value, c.unit) for c in claims] == [("result", 10.2, "%"), ("result", 1.2, "tỷ USD")]


def test_share_in_parenthesis_is_context_of_the_figure_before() -> None:
    text = (
        "Đến nay toàn tỉnh có 214 xã đạt chuẩn nông thôn mới (chiếm 71,3%). "
        "Thu từ doanh nghiệp nhà nước (chiếm 18,2% dự toán thu nội địa) ước đạt 64% dự toán.\n"
    )
    claims = claims_of(text)
    assert [(c.kind, c.value) for c in claims] == [("result", 214.0), ("result", 64.0)]
    # "chiếm" written as the predicate of its own subject is a claim
    plain = claims_of("Năm 2025, tỷ trọng công nghiệp chiếm 38,5% GRDP.\n")
    assert [(c.kind, c.value) for c in plain] == [("result", 38.5)]
