"""``chitieu synth national`` and ``chitieu assess --all-plans`` as a user runs them (real processes)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _chitieu(url: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = os.environ | {"CHITIEU_DATABASE_URL": url, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "chitieu.cli.main", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=300, check=False)


def test_synth_then_assess_all_plans_as_csv_parquet_and_json(database_url: str, tmp_path: Path) -> None:
    synth = _chitieu(database_url, tmp_path, "synth", "national", "--scale", "0.01", "--seed", "3")
    assert synth.returncode == 0, synth.stderr.decode()
    assert "3 tỉnh, 33 xã" in synth.stdout.decode()

    out = _chitieu(database_url, tmp_path, "assess", "--all-plans", "--as-of", "2024", "--format", "csv")
    assert out.returncode == 0, out.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8-sig"))))
    assert len(rows) == 3600
    assert {"plan_code", "org_unit", "code", "status", "ratio", "value", "target"} <= set(rows[0])
    assert {r["plan_code"] for r in rows} == {"NQ-T01", "NQ-T02", "NQ-T03"}
    area = [r for r in rows if r["org_unit"] == ""]
    assert len(area) == 300  # one row per plan and indicator for the plan's whole area, the rest per commune

    # the same key in the row engine's JSON for one plan, and the same verdicts
    one = _chitieu(database_url, tmp_path, "assess", "--plan", "NQ-T02", "--as-of", "2024", "--format", "json")
    assert one.returncode == 0, one.stderr.decode()
    plan_rows = json.loads(one.stdout)
    assert [(r["org_unit"] or "", r["code"], r["status"]) for r in plan_rows] == [
        (r["org_unit"], r["code"], r["status"]) for r in rows if r["plan_code"] == "NQ-T02"]

    parquet = _chitieu(database_url, tmp_path, "assess", "--all-plans", "--as-of", "2024", "--format", "parquet",
                       "--out", "all.parquet")
    assert parquet.returncode == 0, parquet.stderr.decode()
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "all.parquet")
    assert table.num_rows == 3600 and table.column("status").to_pylist() == [r["status"] for r in rows]


def test_all_plans_errors_are_vietnamese(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    forecast = _chitieu(url, tmp_path, "assess", "--all-plans", "--forecast")
    assert forecast.returncode != 0 and "--as-of" in forecast.stderr.decode()
    with_plan = _chitieu(url, tmp_path, "assess", "--all-plans", "--plan", "A", "--as-of", "2024")
    assert with_plan.returncode != 0 and "không dùng cùng --all-plans" in with_plan.stderr.decode()
    scale = _chitieu(url, tmp_path, "synth", "national", "--scale", "-1")
    assert scale.returncode != 0 and "Quy mô" in scale.stderr.decode()
    assert "Traceback" not in scale.stderr.decode()
