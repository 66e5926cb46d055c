"""Bound volumes of congress documents as unions, associations and schools bind them: the review of the
ended term, then the next term's aims and targets, in one file without "NGHỊ QUYẾT" to part them."""

from __future__ import annotations

from chitieu.extraction.claims import extract_claims

REVIEW = (
    "PHẦN THỨ NHẤT\n"
    "BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI CHI HỘI NÔNG DÂN\n"
    "LẦN THỨ V, NHIỆM KỲ 2021 - 2024\n"
    "I. KẾT QUẢ CÁC PHONG TRÀO\n"
    "Trong nhiệm kỳ, chi hội đã vận động 340 hội viên tham gia tổ hợp tác.\n"
)
AIMS = (
    "MỤC TIÊU, NHIỆM VỤ CÔNG TÁC HỘI NÔNG DÂN XÃ\n"
    "NHIỆM KỲ VI (2024 - 2029)\n"
    "I. BỐI CẢNH\n"
    "Xã có 2.100 hộ nông dân.\n"
    "II. CÁC CHỈ TIÊU CHỦ YẾU\n"
    "(1) 100% chi hội tổ chức sinh hoạt định kỳ hằng tháng.\n"
    "(2) Kết nạp ít nhất 250 hội viên mới.\n"
)


def _kinds(text: str) -> list[tuple[str, float | None]]:
    return [(c.kind, c.value) for c in extract_claims(text)]


def test_the_next_terms_targets_are_not_read_as_the_review() -> None:
    # the aims open under "PHẦN THỨ NHẤT … BÁO CÁO KẾT QUẢ" (no part title between them), but their title
    # names a term ending after the one reviewed: their targets section is a targets section
    claims = _kinds(REVIEW + AIMS)
    assert ("result", 340.0) in claims
    assert claims[-2:] == [("target", 100.0), ("target", 250.0)]


def test_a_topic_of_the_review_naming_targets_stays_a_review() -> None:
    # "Về các chỉ tiêu" inside the review, for the same term, reports what was achieved
    text = REVIEW + "II. VỀ CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2021 - 2024\n(1) 96% chi hội sinh hoạt định kỳ.\n"
    assert _kinds(text)[-1] == ("result", 96.0)


def test_a_numbered_forward_heading_inside_the_review_does_not_reopen_targets() -> None:
    # only a title of the outer levels (a part, a title in capitals) looks past the review
    text = REVIEW + "2. Các chỉ tiêu phấn đấu đến năm 2025\nTỷ lệ hộ sản xuất giỏi đạt 45%.\n"
    assert _kinds(text)[-1] == ("result", 45.0)


def test_a_comparator_typed_with_a_capital_still_compares() -> None:
    text = "II. CÁC CHỈ TIÊU\nGiới thiệu Ít nhất 1.500 việc làm cho đoàn viên mỗi năm.\n"
    claims = list(extract_claims(text))
    assert [(c.kind, c.op, c.value) for c in claims] == [("target", ">=", 1500.0)]


def test_a_promised_count_of_programmes_is_a_target_only_with_a_comparator_in_targets() -> None:
    targets = "II. CÁC CHỈ TIÊU\nMỗi năm tổ chức ít nhất 04 chương trình giao lưu văn hóa.\n"
    assert [(c.kind, c.value, c.unit) for c in extract_claims(targets)] == [("target", 4.0, "chương trình")]
    review = "I. KẾT QUẢ\nNăm 2024 đã tổ chức 04 chương trình giao lưu văn hóa.\n"
    assert list(extract_claims(review)) == []


def test_movement_names_and_generations_are_no_figures() -> None:
    text = (
        "II. CÁC CHỈ TIÊU\n"
        "Có 150 học sinh đạt danh hiệu \u201cHọc sinh 3 tốt\u201d cấp huyện; tổ chức ít nhất 02 hội thảo về "
        "công nghệ 4.0 cho giáo viên.\n"
    )
    assert [(c.value, c.unit) for c in extract_claims(text)] == [(150.0, "học sinh"), (2.0, "hội thảo")]


def test_days_given_are_counted_and_a_span_of_days_is_not() -> None:
    text = (
        "II. CÁC CHỈ TIÊU\nMỗi hội viên tham gia ít nhất 04 ngày tình nguyện; huy động 3.500 ngày công làm đường.\n"
        "Hồ sơ được giải quyết trong 5 ngày.\n"
    )
    assert [(c.value, c.unit) for c in extract_claims(text)] == [(4.0, "ngày tình nguyện"), (3500.0, "ngày công")]
