"""Review tables of congress volumes: "STT | Nội dung | Kết quả thực hiện | Tỷ lệ | Mức độ hoàn thành" with the
target written in the name, "TT | Nội dung | Chỉ tiêu | Kết quả | Đánh giá" with the target in words, and a
table whose rows go on over the next page without its header."""

from __future__ import annotations

from pathlib import Path

from chitieu.extraction.tables import parse_indicator_table
from chitieu.readers import Document, TableBlock
from chitieu.services.ingest_tables import claims_from_tables

NAME_TARGETS = [
    ["STT", "Nội dung", "Kết quả thực hiện", "Tỷ lệ", "Mức độ hoàn thành"],
    ["1", "100% chi đoàn tổ chức sinh hoạt chủ điểm hằng tháng", "100%", "100%", "Hoàn thành"],
    ["2", "Vận động ít nhất 1.200 đơn vị máu mỗi năm", "1.380", "115%", "Vượt chỉ tiêu"],
    ["3", "Hoàn thiện quy chế làm việc của Ban Chấp hành", "Đã ban hành", "", "Hoàn thành"],
]
WORD_TARGETS = [
    ["TT", "Nội dung", "Chỉ tiêu", "Kết quả", "Đánh giá"],
    ["1", "Kết nạp ít nhất 300 đoàn viên mới", "300 đoàn viên", "342", "Vượt"],
    ["2", "450 lượt thanh niên tham gia hiến máu", "450", "398", "Chưa đạt"],
    ["3", "Tập huấn cán bộ", "95% cán bộ chi đoàn và 70% đoàn viên", "97%/72%", "Đạt"],
]


def test_targets_written_in_the_names_of_a_table_without_a_target_column() -> None:
    table = parse_indicator_table(NAME_TARGETS)
    assert table is not None
    rows = table.rows
    assert [(r.target_quantity.op.value, r.target_quantity.value, r.target_quantity.unit) if r.target_quantity else None
            for r in rows] == [("=", 100.0, "%"), (">=", 1200.0, "đơn vị"), None]
    # "Tỷ lệ" beside the result is the share of the target reached
    assert [c.ratio for c in rows[1].results] == ["115%"]


def test_a_column_headed_chi_tieu_after_the_names_holds_the_targets() -> None:
    table = parse_indicator_table(WORD_TARGETS)
    assert table is not None
    first, second, third = table.rows
    assert first.name == "Kết nạp ít nhất 300 đoàn viên mới"
    # the cell says "300 đoàn viên", the name "ít nhất": a floor
    assert (first.target_quantity.op.value, first.target_quantity.value) == (">=", 300.0)
    # a bare "450" takes the unit the name writes after 450
    assert (second.target_quantity.value, second.target_quantity.unit) == (450.0, "lượt")
    # a cell in words with two figures gives two targets, a cell "97%/72%" two results
    assert [q.value for q in (third.target_quantity, *third.target_figures)] == [95.0, 70.0]
    cell = third.results[0]
    assert [q.value for q in (cell.quantity, *cell.more)] == [97.0, 72.0]


def test_rows_continued_on_the_next_page_are_read_under_the_header(tmp_path: Path) -> None:
    head, more = NAME_TARGETS[:3], [["4", "Giới thiệu ít nhất 800 việc làm cho sinh viên", "912", "114%", "Vượt chỉ tiêu"]]
    text = "\n".join("\t".join(r) for r in head) + "\n\n" + "\n".join("\t".join(r) for r in more) + "\n"
    second = text.index("4\t")
    document = Document(path=tmp_path / "v.pdf", kind="pdf", text=text, tables=[
        TableBlock(head, 0, second - 2, page=36, row_starts=[0, text.index("1\t"), text.index("2\t")]),
        TableBlock(more, second, len(text) - 1, page=37, row_starts=[second]),
    ])
    claims, spans = claims_from_tables(document)
    assert len(spans) == 2
    last = [(c.kind, c.op, c.value, c.unit) for c in claims if c.start == second]
    assert last == [
        ("target", ">=", 800.0, "việc làm"), ("result", "=", 912.0, "việc làm"), ("result", "=", 114.0, "% kế hoạch")
    ]
    # a table on a page far away, or with other columns, is no continuation
    document.tables[1].page = 45
    assert len(claims_from_tables(document)[1]) == 1
