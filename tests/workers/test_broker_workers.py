"""Two real ``chitieu worker`` processes on RabbitMQ, then on Redis: one is killed with SIGKILL in the middle
of a job; every document is still ingested once, none twice (the claims counted against a run in one
process). RabbitMQ gives the killed worker's message to the other one at once; Redis keeps it for an hour
(its visibility timeout), so there the job comes back through the survivor's sweep of the jobs table.

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
from chitieu.workers.broker import celery_app, publish, waiting_messages

pytestmark = pytest.mark.e2e
BROKER = os.environ.get("CHITIEU_TEST_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
REDIS = os.environ.get("CHITIEU_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
BROKERS = [pytest.param(BROKER, id="rabbitmq"), pytest.param(REDIS, id="redis")]


def _up(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5672), timeout=2):
            return True
    except OSError:
        return False


def _require(url: str) -> None:
    if not _up(url):
        pytest.skip(f"broker not reachable: {url}")


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


@pytest.mark.parametrize("broker", BROKERS)
def test_kill_9_mid_job_loses_nothing_and_doubles_nothing(broker: str, server_url: str, tmp_path: Path) -> None:
    _require(broker)
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
    env = os.environ | {"CHITIEU_DATABASE_URL": database_url, "CHITIEU_BROKER_URL": broker, "CHITIEU_QUEUE": queue,
                        "CHITIEU_JOB_LEASE": "3"}
    command = [sys.executable, "-m", "chitieu.cli.main", "worker"]
    with database.session(write=True) as s:
        ids = [enqueue_ingest(s, actor, file_name=name, content=content, plan_code=None, limit=10**7)[1].id
               for name, content in docs]
    publish(broker, ids, queue)  # as ``chitieu enqueue`` does after its commit
    doomed = subprocess.Popen(command, env=env | {"CHITIEU_TEST_HOLD_DIR": str(hold)}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    survivor: subprocess.Popen[bytes] | None = None
    try:
        _wait(lambda: any(hold.iterdir()))  # the doomed worker holds a job, its extraction done, nothing stored
        held = int(next(hold.iterdir()).name)
        survivor = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

        def survivor_working() -> bool:  # past its start-up (and its first sweep): the kill lands mid-run
            with database.session() as s:
                return bool(s.scalar(sa.select(sa.func.count()).select_from(JobRow).where(
                    JobRow.status == "done", JobRow.claimed_by.endswith(f":{survivor.pid}"))))
        _wait(survivor_working)
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
        _delete_queue(broker, queue)
        database.close()


def _delete_queue(broker: str, queue: str) -> None:
    with celery_app(broker, queue).connection_for_write() as conn:
        conn.default_channel.queue_delete(queue)


def _worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "chitieu.cli.main", "worker"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def test_web_upload_goes_to_the_broker_and_survives_a_broker_that_is_down(
    server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With CHITIEU_BROKER_URL set the upload's job is a message in the queue (no thread of the web server
    runs it); with the broker down the upload is still accepted (202, job queued in the database) and a
    worker's sweep sends it later. Both documents end done, each with its claims."""
    from fastapi.testclient import TestClient
    from tests.web.conftest import PLAN, REPORT_TEXT, prepare

    from chitieu.web.app import create_app
    from chitieu.web.settings import WebSettings
    from chitieu.workers.broker import BrokerQueue

    _require(BROKER)
    site = prepare(server_url)
    queue = f"chitieu-test-{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("CHITIEU_QUEUE", queue)
    documents: list[int] = []
    for url, name in (("amqp://guest:guest@127.0.0.1:1//", "broker-down.txt"), (BROKER, "broker-up.txt")):
        monkeypatch.setenv("CHITIEU_BROKER_URL", url)
        with TestClient(create_app(site.database, WebSettings()), base_url="http://testserver") as client:
            assert isinstance(client.app.state.jobs, BrokerQueue)  # type: ignore[attr-defined]
            answer = client.post("/api/v1/documents", files={"file": (name, (REPORT_TEXT + name).encode())},
                                 data={"plan": PLAN}, headers=site.headers("office"))
            assert answer.status_code == 202, answer.text
            assert answer.json()["status"] == "queued"
            documents.append(int(answer.json()["id"]))
    worker: subprocess.Popen[bytes] | None = None
    try:
        assert waiting_messages(BROKER, queue) == 1  # the second upload's message; the first never reached it
        with site.database.session() as s:
            assert set(s.scalars(sa.select(JobRow.status))) == {"queued"}  # the web server ran nothing itself
        env = os.environ | {"CHITIEU_DATABASE_URL": server_url, "CHITIEU_BROKER_URL": BROKER, "CHITIEU_QUEUE": queue,
                            "CHITIEU_JOB_LEASE": "2"}
        worker = _worker(env)

        def ended() -> bool:
            with site.database.session() as s:
                return set(s.scalars(sa.select(JobRow.status))) == {"done"}
        _wait(ended, 120)
        with site.database.session() as s:
            for document in documents:
                claims = s.scalar(sa.select(sa.func.count()).select_from(ClaimRow).where(ClaimRow.document_id == document))
                assert claims and claims >= 3
            assert [j.attempts for j in s.scalars(sa.select(JobRow))] == [1, 1]
    finally:
        if worker is not None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
        _delete_queue(BROKER, queue)
        site.database.close()


def test_without_a_broker_the_web_server_runs_the_upload_itself(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient
    from tests.web.conftest import PLAN, REPORT_TEXT, prepare, wait_for_document

    from chitieu.web.app import create_app
    from chitieu.web.settings import WebSettings
    from chitieu.workers.runner import InProcessRunner

    monkeypatch.delenv("CHITIEU_BROKER_URL", raising=False)
    site = prepare(database_url)
    try:
        with TestClient(create_app(site.database, WebSettings()), base_url="http://testserver") as client:
            assert isinstance(client.app.state.jobs, InProcessRunner)  # type: ignore[attr-defined]
            answer = client.post("/api/v1/documents", files={"file": ("bao-cao.txt", REPORT_TEXT.encode())},
                                 data={"plan": PLAN}, headers=site.headers("office"))
            assert answer.status_code == 202
            state = wait_for_document(client, int(answer.json()["id"]), site.headers("office"))
            assert state["status"] == "done" and int(state["claims"]) >= 3  # type: ignore[call-overload]
    finally:
        site.database.close()
