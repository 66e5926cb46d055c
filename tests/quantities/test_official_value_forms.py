"""Value forms seen in provinces' end-of-term appendices: footnotes, notes, symbols, fillers, placeholders."""

from __future__ import annotations

import pytest

from chitieu.domain import Op
from chitieu.quantities import QuantityError, is_no_data, parse_change, parse_quantity


@pytest.mark.parametrize(
    ("text", "op", "value", "unit"),
    [
        ("105,2¹", Op.EQ, 105.2, ""),  # superscript footnote
        ("47,5 [2]", Op.EQ, 47.5, ""),  # bracketed footnote
        ("47,5*", Op.EQ, 47.5, ""),
        ("4.120 (*)", Op.EQ, 4120, ""),
        ("(1) 18", Op.EQ, 18, ""),  # footnote in front
        ("99,5% (ước)", Op.EQ, 99.5, "%"),
        ("≧ 95%", Op.GE, 95, "%"),
        ("=> 90%", Op.GE, 90, "%"),
        ("=< 5%", Op.LE, 5, "%"),
        ("+7,5%", Op.EQ, 7.5, "%"),
        ("ổn định trên 450 nghìn tấn", Op.GT, 450, "nghìn tấn"),
        ("Đạt 100% chỉ tiêu", Op.EQ, 100, "%"),
        ("35% lực lượng lao động", Op.EQ, 35, "%"),
        ("6.000 ha/năm", Op.EQ, 6000, "ha"),  # per year: see test_per_year_area
        ("30 giường", Op.EQ, 30, "giường bệnh"),
        ("tổng số 7.500 đảng viên", Op.EQ, 7500, "đảng viên"),
    ],
)
def test_forms(text: str, op: Op, value: float, unit: str) -> None:
    q = parse_quantity(text)
    assert (q.op, q.value, q.unit) == (op, value, unit)


def test_per_year_area() -> None:
    assert parse_quantity("6.350 ha/năm").per_year


def test_dot_decimal_inside_a_range() -> None:
    q = parse_quantity("3 - 3.5%/năm")
    assert (q.op, q.low, q.high, q.unit, q.per_year) == (Op.RANGE, 3, 3.5, "%", True)


@pytest.mark.parametrize(("text", "value", "direction"), [("giảm cả 3 tiêu chí", 3, -1), ("Giảm 2/3 tiêu chí", 2, -1),
                                                          ("giảm 20 đơn vị", 20, -1)])
def test_changes_of_counted_things(text: str, value: float, direction: int) -> None:
    q, d = parse_change(text)
    assert (q.value, d) == (value, direction)


@pytest.mark.parametrize(("text", "boolean"), [("Hoàn thành (ước)", True), ("Cơ bản hoàn thành", True),
                                               ("Chưa hoàn thành", False), ("Completed", True)])
def test_yes_no_cells(text: str, boolean: bool) -> None:
    q = parse_quantity(text)
    assert q.op is Op.DONE and q.boolean is boolean


@pytest.mark.parametrize("text", ["—", "–", "-", "x", "Chưa có số liệu", "Chưa có số liệu (1)", "chưa thống kê", " "])
def test_placeholders_are_no_data(text: str) -> None:
    assert is_no_data(text)
    with pytest.raises(QuantityError):
        parse_quantity(text)


@pytest.mark.parametrize("text", ["98%", "Hoàn thành", "0"])
def test_values_are_not_placeholders(text: str) -> None:
    assert not is_no_data(text)
