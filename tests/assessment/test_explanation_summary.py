"""Explanations in Vietnamese with Vietnamese number formatting; summary counts per group."""

from __future__ import annotations

from collections import Counter

from chitieu.assessment import Stage, assess, required_pace, summarise, summary_sentence
from chitieu.domain import Polarity
from chitieu.quantities import parse_quantity
from chitieu.vocab.verdicts import Status


def test_explanation_of_a_money_level() -> None:
    a = assess(parse_quantity("65"), parse_quantity("47,5"), polarity=Polarity.HIGHER_BETTER, stage=Stage.MIDTERM,
               unit="Triệu đồng", deadline=2025)
    assert a.explanation == "Đạt 47,5 triệu đồng, bằng 73,1% mục tiêu 65 triệu đồng; chưa đạt trước thời hạn 2025."


def test_explanation_of_a_rate_uses_points() -> None:
    a = assess(parse_quantity("9-10"), parse_quantity("3,91"), polarity=Polarity.HIGHER_BETTER,
               stage=Stage.FINAL, unit="%", deadline=2025)
    assert "3,91%" in a.explanation and "9-10%" in a.explanation and "5,09 điểm %" in a.explanation
    assert "không đạt mục tiêu khi hết thời hạn 2025" in a.explanation


def test_explanation_mentions_required_pace_when_behind() -> None:
    pace = required_pace(3000.0, [(2021, 2067.7), (2022, 2223.6), (2023, 2134.0)], 2025)
    a = assess(parse_quantity("3.000"), parse_quantity("2.134"), polarity=Polarity.HIGHER_BETTER,
               stage=Stage.MIDTERM, unit="tỷ đồng", deadline=2025, required_pace=pace)
    assert "cần tăng thêm 433 tỷ đồng/năm" in a.explanation and "tăng bình quân 18,6%/năm" in a.explanation


def test_summary_counts_per_group() -> None:
    counts = summarise([("I", Status.EXCEEDED), ("I", Status.NOT_YET), ("II", Status.NOT_YET)])
    assert counts["I"] == Counter({Status.EXCEEDED: 1, Status.NOT_YET: 1})
    assert counts[""][Status.NOT_YET] == 2
    sentence = summary_sentence(counts[""], "Đến hết năm 2023")
    assert sentence == "Đến hết năm 2023 có 3 chỉ tiêu: 1 chỉ tiêu vượt, 2 chỉ tiêu chưa đạt."


def test_pace_for_a_share_is_in_points_and_says_which_way() -> None:
    pace = required_pace(12.44, [(2020, 16.0), (2023, 15.16)], 2025)
    a = assess(parse_quantity("12,44"), parse_quantity("15,16"), polarity=Polarity.NEUTRAL_STRUCTURE,
               stage=Stage.MIDTERM, unit="%", deadline=2025, required_pace=pace)
    assert "cần giảm 1,36 điểm %/năm" in a.explanation
    assert "bình quân" not in a.explanation  # no compound rate of a share
