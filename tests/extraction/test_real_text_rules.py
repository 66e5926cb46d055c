"""Rules found by a blind evaluation on real resolutions and reports (the texts themselves are not kept).

Every sentence here is written for these tests, in the style of those documents, with invented figures.
"""

from __future__ import annotations

from chitieu.extraction.claims import Claim, extract_claims
from chitieu.extraction.quantity import find_quantities
from chitieu.extraction.segment import iter_paragraphs


def claims_of(text: str) -> list[Claim]:
    return list(extract_claims(text))


def kinds_by_value(text: str) -> dict[float | tuple[float | None, float | None], str]:
    return {(c.value if c.op != "range" else (c.low, c.high)): c.kind for c in claims_of(text)}


# --- kinds when a document has no headings -------------------------------------------------------


def test_promise_carries_to_sentences_without_cues() -> None:
    text = (
        "Về kinh tế, nghị quyết đề ra mục tiêu phấn đấu tăng trưởng bình quân đạt trên 7,5%/năm.\n\n"
        "Tỷ trọng khu vực dịch vụ đạt trên 45%, khu vực nông nghiệp dưới 12%. Tuổi thọ bình quân đạt khoảng 76 tuổi.\n"
    )
    kinds = kinds_by_value(text)
    assert kinds[7.5] == "target"
    assert kinds[45.0] == "target" and kinds[12.0] == "target" and kinds[76.0] == "target"


def test_achievement_carries_and_no_cue_alone_stays_result() -> None:
    review = "Nhiệm kỳ qua, tỉnh đã đạt nhiều kết quả; tăng trưởng bình quân đạt 6,4%.\n\nTỷ lệ đô thị hóa 38,2%.\n"
    assert set(kinds_by_value(review).values()) == {"result"}
    assert kinds_by_value("Tỷ lệ che phủ rừng đạt 51,3%.\n")[51.3] == "result"


def test_a_range_without_cues_is_a_plan() -> None:
    kinds = kinds_by_value("Về kinh tế: tăng trưởng bình quân 5 năm đạt khoảng 7 - 7,5%/năm.\n")
    assert kinds[(7.0, 7.5)] == "target"


def test_the_phrase_around_a_figure_decides_before_its_sentence() -> None:
    text = (
        "Trong đó, hạ tầng số cần được tập trung hoàn thành với mục tiêu đặt ra đến năm 2027, "
        "kinh tế số phải đạt 22% GRDP và đến năm 2030, kinh tế số phải đạt 35% GRDP.\n"
    )
    kinds = kinds_by_value(text)
    assert kinds[22.0] == "target" and kinds[35.0] == "target"


def test_setting_a_target_is_not_an_achievement() -> None:
    text = "Kế hoạch của UBND huyện đã đề ra 5 mục tiêu (tỷ lệ thanh toán không dùng tiền mặt đạt trên 60%; tỷ lệ hộ có tài khoản số đạt 70%).\n"
    claims = claims_of(text)
    values = {c.value: c.kind for c in claims}
    assert values == {60.0: "target", 70.0: "target"}


def test_year_comparison_in_a_plan_stays_a_target() -> None:
    text = (
        "Các chỉ tiêu chủ yếu năm 2026 là: tổng giá trị sản xuất đạt 9.120,5 tỷ đồng. Trong đó, ngành dịch vụ "
        "là 2.410,2 tỷ đồng, tăng 9,1% so với năm 2025.\n"
    )
    kinds = kinds_by_value(text)
    assert kinds[9120.5] == "target" and kinds[2410.2] == "target"
    assert kinds_by_value("Giá trị sản xuất công nghiệp đạt 2.410,2 tỷ đồng, tăng 9,1% so với năm 2024.\n")[2410.2] == "result"


def test_no_more_poor_households_is_a_zero_target_in_a_promising_clause() -> None:
    claims = claims_of("Nghị quyết đề ra 12 chỉ tiêu, trong đó đến năm 2030 không còn hộ nghèo.\n")
    zero = [c for c in claims if c.value == 0.0]
    assert len(zero) == 1 and zero[0].kind == "target" and zero[0].unit.startswith("hộ")
    assert not [c for c in claims_of("Đến nay không còn hộ nghèo trên địa bàn.\n") if c.kind == "target"]


def test_unnumbered_title_line_opens_a_targets_section() -> None:
    text = "Các chỉ tiêu chủ yếu (giai đoạn 2026-2030)\n- Về quốc phòng:\n(9) Tỷ lệ tuyển quân hằng năm đạt 100% chỉ tiêu.\n"
    paragraphs = list(iter_paragraphs(text))
    assert paragraphs[0].section.startswith("Các chỉ tiêu chủ yếu")
    assert kinds_by_value(text)[100.0] == "target"


# --- figures attached to the claim they qualify --------------------------------------------------


def test_count_in_parentheses_restates_the_rate() -> None:
    claims = claims_of("Các chỉ tiêu đến năm 2030: tỷ lệ xã đạt chuẩn nông thôn mới nâng cao 40% (6 xã).\n")
    assert [(c.value, c.unit, c.role) for c in claims] == [(40.0, "%", "level"), (6.0, "xã", "count")]
    assert "6 xã" in claims[0].change and claims[0].statement == claims[1].statement


def test_list_opened_in_parentheses_is_not_a_baseline() -> None:
    claims = claims_of("Chương trình đặt ra 3 mục tiêu (tỷ trọng kinh tế số đạt 25% GRDP; doanh nghiệp số đạt trên 500).\n")
    assert {c.value for c in claims} == {25.0, 500.0}


def test_comparison_belongs_to_the_figure_right_before_it() -> None:
    text = "Kinh tế ước tăng 6,9%, nhập khẩu ước tăng 14,2% cao hơn 2 lần so với kế hoạch.\n"
    claims = claims_of(text)
    levels = {c.value for c in claims if c.role == "level"}
    assert levels == {6.9, 14.2}
    times = [c for c in claims if c.value == 2.0]
    assert [(c.role, c.unit) for c in times] == [("change", "lần")]
    assert times[0].statement == next(c.statement for c in claims if c.value == 14.2)


def test_plan_ratios_with_their_qualifiers_are_attached() -> None:
    text = (
        "Thu ngân sách ước thực hiện được 312,4 tỷ đồng, đạt 62% kế hoạch tỉnh giao, đạt 55% kế hoạch HĐND huyện "
        "giao, tăng 4,1%.\n"
    )
    claims = claims_of(text)
    assert [(c.value, c.unit, c.role) for c in claims] == [
        (312.4, "tỷ đồng", "level"), (62.0, "% kế hoạch", "plan_ratio"), (55.0, "% kế hoạch", "plan_ratio"),
        (4.1, "%", "change"),
    ]
    assert "55%" in claims[0].plan and "4,1%" in claims[0].change and len({c.statement for c in claims}) == 1


def test_exceeding_and_equivalent_figures_are_attached() -> None:
    exceed = claims_of("Năm 2025, số hộ nghèo giảm 512 hộ so với năm 2024, vượt 120 hộ và đạt 130,6% so với tỉnh giao.\n")
    assert [(c.value, c.role) for c in exceed] == [(512.0, "level"), (120.0, "change"), (130.6, "plan_ratio")]
    assert exceed[1].basis == "kế hoạch" and exceed[2].unit == "% kế hoạch"
    equivalent = claims_of("Thu nhập bình quân đầu người đạt 48,2 triệu đồng (tăng 6,1% tương đương 2,8 triệu đồng).\n")
    assert [(c.value, c.unit, c.role) for c in equivalent] == [
        (48.2, "triệu đồng", "level"), (6.1, "%", "change"), (2.8, "triệu đồng", "change"),
    ]
    ratio = claims_of("Dự toán bội chi ngân sách 12,5 nghìn tỷ đồng, tương đương 2,9% GRDP.\n")
    assert {c.value for c in ratio} == {12.5, 2.9}


def test_plan_in_parentheses_after_a_verb_is_attached() -> None:
    claims = claims_of("GRDP ước tăng 8,12% so với năm 2024 (vượt mục tiêu Nghị quyết 0,12%).\n")
    assert [(c.kind, c.value, c.role) for c in claims] == [("result", 8.12, "level"), ("result", 0.12, "change")]


# --- not quantities ------------------------------------------------------------------------------


def test_population_base_of_a_ratio_is_not_a_quantity() -> None:
    found = find_quantities("Số bác sĩ trên 10.000 dân đạt khoảng 12 bác sĩ; số giường bệnh trên 10.000 dân đạt 30 giường.")
    assert [q.value for q in found] == [12.0, 30.0]


def test_small_count_inside_a_noun_phrase_is_not_a_quantity() -> None:
    found = find_quantities("Thu từ 3 khu vực kinh tế ước đạt 51,2% dự toán; số thu của 2 khu vực này giảm.")
    assert [q.value for q in found] == [51.2]
    assert [q.value for q in find_quantities("Hỗ trợ 3 hợp tác xã; giải quyết việc làm cho 4 lao động.")] == [3.0, 4.0]


def test_amount_after_a_month_count_is_read() -> None:
    found = find_quantities("lũy kế 9 tháng 2.415,37 tỷ đồng; ngày 5 tháng 3 năm 2026")
    assert [(q.value, q.unit) for q in found] == [(2415.37, "tỷ đồng")]


# --- reviews without headings must not promise -------------------------------------------------


def test_striving_that_achieved_is_a_review() -> None:
    text = (
        "Nhiệm kỳ qua, Đảng bộ và Nhân dân trong tỉnh đã nỗ lực phấn đấu đạt được những thành tựu quan trọng. "
        "Tổng sản phẩm bình quân hằng năm tăng 7,15%. Xây dựng nông thôn mới về đích sớm, vượt xa so với mục tiêu Đại hội.\n"
        "Tỷ lệ hộ nghèo còn 1,8%. Thu ngân sách gấp 2,4 lần nhiệm kỳ trước.\n"
    )
    claims = claims_of(text)
    assert {c.value for c in claims} == {7.15, 1.8, 2.4}
    assert {c.kind for c in claims} == {"result"}


def test_an_undated_year_in_a_report_looks_back() -> None:
    text = (
        "Trong nhiệm kỳ qua, kinh tế của xã phát triển ổn định. Giá trị sản xuất năm 2015 khoảng 81 tỷ đồng, "
        "đến năm 2019 tăng lên gần 152,6 tỷ. Bình quân hằng năm giải quyết việc làm cho 90 - 110 lao động.\n"
    )
    claims = claims_of(text)
    assert {c.kind for c in claims} == {"result"}
    level = [c for c in claims if c.value == 152.6]
    assert len(level) == 1 and "81" in level[0].baseline
    assert [(c.role, c.statement) for c in claims if c.value == 81.0] == [("baseline", level[0].statement)]
    assert kinds_by_value("Đến năm 2030, tỷ lệ đô thị hóa đạt 45%.\n")[45.0] == "target"


# --- administrative-reform reports (stop 15: real scanned reports of a province) --------------------


def test_counts_of_procedures_and_petitions_take_their_abbreviation_as_unit() -> None:
    text = (
        "I. KẾT QUẢ THỰC HIỆN\n"
        "Trong quý III năm 2024, huyện đã thẩm định 03 TTHC; tổng số TTHC đề nghị đơn giản hóa là 9 TTHC, "
        "chi phí tiết kiệm được 41.200.000 đồng/năm.\n"
        "Sô PAKN đã tiếp nhận: 17, trong đó, kỳ trước chuyển sang: 5, trong kỳ: 12; số PAKN đã giải quyết: 15; "
        "gồm có: 16 PAKN qua Cổng thông tin; 01 PAKN bằng đơn.\n"
    )
    got = [(c.kind, c.value, c.unit) for c in claims_of(text)]
    assert ("result", 3.0, "TTHC") in got and ("result", 9.0, "TTHC") in got
    assert ("result", 41200000.0, "đồng/năm") in got
    petitions = [v for k, v, u in got if u == "PAKN"]
    assert petitions == [17.0, 5.0, 12.0, 15.0, 16.0, 1.0]


def test_counts_of_storms_are_results_and_a_forecasts_ranges_are_no_results() -> None:
    text = (
        "Năm 2023, huyện chịu ảnh hưởng trực tiếp của 03 cơn bão, 07 đợt mưa lớn. Theo dự báo của Đài Khí tượng "
        "Thủy văn tỉnh, năm 2024 có khoảng 8 - 10 cơn bão trên Biển Đông.\n"
    )
    got = [(c.kind, c.op, c.value, c.low, c.high, c.unit) for c in claims_of(text)]
    assert ("result", "=", 3.0, None, None, "cơn bão") in got
    assert ("result", "=", 7.0, None, None, "đợt mưa") in got
    assert ("target", "range", None, 8.0, 10.0, "cơn bão") in got
    assert len(got) == 3


def test_targets_title_after_an_approving_sentence_is_a_targets_section() -> None:
    """A draft resolution's "I- Tán thành … đánh giá kết quả … và mục tiêu …" approves both reports and ends its
    sentence: the title in capitals under it opens its own section, and the approval (no kind of its own) does
    not make the resolution's targets results."""
    text = (
        "Ngày 15 tháng 8 năm 2020\n"
        "QUYẾT NGHỊ\n"
        "I- Tán thành những nội dung cơ bản về đánh giá kết quả thực hiện Nghị quyết nhiệm kỳ qua và phương hướng, "
        "mục tiêu, nhiệm vụ nhiệm kỳ 2020 - 2025 nêu trong Báo cáo chính trị trình Đại hội.\n"
        "CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2025\n"
        "1. Tỷ lệ lao động qua đào tạo năm 2025 đạt 70%.\n"
    )
    claims = extract_claims(text)
    assert [(c.kind, c.value) for c in claims] == [("target", 70)]
    sections = [p.section for p in iter_paragraphs(text) if "70%" in text[p.start : p.end]]
    assert sections == ["CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2025"]


def test_quyet_nghi_closes_the_headings_above_it() -> None:
    """A resolution bound after a review whose title was not found as a part: "QUYẾT NGHỊ:" after the preamble's
    comma is a line of its own, and no review heading above it stays open below it."""
    text = (
        "Ngày 15 tháng 8 năm 2020\n"
        "I. KẾT QUẢ ĐẠT ĐƯỢC\n"
        "Tỷ lệ hộ nghèo còn 4,2%.\n"
        "Đại hội đại biểu Đảng bộ huyện lần thứ XXIII, sau khi thảo luận các văn kiện do Ban Chấp hành trình,\n"
        "QUYẾT NGHỊ:\n"
        "1. Các chỉ tiêu chủ yếu đến năm 2025:\n"
        "- Tỷ lệ lao động qua đào tạo đạt 70%.\n"
    )
    assert [(c.kind, c.value) for c in extract_claims(text)] == [("result", 4.2), ("target", 70)]
