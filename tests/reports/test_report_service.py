"""write_appendix: atomic writes, bad formats, and the ``chitieu report appendix`` command."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from chitieu.domain import PlanBundle
from chitieu.messages import ChitieuError
from chitieu.reports.appendix import AppendixTable
from chitieu.services import reports


def test_unknown_format_is_a_vietnamese_error(corpus_table: AppendixTable, tmp_path: Path) -> None:
    with pytest.raises(ChitieuError) as info:
        reports.write_table(corpus_table, tmp_path / "x.pdf", "pdf")
    assert "không hợp lệ" in info.value.message and not list(tmp_path.iterdir())


def test_failed_write_leaves_nothing(corpus_table: AppendixTable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(table: AppendixTable, path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(reports, "_writer", lambda fmt: broken)
    with pytest.raises(ChitieuError) as info:
        reports.write_table(corpus_table, tmp_path / "phu-luc.xlsx", "xlsx")
    assert "phu-luc.xlsx" in info.value.message
    assert list(tmp_path.iterdir()) == []


def test_existing_file_replaced_whole(corpus_table: AppendixTable, tmp_path: Path) -> None:
    out = tmp_path / "phu-luc.xlsx"
    out.write_bytes(b"old")
    reports.write_table(corpus_table, out, "xlsx")
    sheet = openpyxl.load_workbook(out)["Phụ lục"]
    assert "Ước thực hiện giai đoạn 2021 - 2023" in {c.value for c in sheet["E"]}
    assert [p.name for p in tmp_path.iterdir()] == ["phu-luc.xlsx"]


def test_cli_report_appendix(dataset_bundle: PlanBundle, tmp_path: Path) -> None:
    from chitieu.cli.main import app

    db = tmp_path / "chitieu.db"
    assert CliRunner().invoke(app, ["dataset", "install", "laichau_xiv", "--db", str(db)]).exit_code == 0
    out = tmp_path / "out" / "phu-luc.docx"
    result = CliRunner().invoke(app, ["report", "appendix", "--db", str(db), "--format", "docx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "Đã ghi phụ lục" in result.output
    bad = CliRunner().invoke(app, ["report", "appendix", "--db", str(db), "--format", "pdf"])
    assert bad.exit_code != 0
    missing = CliRunner().invoke(app, ["report", "appendix", "--db", str(db), "--plan", "KHONG-CO", "--format", "xlsx"])
    assert missing.exit_code != 0
