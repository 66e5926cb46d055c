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
    # the plan's issuer is the provincial Party Congress: the Party layout (HD 36-HD/VPTW)
    assert [sheet[f"A{r}"].value for r in (1, 2, 3)] == ["ĐẢNG BỘ TỈNH LAI CHÂU", "TỈNH ỦY", "*"]
    assert sheet["A2"].font.b and not sheet["A1"].font.b
    assert sheet["E1"].value == "ĐẢNG CỘNG SẢN VIỆT NAM" and sheet["E1"].font.b and sheet["E1"].font.u
    assert sheet["E1"].font.sz == 15
    assert sheet["A5"].value == "Phụ lục số …" and sheet["A5"].font.b and sheet["A5"].font.sz == 14
    assert str(sheet["A6"].value).startswith("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI")
    assert sheet["A7"].value == "(Kèm theo Báo cáo số … ngày … tháng … năm … của Ban Thường vụ Tỉnh ủy)"
    assert sheet["A7"].font.i


def test_page_numbers_and_margins(written_reports: dict[str, Path], sheet) -> None:
    assert sheet.page_margins.left == pytest.approx(30 / 25.4) and sheet.page_margins.right == pytest.approx(15 / 25.4)
    assert sheet.page_margins.top == pytest.approx(20 / 25.4) and sheet.page_margins.bottom == pytest.approx(20 / 25.4)
    with zipfile.ZipFile(written_reports["xlsx"]) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    # the page number centred at the top of every page but the first
    assert '<headerFooter differentFirst="1"><oddHeader>&amp;C&amp;"Times New Roman,Regular"&amp;13&amp;P</oddHeader>' in xml


def test_signature_block_after_the_summary(sheet) -> None:
    cells = [(c.row, c.column, c.value) for row in sheet.iter_rows() for c in row if c.value]
    summary_row = next(r for r, _c, v in cells if v == "Tóm tắt")
    after = [(r, c, v) for r, c, v in cells if r > summary_row + 1]
    assert [v for _r, _c, v in after] == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "…"]
    assert all(c == 7 for _r, c, _v in after)  # the right-hand columns G..J
    assert after[2][0] - after[1][0] == 5  # room for the signature and seal


def test_two_level_merged_header(sheet) -> None:
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A9:A10", "B9:B10", "C9:C10", "D9:D10", "E9:G9", "H9:J9"} <= merged
    assert sheet["E9"].value == "Ước thực hiện giai đoạn 2021 - 2023"
    assert sheet["H9"].value == "Ước thực hiện giai đoạn 2020 - 2025"
    assert [sheet.cell(10, c).value for c in range(5, 8)] == [
        "Kết quả đạt được", "Tỷ lệ % so với mục tiêu nghị quyết", "So sánh với mục tiêu nghị quyết Đại hội",
    ]
    assert sheet.print_title_rows.replace("$", "") == "9:10"


def test_every_indicator_row_present(sheet, dataset_bundle: PlanBundle) -> None:
    names = [row[1] for row in sheet.iter_rows(min_row=11, values_only=True)]
    with_target = {t.indicator_code for t in dataset_bundle.targets}
    for indicator in dataset_bundle.indicators:
        if indicator.code in with_target:
            assert indicator.name in names
    assert sum(1 for row in sheet.iter_rows(min_row=11, values_only=True) if row[3]) == 54


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
    group_cells = [row[1] for row in sheet.iter_rows(min_row=11) if row[0].value in ("I", "II", "III", "IV")]
    assert len(group_cells) == 4 and all(c.font.b for c in group_cells)
    assert sheet["B12"].font.name == "Times New Roman"
    assert sheet["E9"].font.name == "Times New Roman" and sheet["E9"].font.b


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
