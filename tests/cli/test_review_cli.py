"""``chitieu ingest`` and ``chitieu review`` through the real command line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chitieu.domain import Indicator, Plan, PlanBundle
from chitieu.services.database import open_database
from chitieu.services.registry import save_bundle
from service_store import Store

pytestmark = pytest.mark.e2e

APPENDIX = (
    "Phụ lục: kết quả thực hiện (văn bản thử)\n"
    "TT\tChỉ tiêu\tĐơn vị tính\tMục tiêu Nghị quyết\tKết quả 2023\tĐánh giá\n"
    "1\tTỷ lệ che phủ rừng\t%\t54,0\t52,3\tChưa đạt\n"
    "2\tThu ngân sách trên địa bàn\tTỷ đồng\t3.000\t2.134,6\tChưa đạt\n"
)


def chitieu(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CHITIEU_DATABASE_URL"} | {"COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "chitieu.cli.main", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path, Path]:
    db = tmp_path / "ct.db"
    with open_database(db) as database:
        Store(database)(save_bundle, PlanBundle(
            plan=Plan("NQ-T", "Nghị quyết thử", term_start=2020, term_end=2025),
            indicators=[Indicator("RUNG", "Tỷ lệ che phủ rừng", "%", plan_code="NQ-T"),
                        Indicator("NS", "Thu ngân sách trên địa bàn", "Tỷ đồng", plan_code="NQ-T")],
        ))
    document = tmp_path / "phu-luc.txt"
    document.write_text(APPENDIX, encoding="utf-8")
    return tmp_path, db, document


def test_ingest_review_accept_reject_edit(workspace: tuple[Path, Path, Path]) -> None:
    cwd, db, document = workspace
    done = chitieu("ingest", str(document), "--plan", "NQ-T", "--db", str(db), cwd=cwd)
    assert done.returncode == 0, done.stderr
    assert "4 đề xuất" in done.stdout
    again = chitieu("ingest", str(document), "--plan", "NQ-T", "--db", str(db), cwd=cwd)
    assert again.returncode == 0 and "đã được nạp trước đó" in again.stdout
    assert rows(db, "select count(*) from claims") == [(4,)]

    listing = chitieu("review", "--db", str(db), "--plan", "NQ-T", cwd=cwd)
    assert listing.returncode == 0, listing.stderr
    assert "Tỷ lệ che phủ rừng" in listing.stdout and "2.134,6" in listing.stdout and "RUNG" in listing.stdout

    ids = dict(rows(db, "select value, id from claims"))
    assert chitieu("review", "accept", str(ids[54.0]), "--db", str(db), cwd=cwd).returncode == 0
    assert chitieu("review", "accept", str(ids[2134.6]), "--db", str(db), cwd=cwd).returncode == 0
    assert chitieu("review", "reject", str(ids[52.3]), "--db", str(db), cwd=cwd).returncode == 0
    edited = chitieu("review", "edit", str(ids[3000.0]), "--value", "3.200", "--db", str(db), cwd=cwd)
    assert edited.returncode == 0 and "3.200" in edited.stdout

    assert rows(db, "select t.op, t.value, t.source_quote like '%54,0%' from targets t") == [("=", 54.0, 1)]
    assert rows(db, "select period_start, period_end, value from observations") == [(2023, 2023, 2134.6)]
    assert rows(db, "select status, count(*) from claims group by status order by status") == [
        ("accepted", 2), ("candidate", 1), ("rejected", 1)
    ]
    accepted = chitieu("review", "--status", "accepted", "--db", str(db), cwd=cwd)
    assert "đã nhận" in accepted.stdout and "chờ duyệt" not in accepted.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["review", "accept", "999"], "Không tìm thấy đề xuất số 999"),
        (["review", "--status", "xong"], "Trạng thái «xong» không hợp lệ"),
        (["review", "edit", "1", "--value", "abc"], "không phải là số"),
        (["ingest", "khong-co.pdf", "--plan", "NQ-T"], "Không tìm thấy tệp"),
        (["ingest", "phu-luc.txt", "--plan", "KHAC"], "KHAC"),
    ],
)
def test_errors_are_vietnamese_messages(workspace: tuple[Path, Path, Path], args: list[str], needle: str) -> None:
    cwd, db, _ = workspace
    done = chitieu(*args, "--db", str(db), cwd=cwd)
    assert done.returncode == 2
    assert needle in done.stderr
    assert "Traceback" not in done.stderr


def test_binary_file_is_refused(workspace: tuple[Path, Path, Path]) -> None:
    cwd, db, _ = workspace
    binary = cwd / "anh.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    done = chitieu("ingest", str(binary), "--plan", "NQ-T", "--db", str(db), cwd=cwd)
    assert done.returncode == 2 and "không phải văn bản" in done.stderr
    assert rows(db, "select count(*) from source_documents") == [(0,)]
