"""Running-text quantity grammar: each form, each non-quantity (sentences written for these tests)."""

from __future__ import annotations

import pytest

from chitieu.domain.quantity import Op
from chitieu.extraction.grammar import LEAD_WORDS, PREFIX_OPS, SUFFIX_OPS
from chitieu.extraction.quantity import find_quantities
from chitieu.extraction.text_units import DENOMINATORS, MAGNITUDES, all_word_units


def one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [(q.value, q.unit) for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "op", "value", "low", "high", "unit"),
    [
        ("doanh thu đạt 3.456,7 tỷ đồng", Op.EQ, 3456.7, None, None, "tỷ đồng"),
        ("chỉ số giá ước -1,25%", Op.EQ, -1.25, None, None, "%"),
        ("tăng trưởng 7-8%/năm", Op.RANGE, None, 7, 8, "%/năm"),
        ("giảm 1 - 1,5 điểm %", Op.RANGE, None, 1, 1.5, "điểm %"),
        ("tăng 5,5% - 6,0%/năm", Op.RANGE, None, 5.5, 6.0, "%/năm"),
        ("mức tăng khoảng ½ lần", Op.EQ, 0.5, None, None, "lần"),
        ("dân số khoảng 52 vạn người", Op.EQ, 52, None, None, "vạn người"),
        ("đón 2,4 triệu lượt khách", Op.EQ, 2.4, None, None, "triệu lượt khách"),
        ("quy mô 412,3 nghìn tỷ đồng", Op.EQ, 412.3, None, None, "nghìn tỷ đồng"),
        ("tỷ suất sinh giảm 0,3‰/năm", Op.EQ, 0.3, None, None, "‰/năm"),
        ("tăng 2,5 điểm% so với kỳ trước", Op.EQ, 2.5, None, None, "điểm%"),
        ("tăng gấp 2,5 lần", Op.EQ, 2.5, None, None, "lần"),
        ("trên 7%", Op.GT, 7, None, None, "%"),
        ("dưới 3%", Op.LT, 3, None, None, "%"),
        ("từ 2.000 hội viên trở lên", Op.GE, 2000, None, None, "hội viên"),
        ("ít nhất 40 trường", Op.GE, 40, None, None, "trường"),
        ("tối thiểu 30%", Op.GE, 30, None, None, "%"),
        ("không quá 4%", Op.LE, 4, None, None, "%"),
        ("hơn 600 hộ", Op.GT, 600, None, None, "hộ"),
        ("≥ 85%", Op.GE, 85, None, None, "%"),
        ("< 12%", Op.LT, 12, None, None, "%"),
        ("thu nhập 52 triệu đồng/người/năm", Op.EQ, 52, None, None, "triệu đồng/người/năm"),
        ("có 15 bác sỹ/1 vạn dân", Op.EQ, 15, None, None, "bác sỹ/1 vạn dân"),
        ("tạo việc làm cho 9.200 lao động/năm", Op.EQ, 9200, None, None, "lao động/năm"),
        ("từ 6 đến 7%", Op.RANGE, None, 6, 7, "%"),
    ],
)
def test_quantity_forms(text: str, op: Op, value, low, high, unit: str) -> None:
    q = one(text)
    assert (q.op, q.unit) == (op, unit)
    if op is Op.RANGE:
        assert (q.low, q.high) == (low, high)
    else:
        assert q.value == pytest.approx(value)


def test_hedges_are_kept() -> None:
    assert one("sản lượng khoảng 40.000 tấn").hedge == "khoảng"
    assert one("ước đạt 98,5%").hedge in ("ước đạt", "ước")
    assert one("gần 3.000 ha").hedge == "gần"


def test_fractions_keep_the_denominator() -> None:
    q = one("đã có 41/96 xã đạt chuẩn")
    assert (q.value, q.denominator, q.unit) == (41, 96, "xã")
    q = one("trồng 2.150/2.500 ha cây quế")
    assert (q.value, q.denominator, q.unit) == (2150, 2500, "ha")


@pytest.mark.parametrize(
    "text",
    [
        "trong năm 2024 và giai đoạn 2026 - 2030",
        "thực hiện Nghị quyết số 12-NQ/TU của Tỉnh ủy",
        "theo Chương trình số 07-CTr/TU và Quyết định 518/QĐ-UBND",
        "ban hành ngày 14/3/2022",
        "từ tháng 9/2021",
        "trẻ em dưới 6 tuổi",
        "người từ 18 tuổi trở lên",
        "Đại hội lần thứ XV, Hội nghị lần thứ 8",
        "từ thứ 2 đến thứ 6",
        "đạt chuẩn phổ cập mức độ 3",
        "không còn xã dưới 12 tiêu chí",
        "trong 9 tháng đầu năm",
        "(2) nâng cao chất lượng",
        "dịch Covid-19 kéo dài",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_rank_positions_are_quantities_of_unit_hang() -> None:
    # a ranking verb makes the ordinal a rank; the count ranked is its denominator, not a unit word
    q = one("xếp vị trí thứ 31/63 tỉnh")
    assert (q.value, q.denominator, q.unit, q.rank) == (31, 63, "hạng", True)
    assert one("đứng thứ 2 cả nước").start == 0
    assert find_quantities("Kỳ họp thứ 22, năm thứ 7 liên tiếp") == []


def test_offsets_are_absolute_and_bounded() -> None:
    text = "Mở đầu. Tỷ lệ che phủ đạt 51%."
    q = find_quantities(text, 8, len(text))[0]
    assert text[q.number_start : q.end] == "51%"
    assert text[q.start : q.end] == "đạt 51%"


def test_tables_are_well_formed() -> None:
    for table in (MAGNITUDES, DENOMINATORS, tuple(all_word_units()), LEAD_WORDS):
        assert all(w == w.strip() and w == w.lower() for w in table), table
        assert len(set(table)) == len(table)
    assert set(PREFIX_OPS.values()) <= set(Op)
    assert SUFFIX_OPS["trở lên"] is Op.GE
    units = all_word_units()
    assert units == sorted(units, key=lambda s: (-len(s), s))  # longest first


@pytest.mark.parametrize(
    ("text", "unit", "read"),
    [
        # a change or an average rate with the year written out after it is a yearly rate
        ("số hộ nghèo giảm bình quân 2,5 - 3% hằng năm", "%/năm", "giảm bình quân 2,5 - 3% hằng năm"),
        ("doanh thu du lịch tăng 12% mỗi năm", "%/năm", "tăng 12% mỗi năm"),
        ("tỷ suất sinh giảm 0,2‰ hàng năm", "‰/năm", "giảm 0,2‰ hàng năm"),
        # a level reached every year stays a level
        ("tỷ lệ thu nộp đúng hạn đạt 97% hằng năm", "%", "đạt 97%"),
    ],
)
def test_a_rate_with_the_year_written_after_it(text: str, unit: str, read: str) -> None:
    q = find_quantities(text)[0]
    assert (q.unit, q.per_year == unit.endswith("/năm"), text[q.start : q.end]) == (unit, True, read)


def test_a_row_number_before_tỷ_lệ_is_no_amount() -> None:
    # a table read as text: "2 <tab> Tỷ lệ …" is the row number 2, not "2 tỷ"; an amount in tỷ stays one
    assert [(q.value, q.unit) for q in find_quantities("2\tTỷ lệ trẻ em đi học đúng độ tuổi\t99,5%")] == [(2, ""), (99.5, "%")]
    assert [(q.value, q.unit) for q in find_quantities("vốn 840 tỷ, tỷ trọng 12%")] == [(840, "tỷ"), (12, "%")]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # the same events counted by two nouns: two counts
        ("Tòa án xét xử 300 vụ/520 bị cáo", [(300, "vụ", None), (520, "bị cáo", None)]),
        ("đã tiếp 866 lượt/964 lượt người", [(866, "lượt", None), (964, "lượt người", None)]),
        ("có 05 lượt đoàn/75 lượt người", [(5, "lượt đoàn", None), (75, "lượt người", None)]),
        # one noun on both sides: the figure and its plan or whole, one quantity
        ("gieo trồng 3.859 ha/3.500 ha", [(3859, "ha", 3500)]),
        ("tiếp 120 lượt/150 lượt", [(120, "lượt", 150)]),
        ("có 39/94 xã đạt chuẩn", [(39, "xã", 94)]),
    ],
)
def test_a_count_of_another_noun_after_a_slash_is_its_own_quantity(text: str, read: list[tuple[float, str, float | None]]) -> None:
    assert [(q.value, q.unit, q.denominator) for q in find_quantities(text)] == read
