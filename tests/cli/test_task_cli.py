"""``chitieu task …`` in process: list the bundled register on a day, report a state, history, add, and
Vietnamese errors for bad input with nothing written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from chitieu.cli.main import app
from chitieu.messages import ChitieuError


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200", "CHITIEU_DATABASE_URL": ""})
    if isinstance(result.exception, ChitieuError):
        return 2, result.exception.message
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_task_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    assert run("dataset", "install", "laichau_xiv", "--db", db)[0] == 0
    code, out = run("task", "list", "--db", db, "--as-of", "01/03/2026", "--state", "quá hạn", "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert data["as_of"] == "2026-03-01" and len(data["tasks"]) == 11
    assert {t["days_overdue"] for t in data["tasks"]} == {60} and data["tasks"][0]["state_vi"] == "Quá hạn"

    code, out = run("task", "update", "NQ03-TU", "--db", db, "--state", "Hoàn thành", "--completed-on", "15/6/2025",
                    "--reason", "Báo cáo tổng kết", "--expected-version", "1")
    assert code == 0 and "Hoàn thành" in out and "phiên bản 2" in out, out
    code, out = run("task", "list", "--db", db, "--as-of", "2026", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    nq03 = next(r for r in rows if r["code"] == "NQ03-TU")
    assert (nq03["state"], nq03["completed_on"], nq03["evidence_document"]) == ("done", "2025-06-15", "BC-002-2023")
    assert sum(r["state"] == "overdue" for r in rows) == 10

    code, out = run("task", "history", "NQ03-TU", "--db", db, "--format", "json")
    history = json.loads(out)
    assert [h["action"] for h in history] == ["dataset.install", "task.update"]
    assert history[1]["after"]["progress"] == "done" and history[1]["reason"] == "Báo cáo tổng kết"

    code, out = run("task", "add", "RS-1", "--db", db, "--title", "Rà soát quy chế", "--deadline", "2024",
                    "--owner-unit", "LC-MUONG-TE", "--evidence-document", "BC-002-2023", "--evidence-quote", "rà soát")
    assert code == 0 and "RS-1" in out
    code, out = run("task", "list", "--db", db, "--unit", "LC-MUONG-TE", "--as-of", "2025-01-01")
    assert code == 0 and "Rà soát quy chế" in out and "Quá hạn" in out and "1 nhiệm vụ, 1 quá hạn" in out


def test_bad_input_gets_a_vietnamese_error_and_writes_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("dataset", "install", "laichau_xiv", "--db", db)
    cases = [
        (("task", "update", "NQ04-TU", "--state", "quá hạn"), "tự xác định nhiệm vụ quá hạn"),
        (("task", "update", "NQ04-TU", "--state", "sắp xong"), "không hợp lệ"),
        (("task", "update", "NQ04-TU", "--completed-on", "31/02/2025", "--state", "done"), "31/02/2025"),
        (("task", "update", "NQ04-TU", "--state", "done", "--expected-version", "7"), "phiên bản 7"),
        (("task", "update", "KHONG-CO", "--note", "x"), "KHONG-CO"),
        (("task", "add", "NQ04-TU", "--title", "x"), "đã có nhiệm vụ"),
        (("task", "list", "--format", "xml"), "xml"),
        (("task", "list", "--plan", "KHONG-CO"), "KHONG-CO"),
    ]
    for args, words in cases:
        code, out = run(*args, "--db", db)
        assert code != 0 and words in out, (args, out)
    code, out = run("task", "history", "NQ04-TU", "--db", db, "--format", "json")
    assert [h["action"] for h in json.loads(out)] == ["dataset.install"]
