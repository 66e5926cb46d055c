"""assess-table streams: CSV decoded as read (encoding decided on a sample), XLSX read and written row by
row, JSON identical to a whole-list dump, nothing written when a late row fails, Excel's row limit."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from chitieu.assessment import Stage
from chitieu.messages import ChitieuError
from chitieu.services import assess_table_read as reader
from chitieu.services import assess_table_write as service
from chitieu.services.assess_table import TableRun, assess_table
from chitieu.services.assess_table_write import write_assessed_csv, write_assessed_json, write_assessed_xlsx

from .fixtures.build_province_fixtures import windows_1258_form

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Kết quả thực hiện", "Đánh giá"]
ROWS = [
    ["1", "Tốc độ tăng trưởng GRDP bình quân", "%/năm", "6,5 - 7", "7,2", "Vượt"],
    ["2", "Tỷ lệ hộ nghèo", "%", "dưới 5", "5,6", "Không đạt"],
    ["3", "Thu ngân sách trên địa bàn", "tỷ đồng", "3.000", "3.000", "Đạt"],
]


def table_rows(copies: int) -> list[list[str]]:
    body = [[str(k * 3 + int(r[0])), *r[1:]] for k in range(copies) for r in ROWS]
    return [["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "", "", "", "", ""], HEADER, *body]


def write(path: Path, rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    fix = windows_1258_form if encoding == "cp1258" else (lambda c: c)
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows([[fix(c) for c in r] for r in rows])
    return path


@pytest.mark.parametrize(("encoding", "delimiter"), [("cp1258", ";"), ("utf-16", "\t"), ("utf-8-sig", ",")])
def test_csv_beyond_the_sample_reads_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str,
                                           delimiter: str) -> None:
    monkeypatch.setattr(reader, "CSV_SAMPLE_BYTES", 512)  # the sample ends long before the file does
    path = write(tmp_path / "t.csv", table_rows(40), encoding, delimiter)
    assert path.stat().st_size > 4 * 512
    result = assess_table(path, Stage.FINAL)
    judged = [r for r in result.rows if r.status is not None]
    assert len(judged) == 120
    assert judged[-1].indicator == "Thu ngân sách trên địa bàn" and judged[-1].status == "achieved"
    assert result.agreement == (120, 120)


def test_json_stream_is_the_whole_list_dump(tmp_path: Path) -> None:
    path = write(tmp_path / "t.csv", table_rows(2))
    whole = assess_table(path, Stage.FINAL)
    handle = io.StringIO()
    count = write_assessed_json(TableRun(path, Stage.FINAL), handle)
    assert count == len(whole.rows)
    assert handle.getvalue() == json.dumps([r.to_dict() for r in whole.rows], ensure_ascii=False, indent=2)


def test_xlsx_and_csv_outputs_match_the_whole_table(tmp_path: Path) -> None:
    path = write(tmp_path / "t.csv", table_rows(3))
    xlsx, out_csv = tmp_path / "o.xlsx", tmp_path / "o.csv"
    assert write_assessed_xlsx(TableRun(path, Stage.FINAL), xlsx) == 11
    assert write_assessed_csv(TableRun(path, Stage.FINAL), out_csv) == 11
    sheet = load_workbook(xlsx).active
    cells = [[("" if c is None else str(c)) for c in row] for row in sheet.iter_rows(values_only=True)]
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        assert [r + [""] * (len(cells[0]) - len(r)) for r in csv.reader(handle)] == cells
    assert cells[1][6:] == list(reader.OWN_COLUMNS)
    assert cells[2][6] == "Vượt" and cells[3][6] == "Không đạt" and cells[4][6] == "Đạt"


def test_an_output_assessed_again_is_the_same_file(tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    write_assessed_csv(TableRun(write(tmp_path / "t.csv", table_rows(2)), Stage.FINAL), first)
    second = tmp_path / "b.csv"
    run = TableRun(first, Stage.FINAL)
    assert run.layout.verdict == 5  # the office's column, not "Đánh giá (chitieu)"
    write_assessed_csv(run, second)
    assert second.read_bytes() == first.read_bytes()
    xlsx = tmp_path / "c.xlsx"
    write_assessed_xlsx(TableRun(first, Stage.FINAL), xlsx)
    third = tmp_path / "d.csv"
    write_assessed_csv(TableRun(xlsx, Stage.FINAL), third)
    assert third.read_bytes() == first.read_bytes()


@pytest.mark.parametrize("writer", [write_assessed_xlsx, write_assessed_csv])
def test_a_late_bad_row_leaves_no_file(tmp_path: Path, writer) -> None:  # type: ignore[no-untyped-def]
    rows = table_rows(30)
    rows.append(["99", "Chỉ tiêu hỏng", "%", "@@##", "5", ""])
    out = tmp_path / "out.file"
    with pytest.raises(ChitieuError) as caught:
        writer(TableRun(write(tmp_path / "t.csv", rows), Stage.FINAL), out)
    assert caught.value.code == "bad_target" and "dòng 93" in caught.value.message
    assert list(tmp_path.iterdir()) == [tmp_path / "t.csv"]


def test_xlsx_row_limit_is_refused_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "XLSX_MAX_ROWS", 6)
    out = tmp_path / "out.xlsx"
    with pytest.raises(ChitieuError) as caught:
        write_assessed_xlsx(TableRun(write(tmp_path / "t.csv", table_rows(3)), Stage.FINAL), out)
    assert caught.value.code == "table_too_many_rows_xlsx" and "--format csv" in caught.value.message
    assert not out.exists()


def test_on_row_sees_every_row_as_it_is_made(tmp_path: Path) -> None:
    seen: list[int] = []
    run = TableRun(write(tmp_path / "t.csv", table_rows(2)), Stage.FINAL, on_row=lambda r: seen.append(r.row))
    order = [row.row for _i, _c, row in run if row is not None]
    assert seen == order == [3, 4, 5, 6, 7, 8]
    assert run.rows_read == 8 and run.agreement == (6, 6)
