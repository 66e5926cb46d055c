"""Job state in the database and the one function that runs a job, whoever calls it."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from chitieu.messages import ChitieuError, msg
from chitieu.services.database import Database
from chitieu.store.models_web import JobRow

log = logging.getLogger("chitieu.workers")

Progress = Callable[[int, str], None]
# A task reads what it needs, does the work and writes its result in one transaction; it returns a summary.
Task = Callable[[Database, JobRow, Progress], dict[str, Any]]


class JobQueue(Protocol):
    """What runs jobs: the in-process thread pool here, a broker-backed pool later (issue #11)."""

    def start(self) -> None: ...

    def submit(self, job_id: int) -> None: ...

    def shutdown(self) -> None: ...


@dataclass(frozen=True, slots=True)
class JobState:
    id: int
    kind: str
    status: str  # queued | running | done | failed
    progress: int
    stage: str
    reason: str
    error_code: str
    result: dict[str, Any] | None
    source_document_id: int | None
    created_at: datetime
    finished_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "status": self.status, "progress": self.progress, "stage": self.stage,
            "reason": self.reason, "error_code": self.error_code, "result": self.result,
            "created_at": self.created_at.isoformat(), "finished_at": self.finished_at.isoformat() if self.finished_at else None,
        }


def _now() -> datetime:
    return datetime.now(UTC)


def state_of(row: JobRow) -> JobState:
    return JobState(row.id, row.kind, row.status, row.progress, row.stage, row.reason, row.error_code, row.result,
                    row.source_document_id, row.created_at, row.finished_at)


def job_state(session: Session, job_id: int) -> JobState:
    row = session.get(JobRow, job_id)
    if row is None:
        raise ChitieuError("job_not_found", id=job_id)
    return state_of(row)


def enqueue(session: Session, *, kind: str, key: str, params: dict[str, Any], created_by: str, workspace: str,
            file_id: int | None = None, source_document_id: int | None = None) -> tuple[JobRow, bool]:
    """The job for (kind, key): an existing one is returned (a failed one queued again); else a new one."""
    row = session.scalar(select(JobRow).where(JobRow.kind == kind, JobRow.key == key))
    if row is not None:
        if row.status == "failed":
            row.status, row.progress, row.stage, row.reason, row.error_code = "queued", 0, msg("job_queued"), "", ""
            row.finished_at = None
            return row, True
        return row, False
    row = JobRow(kind=kind, key=key, workspace=workspace, status="queued", progress=0, stage=msg("job_queued"),
                 reason="", error_code="", attempts=0, params=params, file_id=file_id,
                 source_document_id=source_document_id, created_by=created_by, created_at=_now())
    session.add(row)
    session.flush()
    return row, True


def _claim(database: Database, job_id: int) -> JobRow | None:
    """Move the job from queued to running, atomically: of two runners only one gets it."""
    with database.session() as session:
        result = session.execute(
            update(JobRow).where(JobRow.id == job_id, JobRow.status == "queued")
            .values(status="running", started_at=_now(), attempts=JobRow.attempts + 1, progress=1)
        )
        moved = getattr(result, "rowcount", 0)  # a DML result (CursorResult) counts the rows it touched
        if not moved:
            return None
        return session.get(JobRow, job_id)


def _progress(database: Database, job_id: int) -> Progress:
    def report(percent: int, stage: str) -> None:
        with database.session() as session:
            session.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status == "running")
                            .values(progress=max(1, min(99, percent)), stage=stage))
    return report


def _finish(database: Database, job_id: int, **values: Any) -> None:
    with database.session() as session:
        session.execute(update(JobRow).where(JobRow.id == job_id).values(finished_at=_now(), **values))


def run_job(database: Database, job_id: int, tasks: dict[str, Task] | None = None) -> JobState | None:
    """Run a queued job to its end; None when it was not queued (already taken, done or unknown)."""
    from chitieu.workers.ingest import run_ingest

    known: dict[str, Task] = tasks or {"ingest": run_ingest}
    job = _claim(database, job_id)
    if job is None:
        return None
    task = known.get(job.kind)
    try:
        if task is None:
            raise ChitieuError("job_unknown_kind", kind=job.kind)
        result = task(database, job, _progress(database, job_id))
    except ChitieuError as exc:
        _finish(database, job_id, status="failed", reason=exc.message, error_code=exc.code, progress=100, stage="")
    except Exception as exc:  # a fault of ours: kept with a Vietnamese reason, never a traceback for the user
        log.exception("job %s failed", job_id)
        reason = msg("job_failed_unexpected", reason=type(exc).__name__)
        _finish(database, job_id, status="failed", reason=reason, error_code="internal_error", progress=100, stage="")
    else:
        _finish(database, job_id, status="done", result=result, progress=100,
                stage=msg("job_done", claims=result.get("claims", 0)))
    with database.session() as session:
        return job_state(session, job_id)


def requeue_interrupted(database: Database) -> list[int]:
    """Jobs left running by a process that stopped go back to the queue; all queued ids are returned."""
    with database.session() as session:
        session.execute(update(JobRow).where(JobRow.status == "running")
                        .values(status="queued", progress=0, stage=msg("job_interrupted")))
        return list(session.scalars(select(JobRow.id).where(JobRow.status == "queued").order_by(JobRow.id)))


# ---- leased runs: the workers of a broker queue (workers/broker.py) ----

LEASE_ENV = "CHITIEU_JOB_LEASE"
MAX_ATTEMPTS = 3  # a job that fails for a reason of ours (not the document's) is tried this many times
TRANSIENT_CODES = frozenset({"database_busy", "database_error", "database_unreachable"})


def lease_seconds() -> float:
    """How long a running job belongs to its worker without a heartbeat (``CHITIEU_JOB_LEASE``, default 60)."""
    try:
        return max(1.0, float(os.environ.get(LEASE_ENV, "60")))
    except ValueError:
        return 60.0


def backoff_seconds(attempts: int) -> float:
    """Wait before trying a job again: 2, 4, 8 … seconds (capped at five minutes)."""
    return float(min(300, 2 ** max(1, attempts)))


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one delivery of a job: its state, and when to look at it again (None: never)."""

    state: JobState | None
    retry_in: float | None = None


def _claim_leased(database: Database, job_id: int, worker: str, lease: float) -> tuple[JobRow | None, str]:
    """Take the job if it is queued, or running under a lease that ran out (its worker died); else say why not."""
    now = _now()
    expired = now - timedelta(seconds=lease)
    with database.session(write=True) as session:
        result = session.execute(
            update(JobRow).where(JobRow.id == job_id, or_(
                JobRow.status == "queued",
                and_(JobRow.status == "running", or_(JobRow.heartbeat_at.is_(None), JobRow.heartbeat_at < expired)),
            )).values(status="running", started_at=now, heartbeat_at=now, claimed_by=worker,
                      attempts=JobRow.attempts + 1, progress=1)
        )
        if getattr(result, "rowcount", 0):
            return session.get(JobRow, job_id), "claimed"
        status = session.scalar(select(JobRow.status).where(JobRow.id == job_id))
        return None, status or "unknown"


class _Heartbeat:
    """Keeps the worker's lease on a job alive while the job runs (a thread; stops with the job)."""

    def __init__(self, database: Database, job_id: int, worker: str, lease: float) -> None:
        self.database, self.job_id, self.worker = database, job_id, worker
        self.every = max(0.2, lease / 4)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"chitieu-heartbeat-{job_id}", daemon=True)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _beat(self) -> None:
        while not self._stop.wait(self.every):
            try:
                with self.database.session() as session:
                    session.execute(update(JobRow).where(JobRow.id == self.job_id, JobRow.claimed_by == self.worker,
                                                         JobRow.status == "running").values(heartbeat_at=_now()))
            except Exception:  # a missed beat is retried at the next one
                log.warning("heartbeat of job %s missed", self.job_id)


def _finish_owned(database: Database, job_id: int, worker: str, **values: Any) -> bool:
    """Finish the job only if this worker still holds it (a worker presumed dead cannot overwrite)."""
    values.setdefault("finished_at", _now())
    with database.session(write=True) as session:
        result = session.execute(update(JobRow).where(JobRow.id == job_id, JobRow.claimed_by == worker,
                                                      JobRow.status == "running").values(**values))
        return bool(getattr(result, "rowcount", 0))


def run_job_leased(database: Database, job_id: int, worker: str, tasks: dict[str, Task] | None = None, *,
                   lease: float | None = None, max_attempts: int = MAX_ATTEMPTS) -> Outcome:
    """Run one delivery of a job under a lease. A job another live worker holds is looked at again after a
    while; a failure of ours (not of the document) is retried with back-off up to ``max_attempts``; a
    document that cannot be read fails at once with its Vietnamese reason."""
    from chitieu.workers.ingest import run_ingest

    lease = lease or lease_seconds()
    known: dict[str, Task] = tasks or {"ingest": run_ingest}
    job, why = _claim_leased(database, job_id, worker, lease)
    if job is None:
        return Outcome(None, lease / 2 if why == "running" else None)
    task = known.get(job.kind)
    retry: float | None = None
    try:
        with _Heartbeat(database, job_id, worker, lease):
            if task is None:
                raise ChitieuError("job_unknown_kind", kind=job.kind)
            result = task(database, job, _progress(database, job_id))
    except ChitieuError as exc:
        if exc.code in TRANSIENT_CODES and job.attempts < max_attempts:
            retry = backoff_seconds(job.attempts)
            _finish_owned(database, job_id, worker, status="queued", finished_at=None, progress=0,
                          stage=msg("job_retrying", attempt=job.attempts, seconds=int(retry)), reason=exc.message)
        else:
            _finish_owned(database, job_id, worker, status="failed", reason=exc.message, error_code=exc.code,
                          progress=100, stage="")
    except Exception as exc:  # a fault of ours: retried, then kept with a Vietnamese reason
        log.exception("job %s failed", job_id)
        reason = msg("job_failed_unexpected", reason=type(exc).__name__)
        if job.attempts < max_attempts:
            retry = backoff_seconds(job.attempts)
            _finish_owned(database, job_id, worker, status="queued", finished_at=None, progress=0,
                          stage=msg("job_retrying", attempt=job.attempts, seconds=int(retry)), reason=reason)
        else:
            _finish_owned(database, job_id, worker, status="failed", reason=reason, error_code="internal_error",
                          progress=100, stage="")
    else:
        _finish_owned(database, job_id, worker, status="done", result=result, progress=100,
                      stage=msg("job_done", claims=result.get("claims", 0)))
    with database.session() as session:
        return Outcome(job_state(session, job_id), retry)


def _expired(lease: float) -> Any:
    """Running, with no heartbeat for ``lease`` seconds: its worker is gone."""
    cutoff = _now() - timedelta(seconds=lease)
    return and_(JobRow.status == "running", or_(JobRow.heartbeat_at.is_(None), JobRow.heartbeat_at < cutoff))


def claimable_jobs(database: Database, lease: float | None = None) -> list[int]:
    """Jobs a worker may take now: queued, or running under a lease that ran out."""
    with database.session() as session:
        return list(session.scalars(select(JobRow.id).where(or_(
            JobRow.status == "queued", _expired(lease or lease_seconds()))).order_by(JobRow.id)))


def release_expired(database: Database, lease: float | None = None) -> list[int]:
    """Put the jobs of workers whose lease ran out back to queued and return their ids: one UPDATE, so of
    several workers sweeping at once each job is released (and sent again) by one only."""
    with database.session(write=True) as session:
        rows = session.execute(
            update(JobRow).where(_expired(lease or lease_seconds()))
            .values(status="queued", progress=0, stage=msg("job_interrupted"))
            .returning(JobRow.id)
        )
        return sorted(int(r[0]) for r in rows)


def stranded_jobs(database: Database, older_than: float) -> list[int]:
    """Queued jobs untouched (not created, not started) for ``older_than`` seconds: when no message waits
    in the broker's queue, no message stands for them."""
    cutoff = _now() - timedelta(seconds=older_than)
    with database.session() as session:
        return list(session.scalars(select(JobRow.id).where(
            JobRow.status == "queued", func.coalesce(JobRow.started_at, JobRow.created_at) <= cutoff,
        ).order_by(JobRow.id)))
