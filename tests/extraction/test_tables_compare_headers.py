"""Comparison columns under a spanning "So sánh %" header and the abbreviation "ƯTH" (ước thực hiện), as
district summary workbooks write them (layout seen in stop 15, figures of our own)."""

from __future__ import annotations

from chitieu.extraction.tables import parse_indicator_table
from chitieu.vocab.table_headers import column_role

SUMMARY = [
    ["STT", "Tên chỉ tiêu", "ĐVT", "SỐ LIỆU", "", "", "So sánh %", "", ""],
    ["", "", "", "TH 2023", "ƯTH/ TH 2024", "KH 2025", "ƯTH 2024/ TH 2023", "ƯTH 2024/ KH 2024", "KH 2025/ ƯTH 2024"],
    ["1", "Sản lượng cà phê", "Tấn", "1.000", "1.100", "1.210", "110,0", "98,0", "110,0"],
]


def test_uth_is_an_estimated_result() -> None:
    assert column_role("ƯTH 2024") == "result"
    assert column_role("ƯTH/ TH 2024") == "result"  # estimate or actual of 2024, not a ratio
    assert column_role("ƯTH/KH") == "ratio"


def test_a_plan_named_first_under_a_comparison_header_is_a_ratio_of_that_plan() -> None:
    table = parse_indicator_table(SUMMARY)
    assert table is not None
    assert [c.role for c in table.columns][3:] == ["result", "result", "target", "ratio", "ratio", "ratio"]
    coffee = table.rows[0]
    (plan,) = coffee.targets
    assert plan.value == "1.210" and plan.ratios  # "KH 2025/ƯTH 2024" belongs to next year's plan
    assert [r.value for r in coffee.results] == ["1.000", "1.100"]
