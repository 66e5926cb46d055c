"""Polarity inferred from wording: lower-better nouns, size of a drop, structure shares, bounds, booleans."""

from __future__ import annotations

import pytest

from chitieu.domain import Polarity
from chitieu.quantities import parse_quantity
from chitieu.vocab.polarity_cues import POLARITY_CUES, infer_polarity

HB, LB, NS, BO = Polarity.HIGHER_BETTER, Polarity.LOWER_BETTER, Polarity.NEUTRAL_STRUCTURE, Polarity.BOOLEAN


@pytest.mark.parametrize(
    ("name", "target", "parent", "expected"),
    [
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "20", None, LB),
        ("Tỷ lệ thất nghiệp khu vực thành thị", "3", None, LB),
        ("Tỷ lệ hộ nghèo", "4", None, LB),
        ("Tỷ lệ hộ cận nghèo", "6", None, LB),
        ("Tỷ suất tử vong trẻ em dưới 1 tuổi", "15", None, LB),
        ("Tỷ lệ sinh con thứ 3 trở lên", "12", None, LB),
        ("Mức giảm tỷ lệ hộ nghèo", "3,0", None, HB),
        ("Mức giảm tỷ suất sinh", "0,4", None, HB),
        ("Tỷ lệ hộ nghèo giảm bình quân", "1,5%/năm", None, HB),
        ("Tỷ lệ hộ nghèo", "Giảm 1,5%/năm", None, HB),
        ("Tỷ lệ hộ nghèo", "giảm còn 5%", None, LB),
        ("Giảm số vụ tai nạn giao thông", "5%", None, HB),
        ("Tỷ lệ xã đạt chuẩn xóa mù chữ mức 2", "100", None, HB),
        ("Tỷ lệ xã, phường không có ma túy", "50", None, HB),
        ("+ Dịch vụ", "36,43", "Cơ cấu kinh tế", NS),
        ("Tỷ trọng công nghiệp - xây dựng trong GRDP", "35", None, NS),
        ("Tỷ lệ thất nghiệp", ">3", None, HB),  # a bound decides
        ("Tỷ lệ che phủ rừng", "<60", None, LB),
        ("Xây dựng trụ sở", "Hoàn thành", None, BO),
        ("Tỷ lệ che phủ rừng", "54", None, HB),
        ("Tỷ lệ trường học được xây dựng kiên cố", "100", None, HB),
    ],
)
def test_inferred_polarity(name: str, target: str, parent: str | None, expected: Polarity) -> None:
    polarity, reason = infer_polarity(name, parse_quantity(target), parent)
    assert polarity is expected
    assert reason  # always says why, in Vietnamese


def test_reason_names_the_cue() -> None:
    _, reason = infer_polarity("Tỷ lệ thất nghiệp", parse_quantity("3"))
    assert "thất nghiệp" in reason and "thấp" in reason


def test_cue_table_is_clean() -> None:
    keys = [(c.cue, c.scope) for c in POLARITY_CUES]
    assert len(keys) == len(set(keys))
    assert all(c.cue == c.cue.lower().strip() for c in POLARITY_CUES)
