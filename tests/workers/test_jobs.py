"""The job interface: idempotent enqueue by hash, one runner per job, failures kept with a Vietnamese reason,
interrupted jobs queued again, claims stored once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from chitieu.domain.actors import Actor
from chitieu.services.database import Database, open_database
from chitieu.services.datasets import demo_dataset, install_dataset
from chitieu.store.models_web import JobRow
from chitieu.workers import enqueue_ingest, job_state, run_job
from chitieu.workers.jobs import requeue_interrupted

OFFICE = Actor("lan", role="office", via="api")
TEXT = "Năm 2024, tỷ lệ che phủ rừng đạt 51,2%. Tốc độ tăng trưởng GRDP ước đạt 7,5%.\n".encode()
LIMIT = 1_000_000


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_database(database_url)
    with db.session(write=True) as session:
        install_dataset(session, Actor("test", role="admin"), demo_dataset().name)
    yield db
    db.close()


def _enqueue(db: Database, content: bytes = TEXT, name: str = "bao-cao.txt") -> tuple[int, int, bool]:
    with db.session(write=True) as session:
        source, job, queued = enqueue_ingest(session, OFFICE, file_name=name, content=content, plan_code=None, limit=LIMIT)
        return source.id, job.id, queued


def _claims(db: Database, source_id: int) -> int:
    with db.session() as session:
        return int(session.execute(sa.text("SELECT count(*) FROM claims WHERE document_id = :d"), {"d": source_id}).scalar_one())


def test_enqueue_is_idempotent_by_hash(database: Database) -> None:
    first = _enqueue(database)
    second = _enqueue(database, name="ten-khac.txt")
    assert first[:2] == second[:2] and first[2] is True and second[2] is False
    with database.session() as session:
        state = job_state(session, first[1])
        assert state.status == "queued" and state.stage == "Đang chờ xử lý"
        assert session.get(JobRow, first[1]).params["plan_code"] == "LC-XIV"  # the plan with most indicators


def test_run_job_once_then_done(database: Database) -> None:
    source_id, job_id, _ = _enqueue(database)
    seen: list[tuple[int, str]] = []
    from chitieu.workers.ingest import run_ingest

    def recording(db: Database, job: JobRow, progress: Any) -> dict[str, Any]:
        return run_ingest(db, job, lambda p, s: (seen.append((p, s)), progress(p, s)))

    state = run_job(database, job_id, {"ingest": recording})
    assert state is not None and state.status == "done" and state.progress == 100
    assert [p for p, _ in seen] == sorted(p for p, _ in seen) and seen[0][1] == "Đang đọc văn bản"
    count = _claims(database, source_id)
    assert count >= 2 and state.result and state.result["claims"] == count
    assert run_job(database, job_id) is None  # not queued any more: nobody runs it twice
    assert _claims(database, source_id) == count


def test_failure_keeps_a_vietnamese_reason_and_writes_nothing(database: Database) -> None:
    source_id, job_id, _ = _enqueue(database, content=b"\xef\xbb\xbf" + "Tệp có nội dung".encode())

    def broken(db: Database, job: JobRow, progress: Any) -> dict[str, Any]:
        progress(40, "Đang trích xuất")
        raise RuntimeError("boom")

    state = run_job(database, job_id, {"ingest": broken})
    assert state is not None and state.status == "failed" and state.error_code == "internal_error"
    assert state.reason.startswith("Lỗi không mong đợi") and "Traceback" not in state.reason
    assert _claims(database, source_id) == 0
    again = _enqueue(database, content=b"\xef\xbb\xbf" + "Tệp có nội dung".encode())
    assert again[1] == job_id and again[2] is True  # a failed job is queued again
    with database.session() as session:
        assert job_state(session, job_id).status == "queued"


def test_interrupted_jobs_are_queued_again(database: Database) -> None:
    _, job_id, _ = _enqueue(database)
    with database.session(write=True) as session:
        session.execute(sa.update(JobRow).where(JobRow.id == job_id).values(status="running", progress=40))
    assert requeue_interrupted(database) == [job_id]
    state = run_job(database, job_id)
    assert state is not None and state.status == "done"


def test_a_second_run_after_a_crash_stores_claims_once(database: Database) -> None:
    source_id, job_id, _ = _enqueue(database)
    assert run_job(database, job_id) is not None
    count = _claims(database, source_id)
    with database.session(write=True) as session:  # as if the process died after the commit
        session.execute(sa.update(JobRow).where(JobRow.id == job_id).values(status="queued"))
    assert run_job(database, job_id) is not None
    assert _claims(database, source_id) == count


def test_leased_claim_retries_with_backoff_then_fails_with_a_reason(database: Database) -> None:
    from chitieu.workers.jobs import backoff_seconds, claimable_jobs, run_job_leased

    source_id, job_id, _ = _enqueue(database, content=b"\xef\xbb\xbf" + "Một tệp khác".encode())
    calls: list[int] = []

    def flaky(db: Database, job: JobRow, progress: Any) -> dict[str, Any]:
        calls.append(job.attempts)
        raise OSError("đĩa đầy")

    first = run_job_leased(database, job_id, "host:1", {"ingest": flaky}, lease=30)
    assert first.retry_in == backoff_seconds(1) == 2 and first.state is not None and first.state.status == "queued"
    assert first.state.reason.startswith("Lỗi không mong đợi")
    assert claimable_jobs(database, lease=30) == [job_id]
    assert run_job_leased(database, job_id, "host:2", {"ingest": flaky}, lease=30).retry_in == 4
    last = run_job_leased(database, job_id, "host:1", {"ingest": flaky}, lease=30)
    assert last.retry_in is None and last.state is not None and last.state.status == "failed"
    assert calls == [1, 2, 3] and _claims(database, source_id) == 0


def test_a_live_lease_is_not_taken_and_an_expired_one_is(database: Database) -> None:
    from datetime import UTC, datetime, timedelta

    from chitieu.workers.jobs import run_job_leased

    _, job_id, _ = _enqueue(database, content=b"\xef\xbb\xbf" + "Tệp thứ ba".encode())
    with database.session(write=True) as session:
        session.execute(sa.update(JobRow).where(JobRow.id == job_id).values(
            status="running", claimed_by="host:9", heartbeat_at=datetime.now(UTC), attempts=1))
    busy = run_job_leased(database, job_id, "host:1", lease=30)
    assert busy.state is None and busy.retry_in == 15  # looked at again later, not run twice
    with database.session(write=True) as session:  # host:9 died: no heartbeat for longer than the lease
        session.execute(sa.update(JobRow).where(JobRow.id == job_id).values(
            heartbeat_at=datetime.now(UTC) - timedelta(seconds=31)))
    done = run_job_leased(database, job_id, "host:1", lease=30)
    assert done.state is not None and done.state.status == "done"
    with database.session() as session:
        row = session.get(JobRow, job_id)
        assert row is not None and row.claimed_by == "host:1" and row.attempts == 2


def test_enqueue_without_a_broker_runs_the_jobs_here(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'c.db'}"
    env = {k: v for k, v in os.environ.items() if k != "CHITIEU_BROKER_URL"} | {"CHITIEU_DATABASE_URL": url}
    run = [sys.executable, "-m", "chitieu.cli.main"]
    assert subprocess.run([*run, "dataset", "install", "laichau_xiv"], env=env, capture_output=True, check=False).returncode == 0
    doc = tmp_path / "bao-cao.txt"
    doc.write_text("Năm 2023, tỷ lệ che phủ rừng đạt 52,5%.\nThu ngân sách đạt 2.345 tỷ đồng.\n", encoding="utf-8")
    first = subprocess.run([*run, "enqueue", str(doc)], env=env, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert "đã xếp hàng" in first.stdout and "Đã xong" in first.stdout
    again = subprocess.run([*run, "enqueue", str(doc)], env=env, capture_output=True, text=True, check=False)
    assert "đã có từ trước" in again.stdout
    worker = subprocess.run([*run, "worker"], env=env, capture_output=True, text=True, check=False)
    assert worker.returncode != 0 and "CHITIEU_BROKER_URL" in worker.stderr and "Traceback" not in worker.stderr
    import json

    listed = subprocess.run([*run, "jobs", "--format", "json"], env=env, capture_output=True, text=True, check=False)
    assert listed.returncode == 0, listed.stderr
    [line] = json.loads(listed.stdout)
    assert line["status"] == "done" and line["attempts"] == 1 and line["file_name"] == "bao-cao.txt"
    assert line["claims"] == int(first.stdout.split("Đã xong: ")[1].split()[0]) >= 2  # counted in the claims table
    other = tmp_path / "bao-cao-2.txt"
    other.write_text("Năm 2024, tỷ lệ che phủ rừng đạt 53,0%.\n", encoding="utf-8")
    down = subprocess.run([*run, "enqueue", str(other), "--broker", "amqp://guest:secret@127.0.0.1:1//"], env=env,
                          capture_output=True, text=True, check=False)
    assert down.returncode != 0 and "Traceback" not in down.stderr + down.stdout
    assert "không gửi được tới hàng đợi" in down.stderr and "secret" not in down.stderr  # the password hidden
    queued = subprocess.run([*run, "jobs", "--status", "queued", "--format", "json"], env=env, capture_output=True,
                            text=True, check=False)
    assert [j["file_name"] for j in json.loads(queued.stdout)] == ["bao-cao-2.txt"]  # kept, waiting for a worker
    table = subprocess.run([*run, "jobs"], env=env, capture_output=True, text=True, check=False)
    assert f"2 công việc: 1 đã xong, 0 đang chạy, 1 đang chờ, 0 lỗi; {line['claims']} đề xuất đã lưu." in table.stdout
    bad = subprocess.run([*run, "jobs", "--status", "xong"], env=env, capture_output=True, text=True, check=False)
    assert bad.returncode != 0 and "Trạng thái «xong» không hợp lệ" in bad.stderr


def test_a_sweep_releases_expired_leases_once_and_finds_stranded_jobs(database: Database) -> None:
    from datetime import UTC, datetime, timedelta

    from chitieu.workers.jobs import release_expired, stranded_jobs

    _, live, _ = _enqueue(database)
    _, dead, _ = _enqueue(database, content=TEXT + b"2", name="b.txt")
    _, waiting, _ = _enqueue(database, content=TEXT + b"3", name="c.txt")
    now = datetime.now(UTC)
    with database.session(write=True) as session:
        session.execute(sa.update(JobRow).where(JobRow.id == live).values(
            status="running", claimed_by="host:1", started_at=now, heartbeat_at=now))
        session.execute(sa.update(JobRow).where(JobRow.id == dead).values(
            status="running", claimed_by="host:2", started_at=now - timedelta(seconds=100),
            heartbeat_at=now - timedelta(seconds=61)))
        session.execute(sa.update(JobRow).where(JobRow.id == waiting).values(created_at=now - timedelta(seconds=120)))
    assert release_expired(database, lease=60) == [dead]
    assert release_expired(database, lease=60) == []  # released once: of two sweeping workers one sends it
    with database.session() as session:
        assert session.get(JobRow, dead).status == "queued"  # type: ignore[union-attr]
        assert session.get(JobRow, live).status == "running"  # type: ignore[union-attr]
    assert stranded_jobs(database, older_than=60) == [dead, waiting]  # started 100 s ago; created 120 s ago
    assert stranded_jobs(database, older_than=110) == [waiting]
