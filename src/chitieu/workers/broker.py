"""Jobs on a real queue: Celery on RabbitMQ or Redis when ``CHITIEU_BROKER_URL`` is set (``chitieu worker``).

The database is the truth about a job (jobs table: queued, running with its worker and heartbeat, done,
failed with the Vietnamese reason); a broker message only says "job N may be run". Messages are
acknowledged late (after the job has finished) and given back to the queue when the worker that held one
is lost (``task_reject_on_worker_lost``; RabbitMQ requeues the unacknowledged message of a closed
connection at once), so ``kill -9`` of a worker loses nothing: another worker gets the message, waits
for the dead worker's lease to run out (no heartbeat) and takes the job over. Nothing is doubled: the
claims of a document are stored in one transaction that locks its row and stores them only once, and a
worker that lost its lease cannot finish a job another worker holds.
"""

from __future__ import annotations

import logging
import os
import socket
from functools import lru_cache
from typing import Any

from chitieu.messages import ChitieuError
from chitieu.services.database import Database

log = logging.getLogger("chitieu.workers")

BROKER_ENV = "CHITIEU_BROKER_URL"
QUEUE_ENV = "CHITIEU_QUEUE"
TASK = "chitieu.run_job"
_STATE: dict[str, Any] = {}  # the worker process's database and name, set by ``serve_worker``


def broker_url() -> str | None:
    """The configured broker (amqp://…, redis://…), or None for the embedded in-process default."""
    return os.environ.get(BROKER_ENV) or None


def queue_name() -> str:
    return os.environ.get(QUEUE_ENV) or "chitieu"


@lru_cache(maxsize=4)
def celery_app(url: str, queue: str) -> Any:
    """The Celery application of one broker and queue (late acknowledgement, one message at a time)."""
    from celery import Celery

    app = Celery("chitieu", broker=url, set_as_current=False)
    app.conf.update(
        task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
        task_default_queue=queue, task_serializer="json", accept_content=["json"], result_backend=None,
        task_ignore_result=True, broker_connection_retry_on_startup=True, worker_hijack_root_logger=False,
        worker_send_task_events=False, broker_transport_options={"visibility_timeout": 3600},
    )

    @app.task(name=TASK, bind=True, max_retries=None, acks_late=True)  # type: ignore[untyped-decorator]
    def run(self: Any, job_id: int) -> None:
        from chitieu.workers.jobs import run_job_leased

        database: Database = _STATE["database"]
        outcome = run_job_leased(database, int(job_id), _STATE["worker"])
        if outcome.retry_in is not None:  # another worker's live lease, or a transient failure (back-off)
            raise self.retry(countdown=outcome.retry_in)

    return app


class BrokerQueue:
    """The web application's queue when a broker is configured: an upload's job goes to the workers."""

    def __init__(self, database: Database, url: str, queue: str | None = None) -> None:
        self.database = database
        self.app = celery_app(url, queue or queue_name())

    def start(self) -> None:
        return None

    def submit(self, job_id: int) -> None:
        self.app.send_task(TASK, args=[job_id])

    def shutdown(self) -> None:
        return None


def publish(url: str, job_ids: list[int], queue: str | None = None) -> None:
    app = celery_app(url, queue or queue_name())
    for job_id in job_ids:
        app.send_task(TASK, args=[job_id])


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def serve_worker(database: Database, url: str, queue: str | None = None) -> None:
    """Run one worker process until stopped: first give the queue every job waiting in the database (queued,
    or running under a lease that ran out), then take messages one at a time."""
    from chitieu.workers.jobs import claimable_jobs

    queue = queue or queue_name()
    _STATE.update(database=database, worker=worker_name())
    app = celery_app(url, queue)
    try:
        publish(url, claimable_jobs(database), queue)
    except Exception as exc:  # the broker cannot be reached: say so in Vietnamese
        raise ChitieuError("worker_broker_unreachable", url=url, reason=type(exc).__name__) from exc
    app.worker_main(["worker", "--pool=solo", "--concurrency=1", "--loglevel=WARNING", "--without-gossip",
                     "--without-mingle", "--without-heartbeat", "-Q", queue, "-n", f"chitieu-{os.getpid()}@%h"])
