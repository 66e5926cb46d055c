"""Rules added after the blind check on real tables (docs/assessment.md, "Blind check on real tables").

Values are written for these tests; they follow the patterns seen, not the rows themselves.
"""

from __future__ import annotations

import pytest

from chitieu.assessment import Stage, assess
from chitieu.domain import Polarity
from chitieu.quantities import parse_quantity
from chitieu.vocab.polarity_cues import infer_polarity
from chitieu.vocab.verdicts import Status

HB, LB = Polarity.HIGHER_BETTER, Polarity.LOWER_BETTER


@pytest.mark.parametrize(
    ("name", "target", "expected"),
    [
        ("Chỉ số giá tiêu dùng bình quân tăng", "khoảng 3,5", LB),
        ("Tốc độ tăng CPI bình quân", "3", LB),
        ("Tỷ lệ nhập siêu so với kim ngạch xuất khẩu", "2", LB),
        ("Bội chi ngân sách nhà nước so với GRDP", "3,2", LB),
        ("Nợ công so với GDP", "60", LB),
        ("Hệ số ICOR", "5,5", LB),
        ("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "65", HB),  # PCI is not CPI
        ("- Trong đó: Giảm tỷ lệ hộ nghèo ở xã đặc biệt khó khăn", "3", HB),
        ("+ Riêng: giảm số hộ cận nghèo", "2", HB),
        ("Trong đó: tỷ lệ hộ nghèo người dân tộc thiểu số", "8", LB),
    ],
)
def test_polarity_of_real_wordings(name: str, target: str, expected: Polarity) -> None:
    assert infer_polarity(name, parse_quantity(target))[0] is expected


def test_inflation_below_its_point_target_is_exceeded() -> None:
    polarity, _ = infer_polarity("Tốc độ tăng chỉ số giá tiêu dùng", parse_quantity("Khoảng 4,5%"))
    a = assess(parse_quantity("Khoảng 4,5%"), parse_quantity("3,6%"), polarity=polarity, stage=Stage.FINAL)
    assert a.status is Status.EXCEEDED
    worse = assess(parse_quantity("Khoảng 4,5%"), parse_quantity("5,1%"), polarity=polarity, stage=Stage.FINAL)
    assert worse.status is Status.NOT_ACHIEVED
