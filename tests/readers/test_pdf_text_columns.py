"""Two columns of running text on a PDF page: found by the white gutter between them, never in a table."""

from __future__ import annotations

from chitieu.readers.pdf_text_columns import LineShape, column_bands, find_gutter

CHAR = 5.0  # width of one glyph, points


def line(top: float, *runs: tuple[float, float]) -> LineShape:
    """A line with glyphs filling each (x0, x1) run."""
    glyphs = tuple((x, x + CHAR) for x0, x1 in runs for x in [x0 + i * CHAR for i in range(int((x1 - x0) // CHAR))])
    return LineShape(top, top + 12, glyphs)


LEFT, RIGHT = (72.0, 282.0), (312.0, 522.0)  # two columns of 210 pt with a 30 pt gutter


def test_two_columns_of_prose_are_found_and_a_title_across_them_stays_whole() -> None:
    lines = [line(40, (200, 400))]  # a title across the page
    lines += [line(60 + 14 * i, LEFT, RIGHT) for i in range(6)]  # both columns at one height
    lines += [line(150 + 14 * i + (5 if i % 2 else 0), LEFT if i % 2 else RIGHT) for i in range(6)]  # heights differ
    lines.append(line(800, (290, 305)))  # the page number, in the gutter
    gutter = find_gutter(lines)
    assert gutter is not None and LEFT[1] < gutter < RIGHT[0]
    bands = column_bands(lines)
    assert [band.split is None for band in bands] == [True, False, True]
    assert bands[0].bottom == 60 and bands[1].top == 60 and bands[1].bottom == 800


def test_one_column_of_prose_has_no_gutter() -> None:
    lines = [line(60 + 14 * i, (72, 522)) for i in range(12)]
    assert find_gutter(lines) is None
    assert [band.split for band in column_bands(lines)] == [None]


def test_a_table_without_rules_is_not_read_as_columns() -> None:
    """Short cells stand on both sides of a white strip too, but they do not fill a column as prose does."""
    lines = [line(60 + 14 * i, (72, 150), (330, 360), (450, 480)) for i in range(10)]
    assert find_gutter(lines) is None
