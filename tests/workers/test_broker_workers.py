"""Two real ``chitieu worker`` processes on RabbitMQ: one is killed with SIGKILL in the middle of a job;
every document is still ingested once, none twice (the claims counted against a run in one process).

The worker to be killed is told (``CHITIEU_TEST_HOLD_DIR``) to stop just before storing its first job's
claims and say so with a file: the kill lands exactly mid-job, without any timing guess.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from chitieu.domain import Actor
from chitieu.services.database import open_database
from chitieu.services.datasets import install_dataset
from chitieu.store.models import ClaimRow
from chitieu.store.models_web import JobRow
from chitieu.workers import enqueue_ingest, run_job

pytestmark = pytest.mark.e2e
BROKER = os.environ.get("CHITIEU_TEST_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")


def _broker_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5672), timeout=2):
            return True
    except OSError:
        return False


def _documents(n: int) -> list[tuple[str, bytes]]:
    lines = ["BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT", "Năm 2023, tốc độ tăng trưởng GRDP ước đạt 7,{i}%.",
             "Tỷ lệ hộ nghèo giảm còn 1{i},5%.", "Tỷ lệ che phủ rừng đạt 5{i},2%.", "Thu ngân sách đạt 2.{i}45 tỷ đồng."]
    return [(f"bao-cao-{i}.txt", "\n".join(line.format(i=i) for line in lines).encode()) for i in range(n)]


def _wait(predicate, seconds: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    """The server's database: PostgreSQL when configured (a fresh schema), else a SQLite file (one backend:
    two real worker processes are the slow part of this test)."""
    base = os.environ.get("CHITIEU_TEST_POSTGRES_URL")
    if not base:
        yield f"sqlite:///{tmp_path / 'server.db'}"
        return
    schema = f"w_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.mark.skipif(not _broker_up(), reason="RabbitMQ not reachable on 127.0.0.1:5672")
def test_kill_9_mid_job_loses_nothing_and_doubles_nothing(server_url: str, tmp_path: Path) -> None:
    database_url = server_url
    actor = Actor("test", role="admin")
    docs = _documents(6)
    database = open_database(database_url)
    with database.session(write=True) as s:
        install_dataset(s, actor, "laichau_xiv")
    # what one process alone makes of each document: the reference counts
    reference_url = f"sqlite:///{tmp_path / 'reference.db'}"
    reference = open_database(reference_url)
    expected: dict[str, int] = {}
    with reference.session(write=True) as s:
        install_dataset(s, actor, "laichau_xiv")
    for name, content in docs:
        with reference.session(write=True) as s:
            _, job, _ = enqueue_ingest(s, actor, file_name=name, content=content, plan_code=None, limit=10**7)
            job_id = job.id
        state = run_job(reference, job_id)
        assert state is not None and state.status == "done"
        expected[name] = int(state.result["claims"])  # type: ignore[index]
    reference.close()

    queue = f"chitieu-test-{uuid.uuid4().hex[:8]}"
    hold = tmp_path / "hold"
    hold.mkdir()
    env = os.environ | {"CHITIEU_DATABASE_URL": database_url, "CHITIEU_BROKER_URL": BROKER, "CHITIEU_QUEUE": queue,
                        "CHITIEU_JOB_LEASE": "3"}
    command = [sys.executable, "-m", "chitieu.cli.main", "worker"]
    with database.session(write=True) as s:
        for name, content in docs:
            enqueue_ingest(s, actor, file_name=name, content=content, plan_code=None, limit=10**7)
    doomed = subprocess.Popen(command, env=env | {"CHITIEU_TEST_HOLD_DIR": str(hold)}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    survivor: subprocess.Popen[bytes] | None = None
    try:
        _wait(lambda: any(hold.iterdir()))  # the doomed worker holds a job, its extraction done, nothing stored
        held = int(next(hold.iterdir()).name)
        survivor = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait(timeout=30)

        def finished() -> bool:
            with database.session() as s:
                return s.scalar(sa.select(sa.func.count()).select_from(JobRow).where(
                    JobRow.status.in_(("queued", "running")))) == 0
        _wait(finished, 180)
        with database.session() as s:
            jobs = {j.params["file_name"]: j for j in s.scalars(sa.select(JobRow))}  # type: ignore[index]
            counts = {name: s.scalar(sa.select(sa.func.count()).select_from(ClaimRow).where(
                ClaimRow.document_id == jobs[name].source_document_id)) for name, _ in docs}
            assert {name: j.status for name, j in jobs.items()} == {name: "done" for name, _ in docs}
            assert counts == expected  # none lost, none doubled
            taken_over = s.get(JobRow, held)
            assert taken_over is not None and taken_over.attempts == 2  # started by the killed worker, ended by the other
            assert taken_over.claimed_by.endswith(f":{survivor.pid}")
    finally:
        for process in (doomed, survivor):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
        from chitieu.workers.broker import celery_app

        with celery_app(BROKER, queue).connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)
        database.close()
