"""assess_table on CSV/XLSX tables as officials write them: headers, encodings, layouts, bad input."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from chitieu.assessment import Stage
from chitieu.messages import ChitieuError
from chitieu.services.assess_table import assess_table, official_status
from chitieu.services.assess_table_write import write_assessed_xlsx
from chitieu.vocab.verdicts import Status

from .fixtures.build_province_fixtures import windows_1258_form

FIXTURES = Path(__file__).parent / "fixtures"
OTHER = FIXTURES / "other_province_final.csv"


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    fix = windows_1258_form if encoding == "cp1258" else (lambda c: c)
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows([[fix(c) for c in r] for r in rows])
    return path


def test_other_province_end_of_term_table() -> None:
    result = assess_table(OTHER, Stage.FINAL)
    agree, total = result.agreement
    assert total == 25 and agree >= 23
    by_name = {r.indicator: r for r in result.rows}
    grdp = by_name["Tốc độ tăng trưởng GRDP bình quân"]
    assert (grdp.status, grdp.status_vi, grdp.value) == ("exceeded", "Vượt", 7.2)
    assert grdp.target_parsed == {"op": "range", "value": None, "low": 6.5, "high": 7.0, "unit": "%",
                                  "boolean": None, "per_year": True, "hedge": "", "direction": 0}
    poor = by_name["Tỷ lệ hộ nghèo giảm bình quân"]
    assert poor.polarity == "higher_better" and poor.polarity_inferred and "giảm bình quân" in poor.polarity_reason
    assert by_name["Tỷ lệ thất nghiệp khu vực thành thị"].polarity == "lower_better"
    assert by_name["Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)"].status == "exceeded"
    assert by_name["Tỷ lệ lao động qua đào tạo"].status == "not_achieved"
    assert by_name["Hoàn thành xây dựng trụ sở khối cơ quan tỉnh"].polarity == "boolean"
    assert by_name["- Dịch vụ"].polarity == "neutral_structure"
    header = result.rows[0]
    assert header.indicator == "CHỈ TIÊU KINH TẾ" and header.status is None and header.columns["STT"] == "I"
    assert [r.row for r in result.rows] == sorted(r.row for r in result.rows)  # input order


def test_two_row_header_with_two_result_blocks_xlsx(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"])  # a title above the header
    ws.append([])
    ws.append(["TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Ước thực hiện 2021-2023", None, None,
               "Ước thực hiện 2020-2025", None, None])
    ws.append([None, None, None, None, "Kết quả đạt được", "Tỷ lệ % so với mục tiêu", "So sánh với mục tiêu",
               "Kết quả đạt được", "Tỷ lệ % so với mục tiêu", "So sánh với mục tiêu"])
    ws.append(["1", "GRDP bình quân đầu người", "Triệu đồng", 65, 47.5, 0.731, "Chưa đạt", 58.7, 0.904, "Khó đạt"])
    ws.append(["", "Tỷ lệ che phủ rừng", "%", 0.54, 0.523, None, "Chưa đạt", 0.54, None, "Đạt"])
    for row in ws.iter_rows(min_row=6, max_row=6, min_col=4, max_col=8):
        for cell in row:
            cell.number_format = "0.0%"
    path = tmp_path / "bang.xlsx"
    wb.save(path)
    result = assess_table(path, Stage.FORECAST)
    assert result.layout.header_row == 3
    gdp, forest = result.rows
    assert gdp.row == 5 and gdp.value == 58.7 and gdp.status == "at_risk" and gdp.official_status == "at_risk"
    assert forest.value == pytest.approx(54.0) and forest.status == "achieved" and forest.agrees is True
    assert "Ước thực hiện 2020-2025 / Kết quả đạt được" in gdp.columns


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1258"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    rows = [["Chỉ tiêu", "Mục tiêu", "Kết quả", "Đơn vị tính"], ["Tỷ lệ hộ nghèo", "4", "3,2", "%"],
            ["Tỷ lệ lao động qua đào tạo", "70", "68", "%"]]
    result = assess_table(write_csv(tmp_path / "t.csv", rows, encoding), Stage.FINAL)
    assert [r.status for r in result.rows] == ["exceeded", "not_achieved"]
    assert result.rows[0].indicator == "Tỷ lệ hộ nghèo"


def test_english_headers_polarity_column_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("indicator;target;result;unit;polarity\nSố vụ cháy rừng;10;8;vụ;lower_better\n"
                    "Số doanh nghiệp thành lập mới;500;520;doanh nghiệp;\n", encoding="utf-8")
    first, second = assess_table(path, Stage.FINAL).rows
    assert first.status == "exceeded" and first.polarity_inferred is False
    assert second.status == "exceeded" and second.polarity_inferred is True


def test_target_embedded_in_the_indicator_name(tmp_path: Path) -> None:
    rows = [["TT", "Chỉ tiêu", "Kết quả thực hiện", "Đánh giá"],
            ["1", "Tốc độ tăng trưởng GRDP bình quân 6,5% - 7,0%/năm", "6,8%", "Đạt"],
            ["2", "Tỷ lệ thất nghiệp khu vực thành thị dưới 3%", "3,4%", "Không đạt"]]
    result = assess_table(write_csv(tmp_path / "t.csv", rows), Stage.FINAL)
    assert [r.status for r in result.rows] == ["achieved", "not_achieved"]
    assert result.agreement == (2, 2)


def test_repeated_header_and_placeholders(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "Mục tiêu", "Kết quả"], ["Diện tích cây chè (ha)", "10.000", "9.811"],
            ["Chỉ tiêu", "Mục tiêu", "Kết quả"], ["Số xã đạt chuẩn", "50", "Chưa có số liệu"], ["", "", ""]]
    result = assess_table(write_csv(tmp_path / "t.csv", rows), Stage.MIDTERM)
    assert [(r.row, r.status) for r in result.rows] == [(2, "not_yet"), (4, "no_data")]


def test_official_status_reads_longer_cells() -> None:
    assert official_status("Vượt chỉ tiêu đề ra") is Status.EXCEEDED
    assert official_status("Đạt") is Status.ACHIEVED
    assert official_status("ghi chú") is None


@pytest.mark.parametrize(
    ("rows", "code", "row", "column"),
    [
        ([["Chỉ tiêu", "Mục tiêu", "Kết quả"], ["Tỷ lệ che phủ rừng", "abc", "5"]], "bad_target", 2, "Mục tiêu"),
        ([["Chỉ tiêu", "Mục tiêu", "Kết quả", "ĐVT"], ["Tỷ lệ che phủ rừng", "5", "5"], ["Số xã", "5", "6", "###"]], "unknown_unit", 3, "ĐVT"),
        ([["Chỉ tiêu", "Mục tiêu", "Ghi chú"], ["Tỷ lệ che phủ rừng", "5", "x"]], "missing_column", None, "result"),
        ([["Chỉ tiêu", "Mục tiêu", "Kết quả", "polarity"], ["Tỷ lệ che phủ rừng", "5", "5", "ngược"]], "bad_polarity", 2, "polarity"),
        ([["a", "b"], ["1", "2"]], "table_no_header", None, None),
    ],
)
def test_bad_input_names_file_row_and_column(tmp_path: Path, rows: list[list[str]], code: str, row: int | None,
                                             column: str | None) -> None:
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(ChitieuError) as info:
        assess_table(path, Stage.FINAL)
    assert info.value.code == code
    assert str(path) in info.value.message
    if row is not None:
        assert f"dòng {row}" in info.value.message
    if column is not None:
        assert column in info.value.message


def test_plain_noun_units_are_accepted_with_a_warning(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "Mục tiêu", "Kết quả", "Đơn vị tính"], ["Số chợ nông thôn", "20", "22", "Chợ"]]
    (only,) = assess_table(write_csv(tmp_path / "t.csv", rows), Stage.FINAL).rows
    assert only.status == "exceeded" and only.warnings and "Chợ" in only.warnings[0]


def test_corrupt_xlsx_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ChitieuError) as info:
        assess_table(bad)
    assert info.value.code == "file_corrupt" and "hong.xlsx" in info.value.message
    with pytest.raises(ChitieuError) as missing:
        assess_table(tmp_path / "khong-co.csv")
    assert missing.value.code == "file_not_found"


def test_xlsx_output_keeps_the_input_and_adds_columns(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    result = assess_table(OTHER, Stage.FINAL)
    out = tmp_path / "ra.xlsx"
    write_assessed_xlsx(result, out)
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[:6] == ["STT", "Tên chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Kết quả thực hiện giai đoạn 2021-2025",
                          "Đánh giá"]
    assert "Đánh giá (chitieu)" in header
    col = header.index("Đánh giá (chitieu)")
    assert ws.cell(row=3, column=col + 1).value == "Vượt"
    assert ws.max_row == len(result.table.rows)


def test_column_number_row_prose_target_and_unnamed_result_column(tmp_path: Path) -> None:
    rows = [["STT", "Nội dung", "Chỉ tiêu", "Năm 2025", "Đánh giá"],
            ["(1)", "(2)", "(3)", "(4)", "(5)"],
            ["1", "Tỷ lệ che phủ rừng", "45%", "46,2%", "Vượt"],
            ["2", "Chất lượng giáo dục", "Từng bước nâng cao chất lượng", "Đã nâng cao", "Đạt"]]
    result = assess_table(write_csv(tmp_path / "t.csv", rows), Stage.FINAL)
    assert result.layout.target == 2 and result.layout.result == 3
    forest, prose = result.rows
    assert forest.row == 3 and forest.status == "exceeded" and forest.agrees is True
    assert prose.status is None and prose.warnings and "không có số liệu định lượng" in prose.warnings[0]


def test_garbage_words_in_a_target_are_an_error(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "Mục tiêu", "Kết quả"], ["Tỷ lệ che phủ rừng", "xyz abc", "5"]]
    with pytest.raises(ChitieuError) as info:
        assess_table(write_csv(tmp_path / "t.csv", rows), Stage.FINAL)
    assert info.value.code == "bad_target" and "dòng 2" in info.value.message


def test_cells_decide_ambiguous_headers(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "Mục tiêu", "Thực hiện 2025", "So với mục tiêu (%)", "Kết quả so với Nghị quyết"],
            ["Thu ngân sách", "1.000", "1.100", "110", "Vượt"],
            ["Tỷ lệ che phủ rừng", "45", "44", "97,8", "Không đạt"]]
    result = assess_table(write_csv(tmp_path / "t.csv", rows), Stage.FINAL)
    assert (result.layout.result, result.layout.ratio, result.layout.verdict) == (2, 3, 4)
    assert result.agreement == (2, 2)


def test_verdicts_found_in_an_unnamed_column(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "Mục tiêu", "Kết quả", "Ghi chú"],
            ["Thu ngân sách", "1.000", "1.100", "Vượt"], ["Tỷ lệ che phủ rừng", "45", "44", "Không đạt"]]
    result = assess_table(write_csv(tmp_path / "t.csv", rows), Stage.FINAL)
    assert result.layout.verdict == 3 and result.agreement == (2, 2)
