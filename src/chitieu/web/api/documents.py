"""Documents: upload (202, extraction in the background), state, claims, text."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse

from chitieu.messages import ChitieuError
from chitieu.services.uploads import clean_file_name, size_text
from chitieu.web import documents_read
from chitieu.web.api.schemas import DocumentAccepted, DocumentState, RowId
from chitieu.web.context import Caller, check_csrf, require, settings_of, transaction
from chitieu.web.queries import workspace_of

router = APIRouter(tags=["documents"])
CLAIM_STATUSES = ("candidate", "accepted", "rejected")


def read_upload(request: Request, upload: UploadFile | None) -> tuple[str, bytes]:
    """The upload's clean name and bytes, refusing past the limit without reading further."""
    if upload is None or not upload.filename:
        raise ChitieuError("upload_missing")
    name = clean_file_name(upload.filename)
    limit = settings_of(request).upload_limit
    content = upload.file.read(limit + 1)
    if len(content) > limit:
        raise ChitieuError("upload_too_large", name=name, size=f"> {size_text(limit)}", limit=size_text(limit))
    return name, content


def accept_upload(request: Request, who: Caller, upload: UploadFile | None, plan: str | None) -> dict[str, Any]:
    """Store the file and queue its ingestion; the job starts after the commit."""
    from chitieu.workers import enqueue_ingest

    name, content = read_upload(request, upload)
    plan_code = (plan or "").strip() or None
    if plan_code is not None and len(plan_code) > 100:
        raise ChitieuError("plan_not_found", code=plan_code[:100])
    with transaction(request, write=True) as session:
        source, job, queued = enqueue_ingest(
            session, who.actor(), file_name=name, content=content, plan_code=plan_code,
            limit=settings_of(request).upload_limit,
        )
        result = {"id": source.id, "status": job.status, "job_id": job.id, "created": queued}
    runner = request.app.state.jobs
    if queued and runner is not None:
        runner.submit(result["job_id"])
    return result


@router.post("/documents", status_code=202, response_model=DocumentAccepted, summary="Tải lên văn bản để trích xuất")
def upload_document(
    request: Request,
    file: UploadFile | None = File(None, description="Tệp .txt, .docx, .pdf hoặc .doc"),
    plan: str | None = Form(None, description="Mã kế hoạch để gắn đề xuất (mặc định: kế hoạch có nhiều chỉ tiêu nhất)"),
) -> JSONResponse:
    who = require(request, "upload")
    check_csrf(request, who)
    result = accept_upload(request, who, file, plan)
    return JSONResponse(result, status_code=202)


@router.get("/documents", response_model=list[DocumentState], summary="Các văn bản đã tải lên")
def list_documents(request: Request) -> list[dict[str, Any]]:
    who = require(request, "read")
    with transaction(request) as session:
        return documents_read.list_documents(session, workspace_of(session, who))


@router.get("/documents/{document_id}", response_model=DocumentState, summary="Trạng thái xử lý một văn bản")
def get_document(request: Request, document_id: RowId) -> dict[str, Any]:
    who = require(request, "read")
    with transaction(request) as session:
        return documents_read.document_state(session, document_id, workspace_of(session, who))


@router.get("/documents/{document_id}/claims", summary="Các đề xuất (mục tiêu, kết quả) trích từ văn bản")
def get_claims(request: Request, document_id: RowId, status: str | None = None) -> list[dict[str, Any]]:
    who = require(request, "read")
    if status is not None and status not in CLAIM_STATUSES:
        raise ChitieuError("read_review_bad_status", value=status[:50])
    with transaction(request) as session:
        return documents_read.document_claims(session, document_id, status, workspace_of(session, who))


@router.get("/documents/{document_id}/text", summary="Văn bản đã đọc (để đối chiếu vị trí trích dẫn)")
def get_text(request: Request, document_id: RowId) -> dict[str, Any]:
    who = require(request, "read")
    with transaction(request) as session:
        return {"id": document_id, "text": documents_read.document_text(session, document_id, workspace_of(session, who))}
