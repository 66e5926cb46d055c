"""The embedded job runner: a small thread pool in the web server's process."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from chitieu.services.database import Database
from chitieu.workers.jobs import requeue_interrupted, run_job

log = logging.getLogger("chitieu.workers")


class InProcessRunner:
    """Runs jobs in ``workers`` threads; on start, takes up what a previous process left queued or running."""

    def __init__(self, database: Database, workers: int = 1, semantic: bool = False) -> None:
        self.database = database
        self.workers = max(1, workers)
        self.semantic = semantic
        self._pool: ThreadPoolExecutor | None = None

    def start(self) -> None:
        if self._pool is not None:
            return
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="chitieu-job")
        for job_id in requeue_interrupted(self.database):
            self.submit(job_id)

    def submit(self, job_id: int) -> None:
        if self._pool is None:
            self.start()
        assert self._pool is not None
        self._pool.submit(partial(self._run, job_id))

    def _run(self, job_id: int) -> None:
        from chitieu.workers.ingest import ingest_task

        try:
            run_job(self.database, job_id, {"ingest": ingest_task(semantic=self.semantic)})
        except Exception:  # the pool must keep running whatever one job does
            log.exception("job runner: job %s", job_id)

    def shutdown(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
