"""Rules added so that the extractor reads documents beyond the two of the shared corpus.

Sentences are written for these tests in the styles of resolutions, plans, budget and review reports.
"""

from __future__ import annotations

from chitieu.extraction.claims import extract_claims
from chitieu.extraction.cues import SectionKind, classify_title
from chitieu.extraction.quantity import find_quantities
from chitieu.extraction.unwrap import soften_line_breaks


def quantities(text: str) -> list[tuple[str, float | None, str]]:
    return [(q.op.value, q.value if q.op.value != "range" else (q.low, q.high), q.unit) for q in find_quantities(text)]  # type: ignore[misc]


# --- soft line breaks -------------------------------------------------------------------------------


def test_wrapped_sentence_is_joined_and_page_number_blanked() -> None:
    text = "- Thu ngân sách đạt 4.200 tỷ đồng; tăng bình\nquân 10%/năm trở lên.\n\n- 3 -\n\n- Tổng vốn đầu tư đạt\n\n7\n\nkhoảng 45%."
    soft = soften_line_breaks(text)
    assert len(soft) == len(text)
    assert "tăng bình quân 10%/năm" in soft
    assert "- 3 -" not in soft and "\n7\n" not in soft
    assert "\n" not in soft[soft.rindex("đạt") :]


def test_items_headings_and_table_rows_are_not_joined() -> None:
    text = "2. Các chỉ tiêu chủ yếu đến năm 2025\n2.1. Về kinh tế\nII- QUAN ĐIỂM, MỤC TIÊU\n1- Quan điểm\na) Đến năm 2025:\n- Tỷ lệ\n+ Thu nội địa"
    assert soften_line_breaks(text) == text
    table = "Chỉ tiêu\tĐơn vị\nthu ngân sách\ttỷ đồng"
    assert soften_line_breaks(table, lambda pos: True) == table


def test_wrapped_text_joins_a_line_cut_before_a_capital() -> None:
    line = "Thời gian qua, hạ tầng số của tỉnh được quan tâm đầu tư; kinh tế số ước chiếm 6,2%"
    body = "\n".join([line] * 9) + "\nGRDP của tỉnh."
    assert soften_line_breaks(body).endswith("6,2% GRDP của tỉnh.")


def test_hard_wrapped_claim_keeps_its_unit() -> None:
    text = "II. KẾT QUẢ THỰC HIỆN\nĐã hoàn thành 5/7 công trình giao thông với tổng vốn 186,5\ntỷ đồng."
    claims = list(extract_claims(text))
    assert [(c.value, c.unit) for c in claims] == [(5.0, "công trình"), (186.5, "tỷ đồng")]
    assert all(text[c.start : c.end] == c.quote for c in claims)


# --- quantities --------------------------------------------------------------------------------------


def test_counts_of_unknown_nouns_take_the_noun_as_unit() -> None:
    assert quantities("Có 12 bộ, cơ quan trung ương và 18 địa phương có tỷ lệ cao") == [
        ("=", 12.0, "bộ"), ("=", 18.0, "địa phương"),
    ]
    assert quantities("toàn huyện có 46 cơ sở lưu trú với 980 buồng; 14 homestay đạt chuẩn") == [
        ("=", 46.0, "cơ sở"), ("=", 980.0, "buồng"), ("=", 14.0, "homestay"),
    ]


def test_per_one_unit_and_names_are_not_quantities() -> None:
    assert quantities("giá trị thu được trên 1 ha đất trồng trọt đạt 110 triệu đồng") == [("=", 110.0, "triệu đồng")]
    assert quantities("là một trong 10 tỉnh dẫn đầu") == []
    assert quantities("60 sản phẩm OCOP đạt từ 3 sao trở lên") == [("=", 60.0, "sản phẩm OCOP")]
    assert quantities("Tỉnh có 35 xã đạt 19 tiêu chí") == [("=", 35.0, "xã")]
    assert quantities("đường dây nóng 1900.8099; liên hệ 080.46243 hoặc 0912 345 678") == []


def test_at_least_written_after_the_noun() -> None:
    assert quantities("có từ 85% tổ chức cơ sở đảng trở lên hoàn thành tốt nhiệm vụ") == [(">=", 85.0, "%")]
    assert quantities("kết nạp 10.000 đảng viên mới trở lên") == [(">=", 10000.0, "đảng viên")]
    # a rating "hoàn thành tốt nhiệm vụ trở lên" far from the figure is not its bound
    assert quantities("có 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên") == [("=", 90.0, "%")]


def test_starting_points_are_skipped() -> None:
    assert quantities("giảm từ 21,5% năm 2015 xuống còn 9,8%") == [("<=", 9.8, "%")]
    assert quantities("nâng tỷ lệ từ 45% hiện nay lên 60%") == [("=", 60.0, "%")]


def test_life_span_in_years_is_a_quantity() -> None:
    assert quantities("thời gian sống khỏe mạnh đạt tối thiểu 67 năm") == [(">=", 67.0, "năm")]
    assert quantities("trong 5 năm tới") == []


# --- sections and cues --------------------------------------------------------------------------------


def test_section_titles() -> None:
    assert classify_title("TÌNH HÌNH") is SectionKind.RESULTS
    assert classify_title("Về tình hình kinh tế - xã hội tháng 4") is SectionKind.RESULTS
    assert classify_title("Dự báo tình hình") is SectionKind.CONTEXT
    assert classify_title("Xây dựng Đảng trong tình hình mới") is SectionKind.NEUTRAL
    assert classify_title("DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC NĂM 2024") is SectionKind.TARGETS
    assert classify_title("TÌNH HÌNH THỰC HIỆN DỰ TOÁN NĂM 2023") is SectionKind.RESULTS


def kinds(text: str) -> list[tuple[str, float | None]]:
    return [(c.kind, c.value if c.op != "range" else c.low) for c in extract_claims(text)]


def test_budget_report_results_then_estimates() -> None:
    text = (
        "A. TÌNH HÌNH THỰC HIỆN DỰ TOÁN NĂM 2023\n"
        "Tổng thu ngân sách nhà nước ước đạt 1.523,7 nghìn tỷ đồng, bằng 108,5% dự toán, tăng 7,4% so với năm 2022.\n"
        "B. DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC NĂM 2024\n"
        "1. Dự toán thu ngân sách nhà nước năm 2024 là 1.700 nghìn tỷ đồng.\n"
    )
    claims = list(extract_claims(text))
    assert [(c.kind, c.value, c.unit, c.role) for c in claims] == [
        ("result", 1523.7, "nghìn tỷ đồng", "level"), ("result", 108.5, "% dự toán", "plan_ratio"),
        ("result", 7.4, "%", "change"), ("target", 1700.0, "nghìn tỷ đồng", "plan"),
    ]
    assert "108,5% dự toán" in claims[0].plan and "7,4%" in claims[0].change
    assert claims[0].statement == claims[1].statement == claims[2].statement != claims[3].statement
    assert claims[0].stated_ratio == 108.5 and claims[2].basis == "năm 2022" and claims[2].sign == 1
    assert claims[3].plan_kind == "dự toán"


def test_tasks_section_commitments_with_comparators_are_targets() -> None:
    text = (
        "II. NHIỆM VỤ THỜI GIAN TỚI\n"
        "1. Phấn đấu đến ngày 30/9/2026 giải ngân đạt trên 60% kế hoạch và đến hết năm 2026 đạt trên 95% kế hoạch được giao.\n"
        "2. Mỗi bộ, địa phương giải ngân vốn ODA đạt tối thiểu 70% kế hoạch.\n"
        "3. Đẩy nhanh tiến độ 12 công trình trọng điểm.\n"
    )
    claims = list(extract_claims(text))
    assert [(c.kind, c.op, c.value) for c in claims] == [("target", ">", 60.0), ("target", ">", 95.0), ("target", ">=", 70.0)]
    assert claims[1].deadline == 2026


def test_review_quotes_of_the_plan_are_plan_targets_of_their_statement() -> None:
    text = (
        "I. KẾT QUẢ THỰC HIỆN\n"
        "Toàn tỉnh có 412 hợp tác xã, đạt 82,4% mục tiêu Đề án; mục tiêu đến năm 2025 là 500 hợp tác xã. "
        "Tỷ lệ bao phủ bảo hiểm y tế đạt 91%, chưa đạt mục tiêu đề ra là 95%. "
        "Giải ngân đạt 29,1% kế hoạch, cao hơn cùng kỳ năm 2025 (27,5%).\n"
    )
    claims = list(extract_claims(text))
    assert [(c.kind, c.value, c.unit, c.role) for c in claims] == [
        ("result", 412.0, "hợp tác xã", "level"), ("result", 82.4, "% mục tiêu", "plan_ratio"),
        ("target", 500.0, "hợp tác xã", "plan"), ("result", 91.0, "%", "level"), ("target", 95.0, "%", "plan"),
        ("result", 29.1, "% kế hoạch", "plan_ratio"), ("result", 27.5, "%", "baseline"),
    ]
    # the quoted plans are targets of the statement they qualify, never results
    assert claims[3].statement == claims[4].statement and claims[4].plan_kind == "mục tiêu"
    assert "95%" in claims[3].plan and "(27,5%)" in claims[5].change and claims[5].basis == "kế hoạch"


def test_deadline_follows_each_clause() -> None:
    text = (
        "b) Mục tiêu cụ thể\n"
        "Đến năm 2025: 100% xã có hạ tầng cáp quang; kinh tế số chiếm khoảng 10% GRDP. "
        "Đến năm 2030: 80% hồ sơ được xử lý trực tuyến toàn trình; kinh tế số chiếm 20% GRDP.\n"
    )
    claims = list(extract_claims(text))
    assert [(c.kind, c.value, c.deadline) for c in claims] == [
        ("target", 100.0, 2025), ("target", 10.0, 2025), ("target", 80.0, 2030), ("target", 20.0, 2030),
    ]
    assert claims[1].unit.replace(" ", "") == "%GRDP"


def test_neutral_section_reads_past_results_as_results() -> None:
    text = "Sau 5 năm thực hiện, có 14/17 chỉ tiêu đạt và vượt; tỷ lệ che phủ rừng đạt 61,5%, vượt mục tiêu (60%).\n"
    assert kinds(text) == [("result", 61.5), ("target", 60.0)]  # the plan it beat, in its statement


def test_past_deadlines_read_as_results_in_neutral_sections() -> None:
    text = (
        "ĐẢNG BỘ TỈNH BẮC SƠN\nBắc Sơn, ngày 16 tháng 10 năm 2020\n"
        "1. Tán thành báo cáo của Ban Chấp hành\n"
        "Đến năm 2020, toàn tỉnh có 54 xã đạt chuẩn nông thôn mới.\n"
        "Đến năm 2025, có thêm 45 xã đạt chuẩn nông thôn mới.\n"
    )
    assert kinds(text) == [("result", 54.0), ("target", 45.0)]


def test_numbered_heading_with_objectives_inline() -> None:
    text = "2. Mục tiêu: Tăng trưởng GDP năm 2024 khoảng 6 - 6,5%; GDP bình quân đầu người khoảng 4.700 - 4.730 USD.\n"
    claims = list(extract_claims(text))
    assert [(c.kind, c.op, c.low, c.high, c.unit) for c in claims] == [
        ("target", "range", 6.0, 6.5, "%"), ("target", "range", 4700.0, 4730.0, "USD"),
    ]
