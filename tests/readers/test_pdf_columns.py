"""Unruled tables found from word positions: justified prose is never cut into cells."""

from __future__ import annotations

from chitieu.readers.pdf_columns import _lines


def _words(texts: list[str], gaps: list[float], top: float = 100.0) -> list[dict[str, object]]:
    words, x = [], 50.0
    for text, gap in zip(texts, [0.0, *gaps], strict=True):
        x += gap
        width = 5.0 * len(text)
        words.append({"text": text, "x0": x, "x1": x + width, "top": top, "bottom": top + 10})
        x += width
    return words


def test_a_justified_line_with_wide_even_spaces_is_one_piece() -> None:
    texts = ["Tốc", "độ", "tăng", "trưởng", "kinh", "tế", "bình", "quân", "giai", "đoạn", "2025", "-"]
    (line,) = _lines(_words(texts, [7.3] * (len(texts) - 1)))
    assert len(line.pieces) == 1
    assert line.pieces[0].text == " ".join(texts)


def test_a_table_row_with_uneven_gaps_keeps_its_cells() -> None:
    texts = ["1", "Chỉ", "tiêu", "một", "%", "80,0"]
    (line,) = _lines(_words(texts, [20.0, 3.5, 3.5, 40.0, 30.0]))
    assert [p.text for p in line.pieces] == ["1", "Chỉ tiêu một", "%", "80,0"]


def test_a_row_of_evenly_spaced_figures_stays_a_row() -> None:
    texts = ["1", "2", "3", "4", "5", "6"]
    (line,) = _lines(_words(texts, [30.0] * 5))
    assert len(line.pieces) == 6
