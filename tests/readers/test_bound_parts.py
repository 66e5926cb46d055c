"""Parts of congress volumes as unions and associations bind them: each document opens under the congress
header ("ĐẠI HỘI ĐẠI BIỂU … / LẦN THỨ …, NHIỆM KỲ …" and a rule), often with "DỰ THẢO" above its title,
and the aims of the next term carry no type word ("MỤC TIÊU, NHIỆM VỤ …")."""

from __future__ import annotations

from pathlib import Path

from chitieu.readers import read_document
from chitieu.services.extract import extract_file

HEADER = "ĐẠI HỘI ĐẠI BIỂU HỘI CỰU CHIẾN BINH XÃ AN BÌNH\nLẦN THỨ VIII, NHIỆM KỲ 2024 - 2029\n_______\n"
VOLUME = (
    HEADER
    + "BÁO CÁO\nKIỂM ĐIỂM CỦA BAN CHẤP HÀNH KHÓA VII\n"
    "I. KẾT QUẢ ĐẠT ĐƯỢC\nNhiệm kỳ qua đã kết nạp 85 hội viên mới.\n\n"
    + HEADER
    + "MỤC TIÊU, NHIỆM VỤ CÔNG TÁC HỘI NHIỆM KỲ 2024 - 2029\n"
    "I. CÁC CHỈ TIÊU\nKết nạp ít nhất 120 hội viên mới.\n\n"
    + HEADER
    + "DỰ THẢO\nNGHỊ QUYẾT\nĐẠI HỘI ĐẠI BIỂU HỘI CỰU CHIẾN BINH XÃ AN BÌNH LẦN THỨ VIII\n"
    "1. Các chỉ tiêu chủ yếu\n100% chi hội đạt vững mạnh.\n"
)


def test_each_document_under_a_congress_header_is_a_part(tmp_path: Path) -> None:
    path = tmp_path / "van_kien.txt"
    path.write_text(VOLUME, encoding="utf-8")
    parts = read_document(path).parts
    assert [(p.kind, p.title.split()[0]) for p in parts] == [("report", "BÁO"), ("plan", "MỤC"), ("resolution", "NGHỊ")]
    # each part begins at the rule closing its header block (the header's own lines are not marked)
    assert [VOLUME[p.start : p.start + 7] for p in parts] == ["_______"] * 3
    claims = [(c.kind, c.value) for c in extract_file(path).claims]
    assert claims == [("result", 85.0), ("target", 120.0), ("target", 100.0)]


def test_a_heading_on_two_lines_is_still_one_heading(tmp_path: Path) -> None:
    # "KẾT QUẢ THỰC HIỆN / NGHỊ QUYẾT ĐẠI HỘI …" is the title of a review section, not a resolution
    path = tmp_path / "bao_cao.txt"
    path.write_text(
        "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN\nNGHỊ QUYẾT ĐẠI HỘI HỘI CỰU CHIẾN BINH XÃ LẦN THỨ VII\n"
        "Nhiệm kỳ qua đã kết nạp 85 hội viên mới.\n", encoding="utf-8")
    assert read_document(path).parts == []


def test_an_aims_title_in_the_middle_of_a_report_is_no_part(tmp_path: Path) -> None:
    path = tmp_path / "bao_cao.txt"
    path.write_text(
        "BÁO CÁO\nTÌNH HÌNH NĂM 2024\nThu ngân sách đạt 45 tỷ đồng.\nMỤC TIÊU, NHIỆM VỤ NĂM 2025\n"
        "Thu ngân sách 50 tỷ đồng.\n", encoding="utf-8")
    assert [p.kind for p in read_document(path).parts] == ["report"]


def test_part_titles_in_ordinary_case_open_parts(tmp_path: Path) -> None:
    """Titles set in small capitals reach the text layer in ordinary case: they open parts all the same."""
    path = tmp_path / "van_kien_chu_nho.txt"
    path.write_text(
        "Báo cáo chính trị\ncủa Ban Chấp hành Đảng bộ tỉnh khóa XVI\n"
        "I. Kết quả đạt được\nTỷ lệ hộ nghèo còn 3,2%.\n\n"
        "Nghị quyết\nĐại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2025 - 2030\n"
        "1. Các chỉ tiêu chủ yếu đến năm 2030\nTỷ lệ hộ nghèo giảm còn dưới 1,5%.\n",
        encoding="utf-8",
    )
    assert [p.kind for p in read_document(path).parts] == ["report", "resolution"]
    assert [(c.kind, c.value) for c in extract_file(path).claims] == [("result", 3.2), ("target", 1.5)]
