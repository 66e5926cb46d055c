"""The grammar of quantities in table cells: every form officials write, round trips, and garbage."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.domain import Op
from chitieu.numbers import format_number
from chitieu.quantities import (
    QuantityError,
    find_change,
    find_quantity,
    is_no_data,
    parse_change,
    parse_quantity,
)

CASES = [
    # text, op, value, low, high, unit, per_year
    ("9-10", Op.RANGE, None, 9, 10, "", False),
    ("9 - 10%", Op.RANGE, None, 9, 10, "%", False),
    ("6,5% - 7,0%/năm", Op.RANGE, None, 6.5, 7.0, "%", True),
    ("từ 6 đến 7%", Op.RANGE, None, 6, 7, "%", False),
    (">5", Op.GT, 5, None, None, "", False),
    (">1.000", Op.GT, 1000, None, None, "", False),
    ("≥ 15", Op.GE, 15, None, None, "", False),
    ("≤ 15,0%", Op.LE, 15, None, None, "%", False),
    ("<15", Op.LT, 15, None, None, "", False),
    ("8%/năm", Op.EQ, 8, None, None, "%", True),
    (">98,5%", Op.GT, 98.5, None, None, "%", False),
    ("01 bậc", Op.EQ, 1, None, None, "bậc", False),
    ("Tăng 01 bậc", Op.EQ, 1, None, None, "bậc", False),
    ("Đạt khoảng 98%", Op.EQ, 98, None, None, "%", False),
    ("khoảng 98%", Op.EQ, 98, None, None, "%", False),
    ("trên 5%", Op.GT, 5, None, None, "%", False),
    ("dưới 15%", Op.LT, 15, None, None, "%", False),
    ("từ 1.000 trở lên", Op.GE, 1000, None, None, "", False),
    ("60% trở lên", Op.GE, 60, None, None, "%", False),
    ("không quá 3%", Op.LE, 3, None, None, "%", False),
    ("tối thiểu 90%", Op.GE, 90, None, None, "%", False),
    ("ít nhất 2", Op.GE, 2, None, None, "", False),
    ("1.100 tỷ đồng", Op.EQ, 1100, None, None, "tỷ đồng", False),
    ("2.134,6", Op.EQ, 2134.6, None, None, "", False),
    ("-7,8", Op.EQ, -7.8, None, None, "", False),
    ("−17", Op.EQ, -17, None, None, "", False),
    ("47,5 triệu đồng", Op.EQ, 47.5, None, None, "triệu đồng", False),
    ("0,4‰", Op.EQ, 0.4, None, None, "‰", False),
    ("0,4 %o", Op.EQ, 0.4, None, None, "‰", False),
    ("0,4%o/năm", Op.EQ, 0.4, None, None, "‰", True),
    ("8.500 lao động/năm", Op.EQ, 8500, None, None, "người", True),
    ("98% số xã", Op.EQ, 98, None, None, "%", False),
    ("đến năm 2025 đạt 58%", Op.EQ, 58, None, None, "%", False),
    ("7,2% (ước)", Op.EQ, 7.2, None, None, "%", False),
    ("106/106 xã", Op.EQ, 106, None, None, "xã", False),
]


@pytest.mark.parametrize(("text", "op", "value", "low", "high", "unit", "per_year"), CASES)
def test_cells_parse(text: str, op: Op, value: float | None, low: float | None, high: float | None,
                     unit: str, per_year: bool) -> None:
    q = parse_quantity(text)
    assert q.op is op
    assert q.value == (None if value is None else pytest.approx(value))
    assert q.low == (None if low is None else pytest.approx(low))
    assert q.high == (None if high is None else pytest.approx(high))
    assert q.unit == unit
    assert q.per_year is per_year
    assert q.text == text


@pytest.mark.parametrize(("text", "boolean"), [("Hoàn thành", True), ("Không hoàn thành", False), ("Đạt", True),
                                              ("Chưa hoàn thành", False), ("hoàn thành.", True)])
def test_boolean_cells(text: str, boolean: bool) -> None:
    q = parse_quantity(text)
    assert q.op is Op.DONE and q.boolean is boolean


def test_hedge_and_direction_are_kept() -> None:
    assert parse_quantity("Ước đạt 2.345 tỷ đồng").hedge == "ước đạt"
    assert parse_change("Tăng 01 bậc")[1] == 1
    assert parse_change("Giảm 1,5%/năm")[1] == -1
    assert parse_change("1,5%")[1] == 0


@pytest.mark.parametrize("text", ["abc", "", "   ", "-", "nhiều", "5 và 6 abc!", "%o", "12 @@"])
def test_garbage_raises(text: str) -> None:
    with pytest.raises(QuantityError):
        parse_quantity(text)


def test_quantity_error_is_a_value_error() -> None:
    assert issubclass(QuantityError, ValueError)


def test_find_in_indicator_names() -> None:
    q = find_quantity("Tốc độ tăng trưởng GRDP bình quân 6,5% - 7,0%/năm")
    assert q is not None and q.op is Op.RANGE and (q.low, q.high) == (6.5, 7.0) and q.per_year
    found = find_change("Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm")
    assert found is not None and found[0].value == 1.5 and found[1] == -1
    q = find_quantity("Tỷ lệ thất nghiệp khu vực thành thị dưới 3%")
    assert q is not None and q.op is Op.LT and q.value == 3
    assert find_quantity("Đến năm 2025 không còn số liệu") is None


def test_no_data_placeholders() -> None:
    assert is_no_data("") and is_no_data("-") and is_no_data("Chưa có số liệu") and is_no_data(None)
    assert not is_no_data("0")


values = st.decimals(min_value=-99999, max_value=9_999_999, places=2, allow_nan=False, allow_infinity=False)


@given(values)
def test_round_trip_number(value: object) -> None:
    v = float(value)  # type: ignore[arg-type]
    assert parse_quantity(format_number(v)).value == pytest.approx(round(v, 2))


@given(values, st.sampled_from(["", "%", " tỷ đồng", " ha", " người/năm", "‰"]),
       st.sampled_from([("", Op.EQ), ("> ", Op.GT), ("≥ ", Op.GE), ("< ", Op.LT), ("≤ ", Op.LE),
                        ("trên ", Op.GT), ("dưới ", Op.LT), ("khoảng ", Op.EQ)]))
def test_round_trip_with_comparator_and_unit(value: object, unit: str, prefix: tuple[str, Op]) -> None:
    v = abs(float(value))  # type: ignore[arg-type]
    q = parse_quantity(f"{prefix[0]}{format_number(v)}{unit}")
    assert q.op is prefix[1]
    assert q.value == pytest.approx(round(v, 2))


@given(st.decimals(min_value=0, max_value=9999, places=1), st.decimals(min_value=0, max_value=9999, places=1))
def test_round_trip_range(a: object, b: object) -> None:
    low, high = sorted((float(a), float(b)))  # type: ignore[arg-type]
    if low == high:
        return
    q = parse_quantity(f"{format_number(low)} - {format_number(high)}%")
    assert q.op is Op.RANGE and q.low == pytest.approx(low) and q.high == pytest.approx(high)


def test_find_the_last_quantity_of_a_name() -> None:
    name = "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 20%"
    first, last = find_quantity(name), find_change(name, last=True)
    assert first is not None and first.unit == "năm"  # "dưới 5 tuổi" is an age, found first
    assert last is not None and last[0].value == 20 and last[0].unit == "%"
