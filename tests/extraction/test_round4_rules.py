"""Rules found by the fourth blind evaluation (whole documents: review, then targets, then tasks).

Every sentence here is written for these tests, in the style of those documents, with invented figures.
"""

from __future__ import annotations

from chitieu.extraction.claims import Claim, extract_claims
from chitieu.extraction.cues import read_plan_refs


def claims_of(text: str) -> list[Claim]:
    return list(extract_claims(text))


def test_plan_quoted_in_parenthesis_reads_as_comparison() -> None:
    assert "so với kế hoạch" in read_plan_refs("đạt 92% (mục tiêu 90%).")
    assert "so với kế hoạch" in read_plan_refs("12.500 lao động/năm (mục tiêu 11.000 lao động/năm)")
    # a parenthesis that names no figure, or is not a plan, stays as written
    assert read_plan_refs("(mục tiêu tổng quát)") == "(mục tiêu tổng quát)"
    assert read_plan_refs("(năm 2020)") == "(năm 2020)"


def test_figures_measured_against_their_plan_are_results() -> None:
    text = (
        "Đến cuối năm 2024, tỷ lệ hộ dùng nước hợp vệ sinh đạt 92% (mục tiêu 90%), trong đó nước sạch đạt 61,5% "
        "(mục tiêu 60-62%). Tạo việc làm mới bình quân 12.500 lao động/năm (mục tiêu 11.000 lao động/năm). "
        "Diện tích cây ăn quả đạt 8.200 ha, tỷ lệ che phủ rừng đạt 47% (mục tiêu 46-47%).\n"
    )
    claims = claims_of(text)
    assert {c.value: c.kind for c in claims} == {
        92.0: "result", 61.5: "result", 12500.0: "result", 8200.0: "result", 47.0: "result"
    }
    assert next(c for c in claims if c.value == 12500.0).plan  # the plan is kept with the result


def test_share_written_after_a_fraction_count_is_the_same_figure() -> None:
    claims = claims_of("Số thôn đạt chuẩn văn hóa 45/60 thôn, đạt 75% (mục tiêu 70%).\n")
    assert [(c.kind, c.value, c.unit) for c in claims] == [("result", 75.0, "%")]
    # a share that is not that fraction is a figure of its own
    other = claims_of("Số xã có chợ 30/40 xã, tỷ lệ hộ kinh doanh đạt 12%.\n")
    assert sorted(c.value for c in other) == [12.0, 30.0]


def test_drop_from_old_level_to_new_level_without_unit() -> None:
    text = "Giai đoạn 2019-2024, tỷ trọng công nghiệp trong GRDP giảm từ 31,4% (năm 2019) xuống 27,85 (năm 2024).\n"
    claims = claims_of(text)
    assert [(c.kind, c.value, c.unit, c.op) for c in claims] == [("result", 27.85, "%", "=")]
    assert claims[0].baseline == "31,4%"


def test_two_multiples_with_their_own_subjects_are_two_results() -> None:
    text = (
        "Nhiệm kỳ qua, quy mô nền kinh tế gấp 1,5 lần, thu nhập bình quân đầu người gấp 1,42 lần so với năm 2019.\n"
    )
    assert sorted((c.kind, c.value) for c in claims_of(text)) == [("result", 1.42), ("result", 1.5)]
    # a change right after an achieved figure still qualifies it
    one = claims_of("Thu ngân sách ước đạt 52% dự toán, tăng 6% so với cùng kỳ.\n")
    assert [c.value for c in one] == [52.0]


def test_national_figure_quoted_for_comparison_is_not_a_claim() -> None:
    text = "Năm 2024, tốc độ tăng trưởng kinh tế ước đạt 8,1%, cao hơn bình quân chung cả nước (ước tăng 7%).\n"
    assert [(c.kind, c.value) for c in claims_of(text)] == [("result", 8.1)]
