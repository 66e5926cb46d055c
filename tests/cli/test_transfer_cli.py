"""``chitieu import`` / ``chitieu export`` through the real command line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

PLANS = "code,title,term_start,term_end\nNQ-X,Nghị quyết Đại hội X,2020,2025\n"
INDICATORS = (
    "plan_code,code,name,unit\n"
    "NQ-X,GRDP,Tốc độ tăng trưởng GRDP,%/năm\n"
    "NQ-X,RUNG,Tỷ lệ che phủ rừng,%\n"
)
TARGETS = "plan_code,indicator_code,version,text\nNQ-X,GRDP,adopted,9-10\nNQ-X,RUNG,adopted,54\n"
OBSERVATIONS = "plan_code,indicator_code,period,text\nNQ-X,GRDP,2021-2023,\"6,5\"\nNQ-X,RUNG,2023,\"51,5\"\n"


def chitieu(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CHITIEU_DATABASE_URL"} | {"COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "chitieu.cli.main", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def write(folder: Path, **tables: str) -> Path:
    folder.mkdir()
    for name, text in tables.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_import_then_export(tmp_path: Path) -> None:
    reg = write(tmp_path / "reg", plans=PLANS, indicators=INDICATORS, targets=TARGETS, observations=OBSERVATIONS)
    result = chitieu("import", str(reg), "--db", "x.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Chỉ tiêu" in result.stdout and "Đã nhập" in result.stdout
    assert (count(tmp_path / "x.db", "indicators"), count(tmp_path / "x.db", "observations")) == (2, 2)

    result = chitieu("export", "out.xlsx", "--db", "x.db", "--format", "xlsx", "--plan", "NQ-X", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.xlsx").is_file()
    result = chitieu("export", "out", "--db", "x.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    exported = (tmp_path / "out" / "targets.csv").read_text(encoding="utf-8-sig")
    assert "NQ-X,GRDP,adopted,9-10,range,,9,10,annual_rate,2020,2025" in exported


def test_bad_registry_exits_2_with_file_row_column_and_writes_nothing(tmp_path: Path) -> None:
    bad_targets = TARGETS.replace("NQ-X,RUNG,adopted,54", "NQ-X,RUNG,adopted,rất cao")
    bad_indicators = INDICATORS.replace("Tỷ lệ che phủ rừng,%", "Tỷ lệ che phủ rừng,%%x1")
    reg = write(tmp_path / "reg", plans=PLANS, indicators=bad_indicators, targets=bad_targets)
    result = chitieu("import", str(reg), "--db", "x.db", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "indicators.csv», dòng 3, cột «unit»" in result.stderr
    assert "targets.csv», dòng 3, cột «text»" in result.stderr
    assert "chưa ghi gì" in result.stderr
    assert not (tmp_path / "x.db").exists() or count(tmp_path / "x.db", "plans") == 0


def test_missing_column_and_bad_format(tmp_path: Path) -> None:
    reg = write(tmp_path / "reg", plans="code,ten\nP,x\n", indicators=INDICATORS)
    result = chitieu("import", str(reg), "--db", "x.db", cwd=tmp_path)
    assert result.returncode == 2 and "thiếu cột «title»" in result.stderr

    result = chitieu("export", "out", "--db", "x.db", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 2 and "--format" in result.stderr



def test_export_format_follows_the_file_suffix(tmp_path: Path) -> None:
    reg = write(tmp_path / "reg", plans=PLANS, indicators=INDICATORS, targets=TARGETS)
    assert chitieu("import", str(reg), "--db", "x.db", cwd=tmp_path).returncode == 0

    result = chitieu("export", "so-dang-ky.xlsx", "--db", "x.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "so-dang-ky.xlsx"
    assert written.is_file() and written.read_bytes()[:2] == b"PK"  # a workbook, not a folder of CSVs

    result = chitieu("export", "khac.xlsx", "--db", "x.db", "--format", "csv", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "thư mục" in result.stderr and not (tmp_path / "khac.xlsx").exists()
