"""Plan columns of Word report tables as offices write them: merged two-level headers, "KH"/"DT" abbreviations,
units in a header or in the caption line, disbursement columns; `extract` and `ingest` give the same claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.readers import read_document
from chitieu.services.extract import extract_file
from chitieu.services.ingest import propose_claims
from word_files import word_file


def table_claims(path: Path) -> list[tuple[str, str, str, float | None, str, str, str]]:
    return [(c.kind, c.role, c.indicator, c.value, c.unit, c.plan_kind, c.basis)
            for c in extract_file(path).claims if c.section == "table"]


def same_in_ingest(path: Path) -> None:
    extracted = sorted((c.kind, c.indicator, c.value, c.unit, c.start) for c in extract_file(path).claims)
    proposed = propose_claims(read_document(path), [], "KH").claims
    assert extracted == sorted((p.kind, p.indicator, p.value, p.unit, p.start) for p in proposed)


def test_estimate_under_a_merged_year_header_with_its_unit_is_a_target(tmp_path: Path) -> None:
    path = word_file(tmp_path / "thu-chi.docx", ["BÁO CÁO", "Tình hình thu, chi ngân sách xã năm 2024"], [
        ["STT", "Nội dung", "Năm 2024 (triệu đồng)", "", "So sánh (%)"],
        ["", "", "DT giao", "Ước TH", ""],
        ["1", "Thu phí chợ", "640", "702", "109,7"],
        ["2", "Chi sự nghiệp môi trường", "1.150", "1.080", "93,9"],
    ], (((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3)), ((0, 4), (1, 4))))
    assert table_claims(path) == [
        ("target", "plan", "Thu phí chợ", 640.0, "triệu đồng", "dự toán", ""),
        ("result", "level", "Thu phí chợ", 702.0, "triệu đồng", "", ""),
        ("result", "plan_ratio", "Thu phí chợ", pytest.approx(109.7), "% dự toán", "", "dự toán"),
        ("target", "plan", "Chi sự nghiệp môi trường", 1150.0, "triệu đồng", "dự toán", ""),
        ("result", "level", "Chi sự nghiệp môi trường", 1080.0, "triệu đồng", "", ""),
        ("result", "plan_ratio", "Chi sự nghiệp môi trường", pytest.approx(93.9), "% dự toán", "", "dự toán"),
    ]
    same_in_ingest(path)


def test_kh_columns_take_the_unit_of_the_caption_line_and_percent_so_kh_is_the_ratio(tmp_path: Path) -> None:
    path = word_file(tmp_path / "9-thang.docx", ["BÁO CÁO", "Kết quả 9 tháng năm 2024", "Đơn vị tính: tỷ đồng"], [
        ["TT", "Chỉ tiêu", "KH năm 2024", "TH 9 tháng", "% so KH"],
        ["1", "Giá trị sản xuất thủy sản", "730", "512", "70,1"],
    ])
    assert table_claims(path) == [
        ("target", "plan", "Giá trị sản xuất thủy sản", 730.0, "tỷ đồng", "kế hoạch", ""),
        ("result", "level", "Giá trị sản xuất thủy sản", 512.0, "tỷ đồng", "", ""),
        ("result", "plan_ratio", "Giá trị sản xuất thủy sản", pytest.approx(70.1), "% kế hoạch", "", "kế hoạch"),
    ]
    same_in_ingest(path)


def test_disbursed_against_the_capital_plan_is_the_result_of_the_plan_row(tmp_path: Path) -> None:
    path = word_file(tmp_path / "giai-ngan.docx", ["BÁO CÁO", "Giải ngân vốn đầu tư công năm 2024", "ĐVT: triệu đồng"], [
        ["STT", "Danh mục dự án", "Kế hoạch vốn năm 2024", "Giải ngân đến 31/10/2024", "Tỷ lệ giải ngân (%)"],
        ["1", "Kè chống sạt lở bờ suối", "3.700", "2.405", "65,0"],
    ])
    assert table_claims(path) == [
        ("target", "plan", "Kè chống sạt lở bờ suối", 3700.0, "triệu đồng", "kế hoạch vốn", ""),
        ("result", "level", "Kè chống sạt lở bờ suối", 2405.0, "triệu đồng", "", ""),
        ("result", "plan_ratio", "Kè chống sạt lở bờ suối", pytest.approx(65.0), "% kế hoạch", "", "kế hoạch"),
    ]
    same_in_ingest(path)


def test_two_rows_of_one_table_with_the_same_estimate_are_two_targets(tmp_path: Path) -> None:
    path = word_file(tmp_path / "can-doi.docx", ["BÁO CÁO", "Dự toán thu, chi ngân sách xã năm 2024"], [
        ["STT", "Nội dung", "Dự toán năm 2024 (triệu đồng)", "Thực hiện 6 tháng (triệu đồng)"],
        ["I", "Tổng thu ngân sách xã", "7.320", "3.510"],
        ["II", "Tổng chi ngân sách xã", "7.320", "3.104"],
    ])
    targets = [(c.indicator, c.value) for c in extract_file(path).claims if c.kind == "target"]
    assert targets == [("Tổng thu ngân sách xã", 7320.0), ("Tổng chi ngân sách xã", 7320.0)]
    same_in_ingest(path)


def test_rows_named_by_source_of_funds_under_a_merged_disbursement_header(tmp_path: Path) -> None:
    path = word_file(tmp_path / "nguon-von.docx", ["BÁO CÁO", "Giải ngân vốn đầu tư công 9 tháng năm 2024",
                                                  "Đơn vị tính: tỷ đồng"], [
        ["STT", "Nguồn vốn", "KH vốn giao năm 2024", "Giải ngân đến 30/9/2024", ""],
        ["", "", "", "Số vốn", "% so KH"],
        ["1", "Vốn ngân sách địa phương", "812", "520", "64,0"],
    ], (((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (1, 2)), ((0, 3), (0, 4))))
    assert table_claims(path) == [
        ("target", "plan", "Vốn ngân sách địa phương", 812.0, "tỷ đồng", "kế hoạch vốn", ""),
        ("result", "level", "Vốn ngân sách địa phương", 520.0, "tỷ đồng", "", ""),
        ("result", "plan_ratio", "Vốn ngân sách địa phương", pytest.approx(64.0), "% kế hoạch", "", "kế hoạch"),
    ]
    same_in_ingest(path)


def test_rows_named_by_what_they_are_after_the_tt_column_under_a_merged_plan_header(tmp_path: Path) -> None:
    # no "Chỉ tiêu"/"Nội dung" header: the column after "TT" names the rows ("Sản phẩm"), and the plan header
    # spans two measures, each with its unit in brackets
    path = word_file(tmp_path / "ke-hoach-thuy-san.docx", ["BÁO CÁO", "Kế hoạch nuôi trồng thủy sản năm 2025"], [
        ["TT", "Sản phẩm", "Kế hoạch năm 2025", ""],
        ["", "", "Diện tích nuôi (ha)", "Sản lượng (tấn)"],
        ["1", "Tôm nước lợ", "420,5", "3.150"],
        ["2", "Cá nước ngọt", "1.208", "9.640"],
    ], (((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3))))
    assert [(kind, value, unit, name) for kind, _, name, value, unit, _, _ in table_claims(path)] == [
        ("target", pytest.approx(420.5), "ha", "Tôm nước lợ"), ("target", 3150.0, "tấn", "Tôm nước lợ"),
        ("target", 1208.0, "ha", "Cá nước ngọt"), ("target", 9640.0, "tấn", "Cá nước ngọt"),
    ]
    same_in_ingest(path)


def test_a_list_of_people_after_the_tt_column_is_no_table_of_figures(tmp_path: Path) -> None:
    path = word_file(tmp_path / "danh-sach.docx", ["DANH SÁCH", "Tổ công tác"], [
        ["TT", "Họ và tên", "Chức vụ", "Số điện thoại"],
        ["1", "Nguyễn Văn A", "Trưởng phòng", "0912 345 678"],
        ["2", "Trần Thị B", "Chuyên viên", "0987 654 321"],
    ])
    assert table_claims(path) == []
