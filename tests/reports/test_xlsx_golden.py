"""The written workbook read back with openpyxl: values, merged headers, fonts, page setup, charts."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from chitieu.domain import PlanBundle


@pytest.fixture(scope="module")
def sheet(written_reports: dict[str, Path]):
    workbook = openpyxl.load_workbook(written_reports["xlsx"])
    return workbook["Phụ lục"]


def _row_of(sheet, name: str) -> list[object]:
    for row in sheet.iter_rows(values_only=True):
        if row[1] == name:
            return list(row)
    raise AssertionError(f"row {name!r} not found")


def test_sheets_and_title(written_reports: dict[str, Path], sheet) -> None:
    workbook = openpyxl.load_workbook(written_reports["xlsx"])
    assert workbook.sheetnames == ["Phụ lục", "Biểu đồ"]
    assert str(sheet["A1"].value).startswith("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI")


def test_two_level_merged_header(sheet) -> None:
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:G4", "H4:J4"} <= merged
    assert sheet["E4"].value == "Ước thực hiện giai đoạn 2021 - 2023"
    assert sheet["H4"].value == "Ước thực hiện giai đoạn 2020 - 2025"
    assert [sheet.cell(5, c).value for c in range(5, 8)] == [
        "Kết quả đạt được", "Tỷ lệ % so với mục tiêu nghị quyết", "So sánh với mục tiêu nghị quyết Đại hội",
    ]
    assert sheet.print_title_rows.replace("$", "") == "4:5"


def test_every_indicator_row_present(sheet, dataset_bundle: PlanBundle) -> None:
    names = [row[1] for row in sheet.iter_rows(min_row=6, values_only=True)]
    with_target = {t.indicator_code for t in dataset_bundle.targets}
    for indicator in dataset_bundle.indicators:
        if indicator.code in with_target:
            assert indicator.name in names
    assert sum(1 for row in sheet.iter_rows(min_row=6, values_only=True) if row[3]) == 54


def test_key_values_as_officials_write_them(sheet) -> None:
    budget = _row_of(sheet, "Thu ngân sách trên địa bàn")
    assert budget[2:7] == ["Tỷ đồng", "3.000", "2.134,6", "71,2%", "Chưa đạt"]
    grdp = _row_of(sheet, "GRDP bình quân đầu người")
    assert grdp[3:7] == ["65", "47,5", "73,1%", "Chưa đạt"]
    assert grdp[8] == "90,3%"  # recomputed (the document prints 90,4%: see the audit)
    tourism = _row_of(sheet, "Tổng lượt khách du lịch tăng bình quân hằng năm")
    assert tourism[4] == "33,2" and tourism[6] == "Vượt"


def test_hidden_numeric_copies(sheet) -> None:
    budget = _row_of(sheet, "Thu ngân sách trên địa bàn")
    assert budget[11:13] == [3000, 2134.6]
    assert budget[13] == pytest.approx(2134.6 / 3000, abs=1e-3)
    hidden = [d for d in sheet.column_dimensions.values() if d.hidden]
    assert any(d.min <= 12 <= d.max for d in hidden)  # column L
    assert not any(d.min <= 10 for d in hidden)  # the official columns A..J stay visible


def test_group_rows_bold_and_font(sheet) -> None:
    group_cells = [row[1] for row in sheet.iter_rows(min_row=6) if row[0].value in ("I", "II", "III", "IV")]
    assert len(group_cells) == 4 and all(c.font.b for c in group_cells)
    assert sheet["B7"].font.name == "Times New Roman"
    assert sheet["E4"].font.name == "Times New Roman" and sheet["E4"].font.b


def test_landscape_a4(sheet) -> None:
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == "9"


def test_summary_paragraph(sheet) -> None:
    texts = [c.value for row in sheet.iter_rows(min_col=1, max_col=1) for c in row if isinstance(c.value, str)]
    summary = next(t for t in texts if t.startswith("Dự ước đến hết năm 2023 có"))
    assert "chỉ tiêu vượt" in summary and "dự ước đến hết nhiệm kỳ (năm 2025)" in summary


def test_one_native_chart_per_group(written_reports: dict[str, Path]) -> None:
    with zipfile.ZipFile(written_reports["xlsx"]) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 4
        xml = archive.read(charts[0]).decode("utf-8")
    assert "<c:barChart>" in xml and "Các chỉ tiêu về kinh tế" in xml


def test_long_names_get_taller_rows(sheet) -> None:
    heights = {}
    for row in sheet.iter_rows(min_col=2, max_col=2):
        name = row[0].value
        if isinstance(name, str) and name.startswith(("Tỷ lệ xã, phường, thị trấn đạt chuẩn phổ cập", "Tốc độ tăng trưởng GRDP")):
            heights[name[:10]] = sheet.row_dimensions[row[0].row].height
    assert heights["Tỷ lệ xã, "] > heights["Tốc độ tăn"] >= 15
