"""Văn bản: upload, background progress, and the review queue beside the highlighted text."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from chitieu.messages import ChitieuError, msg
from chitieu.store.models import IndicatorRow, PlanRow
from chitieu.web import documents_read, review
from chitieu.web.api.documents import accept_upload
from chitieu.web.api.schemas import RowId
from chitieu.web.context import Caller, check_csrf, require, transaction
from chitieu.web.highlight import segments
from chitieu.web.queries import workspace_of
from chitieu.web.sheet_view import sheet_blocks
from chitieu.web.templating import render

router = APIRouter()


def _plans(request: Request, who: Caller) -> list[dict[str, Any]]:
    with transaction(request) as session:
        ws = workspace_of(session, who)
        rows = session.execute(select(PlanRow.code, PlanRow.title).where(PlanRow.workspace_id == ws).order_by(PlanRow.id)).all()
    return [{"code": c, "title": t} for c, t in rows]


def _documents_page(request: Request, *, error: str = "", status: int = 200, plan: str | None = None) -> Response:
    who = require(request, "read")
    with transaction(request) as session:
        docs = documents_read.list_documents(session, workspace_of(session, who))
    return render(request, "documents.html", {
        "documents": docs, "plans": _plans(request, who), "error": error, "chosen_plan": plan,
        "can_upload": who.can("upload"), "active": "documents",
    }, status_code=status)


@router.get("/documents")
def documents(request: Request, plan: str | None = Query(None, max_length=100)) -> Response:
    return _documents_page(request, plan=plan)


@router.post("/documents")
def upload(request: Request, file: UploadFile | None = File(None), plan: str = Form(""), csrf_token: str = Form("")) -> Response:
    who = require(request, "upload")
    check_csrf(request, who, csrf_token)
    try:
        result = accept_upload(request, who, file, plan or None)
    except ChitieuError as exc:
        from chitieu.web.errors import status_of

        return _documents_page(request, error=exc.message, status=status_of(exc), plan=plan or None)
    return RedirectResponse(f"/documents/{result['id']}", status_code=303)


def _indicator_options(request: Request, who: Caller, plan_code: str | None) -> list[dict[str, str]]:
    if not plan_code:
        return []
    with transaction(request) as session:
        ws = workspace_of(session, who)
        rows = session.execute(
            select(IndicatorRow.code, IndicatorRow.name, IndicatorRow.unit).join(PlanRow, PlanRow.id == IndicatorRow.plan_id)
            .where(PlanRow.workspace_id == ws, PlanRow.code == plan_code).order_by(IndicatorRow.position, IndicatorRow.id)
        ).all()
    return [{"code": c, "name": n, "unit": u} for c, n, u in rows]


@router.get("/documents/{document_id}")
def document_page(request: Request, document_id: RowId, status: str | None = Query(None, pattern="^(candidate|accepted|rejected)$")) -> Response:
    who = require(request, "read")
    with transaction(request) as session:
        ws = workspace_of(session, who)
        state = documents_read.document_state(session, document_id, ws)
        claims = documents_read.document_claims(session, document_id, workspace_id=ws)
        text = documents_read.document_text(session, document_id, ws)
        layout = documents_read.sheet_layout(session, document_id, text, ws) if state["status"] == "done" else None
    shown = [c for c in claims if status is None or c["status"] == status]
    pieces = segments(text, [(c["start"], c["end"], c) for c in claims if c["start"] is not None and c["end"] is not None])
    sheets = sheet_blocks(text, pieces, layout) if layout is not None else None  # a workbook: its sheets as tables
    counts = {s: sum(1 for c in claims if c["status"] == s) for s in ("candidate", "accepted", "rejected")}
    return render(request, "document.html", {
        "doc": state, "claims": shown, "pieces": pieces, "sheets": sheets, "counts": counts, "status_filter": status,
        "indicators": _indicator_options(request, who, state["plan_code"]), "can_review": who.can("review"),
        "active": "documents",
    })


@router.get("/documents/{document_id}/progress")
def progress(request: Request, document_id: RowId) -> Response:
    """The progress bar (htmx polls it); when the job has ended the page reloads itself."""
    who = require(request, "read")
    with transaction(request) as session:
        state = documents_read.document_state(session, document_id, workspace_of(session, who))
    response = render(request, "_progress.html", {"doc": state})
    if state["status"] in ("done", "failed") and request.headers.get("hx-request"):
        response.headers["HX-Refresh"] = "true"
    return response


def _claim_card(request: Request, claim_id: int, message: str = "", status: int = 200) -> Response:
    who = require(request, "read")
    from chitieu.store.models import ClaimRow

    with transaction(request) as session:
        row = session.get(ClaimRow, claim_id)
        if row is None:
            raise ChitieuError("claim_not_found", id=claim_id)
        documents_read.source_row(session, row.document_id, workspace_of(session, who))
        claim = documents_read.claim_dict(row)
    return render(request, "_claim.html", {
        "c": claim, "indicators": _indicator_options(request, who, claim["plan_code"]), "message": message,
        "can_review": who.can("review"),
    }, status_code=status)


def _decide(request: Request, claim_id: int, action: Any, csrf_token: str) -> Response:
    """Run one review decision; htmx gets the claim's card back (with the error, if any), a form a redirect."""
    who = require(request, "review")
    check_csrf(request, who, csrf_token)
    try:
        with transaction(request, write=True) as session:
            action(session, who.actor())
    except ChitieuError as exc:
        if not request.headers.get("hx-request"):
            raise
        return _claim_card(request, claim_id, exc.message)
    if request.headers.get("hx-request"):
        return _claim_card(request, claim_id)
    return RedirectResponse(f"/claims/{claim_id}", status_code=303)


@router.get("/claims/{claim_id}", name="document_page_of_claim")
def claim_page(request: Request, claim_id: RowId) -> Response:
    require(request, "read")
    from chitieu.store.models import ClaimRow

    with transaction(request) as session:
        row = session.get(ClaimRow, claim_id)
        if row is None:
            raise ChitieuError("claim_not_found", id=claim_id)
        document_id = row.document_id
    return RedirectResponse(f"/documents/{document_id}#claim-{claim_id}", status_code=303)


@router.post("/claims/{claim_id}/accept")
def accept(request: Request, claim_id: RowId, indicator_code: str = Form("", max_length=100), as_kind: str = Form("", alias="as"),
           period: str = Form("", max_length=20), csrf_token: str = Form("")) -> Response:
    kind = as_kind if as_kind in ("target", "observation") else None
    return _decide(request, claim_id, lambda s, a: review.accept(s, a, claim_id, indicator_code=indicator_code or None,
                                                                as_kind=kind, period=period or None), csrf_token)


@router.post("/claims/{claim_id}/reject")
def reject(request: Request, claim_id: RowId, csrf_token: str = Form("")) -> Response:
    return _decide(request, claim_id, lambda s, a: review.reject(s, a, claim_id), csrf_token)


@router.post("/claims/{claim_id}/edit")
def edit(request: Request, claim_id: RowId, value: str = Form("", max_length=50), unit: str = Form("", max_length=100),
         csrf_token: str = Form("")) -> Response:
    changes: dict[str, Any] = {}
    if value.strip():
        from chitieu.numbers import parse_number

        try:
            changes["value"] = parse_number(value.strip())
        except ValueError:
            return _decide(request, claim_id, _raise(ChitieuError("bad_option", option=msg("web_field_value"), reason=msg("cli_not_a_number", value=value))), csrf_token)
    if unit.strip():
        changes["unit"] = unit.strip()
    return _decide(request, claim_id, lambda s, a: review.edit(s, a, claim_id, changes), csrf_token)


def _raise(error: ChitieuError) -> Any:
    def action(session: Any, actor: Any) -> None:
        raise error
    return action


@router.post("/documents/{document_id}/accept-bulk")
def accept_bulk(request: Request, document_id: RowId, claim_ids: list[int] = Form(default_factory=list),
                csrf_token: str = Form("")) -> Response:
    """Accept each chosen claim with its linked indicator, each decision its own transaction."""
    who = require(request, "review")
    check_csrf(request, who, csrf_token)
    if not claim_ids:
        raise ChitieuError("claim_bulk_none")
    accepted, failures = 0, []
    for claim_id in claim_ids[:1000]:
        try:
            with transaction(request, write=True) as session:
                review.accept(session, who.actor(), claim_id, indicator_code=None, as_kind=None, period=None)
            accepted += 1
        except ChitieuError as exc:
            failures.append(f"#{claim_id}: {exc.message}")
    with transaction(request) as session:
        documents_read.source_row(session, document_id, workspace_of(session, who))
    notice = msg("claim_bulk_done", accepted=accepted, failed=len(failures))
    return render(request, "_bulk_result.html", {"notice": notice, "failures": failures[:50], "document_id": document_id})
