"""assess-table on awkward but real layouts: ";" CSV with decimal commas, placeholders in the unit and
polarity columns, "(%)" units, a result block whose sub-columns have no role words, a cover sheet."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from chitieu.assessment import Stage
from chitieu.services.assess_table import assess_table


def test_semicolon_csv_with_unquoted_decimal_commas(tmp_path: Path) -> None:
    text = ("Chỉ tiêu;ĐVT;Mục tiêu;Kết quả;Đánh giá\r\n"
            "Tốc độ tăng trưởng GRDP;%;7,5 - 8%/năm;7,12%;Không đạt\r\n"
            "Tỷ lệ che phủ rừng;%;≥ 54%;54,3%;Vượt\r\n"
            "Thu ngân sách;tỷ đồng;10.000;12.435,5;Vượt\r\n")
    path = tmp_path / "bang.csv"
    path.write_bytes(text.encode("utf-8"))
    result = assess_table(path, Stage.FINAL)
    assert [r.value for r in result.rows] == [7.12, 54.3, 12435.5]
    assert result.agreement == (3, 3)


def test_placeholders_in_unit_and_polarity_columns(tmp_path: Path) -> None:
    import csv

    rows = [["indicator", "target", "result", "unit", "polarity", "official"],
            ["Xây dựng khu vực phòng thủ", "Hoàn thành", "Hoàn thành", "-", "x", "Đạt"],
            ["Tỷ lệ che phủ rừng", "54", "55", "(%)", "↑", "Vượt"],
            ["Số vụ cháy rừng", "10", "12", "vụ", "↓", "Không đạt"],
            ["Tỷ lệ thất nghiệp", "3", "2", "%", "-", "Vượt"]]
    path = tmp_path / "t.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = assess_table(path, Stage.FINAL)
    assert [r.status for r in result.rows] == ["achieved", "exceeded", "not_achieved", "exceeded"]
    assert [r.polarity_inferred for r in result.rows] == [True, False, False, False]
    assert result.rows[1].unit == "%"


def test_merged_result_block_without_role_words_and_cover_sheet(tmp_path: Path) -> None:
    wb = Workbook()
    cover = wb.active
    cover.title = "Bìa"
    cover.append(["BÁO CÁO CHÍNH TRỊ — PHỤ LỤC"])
    ws = wb.create_sheet("Phụ lục")
    ws.append(["TT", "Chỉ tiêu", "Mục tiêu", "Kết quả thực hiện", "", "Đánh giá"])
    ws.append(["", "", "", "Năm 2024", "Ước năm 2025", ""])
    ws.append(["1", "Tỷ lệ đô thị hóa (%)", "35", 33.1, 35.2, "Vượt"])
    ws.append(["2", "Chỉ số PCI", "Nhóm khá", "Nhóm trung bình", "Nhóm khá", "Đạt"])
    ws.append(["3", "Tỷ lệ hộ nghèo", "Hoàn thành năm 2025", "", "Hoàn thành", "Đạt"])
    ws.merge_cells("D1:E1")
    path = tmp_path / "bang.xlsx"
    wb.save(path)
    result = assess_table(path, Stage.FINAL)
    assert result.layout.result == 4  # the latest column of the result block
    assert [r.status for r in result.rows] == ["exceeded", "achieved", "achieved"]
    assert result.agreement == (3, 3)


def test_an_unreadable_target_of_words_and_years_is_passed_through(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Chỉ tiêu,Mục tiêu,Kết quả\nTỷ lệ che phủ rừng,54%,55%\nĐề án chuyển đổi số,năm 2025,Đang triển khai\n",
                    encoding="utf-8")
    result = assess_table(path, Stage.FINAL)
    last = result.rows[-1]
    assert last.status is None and last.warnings and "năm 2025" in last.explanation
