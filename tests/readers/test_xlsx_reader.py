"""Excel appendices ("Biểu" sheets) read like a Word appendix: merged header cells, values as the sheet shows
them (percent format, cached formula results), hidden sheets/rows/columns left out, each cell's place kept, and
the same claims from `extract` and `ingest`. Workbooks are built here from figures of our own."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from chitieu.messages import ChitieuError
from chitieu.readers import read_document
from chitieu.readers.sniff import detect_kind
from chitieu.readers.xlsx_reader import SheetLimits, read_xlsx, screen_number
from chitieu.services.extract import extract_file
from chitieu.services.ingest import propose_claims

HEADER = ["STT", "Chỉ tiêu", "Đơn vị", "Năm 2024", "", "", "Kế hoạch năm 2025"]
SUBHEADER = ["", "", "", "Kế hoạch", "Ước thực hiện", "So sánh (%)", ""]


def _with_cached_value(path: Path, cell: str, value: str) -> None:
    """openpyxl writes formulas without a cached result: put one in, as Excel does when it saves."""
    with zipfile.ZipFile(path) as zf:
        items = {name: zf.read(name) for name in zf.namelist()}
    name = "xl/worksheets/sheet1.xml"
    xml = items[name].decode()
    xml, count = re.subn(rf'(<c r="{cell}"[^>]*>)<f>([^<]*)</f><v\s*/?>(</v>)?', rf"\1<f>\2</f><v>{value}</v>", xml)
    assert count == 1, xml[:2000]
    items[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for key, data in items.items():
            zf.writestr(key, data)


def _appendix(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Biểu 01"
    sheet.append(["BIỂU TỔNG HỢP CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024"])
    sheet.merge_cells("A1:G1")
    sheet.append(HEADER)
    sheet.append(SUBHEADER)
    for col in "ABCG":
        sheet.merge_cells(f"{col}2:{col}3")
    sheet.merge_cells("D2:F2")
    sheet.append([1, "Sản lượng chè búp tươi", "Tấn", 42000, 39984, 0.952, 43500])
    sheet["F4"].number_format = "0.0%"
    sheet.append([2, "Số hộ được cấp nước sạch", "Hộ", 1250, 1310, "=E5/D5*100", 1400])
    sheet["F5"].number_format = "0.0"
    sheet.append([3, "Cột ẩn không in", "Hộ", 1, 1, 1, 1])
    sheet.row_dimensions[6].hidden = True
    sheet.append(["", "Ghi chú nội bộ", "", "", "", "", "", 777])
    sheet.column_dimensions["H"].hidden = True
    hidden = book.create_sheet("Nháp")
    hidden.append(["Chỉ tiêu", "Đơn vị", "Kế hoạch", "Ước thực hiện"])
    hidden.append(["Diện tích cà phê", "Ha", 9999, 8888])
    hidden.sheet_state = "hidden"
    path = tmp_path / "phu-luc.xlsx"
    book.save(path)
    _with_cached_value(path, "F5", "104.8")
    return path


@pytest.fixture
def appendix(tmp_path: Path) -> Path:
    return _appendix(tmp_path)


def test_screen_number_follows_the_cell_format() -> None:
    assert screen_number(0.952, "0.0%") == "95,2%"
    assert screen_number(1117.5243, "#,##0.0") == "1.117,5"
    assert screen_number(5.83, "General") == "5,83"
    assert screen_number(1234567, "#,##0") == "1.234.567"
    assert screen_number(3.1, "#,##0.##") == "3,1"
    assert screen_number(-0.01, "0.0") == "0,0"


def test_a_workbook_is_sniffed_and_read_as_a_table_per_sheet(appendix: Path) -> None:
    assert detect_kind(appendix) == "xlsx"
    document = read_document(appendix)
    assert document.kind == "xlsx"
    assert [p.title for p in document.parts] == ["Biểu 01"]  # the hidden sheet is no part
    assert "9999" not in document.text and "Nháp" not in document.text
    assert "Cột ẩn" not in document.text and "777" not in document.text  # hidden row and column
    lines = document.text.splitlines()
    assert lines[:2] == ["Biểu 01", "BIỂU TỔNG HỢP CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024"]
    (table,) = document.tables
    assert table.rows[2] == ["1", "Sản lượng chè búp tươi", "Tấn", "42000", "39984", "95,2%", "43500"]
    assert table.rows[3][5] == "104,8"  # the formula's cached value, in the cell's format
    filled = table.filled_rows()
    assert filled[0][3:6] == ["Năm 2024", "Năm 2024", "Năm 2024"]  # the merged header spreads over its columns
    assert filled[1][0] == filled[0][0] == "STT"
    start = document.text.index("95,2%")
    assert document.cell_at(start) == "Biểu 01!F4"
    assert document.cell_at(document.text.index("Sản lượng chè")) == "Biểu 01!B4"


def test_extract_and_ingest_give_the_same_claims_from_a_workbook(appendix: Path) -> None:
    claims = extract_file(appendix).claims
    tea = sorted((c.kind, c.value, c.unit) for c in claims if "chè" in c.indicator)
    assert tea == sorted([("result", 39984.0, "Tấn"), ("result", 95.2, "% kế hoạch"), ("target", 42000.0, "Tấn"),
                          ("target", 43500.0, "Tấn")])
    water = sorted((c.kind, c.value, c.unit) for c in claims if "nước sạch" in c.indicator)
    assert ("result", 104.8, "% kế hoạch") in water
    assert all(c.page == 1 for c in claims)
    proposed = propose_claims(read_document(appendix), [], "KH").claims
    assert sorted((p.kind, p.indicator, p.value, p.unit, p.start) for p in proposed) == sorted(
        (c.kind, c.indicator, c.value, c.unit, c.start) for c in claims)


def test_an_empty_template_of_zeros_gives_no_claim(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Biểu 02"
    sheet.append(["STT", "Chỉ tiêu", "Đơn vị", "Kế hoạch 2025", "Ước thực hiện 2025", "So sánh (%)"])
    for i, name in enumerate(["Diện tích lúa", "Sản lượng lương thực", "Số xã đạt chuẩn"], start=1):
        sheet.append([i, name, "Ha", 0, 0, 0])
    path = tmp_path / "mau-trong.xlsx"
    book.save(path)
    assert extract_file(path).claims == []
    assert propose_claims(read_document(path), [], "KH").claims == []


def test_limits_and_damaged_workbooks_give_vietnamese_errors(appendix: Path, tmp_path: Path) -> None:
    with pytest.raises(ChitieuError) as too_many:
        read_xlsx(appendix, limits=SheetLimits(max_rows=3))
    assert "vượt giới hạn 3" in str(too_many.value) and "Biểu 01" in str(too_many.value)
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ChitieuError):
        read_document(broken)
    legacy = tmp_path / "cu.xls"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert detect_kind(legacy) == "xls"


def test_a_merged_header_whose_first_column_is_hidden_still_shows_and_a_wide_title_is_no_row(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    sheet.append(["CHỈ TIÊU CHỦ YẾU NĂM 2024", "", "", "", "", "", "", 2024])  # a stray year right of the title
    sheet.merge_cells("A1:G1")
    sheet.append(["STT", "Tên chỉ tiêu", "ĐVT", "SỐ LIỆU", "", "", "Ghi chú"])
    sheet.merge_cells("D2:F2")
    sheet.append(["", "", "", "TH 2022", "ƯTH 2023", "KH 2024", ""])
    sheet.append([1, "Diện tích lúa", "Ha", 3100, 3150, 3200, ""])
    sheet.column_dimensions["D"].hidden = True  # the merged header's own cell is hidden
    path = tmp_path / "tong-hop.xlsx"
    book.save(path)
    document = read_document(path)
    (table,) = document.tables
    assert table.rows[0] == ["STT", "Tên chỉ tiêu", "ĐVT", "SỐ LIỆU", "", "Ghi chú", ""]
    assert "3100" not in document.text
    assert document.text.splitlines()[1:3] == ["CHỈ TIÊU CHỦ YẾU NĂM 2024", "2024"]  # title lines, not a table row
    claims = extract_file(path).claims
    assert sorted((c.kind, c.value) for c in claims) == [("result", 3150.0), ("target", 3200.0)]
