"""What the queue holds for one workspace: each job with its document, worker, attempts and stored claims.

``chitieu jobs`` prints it; the claims are counted in the claims table (not taken from the job's result),
so that a check after a crash sees what is really stored: none lost, none doubled.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chitieu.domain.actors import Actor, Permission
from chitieu.messages import ChitieuError
from chitieu.store.models import ClaimRow
from chitieu.store.models_web import JobRow

STATUSES = ("queued", "running", "done", "failed")


@dataclass(frozen=True, slots=True)
class JobLine:
    id: int
    file_name: str
    status: str
    attempts: int
    worker: str
    claims: int
    stage: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_jobs(session: Session, actor: Actor, status: str | None = None) -> list[JobLine]:
    """The workspace's jobs (oldest first), optionally of one status."""
    from chitieu.services.workspaces import workspace_id

    workspace_id(session, actor, Permission.READ)  # checks the actor may read the workspace
    if status is not None and status not in STATUSES:
        raise ChitieuError("jobs_bad_status", value=status[:50], allowed=", ".join(STATUSES))
    counts = (select(ClaimRow.document_id, func.count(ClaimRow.id).label("n"))
              .group_by(ClaimRow.document_id).subquery())
    query = (select(JobRow, func.coalesce(counts.c.n, 0))
             .outerjoin(counts, counts.c.document_id == JobRow.source_document_id)
             .where(JobRow.workspace == actor.workspace).order_by(JobRow.id))
    if status is not None:
        query = query.where(JobRow.status == status)
    lines: list[JobLine] = []
    for job, claims in session.execute(query).tuples():
        lines.append(JobLine(job.id, str((job.params or {}).get("file_name") or ""), job.status, job.attempts,
                             job.claimed_by or "", int(claims), job.stage, job.reason))
    return lines
