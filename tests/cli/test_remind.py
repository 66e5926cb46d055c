"""``chitieu remind`` against a real local SMTP server (aiosmtpd): who gets which reminder, and failures."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from typer.testing import CliRunner

from chitieu.cli.main import app
from chitieu.domain import Actor
from chitieu.services.accounts import add_user
from chitieu.services.database import open_database
from chitieu.services.datasets import demo_dataset, install_dataset
from chitieu.services.rounds import create_round

ADMIN = Actor("test", role="admin")


class Inbox:
    def __init__(self) -> None:
        self.mails: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.mails.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))  # type: ignore[attr-defined]
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def prepared(tmp_path: Path) -> str:
    db = str(tmp_path / "r.db")
    database = open_database(db)
    with database.session(write=True) as session:
        install_dataset(session, ADMIN, demo_dataset().name)
        add_user(session, ADMIN, "lan", role="officer", password=None, units=["LC-THAN-UYEN"], email="lan@example.vn")
        add_user(session, ADMIN, "minh", role="officer", password=None, units=["LC-SIN-HO"], email="minh@example.vn")
        add_user(session, ADMIN, "vp", role="office", password=None, email="vanphong@example.vn")
        add_user(session, ADMIN, "nobody", role="viewer", password=None)  # no address: no mail
        create_round(session, ADMIN, plan="LC-XIV", period="năm 2024", deadline="2025-01-15",
                     units=["LC-THAN-UYEN", "LC-SIN-HO"], indicators=["KT01", "KT09"])
    database.close()
    return db


def test_each_user_gets_their_own_reminders(tmp_path: Path, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    db = prepared(tmp_path)
    result = CliRunner().invoke(app, ["remind", "--db", db, "--today", "20/01/2025", "--smtp-host", "127.0.0.1",
                                      "--smtp-port", str(port), "--from", "chitieu@laichau.gov.vn", "--to", "lanhdao@example.vn"])
    assert result.exit_code == 0, result.output
    got = {tuple(to): mail for to, mail in inbox.mails}
    assert set(got) == {("lan@example.vn",), ("minh@example.vn",), ("vanphong@example.vn",), ("lanhdao@example.vn",)}
    lan = got[("lan@example.vn",)].get_payload(decode=True).decode("utf-8")  # type: ignore[union-attr]
    assert "Huyện Than Uyên" in lan and "quá hạn 15/01/2025 đã 5 ngày" in lan and "Sìn Hồ" not in lan
    office = got[("vanphong@example.vn",)].get_payload(decode=True).decode("utf-8")  # type: ignore[union-attr]
    assert "Than Uyên" in office and "Sìn Hồ" in office and "khó đạt" in office  # KT01 is forecast at risk
    assert got[("lan@example.vn",)]["From"] == "chitieu@laichau.gov.vn"
    assert "[chitieu]" in got[("lan@example.vn",)]["Subject"]
    database = open_database(db)
    with database.session() as session:
        from sqlalchemy import func, select

        from chitieu.store.models import EventRow

        assert session.scalar(select(func.count()).where(EventRow.action == "remind.sent")) == 4
    database.close()


def test_nothing_due_sends_nothing_and_a_dead_server_is_a_clear_error(tmp_path: Path, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    db = prepared(tmp_path)
    early = CliRunner().invoke(app, ["remind", "--db", db, "--today", "2024-06-01", "--smtp-host", "127.0.0.1",
                                     "--smtp-port", str(port)])
    assert early.exit_code == 0, early.output
    assert [to for to, _ in inbox.mails] == [["vanphong@example.vn"]]  # only the office: stale data and Khó đạt
    dry = CliRunner().invoke(app, ["remind", "--db", db, "--today", "2025-01-20", "--dry-run", "--smtp-port", "1"])
    assert dry.exit_code == 0 and "lan@example.vn: " in dry.stdout
    dead = CliRunner().invoke(app, ["remind", "--db", db, "--today", "2025-01-20", "--smtp-host", "127.0.0.1",
                                    "--smtp-port", str(free_port())])
    assert dead.exit_code != 0 and "SMTP" in str(dead.exception)
    bad_day = CliRunner().invoke(app, ["remind", "--db", db, "--today", "32/1/2025", "--dry-run"])
    assert bad_day.exit_code != 0 and "32/1/2025" in str(bad_day.exception)
