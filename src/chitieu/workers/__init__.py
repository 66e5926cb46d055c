"""Background jobs: document ingestion (read, extract, link) outside the web request.

The interface the web (and later a real queue, issue #11) uses:

- ``enqueue_ingest(session, actor, file_name=..., content=..., plan_code=...)`` stores the file and a
  *queued* job in the caller's transaction; idempotent on the document's SHA-256 (the same file again
  gives the same document and job back; a failed one is queued again);
- ``JobQueue.submit(job_id)`` after the commit hands the job to whatever runs jobs;
- ``run_job(database, job_id)`` does the work: queued → running → done | failed (with a Vietnamese
  reason), progress 0–100 kept in the ``jobs`` table so any process can show it;
- ``job_state(session, job_id)``.

``InProcessRunner`` (a thread pool) is the embedded default.
"""

from chitieu.workers.ingest import enqueue_ingest
from chitieu.workers.jobs import JobQueue, JobState, job_state, run_job

__all__ = ["JobQueue", "JobState", "enqueue_ingest", "job_state", "run_job"]
