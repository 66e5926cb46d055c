"""Furniture marks and bound parts: rules are data checked against their examples; a bound volume's
parts are found with their pages; recipients, signatures and legal-basis lines are marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.readers import read_document
from chitieu.readers.furniture_rules import FURNITURE_RULES, PART_TITLES, LineRule, validate_rules

from .builders import make_pdf

LETTER = """ỦY BAN NHÂN DÂN
TỈNH BẮC SƠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 45/QĐ-UBND
Bắc Sơn, ngày 10 tháng 01 năm 2025
QUYẾT ĐỊNH
Về việc giao chỉ tiêu kế hoạch năm 2025
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị quyết số 12/NQ-HĐND ngày 10/12/2024 của Hội đồng nhân dân tỉnh;
Theo đề nghị của Giám đốc Sở Tài chính.
QUYẾT ĐỊNH:
Điều 1. Giao chỉ tiêu thu ngân sách năm 2025 là 4.500 tỷ đồng.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Trần Văn Bình
"""


def test_every_rule_agrees_with_its_examples() -> None:
    validate_rules(FURNITURE_RULES)
    validate_rules(PART_TITLES)
    with pytest.raises(ValueError, match="counter-example"):
        validate_rules((LineRule("recipients", r"^Nơi nhận", examples=("Nơi nhận:",),
                                 not_examples=("Nơi nhận hồ sơ",)),))


def test_a_decision_is_marked_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "qd.txt"
    path.write_text(LETTER, encoding="utf-8")
    document = read_document(path)
    def kind_of(line: str) -> list[str]:
        start = document.text.index(line)
        return [m.kind for m in document.marks_at(start, start + len(line))]

    assert kind_of("ỦY BAN NHÂN DÂN") == kind_of("Số: 45/QĐ-UBND") == ["title_block"]
    assert kind_of("Bắc Sơn, ngày 10 tháng 01 năm 2025") == ["title_block"]
    assert kind_of("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;") == ["legal_basis"]
    assert kind_of("Theo đề nghị của Giám đốc Sở Tài chính.") == ["legal_basis"]
    assert kind_of("- Như Điều 3;") == ["recipients"]
    assert kind_of("QUYẾT ĐỊNH\nVề việc") == [] and kind_of("Điều 1.") == []
    [signature] = [document.text[m.start:m.end] for m in document.marks if m.kind == "signature"]
    assert signature.startswith("TM. ỦY BAN NHÂN DÂN") and signature.endswith("Trần Văn Bình")
    target = document.text.index("4.500 tỷ đồng")
    assert document.marks_at(target, target + 5) == []
    [part] = document.parts
    assert part.kind == "decision" and part.start == 0
    assert part.title == "QUYẾT ĐỊNH Về việc giao chỉ tiêu kế hoạch năm 2025"


def test_bound_volume_parts_with_pages(tmp_path: Path) -> None:
    pages = [
        ["MỤC LỤC", "BÁO CÁO CHÍNH TRỊ ........ 2", "NGHỊ QUYẾT ĐẠI HỘI ........ 3"],
        ["BÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XVII", "Năm năm qua, GRDP tăng 7,2%/năm."],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "NGHỊ QUYẾT", "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XVIII",
         "1. Tốc độ tăng trưởng GRDP bình quân 8%/năm."],
        ["PHỤ LỤC 1", "Các chỉ tiêu chủ yếu giai đoạn 2025 - 2030", "Tỷ lệ che phủ rừng đạt 55%."],
    ]
    path = make_pdf(tmp_path / "van-kien.pdf", pages, header="Văn kiện Đại hội XVIII")
    document = read_document(path)
    assert "Văn kiện Đại hội XVIII" not in document.text  # the running header is dropped
    assert [(p.kind, p.page) for p in document.parts] == [("report", 2), ("resolution", 3), ("appendix", 4)]
    report, resolution, appendix = document.parts
    assert report.title == "BÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XVII"
    assert resolution.title == "NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XVIII"
    assert document.text[resolution.start:].startswith("ĐẢNG CỘNG SẢN VIỆT NAM")  # with its own head
    assert report.end == resolution.start and resolution.end == appendix.start
    goal = document.text.index("8%/năm")
    assert document.part_at(goal) == resolution
