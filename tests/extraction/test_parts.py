"""Parts of a bound volume: each document is read under its own headings and dated by its own date line."""

from __future__ import annotations

from pathlib import Path

from chitieu.extraction.claims import extract_claims
from chitieu.services.extract import extract_file

REPORT = (
    "BÁO CÁO\n"
    "KIỂM ĐIỂM SỰ LÃNH ĐẠO, CHỈ ĐẠO CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XVII\n\n"
    "Phần thứ nhất\n"
    "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NHIỆM KỲ 2015 - 2020\n"
    "1. Về kinh tế\n"
    "Tốc độ tăng trưởng kinh tế bình quân đạt 7,1%/năm; thu ngân sách năm 2020 đạt 2.450 tỷ đồng.\n\n"
)
RESOLUTION = (
    "ĐẢNG BỘ TỈNH BẮC SƠN                         ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Bắc Sơn, ngày 16 tháng 10 năm 2020\n\n"
    "NGHỊ QUYẾT\n"
    "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH BẮC SƠN LẦN THỨ XVIII, NHIỆM KỲ 2020 - 2025\n\n"
    "1. Mục tiêu tổng quát\n"
    "Phát triển kinh tế nhanh và bền vững.\n"
    "2. Các chỉ tiêu chủ yếu đến năm 2025\n"
    "Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm; thu ngân sách năm 2025 đạt 4.000 tỷ đồng.\n"
)
VOLUME = REPORT + RESOLUTION


def test_targets_section_of_a_later_part_is_not_overruled() -> None:
    # Read as one document, the report's "Phần thứ nhất … KẾT QUẢ" stays open over the resolution.
    as_one = [(c.kind, c.value) for c in extract_claims(VOLUME)]
    assert as_one[2:] == [("result", 7.5), ("result", 4000.0)]
    claims = [(c.kind, c.value) for c in extract_claims(VOLUME, parts=[0, len(REPORT)])]
    assert claims == [("result", 7.1), ("result", 2450.0), ("target", 7.5), ("target", 4000.0)]


def test_each_part_is_dated_by_its_own_date_line() -> None:
    # "đến năm 2020" looks back in a part signed in 2021, and forward in one signed in 2019.
    review = "Hà Nam, ngày 5 tháng 1 năm 2021\nBÁO CÁO\nĐến năm 2020, tỷ lệ che phủ rừng là 45%.\n\n"
    plan = "Hà Nam, ngày 5 tháng 1 năm 2019\nKẾ HOẠCH\nĐến năm 2020, tỷ lệ che phủ rừng là 47%.\n"
    claims = [(c.kind, c.value) for c in extract_claims(review + plan, parts=[0, len(review)])]
    assert claims == [("result", 45.0), ("target", 47.0)]


def test_file_parts_and_furniture(tmp_path: Path) -> None:
    """Through the service: the reader finds the parts and the marks; no claim from legal basis or recipients."""
    volume = tmp_path / "van_kien.txt"
    volume.write_text(VOLUME, encoding="utf-8")
    assert [(c.kind, c.value) for c in extract_file(volume).claims] == [
        ("result", 7.1), ("result", 2450.0), ("target", 7.5), ("target", 4000.0)
    ]
    report = tmp_path / "bao_cao.txt"
    report.write_text(
        "UBND TỈNH BẮC SƠN                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số 45/BC-UBND                              Bắc Sơn, ngày 10 tháng 12 năm 2024\n\n"
        "BÁO CÁO\nTình hình kinh tế - xã hội năm 2024\n\n"
        "Căn cứ Nghị quyết số 12/NQ-HĐND giao 120 tỷ đồng vốn sự nghiệp;\n"
        "Năm 2024, thu ngân sách trên địa bàn đạt 2.450 tỷ đồng.\n\n"
        "Nơi nhận:\n- Thường trực Tỉnh ủy (02 bản);\n- Lưu: VT, 35 bản.\n",
        encoding="utf-8",
    )
    assert [(c.kind, c.value, c.unit) for c in extract_file(report).claims] == [("result", 2450.0, "tỷ đồng")]
