"""Appendix tables as district reporting software exports them (real layouts seen in stop 15, data of our own):
a verdict column holding percentages, a target for the next year beside this year's plan, a row numbering the
columns with formulas ("7=6/4"), ratio columns comparing a plan or an earlier result, and 0 printed in every
empty cell."""

from __future__ import annotations

import pytest

from chitieu.extraction.table_layouts import compared_part
from chitieu.extraction.tables import parse_indicator_table
from chitieu.quantities import parse_quantity
from chitieu.services.ingest_tables import ratio_basis

NEXT_YEAR = [
    ["STT", "Chỉ tiêu", "ĐVT", "KH 2023", "Thực hiện 2023", "Ghi chú/ Đánh giá", "Mục tiêu 2024"],
    ["1", "Diện tích lúa cả năm", "Ha", "4.200,00", "4.410,00", "105,00 %", "4.300,00"],
    ["2", "Số hộ dùng nước hợp vệ sinh", "Hộ", "1.500,00", "1.350,00", "90,00 %", "1.600,00"],
]

THREE_LEVELS = [
    ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2022", "Năm 2023", "", "", "Kế hoạch năm 2024",
     "Kế hoạch 2024 so với thực hiện 2023 (%)"],
    ["", "", "", "", "Kế hoạch năm 2023", "Ước thực hiện cả năm 2023", "Ước thực hiện 2023 so với thực hiện 2022 (%)", "", ""],
    ["1", "2", "3", "4", "5", "6", "7=6/4", "8", "9=8/6"],
    ["I", "Sản lượng cà phê nhân", "Tấn", "800", "900", "1000", "125", "1100", "110"],
]


def _zero_template(filled: list[list[str]]) -> list[list[str]]:
    empty = [[str(i), f"Cây trồng số {i}", "Ha", "0,00", "0,00", "0,00 %", "0,00"] for i in range(3, 12)]
    return [NEXT_YEAR[0], *filled, *empty]


def test_a_verdict_column_of_percentages_is_the_ratio_of_the_result() -> None:
    table = parse_indicator_table(NEXT_YEAR)
    assert table is not None
    assert [c.role for c in table.columns][3:] == ["target", "result", "ratio", "target"]
    rice = table.rows[0]
    assert rice.results[0].ratios == [("Ghi chú/ Đánh giá", "105,00 %")]


def test_a_target_of_a_later_year_than_the_results_is_no_plan_of_them() -> None:
    table = parse_indicator_table(NEXT_YEAR)
    assert table is not None
    rice = table.rows[0]
    assert [(t.label, t.plan, t.quantity.value if t.quantity else None) for t in rice.targets] == [
        ("KH 2023", True, 4200.0), ("Mục tiêu 2024", False, 4300.0),
    ]
    assert rice.target == "4.200,00"  # the first target column stays the row's target


def test_verdict_words_stay_a_verdict_column() -> None:
    rows = [NEXT_YEAR[0], ["1", "Tỷ lệ hộ nghèo", "%", "3,5", "3,2", "Đạt", "3,0"], ["2", "Số xã nông thôn mới", "Xã", "5", "4", "Chưa đạt", "6"]]
    table = parse_indicator_table(rows)
    assert table is not None and table.columns[5].role == "verdict"


def test_formula_row_numbering_the_columns_is_no_indicator() -> None:
    table = parse_indicator_table(THREE_LEVELS)
    assert table is not None
    assert [r.name for r in table.rows] == ["Sản lượng cà phê nhân"]


def test_ratio_columns_go_to_the_figure_they_compare() -> None:
    table = parse_indicator_table(THREE_LEVELS)
    assert table is not None
    coffee = table.rows[0]
    assert [(t.value, t.plan, t.ratios) for t in coffee.targets] == [
        ("900", True, []), ("1100", False, [("Kế hoạch 2024 so với thực hiện 2023 (%)", "110")]),
    ]
    assert [(r.value, [text for _, text in r.ratios]) for r in coffee.results] == [("800", []), ("1000", ["125"])]


def test_zeros_of_a_template_are_empty_cells() -> None:
    table = parse_indicator_table(_zero_template([
        NEXT_YEAR[1], ["2", "Sản lượng chè búp", "Tấn", "0,00", "0,00", "0,00 %", "650,00"],
    ]))
    assert table is not None and table.zero_filled
    filled = [r for r in table.rows if any(t.quantity for t in r.targets) or any(c.quantity for c in r.results)]
    assert [r.name for r in filled] == ["Diện tích lúa cả năm", "Sản lượng chè búp"]
    tea = filled[1]
    assert [t.value for t in tea.targets] == ["", "650,00"] and tea.results[0].quantity is None


def test_a_zero_among_real_figures_is_a_figure() -> None:
    rows = [NEXT_YEAR[0], *NEXT_YEAR[1:], ["3", "Số xã dưới 10 tiêu chí", "Xã", "0", "0", "", "0"]]
    table = parse_indicator_table(rows)
    assert table is not None and not table.zero_filled
    communes = table.rows[-1]
    assert communes.targets[0].quantity is not None and communes.targets[0].quantity.value == 0


@pytest.mark.parametrize(("label", "basis"), [
    ("Ước TH/KH", "kế hoạch"), ("Tỷ lệ % so với mục tiêu", "mục tiêu"), ("Ghi chú/ Đánh giá", "kế hoạch"),
    ("Tỷ lệ % thực hiện", "kế hoạch"), ("Ước TH/cùng kỳ", ""), ("Ước thực hiện 2023 so với thực hiện 2022 (%)", ""),
    ("Ước TH năm/dự toán", "dự toán"),
])
def test_ratio_basis_reads_what_the_header_compares_with(label: str, basis: str) -> None:
    assert ratio_basis(label) == basis


def test_compared_part() -> None:
    assert compared_part("Ước TH/KH") == "KH"
    assert compared_part("Kế hoạch 2024 so với thực hiện 2023 (%)") == "thực hiện 2023 (%)"
    assert compared_part("Tỷ lệ hoàn thành") == ""


@pytest.mark.parametrize(("cell", "value"), [
    ("243.738194", 243.738194), ("66.2167", 66.2167), ("1.234", 1234.0), ("12903.5", 12903.5), ("2.134,6", 2134.6),
])
def test_a_dot_before_more_than_three_digits_is_a_decimal_point(cell: str, value: float) -> None:
    assert parse_quantity(cell).value == pytest.approx(value)


def test_a_template_zero_pushed_into_a_cell_of_words_is_no_figure() -> None:
    garbled = ["5", "Tỷ lệ học sinh lớp 5 hoàn thành", "%", "chương trình 0,00 tiểu học", "0,00", "0,00 %", "0,00"]
    table = parse_indicator_table(_zero_template([NEXT_YEAR[1], garbled]))
    assert table is not None and table.zero_filled
    pupils = table.rows[1]
    assert pupils.target_quantity is None and not pupils.target_figures and pupils.results[0].quantity is None
