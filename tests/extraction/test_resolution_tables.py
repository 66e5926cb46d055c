"""Tables of targets as draft resolutions print them (our own words and figures): the plan column headed by the
indicators' word with its deadline ("Chỉ tiêu đến năm 2030"), the unit written after the name in brackets when
there is no unit column, and a column of the estimated current year ("Năm 2025 (ước)")."""

from __future__ import annotations

from chitieu.extraction.tables import parse_indicator_table


def _targets(rows: list[list[str]]) -> list[tuple[str, str, str, str]]:
    table = parse_indicator_table(rows)
    assert table is not None
    return [(r.name, r.unit, r.target, r.results[0].value if r.results else "") for r in table.rows if not r.is_header]


def test_a_plan_column_headed_by_the_indicators_word_and_its_deadline() -> None:
    rows = [["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu đến năm 2030"],
            ["1", "Tỷ lệ đô thị hóa", "%", "38"],
            ["2", "Số trạm y tế đạt chuẩn", "trạm", "≥ 27"]]
    assert _targets(rows) == [("Tỷ lệ đô thị hóa", "%", "38", ""), ("Số trạm y tế đạt chuẩn", "trạm", "≥ 27", "")]


def test_the_same_word_alone_first_is_still_the_name_column() -> None:
    rows = [["STT", "Chỉ tiêu nhiệm kỳ 2025 - 2030", "Kết quả"], ["1", "Tỷ lệ đô thị hóa (%)", "35,4"]]
    table = parse_indicator_table(rows)
    assert table is not None and table.rows[0].name == "Tỷ lệ đô thị hóa" and table.rows[0].target == ""


def test_the_unit_written_after_the_name_when_no_column_gives_it() -> None:
    rows = [["TT", "Chỉ tiêu", "Mục tiêu giai đoạn 2026 - 2030"],
            ["1", "Tốc độ tăng năng suất lao động (%/năm)", "7 - 7,5"],
            ["2", "Thu nhập bình quân đầu người (triệu đồng)", "96"],
            ["3", "Tăng trưởng tín dụng (GRDP)", "12"]]
    assert _targets(rows) == [
        ("Tốc độ tăng năng suất lao động", "%/năm", "7 - 7,5", ""),
        ("Thu nhập bình quân đầu người", "triệu đồng", "96", ""),
        ("Tăng trưởng tín dụng (GRDP)", "", "12", ""),  # a gloss in brackets is no unit
    ]


def test_a_column_of_the_estimated_current_year_holds_results() -> None:
    rows = [["TT", "Nội dung chỉ tiêu", "Đơn vị", "Năm 2025 (ước)", "Kế hoạch 2030"],
            ["1", "Tỷ lệ che phủ rừng", "%", "44,7", "46"]]
    assert _targets(rows) == [("Tỷ lệ che phủ rừng", "%", "46", "44,7")]
