"""Results and targets written in words or with extra text: kept as written, read as far as the words go."""

from __future__ import annotations

import pytest

from chitieu.domain import Op
from chitieu.registry.text_cells import read_words_cell


@pytest.mark.parametrize(
    ("text", "op", "value", "code"),
    [
        ("Chưa thực hiện", Op.DONE, 0.0, "text_value_words"),
        ("Hoàn thành việc sáp nhập các xã", Op.DONE, 1.0, "text_value_words"),
        ("Trung bình kết nạp 1.020 đảng viên/năm (96%)", Op.EQ, 1020.0, "text_value_read"),
        ("Đang triển khai thực hiện", Op.EQ, None, "text_value_kept"),
        ("Chưa có số liệu", Op.EQ, None, "text_value_no_figure"),
    ],
)
def test_results_in_words(text: str, op: Op, value: float | None, code: str) -> None:
    reading = read_words_cell(text, target=False)
    assert reading is not None and (reading.op, reading.value, reading.code) == (op, value, code)


def test_the_percentage_in_brackets_is_the_printed_ratio() -> None:
    reading = read_words_cell("Trung bình kết nạp 1.020 đảng viên/năm (96%)", target=False)
    assert reading is not None and reading.stated_ratio == 96.0
    plain = read_words_cell("Tỷ lệ đạt 96% (ước)", target=False)
    assert plain is None or plain.stated_ratio is None  # the figure itself is the percentage


@pytest.mark.parametrize(
    ("text", "op", "low", "value"),
    [
        ("Giữ vững ổn định chính trị", Op.DONE, None, None),
        ("Phấn đấu bình quân 9-10%/năm trở lên", Op.RANGE, 9.0, None),
        ("Hoàn thành việc sáp nhập", Op.DONE, None, None),
    ],
)
def test_targets_in_words(text: str, op: Op, low: float | None, value: float | None) -> None:
    reading = read_words_cell(text, target=True)
    assert reading is not None and (reading.op, reading.low, reading.value) == (op, low, value)


@pytest.mark.parametrize("text", ["???", "#REF!", "12 @ 5", "", "   "])
def test_broken_cells_stay_errors(text: str) -> None:
    assert read_words_cell(text, target=False) is None and read_words_cell(text, target=True) is None


def test_a_target_that_says_no_figure_is_an_error() -> None:
    assert read_words_cell("Chưa có số liệu", target=True) is None
