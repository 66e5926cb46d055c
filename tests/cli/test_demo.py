"""``chitieu demo`` end to end: loads the bundled dataset, prints coloured verdicts, writes the appendix."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chitieu.vocab.verdicts import Status

pytestmark = pytest.mark.e2e


def run_demo(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CHITIEU_DATABASE_URL"} | {"COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "chitieu.cli.main", "demo", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=180,
    )


def test_demo_creates_database_prints_verdicts_and_writes_reports(tmp_path: Path) -> None:
    result = run_demo(tmp_path, "--db", "chitieu-demo.db", "--out", "out/demo")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "LC-XIV" in out
    # both verdict columns are summarised with official labels, over all 54 rows of the appendix
    assert "Đến năm 2023 có 54 chỉ tiêu:" in out and "Dự báo đến hết nhiệm kỳ (2025) có 54 chỉ tiêu:" in out
    assert "chỉ tiêu chưa đạt" in out and "chỉ tiêu khó đạt" in out
    assert Status.EXCEEDED.label_vi in out and Status.ACHIEVED.label_vi in out
    with sqlite3.connect(tmp_path / "chitieu-demo.db") as conn:
        plans = {row[0] for row in conn.execute("SELECT code FROM plans")}
        assert "LC-XIV" in plans
        indicators = conn.execute(
            "SELECT count(*) FROM indicators JOIN plans ON plans.id = indicators.plan_id WHERE plans.code = 'LC-XIV'"
        ).fetchone()[0]
        assert indicators >= 54  # every row of the official appendix table
    reports = sorted(p.suffix for p in (tmp_path / "out" / "demo").iterdir())
    assert reports == [".docx", ".xlsx"]
    for suffix in ("docx", "xlsx"):
        assert f".{suffix}" in out


def test_demo_unreachable_database_is_a_clear_error(tmp_path: Path) -> None:
    result = run_demo(tmp_path, "--db", "postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2")
    assert result.returncode == 2
    assert "Không kết nối được cơ sở dữ liệu" in result.stderr
    assert "Traceback" not in result.stderr
