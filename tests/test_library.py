"""The library entry point: ``chitieu.open`` gives one object for a workspace of a database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import chitieu
from chitieu.messages import ChitieuError


def test_import_chitieu_loads_no_database_library() -> None:
    code = "import sys, chitieu, chitieu.domain, chitieu.assessment; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_open_install_assess_report_audit(tmp_path: Path) -> None:
    with chitieu.open(tmp_path / "lib.db") as ws:
        assert isinstance(ws, chitieu.Chitieu) and ws.workspace.code == "default"
        with pytest.raises(ChitieuError) as info:
            ws.assess()
        assert info.value.code == "no_plans"  # nothing is installed behind the user's back
        installed = ws.install_dataset("laichau_xiv")
        assert next(s.plan.code for s in ws.plans() if s.indicator_count) == installed.main_plan
        rows = ws.assess()  # the plan and the as-of year come from the data
        assert rows and {r.plan_code for r in rows} == {installed.main_plan} and rows[0].org_unit is None
        assert {r.period for r in rows if r.period} >= {"2021-2023"}
        assert all(r.status for r in ws.assess(forecast=True))
        written = ws.write_appendix(tmp_path / "phu-luc.xlsx")
        assert written.is_file() and written.stat().st_size > 5000
        assert {f.code for f in ws.audit()} >= {"count_mismatch"}
        assert ws.events(action="dataset.install")[0].actor.startswith("lib:")


def test_import_export_and_workspaces(tmp_path: Path) -> None:
    with chitieu.open(tmp_path / "a.db") as ws:
        ws.install_dataset("laichau_xiv")
        files = ws.export(tmp_path / "xuat", fmt="csv")
        assert any(f.name == "stated_counts.csv" for f in files)
        other = ws.create_workspace("tinh-b", "Tỉnh B")
        assert other.code == "tinh-b"
        b = ws.in_workspace("tinh-b")
        outcome = b.import_registry(tmp_path / "xuat")
        assert outcome.written and outcome.report.flatten() == []
        assert b.bundle().plan.code == ws.bundle().plan.code
        assert b.registry() == ws.registry()


def test_extract_needs_no_database(tmp_path: Path) -> None:
    text = tmp_path / "nq.txt"
    text.write_text("Phấn đấu đến năm 2025 tỷ lệ che phủ rừng đạt 54%.", encoding="utf-8")
    claims = chitieu.Chitieu.extract(text)
    assert claims and claims[0].value == 54


def test_a_database_behind_is_upgraded_through_the_library(tmp_path: Path) -> None:
    from alembic import command

    from chitieu.store.engine import alembic_config, make_engine

    url = f"sqlite:///{tmp_path / 'cu.db'}"
    engine = make_engine(url)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    engine.dispose()
    with pytest.raises(ChitieuError):
        chitieu.open(url)
    assert chitieu.upgrade(url).changed
    with chitieu.open(url) as ws:
        assert ws.plans() == []
