"""Appendix tables of indicators → rows (roles from header words, continuation rows, components)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.domain import Op
from chitieu.extraction.tables import (
    column_role,
    find_text_tables,
    parse_indicator_table,
    period_of,
    split_space_aligned,
)
from chitieu.vocab.verdicts import Status

HEADER = ["TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu Nghị quyết", "Ước thực hiện giai đoạn 2021 - 2023", "", "", "Ước thực hiện đến năm 2025", "", ""]
SUBHEADER = ["", "", "", "", "Kết quả đạt được", "Tỷ lệ % so với mục tiêu", "So sánh với mục tiêu", "Kết quả đạt được", "Tỷ lệ % so với mục tiêu", "So sánh với mục tiêu"]
MIDTERM = [
    HEADER,
    SUBHEADER,
    ["I", "Chỉ tiêu kinh tế", "", "", "", "", "", "", "", ""],
    ["1", "Tăng trưởng GRDP bình quân", "%", "9-10", "3,91", "", "Chưa đạt", "6,14", "", "Khó đạt"],
    ["", "Cơ cấu kinh tế", "", "", "", "", "", "", "", ""],
    ["", "+ Nông, lâm nghiệp, thủy sản", "%", "12,44", "15,16", "", "Chưa đạt", "14,29", "", "Khó đạt"],
    ["", "+ Dịch vụ", "%", "36,43", "40,14", "", "Chưa đạt", "37,53", "", "Vượt"],
    ["2", "Thu ngân sách trên địa bàn", "Tỷ đồng", "3.000", "2.134,6", "71,2%", "Chưa đạt", "2.345", "78,2%", "Khó đạt"],
    ["", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp", "%", "20", "22,98", "", "Chưa đạt", "19,99", "", "Đạt"],
    HEADER,  # the page header repeated on the next page
    SUBHEADER,
    ["", "còi", "", "", "", "", "", "", "", ""],
    ["II", "<i>Chỉ tiêu văn hóa, xã hội</i>", "", "", "", "", "", "", "", ""],
    ["3", "Tỷ lệ huy động học sinh đến trường:", "", "", "", "", "", "", "", ""],
    ["", "Mẫu giáo", "%", "98,0", "99,7", "", "Vượt", "99,8", "", "Vượt"],
    ["", "Tiểu học", "%", "99,8", "99,9", "", "Vượt", "99,9", "", "Vượt"],
    ["", "Tỷ lệ trường chuẩn quốc gia", "%", "66,0", "61,2", "", "Chưa đạt", "66,7", "", "Vượt"],
    ["4", "Kết nạp đảng viên mới", "Đảng viên", ">1.000", "2.840", "100", "Đạt", ">1.000", "100", "Vượt"],
]


def _by_name(rows: list, name: str):  # type: ignore[no-untyped-def]
    return next(r for r in rows if r.full_name == name)


def test_two_level_header_gives_result_blocks_with_periods() -> None:
    table = parse_indicator_table(MIDTERM)
    assert table is not None
    roles = [c.role for c in table.columns]
    assert roles == ["number", "indicator", "unit", "target", "result", "ratio", "verdict", "result", "ratio", "verdict"]
    assert [b.period for b in table.blocks] == [(2021, 2023), (2025, 2025)]
    assert [(b.value, b.ratio, b.verdict) for b in table.blocks] == [(4, 5, 6), (7, 8, 9)]


def test_rows_groups_components_and_values() -> None:
    table = parse_indicator_table(MIDTERM)
    assert table is not None
    rows = [r for r in table.rows if not r.is_header]
    grdp = _by_name(rows, "Tăng trưởng GRDP bình quân")
    assert grdp.number == "1" and grdp.group == "I. Chỉ tiêu kinh tế"
    assert grdp.target_quantity is not None and grdp.target_quantity.op is Op.RANGE
    assert (grdp.target_quantity.low, grdp.target_quantity.high) == (9, 10)
    assert [c.status for c in grdp.results] == [Status.NOT_YET, Status.AT_RISK]
    services = _by_name(rows, "Cơ cấu kinh tế: Dịch vụ")
    assert services.number == "1" and not services.numbered
    assert services.results[1].status is Status.EXCEEDED
    budget = _by_name(rows, "Thu ngân sách trên địa bàn")
    assert budget.unit == "Tỷ đồng" and budget.target_quantity.value == 3000
    assert budget.results[0].quantity.value == pytest.approx(2134.6)
    assert budget.results[0].ratio == "71,2%"
    party = _by_name(rows, "Kết nạp đảng viên mới")
    assert party.target_quantity.op is Op.GT and party.group == "II. Chỉ tiêu văn hóa, xã hội"


def test_continuation_after_repeated_page_header_is_merged() -> None:
    table = parse_indicator_table(MIDTERM)
    assert table is not None
    names = [r.full_name for r in table.rows]
    assert "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi" in names
    assert "còi" not in names
    assert not any(r.name in ("TT", "Chỉ tiêu") for r in table.rows)
    stunting = _by_name(table.rows, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi")
    assert stunting.last_row == 11 and stunting.first_row == 8


def test_list_parent_takes_children_until_a_sibling_indicator() -> None:
    table = parse_indicator_table(MIDTERM)
    assert table is not None
    names = [r.full_name for r in table.rows if not r.is_header]
    assert "Tỷ lệ huy động học sinh đến trường: Mẫu giáo" in names
    assert "Tỷ lệ huy động học sinh đến trường: Tiểu học" in names
    assert "Tỷ lệ trường chuẩn quốc gia" in names  # a sibling, not a child
    headers = [r.name for r in table.rows if r.is_header]
    assert headers == ["Cơ cấu kinh tế", "Tỷ lệ huy động học sinh đến trường"]


def test_plan_year_layout_with_evaluation_column() -> None:
    rows = [
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2025", "Thực hiện 2025", "Đánh giá"],
        ["1", "Tỷ lệ hộ nghèo giảm", "%", "3", "3,4", "Vượt"],
        ["2", "Số xã đạt chuẩn nông thôn mới", "Xã", "≥ 45", "47", "Đạt"],
    ]
    table = parse_indicator_table(rows)
    assert table is not None
    assert [c.role for c in table.columns] == ["number", "indicator", "unit", "target", "result", "verdict"]
    second = table.rows[1]
    assert second.target_quantity.op is Op.GE and second.target_quantity.value == 45
    assert second.results[0].period == (2025, 2025)
    assert second.results[0].quantity.value == 47 and second.results[0].status is Status.ACHIEVED


def test_several_yearly_result_columns() -> None:
    rows = [
        ["TT", "Nội dung", "Đơn vị", "Mục tiêu đến năm 2025", "Năm 2021", "Năm 2022", "Năm 2023"],
        ["1", "Tỷ lệ che phủ rừng", "%", "54", "50,1", "51,2", "52,3"],
    ]
    table = parse_indicator_table(rows)
    assert table is not None
    assert [b.period for b in table.blocks] == [(2021, 2021), (2022, 2022), (2023, 2023)]
    assert [c.quantity.value for c in table.rows[0].results] == [50.1, 51.2, 52.3]


def test_table_without_indicator_header_is_not_an_indicator_table() -> None:
    rows = [["STT", "Số hiệu", "Ngày văn bản", "Trích yếu"], ["1", "Số 03-NQ/TU", "03/02/2021", "Nghị quyết"]]
    assert parse_indicator_table(rows) is None


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("TT", "number"), ("STT", "number"), ("Chỉ tiêu", "indicator"), ("Nội dung", "indicator"),
        ("Đơn vị tính", "unit"), ("ĐVT", "unit"), ("Mục tiêu Nghị quyết Đại hội", "target"),
        ("Kế hoạch 2025", "target"), ("Chỉ tiêu NQ", "target"), ("Kết quả đạt được", "result"),
        ("Ước thực hiện giai đoạn 2021 - 2023", "result"), ("Thực hiện 2025", "result"), ("Năm 2022", "result"),
        ("Tỷ lệ % so với mục tiêu nghị quyết", "ratio"), ("TH/KH (%)", "ratio"),
        ("So sánh với mục tiêu nghị quyết Đại hội", "verdict"), ("Đánh giá", "verdict"),
        ("Chi tieu", "indicator"), ("Don vi tinh", "unit"), ("Ghi chú", None),
    ],
)
def test_column_roles(header: str, role: str | None) -> None:
    assert column_role(header) == role


def test_period_of() -> None:
    assert period_of("Ước thực hiện giai đoạn 2021 - 2023") == (2021, 2023)
    assert period_of("Thực hiện 2025") == (2025, 2025)
    assert period_of("Kết quả đạt được") is None


def test_space_aligned_table_with_wrapped_name() -> None:
    widths = (4, 30, 9, 10, 11, 10)

    def line(*cells: str) -> str:
        return "".join(c.ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip()
    text = "\n".join(
        [
            "Bảng 1. Kết quả",
            line("TT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đánh giá"),
            line("1", "Tỷ lệ dân số nông thôn được", "%", "93,0", "90,0", "Chưa đạt"),
            line("", "sử dụng nước hợp vệ sinh"),
            line("2", "Thu ngân sách trên địa bàn", "Tỷ đồng", "3.000", "2.134,6", "Chưa đạt"),
            "",
            "Đoạn văn sau bảng.",
        ]
    )
    [found] = find_text_tables(text)
    assert text[found.row_starts[0] :].startswith("TT")
    table = parse_indicator_table(found.rows)
    assert table is not None
    water, budget = table.rows
    assert water.name == "Tỷ lệ dân số nông thôn được sử dụng nước hợp vệ sinh"
    assert water.results[0].status is Status.NOT_YET
    assert budget.unit == "Tỷ đồng" and budget.results[0].quantity.value == pytest.approx(2134.6)


def test_split_space_aligned_cuts_on_common_gaps() -> None:
    rows = split_space_aligned(["TT  Chỉ tiêu   ĐVT", "1   Dân số     người"])
    assert rows == [["TT", "Chỉ tiêu", "ĐVT"], ["1", "Dân số", "người"]]


def test_prose_is_not_a_table() -> None:
    assert find_text_tables("Một câu bình thường.\nCâu khác  có  hai khoảng trắng.\n") == []


def test_appendix_of_the_midterm_report(corpus_dir: Path) -> None:
    text = (corpus_dir / "002_afab32be4bedbcb5.txt").read_text(encoding="utf-8")
    tables = [t for t in (parse_indicator_table(b.rows) for b in find_text_tables(text)) if t is not None]
    assert len(tables) == 1
    rows = [r for r in tables[0].rows if not r.is_header]
    numbers = sorted({int(r.number) for r in rows})
    assert numbers == list(range(1, 12))  # the appendix numbers its indicators 1 … 11
    budget = _by_name(rows, "Thu ngân sách trên địa bàn")
    assert (budget.unit, budget.target, budget.results[0].value, budget.results[0].ratio) == ("Tỷ đồng", "3.000", "2.134,6", "71,2%")
    assert budget.results[1].status is Status.AT_RISK
    assert _by_name(rows, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi").target == "20"
    waste = next(r for r in rows if r.name.startswith("Tỷ lệ số xã, phường, thị"))
    assert waste.name.endswith("tại các huyện, thành phố được thu gom, xử lý rác thải sinh hoạt")
    assert _by_name(rows, "Cơ cấu kinh tế: Dịch vụ").target == "36,43"
    assert all(r.name for r in rows) and not any(r.name.startswith("<i>") for r in tables[0].rows)


# A cost estimate as a Word table: codes in "Mã số", two amount columns with the unit in brackets, English
# thousands written with commas, and a total written across the merged code and name cells.
ESTIMATE = [
    ["DỰ TRÙ KINH PHÍ TỔ CHỨC LỚP TẬP HUẤN", "", "", ""],
    ["Mã số", "Nội dung chi", "Thành tiền trước thuế (VNĐ)", "Thành tiền sau thuế (VNĐ)"],
    ["A", "Thuê hội trường", "12,500,000", "13,750,000"],
    ["B", "Tài liệu cho học viên", "850,000", "935,000"],
    ["Tổng cộng (làm tròn)", "", "", "14,685,000"],
]


def test_estimate_amounts_are_plan_values_with_the_unit_of_their_header() -> None:
    table = parse_indicator_table(ESTIMATE)
    assert table is not None
    rows = [(r.name, r.target_quantity.value if r.target_quantity else None, r.target_unit,
             [(c.quantity.value if c.quantity else None, c.unit) for c in r.targets[1:]]) for r in table.rows]
    assert rows == [
        ("Thuê hội trường", 12500000.0, "VNĐ", [(13750000.0, "VNĐ")]),
        ("Tài liệu cho học viên", 850000.0, "VNĐ", [(935000.0, "VNĐ")]),  # one comma group: thousands in this column
        ("Tổng cộng (làm tròn)", None, "VNĐ", [(14685000.0, "VNĐ")]),
    ]


def test_amounts_of_a_settlement_are_results_and_of_an_untitled_table_nothing() -> None:
    settled = [["QUYẾT TOÁN KINH PHÍ NĂM 2023", "", ""], ["STT", "Nội dung", "Số tiền (triệu đồng)"],
               ["1", "Chi hỗ trợ hộ nghèo", "1.250"]]
    table = parse_indicator_table(settled)
    assert table is not None
    assert [(c.quantity.value if c.quantity else None, c.unit) for c in table.rows[0].results] == [(1250.0, "triệu đồng")]
    assert table.rows[0].target_quantity is None
    untitled = [["STT", "Nội dung", "Số tiền (triệu đồng)", "Ghi chú"], ["1", "Chi hỗ trợ hộ nghèo", "1.250", ""]]
    parsed = parse_indicator_table(untitled)
    assert parsed is None or all(r.target_quantity is None and not r.results and not r.targets[1:] for r in parsed.rows)


def test_caption_before_the_table_decides_its_amounts() -> None:
    rows = [["STT", "Hạng mục", "Kinh phí (đồng)", "Ghi chú"], ["1", "Mua máy tính", "45.000.000", ""]]
    table = parse_indicator_table(rows, caption="Bảng 2. Dự toán kinh phí mua sắm năm 2025")
    assert table is not None
    assert (table.rows[0].target_quantity.value if table.rows[0].target_quantity else None, table.rows[0].target_unit) == (45000000.0, "đồng")


def test_school_year_columns_are_results_of_their_years() -> None:
    rows = [["TT", "Số liệu", "Năm học 2022 – 2023", "Năm học 2023 – 2024"],
            ["1", "Số học sinh bỏ học", "14", "9"]]
    table = parse_indicator_table(rows)
    assert table is not None
    assert [(c.period, c.quantity.value if c.quantity else None) for c in table.rows[0].results] == [((2022, 2023), 14.0), ((2023, 2024), 9.0)]
