"""Verdict rules for every op, polarity, bound, boolean, structure share and tolerance."""

from __future__ import annotations

import pytest

from chitieu.assessment import Stage, assess
from chitieu.assessment.verdict import Outcome, verdicts_agree
from chitieu.domain import Polarity
from chitieu.quantities import parse_change, parse_quantity
from chitieu.vocab.verdicts import Status

HB, LB, NS, BO = Polarity.HIGHER_BETTER, Polarity.LOWER_BETTER, Polarity.NEUTRAL_STRUCTURE, Polarity.BOOLEAN


def verdict(target: str, result: str, polarity: Polarity = HB, stage: Stage = Stage.MIDTERM, unit: str = "%") -> Status:
    t, td = parse_change(target)
    r, rd = parse_change(result)
    return assess(t, r, polarity=polarity, stage=stage, unit=unit, deadline=2025,
                  target_direction=td, result_direction=rd).status


@pytest.mark.parametrize(
    ("target", "result", "polarity", "unit", "expected"),
    [
        # point targets, higher-better
        ("226", "226", HB, "nghìn tấn", Status.ACHIEVED),
        ("226", "225,1", HB, "nghìn tấn", Status.NOT_YET),  # 99,6% is not "Đạt"
        ("10.000", "10.443", HB, "ha", Status.EXCEEDED),
        ("100", "99,7", HB, "%", Status.NOT_YET),
        ("99,8", "99,9", HB, "%", Status.EXCEEDED),  # 0,1 point is a real difference
        ("97", "97,1", HB, "%", Status.EXCEEDED),
        ("99,0", "99,0", HB, "%", Status.ACHIEVED),
        ("86", "86,04", HB, "%", Status.ACHIEVED),  # rounding noise
        # point targets, lower-better
        ("20", "19,99", LB, "%", Status.ACHIEVED),
        ("20", "22,98", LB, "%", Status.NOT_YET),
        ("20", "18", LB, "%", Status.EXCEEDED),
        # bound targets carry their own direction
        (">5", "4,5", HB, "%", Status.NOT_YET),
        (">5", ">5", HB, "%", Status.ACHIEVED),
        (">80", ">96", HB, "%", Status.EXCEEDED),
        (">95", "98,2", HB, "%", Status.EXCEEDED),
        (">5", "5", HB, "%", Status.ACHIEVED),
        ("<15", "16,70", HB, "%", Status.NOT_YET),
        ("<15", "14,96", HB, "%", Status.ACHIEVED),
        ("<15", "12", LB, "%", Status.EXCEEDED),
        ("≤ 3%", "<2%", LB, "%", Status.EXCEEDED),
        ("≥ 15", "15", HB, "", Status.ACHIEVED),
        # ranges
        ("9-10", "3,91", HB, "%", Status.NOT_YET),
        ("9-10", "9,5", HB, "%", Status.ACHIEVED),
        ("9-10", "10,5", HB, "%", Status.EXCEEDED),
        ("2-3", "1,5", LB, "%", Status.EXCEEDED),
        ("2-3", "3,5", LB, "%", Status.NOT_YET),
        # structure shares: closeness only
        ("42,42", "42,18", NS, "%", Status.ACHIEVED),
        ("36,43", "40,14", NS, "%", Status.NOT_YET),
        ("12,44", "15,16", NS, "%", Status.NOT_YET),
        ("20-21%", "21,5%", NS, "%", Status.ACHIEVED),
        # booleans
        ("Hoàn thành", "Hoàn thành", BO, "", Status.ACHIEVED),
        ("Hoàn thành", "Không hoàn thành", BO, "", Status.NOT_YET),
        ("Hoàn thành", "100%", BO, "", Status.ACHIEVED),
        ("≥ 90%", "Đạt", HB, "%", Status.ACHIEVED),
        # changes: "giảm 2 bậc" against "tăng 01 bậc"
        ("Tăng 01 bậc", "Tăng 04 bậc", HB, "", Status.EXCEEDED),
        ("Tăng 01 bậc", "Giảm 2 bậc", HB, "", Status.NOT_YET),
        ("Giảm 1,5%/năm", "1,8%", HB, "", Status.EXCEEDED),
        # unit conversion
        ("1.100 tỷ đồng", "1,2 nghìn tỷ đồng", HB, "", Status.EXCEEDED),
    ],
)
def test_verdicts(target: str, result: str, polarity: Polarity, unit: str, expected: Status) -> None:
    assert verdict(target, result, polarity, unit=unit) is expected


@pytest.mark.parametrize(("stage", "miss"), [(Stage.MIDTERM, Status.NOT_YET), (Stage.FINAL, Status.NOT_ACHIEVED),
                                             (Stage.FORECAST, Status.AT_RISK)])
def test_a_miss_depends_on_the_stage(stage: Stage, miss: Status) -> None:
    assert verdict("65", "47,5", stage=stage, unit="triệu đồng") is miss
    assert verdict("65", "70", stage=stage, unit="triệu đồng") is Status.EXCEEDED


def test_missing_result_is_no_data() -> None:
    a = assess(parse_quantity("65"), None, polarity=HB, stage=Stage.FINAL, unit="triệu đồng")
    assert a.status is Status.NO_DATA and "Chưa có số liệu" in a.explanation


def test_incompatible_units_are_not_compared() -> None:
    a = assess(parse_quantity("1.100 tỷ đồng"), parse_quantity("45%"), polarity=HB, stage=Stage.FINAL)
    assert a.status is Status.NO_DATA and a.outcome is Outcome.UNKNOWN and "quy đổi" in a.explanation


def test_a_bound_below_the_target_cannot_be_judged() -> None:
    assert verdict(">5", ">3") is Status.NO_DATA


def test_ratio_and_gap() -> None:
    a = assess(parse_quantity("65"), parse_quantity("47,5"), polarity=HB, stage=Stage.MIDTERM, unit="Triệu đồng")
    assert a.ratio == pytest.approx(73.08, abs=0.01) and a.gap == pytest.approx(-17.5) and a.gap_unit == "triệu đồng"
    r = assess(parse_quantity("9-10"), parse_quantity("3,91"), polarity=HB, stage=Stage.MIDTERM, unit="%")
    assert r.gap == pytest.approx(-5.09) and r.gap_unit == "điểm %"
    inside = assess(parse_quantity("9-10"), parse_quantity("9,5"), polarity=HB, stage=Stage.MIDTERM, unit="%")
    assert inside.gap == 0
    assert assess(parse_quantity("0,4"), parse_quantity("1,69"), polarity=HB, stage=Stage.MIDTERM,
                  unit="%o/năm").gap_unit == "điểm ‰"


def test_agreement_classes() -> None:
    assert verdicts_agree(Status.NOT_ACHIEVED, Status.NOT_YET) is True
    assert verdicts_agree(Status.AT_RISK, Status.NOT_ACHIEVED) is True
    assert verdicts_agree(Status.EXCEEDED, Status.ACHIEVED) is False
    assert verdicts_agree(Status.ACHIEVED, None) is None
