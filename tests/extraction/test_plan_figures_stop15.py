"""Figures measured against a plan, as commune and budget reports write them (stop 15, issue 10).

Sentences are written for these tests in the style of such reports, with invented figures.
"""

from __future__ import annotations

from chitieu.extraction.claims import Claim, extract_claims


def claims_of(text: str) -> list[Claim]:
    return list(extract_claims(text))


def test_amount_written_in_parts_is_one_figure() -> None:
    claims = claims_of("Năm 2023, vốn xây dựng nhà văn hóa thôn huy động được 3 tỷ 75 triệu đồng.\n")
    assert [(c.value, c.unit) for c in claims] == [(3.075, "tỷ đồng")]


def test_amounts_in_their_own_units_stay_apart() -> None:
    claims = claims_of("Năm 2023, thu ngân sách xã đạt 5 tỷ đồng, trong đó thu phí 300 triệu đồng.\n")
    assert [(c.value, c.unit) for c in claims] == [(5.0, "tỷ đồng"), (300.0, "triệu đồng")]


def test_times_the_plan_is_a_ratio_not_a_target() -> None:
    claims = claims_of("Năm 2023, sản lượng cà phê đạt 900 tấn, gấp 1,8 lần so với kế hoạch.\n")
    ratio = next(c for c in claims if c.value == 1.8)
    assert (ratio.kind, ratio.unit, ratio.role, ratio.basis) == ("result", "lần", "plan_ratio", "kế hoạch")
    assert not [c for c in claims if c.kind == "target"]


def test_result_over_plan_after_a_slash_gives_the_plan_as_a_target() -> None:
    claims = claims_of("Kết quả năm 2023: diện tích nuôi trồng thủy sản đạt 12,5/12 ha; sản lượng cá 90/85 tấn.\n")
    got = [(c.kind, c.value, c.unit, c.role, c.plan_kind) for c in claims]
    assert got == [
        ("result", 12.5, "ha", "level", ""),
        ("target", 12.0, "ha", "plan", "kế hoạch"),
        ("result", 90.0, "tấn", "level", ""),
        ("target", 85.0, "tấn", "plan", "kế hoạch"),
    ]
    assert claims[0].statement == claims[1].statement != claims[2].statement


def test_slash_of_counts_ranks_and_dates_is_no_plan() -> None:
    text = "Năm 2023, xã hoàn thành 17/19 tiêu chí; chỉ số cải cách hành chính xếp thứ 5/12 xã, ngày 15/12/2023.\n"
    assert not [c for c in claims_of(text) if c.role == "plan"]


def test_amounts_of_an_estimate_adjustment_are_plan_values() -> None:
    text = (
        "2. Điều chỉnh dự toán năm 2024 của Sở Tư pháp như sau: điều chỉnh giảm chi quản lý hành chính với kinh phí "
        "là 75 triệu đồng; đồng thời tăng chi sự nghiệp khác với kinh phí là 75 triệu đồng (chi sự nghiệp giáo dục: "
        "30 triệu đồng, chi sự nghiệp kinh tế: 45 triệu đồng).\n"
    )
    claims = claims_of(text)
    assert [(c.kind, c.value, c.plan_kind) for c in claims] == [
        ("target", 75.0, "dự toán"), ("target", 75.0, "dự toán"), ("target", 30.0, "dự toán"), ("target", 45.0, "dự toán"),
    ]


def test_a_result_after_an_adjustment_stays_a_result() -> None:
    text = "Năm 2024, sau khi được điều chỉnh tăng dự toán, Trung tâm đã giải ngân 620 triệu đồng cho các lớp tập huấn.\n"
    assert [(c.kind, c.value) for c in claims_of(text)] == [("result", 620.0)]


def test_an_adjustment_in_the_sentence_before_does_not_reach_the_next_one() -> None:
    text = "Năm 2024, tỉnh điều chỉnh giảm dự toán chi thường xuyên. Thu ngân sách trên địa bàn đạt 3.200 tỷ đồng.\n"
    assert [(c.value, c.role, c.plan_kind) for c in claims_of(text)] == [(3200.0, "level", "")]


def test_expected_figure_for_a_later_year_in_an_undated_text_is_a_target() -> None:
    text = (
        "Trong 9 tháng năm 2025, doanh thu du lịch đạt 1.250 tỷ đồng, tăng 8% so với cùng kỳ.\n\n"
        "Hội nghị thống nhất dự kiến doanh thu du lịch năm 2026 tăng 12% so với năm 2025.\n"
    )
    assert [(c.kind, c.value) for c in claims_of(text)] == [("result", 1250.0), ("result", 8.0), ("target", 12.0)]
