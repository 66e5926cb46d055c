"""Targets in words (grades, bare directions), small-rate tolerance, new polarity cues, official verdict words."""

from __future__ import annotations

import pytest

from chitieu.assessment import DEFAULT_TOLERANCE, Outcome, Stage, assess
from chitieu.assessment.qualitative import compare_words, grade_of
from chitieu.domain import Polarity
from chitieu.quantities import parse_quantity
from chitieu.services.assess_table import official_status
from chitieu.vocab.polarity_cues import infer_polarity
from chitieu.vocab.verdicts import Status


@pytest.mark.parametrize(
    ("target", "result", "expected"),
    [
        ("Nhóm khá", "Nhóm khá", Outcome.MET),
        ("Nhóm khá", "Nhóm tốt", Outcome.EXCEEDED),
        ("Nhóm khá", "Nhóm trung bình", Outcome.MISSED),
        ("Nhóm cao", "Nhóm trung bình cao", Outcome.MISSED),
        ("Xếp loại tốt", "Xuất sắc", Outcome.EXCEEDED),
        ("Giảm so với giai đoạn trước", "Giảm", Outcome.MET),
        ("Giảm so với giai đoạn trước", "Tăng 3 vụ", Outcome.MISSED),
        ("Giảm so với giai đoạn trước", "Không giảm", Outcome.MISSED),
        ("Nhóm khá", "Đạt", Outcome.MET),
        ("Xây dựng nền hành chính hiện đại", "Xây dựng nền hành chính hiện đại", Outcome.MET),
        ("Nhóm khá", "Đứng thứ 20", None),
        ("Nâng cao chất lượng", "", None),
    ],
)
def test_compare_words(target: str, result: str, expected: Outcome | None) -> None:
    assert compare_words(target, result) is expected


def test_grades() -> None:
    assert grade_of("Thuộc nhóm rất tốt") == 5 and grade_of("Nhóm khá") == 3 and grade_of("Tăng 2 bậc") is None


def test_small_rates_have_a_proportional_band() -> None:
    assert DEFAULT_TOLERANCE.band(0.2, "‰", Polarity.HIGHER_BETTER) == pytest.approx(0.02)
    assert DEFAULT_TOLERANCE.band(20, "%", Polarity.LOWER_BETTER) == pytest.approx(0.05)
    a = assess(parse_quantity("0,2‰/năm"), parse_quantity("0,25‰"), polarity=Polarity.HIGHER_BETTER,
               stage=Stage.FINAL)
    assert a.status is Status.EXCEEDED
    b = assess(parse_quantity("20"), parse_quantity("19,99"), polarity=Polarity.LOWER_BETTER, stage=Stage.FINAL)
    assert b.status is Status.ACHIEVED  # Lai Châu: 19,99 against 20 is "Đạt"


@pytest.mark.parametrize(
    ("name", "target", "expected"),
    [
        ("Tỷ lệ dân số tham gia bảo hiểm thất nghiệp", "20%", Polarity.HIGHER_BETTER),
        ("Tỷ lệ hộ nghèo được hỗ trợ nhà ở", "100%", Polarity.HIGHER_BETTER),
        ("Diện tích rừng bị cháy", "500 ha", Polarity.LOWER_BETTER),
        ("Tai nạn giao thông", "giảm cả 3 tiêu chí", Polarity.HIGHER_BETTER),  # the size of the drop
        ("Tai nạn giao thông", "3 vụ", Polarity.LOWER_BETTER),
    ],
)
def test_new_polarity_cues(name: str, target: str, expected: Polarity) -> None:
    assert infer_polarity(name, parse_quantity(target))[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cơ bản đạt", Status.ACHIEVED),
        ("Cơ bản hoàn thành", Status.ACHIEVED),
        ("Đạt và vượt", Status.EXCEEDED),
        ("Hoàn thành vượt mức", Status.EXCEEDED),
        ("Vượt (đạt 105%)", Status.EXCEEDED),
        ("Không đạt chỉ tiêu", Status.NOT_ACHIEVED),
        ("-", None),
    ],
)
def test_official_verdict_words(text: str, expected: Status | None) -> None:
    assert official_status(text) is expected
