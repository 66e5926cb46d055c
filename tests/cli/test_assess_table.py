"""The real ``chitieu assess-table`` / ``chitieu assess`` commands in a subprocess."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

pytestmark = pytest.mark.e2e
FIXTURES = Path(__file__).resolve().parents[1] / "assessment" / "fixtures"


def chitieu(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "chitieu.cli.main", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120, encoding="utf-8")


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def sample_rows() -> list[list[str]]:
    return [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Kết quả thực hiện", "Đánh giá", "Ghi chú"],
        ["I", "Kinh tế", "", "", "", "", ""],
        ["1", "Tốc độ tăng trưởng GRDP bình quân", "%/năm", "6,5% - 7,0%/năm", "7,2%", "Vượt", "ước"],
        ["2", "Tỷ lệ hộ nghèo giảm bình quân", "%/năm", "1,5%/năm", "1,2%", "Không đạt", ""],
        ["3", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "20", "18,5", "Vượt", ""],
        ["4", "Xây dựng trụ sở", "", "Hoàn thành", "Hoàn thành", "Đạt", ""],
    ]


def test_json_from_csv(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bang.csv", sample_rows())
    run = chitieu("assess-table", str(path), "--stage", "final", "--format", "json")
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert [r["status"] for r in rows] == [None, "exceeded", "not_achieved", "exceeded", "achieved"]
    assert [r["status_vi"] for r in rows[1:]] == ["Vượt", "Không đạt", "Vượt", "Đạt"]
    assert rows[3]["polarity"] == "lower_better" and rows[3]["polarity_inferred"] is True
    assert "suy dinh dưỡng" in rows[3]["polarity_reason"]
    assert rows[1]["columns"]["Ghi chú"] == "ước" and rows[1]["row"] == 3
    assert rows[1]["target_parsed"]["op"] == "range"
    assert all(r["agrees"] for r in rows[1:])
    assert "4/4" in run.stderr


def test_table_and_xlsx_output_from_xlsx(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Báo cáo kết quả thực hiện chỉ tiêu"])
    for row in sample_rows():
        ws.append(row)
    source = tmp_path / "bang.xlsx"
    wb.save(source)
    table = chitieu("assess-table", str(source), "--format", "table")
    assert table.returncode == 0, table.stderr
    assert "Vượt" in table.stdout and "Không đạt" in table.stdout
    run = chitieu("assess-table", str(source), "--stage", "final", "--format", "xlsx")
    assert run.returncode == 0, run.stderr
    out = tmp_path / "bang_danh-gia.xlsx"
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[2]]
    assert header[:2] == ["STT", "Chỉ tiêu"] and "Đánh giá (chitieu)" in header
    verdicts = [sheet.cell(row=r, column=header.index("Đánh giá (chitieu)") + 1).value for r in range(4, 8)]
    assert verdicts == ["Vượt", "Không đạt", "Vượt", "Đạt"]


def test_other_province_fixture_stage_final() -> None:
    run = chitieu("assess-table", str(FIXTURES / "other_province_final.csv"), "--stage", "final", "--format", "json")
    assert run.returncode == 0, run.stderr
    rows = [r for r in json.loads(run.stdout) if r["agrees"] is not None]
    assert sum(r["agrees"] for r in rows) / len(rows) >= 0.9


@pytest.mark.parametrize(
    ("rows", "fragments"),
    [
        ([["Chỉ tiêu", "Mục tiêu", "Kết quả"], ["Tỷ lệ che phủ rừng", "5", "5"], ["Số xã", "???", "5"]], ["dòng 3", "Mục tiêu", "???"]),
        ([["Chỉ tiêu", "Mục tiêu", "Kết quả", "Đơn vị tính"], ["Tỷ lệ che phủ rừng", "5", "5", "@@"]], ["dòng 2", "Đơn vị tính", "@@"]),
        ([["Chỉ tiêu", "Mục tiêu", "Ghi chú"], ["Tỷ lệ che phủ rừng", "5", ""]], ["thiếu cột", "result"]),
    ],
)
def test_bad_input_fails_cleanly(tmp_path: Path, rows: list[list[str]], fragments: list[str]) -> None:
    path = write_csv(tmp_path / "sai.csv", rows)
    out = tmp_path / "sai_danh-gia.xlsx"
    run = chitieu("assess-table", str(path), "--format", "xlsx")
    assert run.returncode != 0
    assert "Traceback" not in run.stderr + run.stdout
    assert "sai.csv" in run.stderr
    for fragment in fragments:
        assert fragment in run.stderr
    assert not out.exists()  # nothing written


def test_malformed_xlsx_and_bad_options(tmp_path: Path) -> None:
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"this is not a workbook")
    run = chitieu("assess-table", str(broken), "--format", "json")
    assert run.returncode != 0 and "hong.xlsx" in run.stderr and "Traceback" not in run.stderr
    good = write_csv(tmp_path / "t.csv", sample_rows())
    bad_stage = chitieu("assess-table", str(good), "--stage", "giua")
    assert bad_stage.returncode != 0 and "giua" in bad_stage.stderr and "Traceback" not in bad_stage.stderr


def test_assess_command_needs_a_mode(tmp_path: Path) -> None:
    run = chitieu("assess", "--db", str(tmp_path / "x.db"), "--format", "json")
    assert run.returncode != 0 and "--as-of" in run.stderr and "Traceback" not in run.stderr


def test_assess_on_an_empty_database_installs_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "chitieu.db")
    run = chitieu("assess", "--db", db, "--as-of", "2023", "--format", "json")
    assert run.returncode != 0 and "chưa có kế hoạch" in run.stderr and "Traceback" not in run.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM plans").fetchone() == (0,)


def test_assess_command_on_the_bundled_dataset(tmp_path: Path) -> None:
    db = str(tmp_path / "chitieu.db")
    installed = chitieu("dataset", "install", "laichau_xiv", "--db", db)
    assert installed.returncode == 0, installed.stderr
    mid = chitieu("assess", "--db", db, "--as-of", "2023", "--format", "json")
    assert mid.returncode == 0, mid.stderr
    rows = json.loads(mid.stdout)
    assert {"code", "name", "unit", "target", "value", "ratio", "status", "status_vi", "explanation"} <= set(rows[0])
    judged = [r for r in rows if r["agrees"] is not None]
    assert sum(r["agrees"] for r in judged) >= 50
    fc = chitieu("assess", "--db", db, "--forecast", "--format", "csv")
    assert fc.returncode == 0, fc.stderr
    assert fc.stdout.splitlines()[0].startswith("\ufeffcode,number,group,name")  # BOM: Excel reads Vietnamese


@pytest.mark.parametrize("name", ["province_b_final.csv", "province_c_final.xlsx"])
def test_unseen_province_layouts_stage_final(name: str) -> None:
    """Windows-1258 ";" CSV and a two-row merged XLSX header: JSON rows in input order, ≥ 90% agreement."""
    run = chitieu("assess-table", str(FIXTURES / name), "--stage", "final", "--format", "json")
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert [r["row"] for r in rows] == sorted(r["row"] for r in rows)
    judged = [r for r in rows if r["agrees"] is not None]
    assert len(judged) >= 80 and sum(r["agrees"] for r in judged) / len(judged) >= 0.9
    assert all(r["status"] is not None or r["explanation"] or r["warnings"] for r in rows)
