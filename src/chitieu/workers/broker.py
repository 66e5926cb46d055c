"""Jobs on a real queue: Celery on RabbitMQ or Redis when ``CHITIEU_BROKER_URL`` is set (``chitieu worker``).

The database is the truth about a job (jobs table: queued, running with its worker and heartbeat, done,
failed with the Vietnamese reason); a broker message only says "job N may be run". Messages are
acknowledged late (after the job has finished); RabbitMQ gives the unacknowledged message of a closed
connection to another worker at once, Redis only after its visibility timeout. Neither is relied upon:
every worker also sweeps the jobs table (``sweep``) and sends again what the broker lost — the job of a
worker whose lease ran out (killed, machine gone) and queued jobs no message stands for (the broker was
down when they were queued). Nothing is doubled: a job is claimed with one conditional UPDATE, the claims
of a document are stored in one transaction that locks its row and stores them only once, and a worker
that lost its lease cannot finish a job another worker holds.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from functools import lru_cache
from typing import Any

from chitieu.messages import ChitieuError
from chitieu.services.database import Database

log = logging.getLogger("chitieu.workers")

BROKER_ENV = "CHITIEU_BROKER_URL"
QUEUE_ENV = "CHITIEU_QUEUE"
TASK = "chitieu.run_job"
_STATE: dict[str, Any] = {}  # the worker process's database and name, set by ``serve_worker``
# A send that cannot reach the broker gives up after about a second: the job stays queued in the database
# and a worker's sweep sends it later, so a web upload never waits long on a broker that is down.
PUBLISH_RETRY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}


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
        task_publish_retry_policy=PUBLISH_RETRY,
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
        try:
            self.app.send_task(TASK, args=[job_id])
        except Exception:  # the broker is down: the job is safe in the database; a worker's sweep sends it
            log.warning("job %s queued but not sent to the broker; a worker's sweep will send it", job_id,
                        exc_info=True)

    def shutdown(self) -> None:
        return None


def publish(url: str, job_ids: list[int], queue: str | None = None) -> None:
    app = celery_app(url, queue or queue_name())
    for job_id in job_ids:
        app.send_task(TASK, args=[job_id])


def waiting_messages(url: str, queue: str | None = None) -> int | None:
    """How many messages wait in the broker's queue (not yet given to a worker); None when unknown."""
    from kombu.exceptions import ChannelError

    app = celery_app(url, queue or queue_name())
    try:
        with app.connection_for_write() as conn:
            return int(conn.default_channel.queue_declare(queue=queue or queue_name(), passive=True).message_count)
    except ChannelError:  # no such queue yet: nothing was ever sent to it
        return 0
    except Exception:  # the broker is down: the caller sends nothing it is unsure of
        return None


def sweep(database: Database, url: str, queue: str | None = None, *, stranded_after: float | None = None) -> list[int]:
    """Send again what the broker lost: jobs whose worker's lease ran out (put back to queued first, so
    that of several sweeping workers one sends each), and — when no message waits in the queue — queued
    jobs untouched for ``stranded_after`` seconds (default: the lease). Returns the job ids sent."""
    from chitieu.workers.jobs import lease_seconds, release_expired, stranded_jobs

    lease = lease_seconds()
    sent = release_expired(database, lease)
    if waiting_messages(url, queue) == 0:
        sent += [j for j in stranded_jobs(database, lease if stranded_after is None else stranded_after)
                 if j not in sent]
    if sent:
        publish(url, sent, queue)
        log.warning("sweep: sent jobs %s again", sent)
    return sent


class Sweeper:
    """Sweeps the jobs table every half lease while the worker runs (a daemon thread)."""

    def __init__(self, database: Database, url: str, queue: str, every: float) -> None:
        self.database, self.url, self.queue, self.every = database, url, queue, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chitieu-sweeper", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            try:
                sweep(self.database, self.url, self.queue)
            except Exception:  # the database or the broker went away for a moment: the next sweep retries
                log.warning("sweep failed", exc_info=True)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def warm_up() -> None:
    """Load what the first job would load (readers, extraction rules, linker) before taking messages, so
    that a worker's first document is not seconds slower than the others."""
    from chitieu.workers.ingest import warm_up as warm_ingest

    warm_ingest()


def serve_worker(database: Database, url: str, queue: str | None = None) -> None:
    """Run one worker process until stopped: warm up, send again what the database says is waiting and no
    message stands for, then take messages one at a time while sweeping every half lease."""
    from chitieu.workers.jobs import lease_seconds

    queue = queue or queue_name()
    _STATE.update(database=database, worker=worker_name())
    app = celery_app(url, queue)
    warm_up()
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1)
    except Exception as exc:  # the broker cannot be reached: say so in Vietnamese
        raise ChitieuError("worker_broker_unreachable", url=url, reason=type(exc).__name__) from exc
    try:
        sweep(database, url, queue, stranded_after=0)
    except Exception:
        log.warning("first sweep failed", exc_info=True)
    sweeper = Sweeper(database, url, queue, every=max(0.5, lease_seconds() / 2))
    sweeper.start()
    try:
        # One job at a time in one thread of the pool, not the "solo" pool: with solo the job runs inside the
        # consumer's event loop, and on RabbitMQ the next message then often waited 7–10 s before the loop saw
        # it (measured: a single worker idle two thirds of the time); Redis did not show it.
        app.worker_main(["--quiet", "worker", "--pool=threads", "--concurrency=1", "--loglevel=WARNING",
                         "--without-gossip", "--without-mingle", "--without-heartbeat", "-Q", queue,
                         "-n", f"chitieu-{os.getpid()}@%h"])
    finally:
        sweeper.stop()
