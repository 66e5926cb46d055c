"""The unit catalogue is data: check it is consistent and that look-ups behave."""

from __future__ import annotations

import pytest

from chitieu.vocab.units import (
    UNITS,
    conversion_factor,
    is_additive_indicator,
    is_rate_unit,
    looks_like_count_noun,
    lookup_unit,
    normalise_unit_text,
)


def test_every_alias_points_to_one_unit() -> None:
    seen: dict[str, str] = {}
    for unit in UNITS:
        for name in (unit.canonical, *unit.aliases):
            key = normalise_unit_text(name)
            assert seen.setdefault(key, unit.canonical) == unit.canonical, f"{name!r} is ambiguous"


def test_scales_are_positive() -> None:
    assert all(u.scale > 0 for u in UNITS)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Triệu đồng", "triệu đồng"),
        ("Tỷ đồng", "tỷ đồng"),
        ("%o/năm", "‰/năm"),
        ("Bác sỹ/1 vạn dân", "bác sỹ/vạn dân"),
        ("bác sĩ / vạn dân", "bác sỹ/vạn dân"),
        ("Người/năm", "người/năm"),
        ("lao động/năm", "người/năm"),
        ("Nghìn tấn", "nghìn tấn"),
        ("Ha", "ha"),
    ],
)
def test_lookup(written: str, canonical: str) -> None:
    unit = lookup_unit(written)
    assert unit is not None and unit.canonical == canonical


def test_conversion() -> None:
    assert conversion_factor("nghìn tấn", "tấn") == 1000
    assert conversion_factor("tỷ đồng", "triệu đồng") == 1000
    assert conversion_factor("ha", "tấn") is None
    assert conversion_factor("Xã có chợ", "xã có chợ") == 1.0


def test_rate_units() -> None:
    assert is_rate_unit("%") and is_rate_unit("%/năm") and is_rate_unit("%o")
    assert not is_rate_unit("tỷ đồng")


@pytest.mark.parametrize("text", ["Sản phẩm", "Cơ sở/năm", "Xã, phường", "Giường bệnh/1 vạn dân"])
def test_count_nouns_accepted(text: str) -> None:
    assert looks_like_count_noun(text)


@pytest.mark.parametrize("text", ["@@", "kg/m³3", "12ab", "x#y"])
def test_garbage_is_not_a_unit(text: str) -> None:
    assert lookup_unit(text) is None and not looks_like_count_noun(text)


@pytest.mark.parametrize(("name", "unit", "additive"), [
    ("Giải quyết việc làm cho lao động hằng năm", "Người/năm", True),
    ("Thu ngân sách trên địa bàn", "Tỷ đồng", True),
    ("Tổng sản lượng lương thực có hạt", "Nghìn tấn", True),
    ("Diện tích cây chè", "Ha", True),
    ("Kết nạp đảng viên mới", "Đảng viên", True),
    ("GRDP bình quân đầu người", "Triệu đồng", False),  # money, but an average
    ("Tỷ lệ che phủ rừng", "%", False),
    ("Tốc độ tăng trưởng GRDP", "%", False),
    ("Số bác sỹ/1 vạn dân", "Bác sỹ", False),
    ("Chỉ tiêu lạ", "đơn vị lạ", False),  # an unknown unit is not summed
])
def test_which_indicators_add_up_over_units(name: str, unit: str, additive: bool) -> None:
    assert is_additive_indicator(name, unit) is additive
