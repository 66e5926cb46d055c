"""The pure appendix model, checked against the layout and figures of the 2023 report's appendix."""

from __future__ import annotations

from chitieu.reports.appendix import AppendixTable, RowKind, ratio_text, short_label
from chitieu.reports.summary import count_statuses, counts_phrase
from chitieu.vocab.verdicts import Status


def _row(table: AppendixTable, name_start: str):
    return next(r for r in table.rows if r.name.startswith(name_start))


def test_groups_numbered_like_the_document(corpus_table: AppendixTable) -> None:
    groups = [r for r in corpus_table.rows if r.kind is RowKind.GROUP]
    assert [g.number for g in groups] == ["I", "II", "III", "IV"]
    assert groups[0].name == "Các chỉ tiêu về kinh tế"


def test_all_54_target_rows_and_two_headers(corpus_table: AppendixTable) -> None:
    assert len(corpus_table.assessed_rows) == 54
    headers = [r.name for r in corpus_table.rows if r.kind is RowKind.HEADER]
    assert headers == ["Cơ cấu kinh tế", "Tỷ lệ huy động học sinh trong độ tuổi đến trường:"]
    components = [r for r in corpus_table.rows if r.kind is RowKind.COMPONENT]
    assert len(components) == 8 and all(r.level == 2 for r in components)


def test_indicator_number_shown_once_per_indicator(corpus_table: AppendixTable) -> None:
    numbers = [r.number for r in corpus_table.rows if r.kind is not RowKind.GROUP and r.number]
    assert numbers == [str(n) for n in range(1, 12)]
    assert _row(corpus_table, "GRDP bình quân").number == ""


def test_block_titles_follow_the_observation_periods(corpus_table: AppendixTable) -> None:
    assert corpus_table.midterm_block.title == "Ước thực hiện giai đoạn 2021 - 2023"
    assert corpus_table.final_block.title == "Ước thực hiện giai đoạn 2020 - 2025"
    assert corpus_table.target_column == "Mục tiêu Nghị quyết Đại hội"


def test_values_and_ratios_formatted_the_vietnamese_way(corpus_table: AppendixTable) -> None:
    grdp = _row(corpus_table, "GRDP bình quân")
    assert (grdp.target_text, grdp.midterm.value_text, grdp.midterm.ratio_text) == ("65", "47,5", "73,1%")
    budget = _row(corpus_table, "Thu ngân sách")
    assert (budget.target_text, budget.midterm.value_text, budget.midterm.ratio_text) == ("3.000", "2.134,6", "71,2%")
    assert budget.final.ratio_text == "78,2%"
    jobs = _row(corpus_table, "Giải quyết việc làm")
    assert (jobs.midterm.value_text, jobs.midterm.ratio_text) == ("8.695", "102,3%")


def test_no_ratio_column_for_rates(corpus_table: AppendixTable) -> None:
    forest = _row(corpus_table, "Tỷ lệ che phủ rừng")
    assert forest.midterm.ratio_text == "" and forest.chart_midterm is not None


def test_summary_counts_the_verdicts_of_the_rows(corpus_table: AppendixTable) -> None:
    # the document's rows: 12 Vượt and 10 Đạt at mid-term (as its text also states), 32 Chưa đạt;
    # 7 Khó đạt in the end-of-term column
    summary = corpus_table.summary
    assert summary.startswith("Dự ước đến hết năm 2023 có 12 chỉ tiêu vượt, 10 chỉ tiêu đạt, 32 chỉ tiêu chưa đạt;")
    assert "dự ước đến hết nhiệm kỳ (năm 2025) có" in summary and "7 chỉ tiêu khó đạt" in summary


def test_one_chart_per_group_without_lower_better_rows(corpus_table: AppendixTable) -> None:
    assert [c.number for c in corpus_table.charts] == ["I", "II", "III", "IV"]
    labels = [label for c in corpus_table.charts for label in c.labels]
    assert not any("suy dinh dưỡng" in label for label in labels)
    assert not any(label.startswith("Nông, lâm") for label in labels)  # structure shares left out


def test_helpers() -> None:
    assert ratio_text(73.08) == "73,1%" and ratio_text(100.0) == "100%" and ratio_text(None) == ""
    assert short_label("+ Dịch vụ") == "Dịch vụ"
    long = short_label("Tỷ lệ dân số đô thị được cung cấp nước sạch qua hệ thống cấp nước tập trung")
    assert long.endswith("…") and len(long) <= 42
    counts = count_statuses([Status.ACHIEVED, Status.EXCEEDED, None, Status.ACHIEVED])
    assert counts_phrase(counts) == "1 chỉ tiêu vượt, 2 chỉ tiêu đạt, 1 chỉ tiêu chưa có số liệu"
