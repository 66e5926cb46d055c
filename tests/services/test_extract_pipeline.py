"""One pipeline: `chitieu extract` and `chitieu ingest` give the same claims, tables read in both."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.readers import read_document
from chitieu.services.extract import extract_file
from chitieu.services.ingest import propose_claims
from word_files import word_file

HEADER = ["TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu Nghị quyết", "Ước thực hiện năm 2023", "Tỷ lệ % so với mục tiêu", "Đánh giá"]
ANNUAL = [
    ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Ước thực hiện năm 2024", "So sánh (%)", ""],
    ["", "", "", "", "", "Ước TH/KH", "Ước TH/cùng kỳ"],
    ["1", "Tổng sản lượng lương thực", "Tấn", "40.000", "41.200", "103,0", "105,2"],
]
ROWS = [
    HEADER,
    ["1", "Tốc độ tăng trưởng GRDP", "%", "9-10", "6,5", "", "Khó đạt"],
    ["2", "Thu ngân sách trên địa bàn", "Tỷ đồng", "3.000", "2.134,6", "71,2%", "Chưa đạt"],
    ["3", "Tỷ lệ che phủ rừng", "%", "54,0", "52,3", "", "Chưa đạt"],
]


@pytest.fixture
def appendix(tmp_path: Path) -> Path:
    return word_file(tmp_path / "phu-luc.docx", [
        "BÁO CÁO", "Kết quả thực hiện Nghị quyết năm 2023", "I. KẾT QUẢ THỰC HIỆN",
        "Năm 2023, tổng sản lượng lương thực ước đạt 41.000 tấn, bằng 95% kế hoạch.",
        "PHỤ LỤC", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
    ], ROWS)


def test_extract_reads_the_appendix_table_rows_not_its_verdict_words(appendix: Path) -> None:
    claims = extract_file(appendix).claims
    names = {c.indicator for c in claims}
    assert not {"Chưa", "Chưa đạt", "Khó đạt"} & names
    rows = [(c.kind, c.indicator, c.op, c.value, c.low, c.high, c.role) for c in claims if c.section == "table"]
    assert rows == [
        ("target", "Tốc độ tăng trưởng GRDP", "range", None, 9.0, 10.0, "plan"),
        ("result", "Tốc độ tăng trưởng GRDP", "=", 6.5, None, None, "level"),
        ("target", "Thu ngân sách trên địa bàn", "=", 3000.0, None, None, "plan"),
        ("result", "Thu ngân sách trên địa bàn", "=", pytest.approx(2134.6), None, None, "level"),
        ("result", "Thu ngân sách trên địa bàn", "=", 71.2, None, None, "plan_ratio"),
        ("target", "Tỷ lệ che phủ rừng", "=", 54.0, None, None, "plan"),
        ("result", "Tỷ lệ che phủ rừng", "=", 52.3, None, None, "level"),
    ]
    budget = [c for c in claims if c.indicator == "Thu ngân sách trên địa bàn"]
    assert budget[0].statement == budget[1].statement == budget[2].statement
    assert budget[1].stated_ratio == pytest.approx(71.2) and budget[2].unit == "% mục tiêu"
    assert budget[1].period == "2023"
    text = [(c.kind, c.value, c.unit, c.role) for c in claims if c.section != "table"]
    assert text == [("result", 41000.0, "tấn", "level"), ("result", 95.0, "% kế hoạch", "plan_ratio")]
    assert len({c.statement for c in claims}) == 4  # one per table row, one for the text statement


def test_annual_table_ratio_to_plan_is_a_claim_of_its_row(tmp_path: Path) -> None:
    path = word_file(tmp_path / "bieu.docx", ["PHỤ LỤC"], ANNUAL)
    claims = [(c.kind, c.value, c.unit, c.role) for c in extract_file(path).claims]
    # the same-period comparison ("Ước TH/cùng kỳ") is no ratio to a plan: a change "%", its figure as written
    assert claims == [
        ("target", 40000.0, "Tấn", "plan"), ("result", 41200.0, "Tấn", "level"), ("result", 103.0, "% kế hoạch", "plan_ratio"),
        ("result", 105.2, "%", "change"),
    ]


def test_extract_and_ingest_give_the_same_claims(appendix: Path) -> None:
    extracted = [(c.kind, c.indicator, c.op, c.value, c.low, c.high, c.unit, c.start) for c in extract_file(appendix).claims]
    proposed = propose_claims(read_document(appendix), [], "KH").claims
    ingested = [(p.kind, p.indicator, p.op, p.value, p.low, p.high, p.unit, p.start) for p in proposed]
    assert sorted(extracted, key=lambda c: (c[7], c[0])) == sorted(ingested, key=lambda c: (c[7], c[0]))


EXPORT = [  # a reporting tool's layout: this year's plan, the year's estimate, its index on last year, next year's plan
    ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2022", "Năm 2023", "", "", "Kế hoạch năm 2024",
     "Kế hoạch 2024 so với thực hiện 2023 (%)"],
    ["", "", "", "", "Kế hoạch năm 2023", "Ước thực hiện cả năm 2023", "Ước thực hiện 2023 so với thực hiện 2022 (%)", "", ""],
    ["1", "2", "3", "4", "5", "6", "7=6/4", "8", "9=8/6"],
    ["I", "Sản lượng cà phê nhân", "Tấn", "800", "900", "1000", "125", "1100", "110"],
]


def test_every_figure_of_an_export_row_is_a_claim_in_extract_and_ingest(tmp_path: Path) -> None:
    path = word_file(tmp_path / "bieu-tong-hop.docx", ["PHỤ LỤC"], EXPORT)
    claims = extract_file(path).claims
    assert [(c.kind, c.value, c.unit, c.role, c.plan_kind, c.period) for c in claims] == [
        ("target", 900.0, "Tấn", "plan", "kế hoạch", "2023"),
        ("target", 1100.0, "Tấn", "level", "", "2024"),
        ("target", 110.0, "%", "change", "", "2024"),
        ("result", 800.0, "Tấn", "level", "", "2022"),
        ("result", 1000.0, "Tấn", "level", "", "2023"),
        ("result", 125.0, "%", "change", "", "2023"),
    ]
    assert len({c.statement for c in claims}) == 1
    proposed = propose_claims(read_document(path), [], "KH").claims
    assert sorted((p.kind, p.value, p.unit) for p in proposed) == sorted((c.kind, c.value, c.unit) for c in claims)


def test_plan_table_of_a_word_file_gives_targets_of_its_estimate(tmp_path: Path) -> None:
    rows = [["Mã số", "Hạng mục", "Thành tiền trước thuế (VNĐ)", "Thành tiền sau thuế (VNĐ)"],
            ["1", "Giải thưởng", "8,000,000", "8,000,000"],
            ["2", "Thuê âm thanh, ánh sáng", "4,200,000", "4,620,000"]]
    path = word_file(tmp_path / "ke-hoach.docx",
                     ["KẾ HOẠCH", "Tổ chức hội thi tin học trẻ năm 2025", "III. Tổng mức đầu tư"], rows)
    found = [(c.kind, c.indicator, c.value, c.unit, c.plan_kind) for c in extract_file(path).claims if c.section == "table"]
    assert found == [  # the prize is stated twice in its row (before and after tax): two figures, not a restatement
        ("target", "Giải thưởng", 8000000.0, "VNĐ", "dự toán"),
        ("target", "Giải thưởng", 8000000.0, "VNĐ", "dự toán"),
        ("target", "Thuê âm thanh, ánh sáng", 4200000.0, "VNĐ", "dự toán"),
        ("target", "Thuê âm thanh, ánh sáng", 4620000.0, "VNĐ", "dự toán"),
    ]
