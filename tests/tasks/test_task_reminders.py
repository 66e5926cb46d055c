"""Overdue tasks in the reminders (``chitieu remind``, the Kỳ báo cáo page): the office sees all of them,
an officer those of their units, nobody sees a task before its deadline has passed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from chitieu.cli.main import app
from chitieu.domain import Actor, Task
from chitieu.services.accounts import add_user
from chitieu.services.database import open_database
from chitieu.services.datasets import install_dataset
from chitieu.services.reminders import reminders_for
from chitieu.services.tasks import add_task

ADMIN = Actor("test", role="admin")


def prepared(tmp_path: Path) -> str:
    db = str(tmp_path / "r.db")
    database = open_database(db)
    with database.session(write=True) as session:
        install_dataset(session, ADMIN, "laichau_xiv")
        add_task(session, ADMIN, Task("LC-XIV", "TU-1", "Sơ kết đề án của huyện", owner_unit_code="LC-THAN-UYEN",
                                      deadline=date(2025, 6, 30)), as_of=date(2025, 1, 1))
        add_user(session, ADMIN, "lan", role="officer", password=None, units=["LC-THAN-UYEN"], email="lan@example.vn")
        add_user(session, ADMIN, "minh", role="officer", password=None, units=["LC-SIN-HO"], email="minh@example.vn")
        add_user(session, ADMIN, "vp", role="office", password=None, email="vanphong@example.vn")
    database.close()
    return db


def test_overdue_tasks_are_reminded_to_whom_they_concern(tmp_path: Path) -> None:
    database = open_database(prepared(tmp_path))
    with database.session() as session:
        office = reminders_for(session, Actor("vp", role="office"), date(2026, 3, 1))
        lan = reminders_for(session, Actor("lan", role="officer", units=frozenset({"LC-THAN-UYEN"})), date(2026, 3, 1))
        minh = reminders_for(session, Actor("minh", role="officer", units=frozenset({"LC-SIN-HO"})), date(2026, 3, 1))
        early = reminders_for(session, Actor("vp", role="office"), date(2025, 6, 30))
    database.close()
    tasks = [r for r in office if r.kind == "task_overdue"]
    assert len(tasks) == 12 and tasks[0].task == "TU-1"  # most overdue first: 244 days
    assert "Sơ kết đề án của huyện" in tasks[0].message and "244 ngày" in tasks[0].message
    assert [r.task for r in lan] == ["TU-1"] and minh == [] and early == []


def test_chitieu_remind_mails_them(tmp_path: Path) -> None:
    db = prepared(tmp_path)
    result = CliRunner().invoke(app, ["remind", "--db", db, "--today", "2026-03-01", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "lan@example.vn: 1" in result.stdout and "vanphong@example.vn: 12" in result.stdout
    assert "minh@example.vn" not in result.stdout
