"""The real CLI against the server database (PostgreSQL when configured, SQLite otherwise), chosen by
``CHITIEU_DATABASE_URL`` as an office would set it: demo, assess, audit and export share one database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _chitieu(url: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"CHITIEU_DATABASE_URL": url, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "chitieu.cli.main", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False,
    )


def test_demo_then_assess_audit_export_on_one_database(database_url: str, tmp_path: Path) -> None:
    demo = _chitieu(database_url, tmp_path, "demo", "--out", "out")
    assert demo.returncode == 0, demo.stderr
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".docx", ".xlsx"]

    assessed = _chitieu(database_url, tmp_path, "assess", "--forecast", "--format", "json")
    assert assessed.returncode == 0, assessed.stderr
    rows = json.loads(assessed.stdout)
    assert len(rows) == 54
    assert sum(1 for r in rows if r["agrees"]) >= 50  # official end-of-term verdicts of the appendix

    audit = _chitieu(database_url, tmp_path, "audit", "--format", "json")
    assert audit.returncode == 0, audit.stderr
    codes = {f["code"] for f in json.loads(audit.stdout)}
    assert "ratio_mismatch" in codes

    exported = _chitieu(database_url, tmp_path, "export", str(tmp_path / "registry"), "--format", "csv")
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "registry" / "indicators.csv").is_file()
