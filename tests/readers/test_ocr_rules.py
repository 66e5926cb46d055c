"""What OCR gets wrong in figures: lookalikes of digits inside a figure (and only there), figures cut at
their separator, money units without their tone marks, and specks read as underscores."""

from __future__ import annotations

import pytest

from chitieu.readers.document import Box
from chitieu.readers.ocr import OcrLine, OcrWord, keep_line, mend_figures, mend_line_ends
from chitieu.readers.ocr_rules import fix_cell, fix_figure, fix_money_unit, joined_figure, mended_units


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("§.699,28", "8.699,28"),  # "8" of a bold figure read as a section sign
        ("4.O50", "4.050"),
        ("l7,45%", "17,45%"),
        ("(2O,5%),", "(20,5%),"),
        ("1|", "11"),
    ],
)
def test_lookalikes_inside_a_figure_are_its_digits(read: str, meant: str) -> None:
    assert fix_figure(read) == meant


@pytest.mark.parametrize("word", ["II.", "Ol", "lô", "IO", "§", "l", "O,", "NQ-HĐND", "83/NQ-HĐND", "2024"])
def test_words_that_are_not_figures_stay_as_read(word: str) -> None:
    assert fix_figure(word) == word


@pytest.mark.parametrize(
    ("left", "right", "meant"),
    [
        ("58,", "3%", "58,3%"),  # a decimal comma followed by a gap
        ("2.", "406,", "2.406,"),  # a thousands dot
        ("9.115,", "6ha;", "9.115,6ha;"),
        ("3078,", "5", "3078,5"),
        ("(27,", "44%)", "(27,44%)"),
    ],
)
def test_a_figure_cut_at_its_separator_is_one_figure(left: str, right: str, meant: str) -> None:
    assert joined_figure(left, right) == meant


@pytest.mark.parametrize(
    ("left", "right"),
    [("2.", "4"), ("2019,", "2020"), ("3,", "xã"), ("IV.", "2"), ("4.", "15"), ("khoản", "2")],
)
def test_words_that_are_two_things_stay_apart(left: str, right: str) -> None:
    assert joined_figure(left, right) is None


@pytest.mark.parametrize(
    ("figure", "first", "second", "meant"),
    [
        ("12,7", "tủ", "đồng", ("tỷ", "đồng")),
        ("905", "triệu", "đông.", ("triệu", "đồng.")),
        ("1.250", "tỷ", "dồng;", ("tỷ", "đồng;")),
    ],
)
def test_a_money_unit_read_without_its_tone_marks_after_a_figure_is_mended(
    figure: str, first: str, second: str, meant: tuple[str, str]
) -> None:
    assert fix_money_unit(figure, first, second) == meant


@pytest.mark.parametrize(
    ("figure", "first", "second"),
    [("phía", "đông", "bắc"), ("2", "tủ", "thuốc"), ("vụ", "triệu", "đông"), ("7", "tỷ", "đồng")],
)
def test_words_that_are_no_misread_money_unit_stay(figure: str, first: str, second: str) -> None:
    assert fix_money_unit(figure, first, second) is None


def _line(*words: tuple[str, float, float]) -> OcrLine:
    return OcrLine([OcrWord(text, Box(x0, 100, x1, 112), 0.9) for text, x0, x1 in words])


def test_a_cut_figure_is_joined_only_when_its_parts_stand_closer_than_the_lines_spaces() -> None:
    # "tăng 64, 7% và khoản 1, 2": spaces of 4 points; "64," and "7%" 1.5 points apart, "1," and "2" a full space
    line = _line(
        ("tăng", 10, 40), ("64,", 44, 60), ("7%", 61.5, 75), ("và", 79, 90), ("khoản", 94, 120), ("1,", 124, 130), ("2", 134, 140)
    )
    mend_figures(line)
    assert [w.text for w in line.words] == ["tăng", "64,7%", "và", "khoản", "1,", "2"]
    joined = line.words[1]
    assert (joined.box.x0, joined.box.x1) == (44, 75)


def test_a_money_unit_after_a_figure_is_mended_in_the_line() -> None:
    line = _line(("đạt", 10, 30), ("89,0", 34, 55), ("tủ", 59, 70), ("đồng.", 74, 100))
    mend_figures(line)
    assert line.text == "đạt 89,0 tỷ đồng."


def test_a_line_of_underscores_is_noise() -> None:
    assert keep_line(_line(("__", 10, 30), ("___", 34, 60), ("_", 64, 70))) is None
    assert keep_line(_line(("Thu", 10, 30), ("ngân", 34, 60), ("sách", 64, 90))) is not None


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("trồng mới 525 hạ cây ăn quả", "trồng mới 525 ha cây ăn quả"),  # "ha" read with a tone mark
        ("đạt 5.276: tỷ đồng", "đạt 5.276 tỷ đồng"),  # a speck glued to the figure as a colon
        ("ước đạt 270,7 ; tỷ đồng", "ước đạt 270,7 tỷ đồng"),  # a speck read as a word of its own
        ("giải quyết 8.241 ' lao động", "giải quyết 8.241 lao động"),
        ("trồng mới chè đạt 400-ha, vượt", "trồng mới chè đạt 400 ha, vượt"),  # glued to both
        ("đạt 2.151:-ha, bằng", "đạt 2.151 ha, bằng"),
        ("công suất 156,6, MW.", "công suất 156,6 MW."),  # a speck on the baseline, read as a comma
    ],
)
def test_a_unit_is_mended_and_a_specks_mark_before_it_dropped(read: str, meant: str) -> None:
    line = _line(*((w, 10.0 * i, 10.0 * i + 8) for i, w in enumerate(read.split())))
    mend_figures(line)
    assert " ".join(w.text for w in line.words) == meant


@pytest.mark.parametrize(
    "text",
    [
        "so với năm 2020; tỷ lệ hộ nghèo",  # the clause ends at the year
        "Năm 2021: 2.067,7 tỷ đồng",
        "đạt 31.392 ha lúa. Diện tích",
        "xây dựng 5 hạ tầng kỹ thuật",
        "từ 5 - 7 ha",
        "thôn 5, xã Bình Lư",  # an address
        "giai đoạn 2021-2025 hộ nghèo",
    ],
)
def test_punctuation_and_words_that_are_meant_stay(text: str) -> None:
    assert [t for _, t in mended_units(text.split())] == text.split()


@pytest.mark.parametrize(
    ("upper", "lower", "meant"),
    [
        ("toàn tỉnh ước đón trên 883.", "nghìn lượt khách", "883"),  # no sentence starts with a small letter
        ("tổng công suất lắp máy là 156,6,", "MW. Giá trị", "156,6"),
        ("so với năm 2020;", "tỷ lệ hộ nghèo", "2020;"),  # the clause ends at the year
        ("kết quả đạt 12.", "Năm 2024", "12."),  # a sentence ends
    ],
)
def test_a_specks_mark_after_a_figure_that_ends_a_line_is_dropped(upper: str, lower: str, meant: str) -> None:
    lines = [_line(*((w, 10.0 * i, 10.0 * i + 8) for i, w in enumerate(text.split()))) for text in (upper, lower)]
    mend_line_ends(lines)
    assert lines[0].words[-1].text == meant


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("l", "1"),  # a lone "1" of a black-and-white scan read as the letter
        ("0.04", "0,04"),  # a decimal comma read as a point where no point can be meant
        ("80.0", "80,0"),
        ("1.1", "1.1"),  # a numbered row
        ("1.500", "1.500"),  # thousands
        ("II", "II"),
    ],
)
def test_a_table_cell_of_one_figure_is_mended_as_black_and_white_scans_read_it(read: str, meant: str) -> None:
    assert fix_cell(read) == meant


def test_a_thin_five_inside_a_figure_is_the_digit() -> None:
    assert fix_figure("s0,0") == "50,0"
    assert fix_figure("sơ") == "sơ"
