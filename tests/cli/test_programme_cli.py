"""``chitieu programme …`` through the real command line: assess the bundled budgets, a report imported
from Excel, the template, single figures, and clear errors for bad options."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

pytestmark = pytest.mark.e2e


def chitieu(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CHITIEU_DATABASE_URL"} | {"COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "chitieu.cli.main", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=180)


def test_programme_commands(tmp_path: Path) -> None:
    assert chitieu("dataset", "install", "laichau_xiv", "--db", "x.db", cwd=tmp_path).returncode == 0
    result = chitieu("programme", "assess", "--db", "x.db", "--as-of", "31/10/2023", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    dtc = next(r for r in data["rows"] if r["plan_code"] == "KH-DTC" and r["source"] is None)
    assert dtc["status_vi"] == "Chưa đạt" and dtc["forecast_status_vi"] == "Khó đạt" and dtc["value"] == 47.3
    table = chitieu("programme", "assess", "--db", "x.db", "--plan", "MTQG", cwd=tmp_path)
    assert "Vốn đầu tư phát triển NSTW" in table.stdout and "55,3%" in table.stdout

    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Tên chương trình, dự án", "Kế hoạch vốn năm 2024", "Giải ngân đến 30/6/2024", "Tỷ lệ (%)"])
    sheet.append(["I", "Chương trình phát triển rừng bền vững", 1000, 450, 45])
    sheet.append(["1", "Huyện Than Uyên", 600, 300, 50])
    book.save(tmp_path / "rung.xlsx")
    dry = chitieu("programme", "import", "rung.xlsx", "--db", "x.db", "--dry-run", cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "kế hoạch vốn" in dry.stdout and "chưa ghi gì" in dry.stdout
    done = chitieu("programme", "import", "rung.xlsx", "--db", "x.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    csv_out = chitieu("programme", "assess", "--db", "x.db", "--plan", "CT-RUNG", "--period", "2024",
                      "--as-of", "2024-06-30", "--format", "csv", cwd=tmp_path)
    lines = csv_out.stdout.splitlines()
    assert lines[0].startswith("plan_code,plan_title") and any("LC-THAN-UYEN" in line and ",50" in line for line in lines)

    made = chitieu("programme", "template", "bieu.xlsx", "--db", "x.db", "--plan", "MTQG", "--period", "2023",
                   cwd=tmp_path)
    assert made.returncode == 0 and (tmp_path / "bieu.xlsx").exists()
    recorded = chitieu("programme", "record", "MTQG", "--db", "x.db", "--period", "2023", "--as-of", "2023-12-31",
                       "--amount", "900000", "--source", "Vốn đầu tư phát triển NSTW", cwd=tmp_path)
    assert recorded.returncode == 0, recorded.stderr
    bad = chitieu("programme", "assess", "--db", "x.db", "--as-of", "31-13-2023", cwd=tmp_path)
    assert bad.returncode == 2 and "không phải ngày" in bad.stderr and "Traceback" not in bad.stderr
    missing = chitieu("programme", "import", "khong-co.xlsx", "--db", "x.db", cwd=tmp_path)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
