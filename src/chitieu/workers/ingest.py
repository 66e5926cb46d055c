"""The ingestion job: an uploaded document's bytes → text → claims (candidates) linked to a plan."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from chitieu.domain.actors import Actor, Permission
from chitieu.domain.indicators import Indicator
from chitieu.messages import ChitieuError, msg
from chitieu.services.database import Database
from chitieu.services.uploads import sha256_of, sniff_upload
from chitieu.store.models import ClaimRow, PlanRow, SourceDocumentRow
from chitieu.store.models_web import JobRow, StoredFileRow
from chitieu.workers.jobs import Progress, Task, enqueue

KIND = "ingest"
CLAIMS = cast(Table, ClaimRow.__table__)  # the table itself: a plain multi-row INSERT, no ORM objects


def enqueue_ingest(
    session: Session, actor: Actor, *, file_name: str, content: bytes, plan_code: str | None, limit: int
) -> tuple[SourceDocumentRow, JobRow, bool]:
    """Store the upload and queue its ingestion (in the caller's transaction).

    Idempotent by the document's hash: the same bytes give the same document and job back (``False``),
    a job that failed is queued again (``True``). The caller submits the job to a queue after commit.
    """
    from chitieu.services.events import record_event
    from chitieu.services.workspaces import workspace_id

    ws = workspace_id(session, actor, Permission.REPORT_FIGURES)
    kind = sniff_upload(file_name, content, limit)
    if plan_code is None:
        plan_code = main_plan_code(session, ws)
    elif session.scalar(select(PlanRow.id).where(PlanRow.workspace_id == ws, PlanRow.code == plan_code)) is None:
        raise ChitieuError("plan_not_found", code=plan_code)
    sha = sha256_of(content)
    now = datetime.now(UTC)
    stored = session.scalar(select(StoredFileRow).where(StoredFileRow.sha256 == sha))
    if stored is None:
        stored = StoredFileRow(sha256=sha, file_name=file_name, size=len(content), content=content, text="",
                               created_at=now)
        session.add(stored)
    source = session.scalar(select(SourceDocumentRow).where(SourceDocumentRow.workspace_id == ws,
                                                             SourceDocumentRow.sha256 == sha))
    if source is None:
        source = SourceDocumentRow(workspace_id=ws, file_name=file_name, sha256=sha, kind=kind, text_length=0,
                                   ingested_at=now)
        session.add(source)
    session.flush()
    job, queued = enqueue(
        session, kind=KIND, key=f"{actor.workspace}:{sha}",
        params={"plan_code": plan_code, "file_name": file_name, "actor": actor.name, "role": actor.role},
        created_by=actor.name, workspace=actor.workspace, file_id=stored.id, source_document_id=source.id,
    )
    if queued:
        record_event(session, actor, action="document.upload", entity="source_document", entity_id=source.id,
                     key=sha, after={"file": file_name, "plan": plan_code, "job": job.id},
                     context={"file": file_name, "plan": plan_code})
    return source, job, queued


def main_plan_code(session: Session, ws: int) -> str | None:
    """The plan a document is linked to when the uploader names none: the one with the most indicators."""
    from chitieu.store.models import IndicatorRow

    row = session.execute(
        select(PlanRow.code, func.count(IndicatorRow.id).label("n"))
        .join(IndicatorRow, IndicatorRow.plan_id == PlanRow.id).where(PlanRow.workspace_id == ws)
        .group_by(PlanRow.id, PlanRow.code).order_by(func.count(IndicatorRow.id).desc(), PlanRow.id).limit(1)
    ).first()
    return str(row[0]) if row is not None else None


def read_stored_file(content: bytes, file_name: str) -> Any:
    """Read the bytes with the hardened readers; messages name the uploaded file, not a temporary path."""
    from chitieu.readers import read_document

    suffix = Path(file_name).suffix.lower()[:10]
    with tempfile.TemporaryDirectory(prefix="chitieu-ingest-") as folder:
        path = Path(folder) / ("document" + suffix)
        path.write_bytes(content)
        try:
            return read_document(path)
        except ChitieuError as exc:
            exc.message = exc.message.replace(str(path), file_name)
            exc.args = (exc.message,)
            raise


def ingest_task(semantic: bool = False) -> Task:
    scorer: list[Any] = []

    def task(database: Database, job: JobRow, progress: Progress) -> dict[str, Any]:
        if semantic and not scorer:
            from chitieu.services.ingest import embedding_scorer

            scorer.append(embedding_scorer())
        return run_ingest(database, job, progress, semantic=scorer[0] if scorer else None)

    return task


def plan_indicators(session: Session, workspace_id: int, plan_code: str) -> list[Indicator]:
    """The plan's own indicators, as its bundle lists them (by id), with one query: linking needs only
    these, not the whole registry of the plan and its descendants (targets, values, documents)."""
    from sqlalchemy.orm import aliased

    from chitieu.domain import Polarity
    from chitieu.store.models import IndicatorGroupRow, IndicatorRow

    parent = aliased(IndicatorRow)
    rows = session.execute(
        select(IndicatorRow, IndicatorGroupRow.code, parent.code)
        .join(PlanRow, PlanRow.id == IndicatorRow.plan_id)
        .outerjoin(IndicatorGroupRow, IndicatorGroupRow.id == IndicatorRow.group_id)
        .outerjoin(parent, parent.id == IndicatorRow.parent_id)
        .where(PlanRow.workspace_id == workspace_id, PlanRow.code == plan_code).order_by(IndicatorRow.id)
    ).all()
    return [Indicator(code=i.code, name=i.name, unit=i.unit, polarity=Polarity(i.polarity), group_code=group,
                      parent_code=parent_code, plan_code=plan_code, number=i.number, order=i.position,
                      description=i.description) for i, group, parent_code in rows]


def run_ingest(database: Database, job: JobRow, progress: Progress, semantic: Callable[..., Any] | None = None) -> dict[str, Any]:
    """Read, extract, link and store the claims of the job's document (the store step is all or nothing)."""
    from chitieu.services.ingest import claim_rows, document_proposals, link_claims

    params = job.params or {}
    plan_code = params.get("plan_code")
    progress(5, msg("job_reading"))
    with database.session() as session:
        stored = session.get(StoredFileRow, job.file_id) if job.file_id is not None else None
        if stored is None or job.source_document_id is None:
            raise ChitieuError("document_not_found", id=job.source_document_id or 0)
        content, file_name = stored.content, str(params.get("file_name") or stored.file_name)
        source = session.get(SourceDocumentRow, job.source_document_id)
        indicators = plan_indicators(session, source.workspace_id, plan_code) if plan_code and source is not None else []
    document = read_stored_file(content, file_name)
    progress(40, msg("job_extracting"))
    table_claims, text_claims = document_proposals(document)
    claims = table_claims + text_claims
    progress(70, msg("job_linking"))
    linked = link_claims(claims, indicators, plan_code or "", semantic=semantic)
    progress(90, msg("job_saving"))
    _hold_for_crash_test(job.id)
    with database.session(write=True) as session:
        # the document's row locked: two workers finishing the same job (one presumed dead) store claims once
        source = session.get(SourceDocumentRow, job.source_document_id, with_for_update=True)
        if source is None:
            raise ChitieuError("document_not_found", id=job.source_document_id)
        existing = session.scalar(select(func.count(ClaimRow.id)).where(ClaimRow.document_id == source.id)) or 0
        if existing == 0 and claims:  # a job run twice (crash after commit) stores its claims once
            session.execute(insert(CLAIMS), claim_rows(source.id, claims))  # one multi-row INSERT
        source.kind = document.kind
        source.text_length = len(document.text)
        if job.file_id is not None:  # the text only: the stored bytes are not loaded again
            session.execute(update(StoredFileRow).where(StoredFileRow.id == job.file_id).values(text=document.text))
        count = existing or len(claims)
    return {"claims": count, "from_tables": len(table_claims), "from_text": len(text_claims), "linked": linked,
            "warnings": [str(w) for w in document.warnings][:20], "plan_code": plan_code}


WARM_UP_TEXT = "Năm 2024, tỷ lệ che phủ rừng đạt 51,2%; thu ngân sách đạt 1.250 tỷ đồng, tăng 7,5% so với cùng kỳ.\n"


def warm_up() -> None:
    """Run the whole pipeline once on a short text (imports, rule files, compiled patterns, the linker)."""
    from chitieu.domain import Indicator as DomainIndicator
    from chitieu.services.ingest import propose_claims

    document = read_stored_file(WARM_UP_TEXT.encode(), "warm-up.txt")
    propose_claims(document, [DomainIndicator("W1", "Tỷ lệ che phủ rừng", "%")], "W")


def _hold_for_crash_test(job_id: int) -> None:
    """Crash tests only (``CHITIEU_TEST_HOLD_DIR`` set): say "job N is extracted, nothing stored yet" with a
    file and wait there, so that the test's ``kill -9`` lands exactly in the middle of a job."""
    folder = os.environ.get("CHITIEU_TEST_HOLD_DIR")
    if not folder:
        return
    (Path(folder) / str(job_id)).touch()
    while True:
        time.sleep(3600)


def claims_count(session: Session, source_id: int) -> int:
    return int(session.scalar(select(func.count(ClaimRow.id)).where(ClaimRow.document_id == source_id)) or 0)
