"""Read side of uploaded documents: state (from the job), claims with their review state, text."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chitieu.messages import ChitieuError, msg
from chitieu.numbers import format_number
from chitieu.store.models import ClaimRow, SourceDocumentRow
from chitieu.store.models_web import JobRow, StoredFileRow
from chitieu.web.sheet_view import SheetLayout, layout_of

CLAIM_KEYS: tuple[str, ...] = (
    "kind", "indicator", "op", "value", "low", "high", "unit", "start", "end", "page", "quote", "period",
    "deadline", "baseline", "change", "hedge", "plan", "denominator", "per_year", "confidence", "section",
    "statement", "role", "plan_kind", "basis", "sign", "stated_ratio",
)


def source_row(session: Session, document_id: int, workspace_id: int | None = None) -> SourceDocumentRow:
    row = session.get(SourceDocumentRow, document_id) if 0 < document_id < 2**31 else None
    if row is None or (workspace_id is not None and row.workspace_id != workspace_id):
        raise ChitieuError("document_not_found", id=document_id)
    return row


def latest_job(session: Session, document_id: int) -> JobRow | None:
    return session.scalar(select(JobRow).where(JobRow.source_document_id == document_id).order_by(JobRow.id.desc()).limit(1))


def document_state(session: Session, document_id: int, workspace_id: int | None = None) -> dict[str, Any]:
    source = source_row(session, document_id, workspace_id)
    job = latest_job(session, document_id)
    count = session.scalar(select(func.count(ClaimRow.id)).where(ClaimRow.document_id == document_id)) or 0
    params = (job.params or {}) if job is not None else {}
    return {
        "id": source.id, "file_name": source.file_name, "kind": source.kind, "sha256": source.sha256,
        "plan_code": params.get("plan_code"),
        "status": job.status if job is not None else "done",
        "progress": job.progress if job is not None else 100,
        "stage": job.stage if job is not None else "",
        "reason": job.reason if job is not None else "",
        "error_code": job.error_code if job is not None else "",
        "claims": int(count), "text_length": source.text_length,
        "job_id": job.id if job is not None else None,
        "uploaded_by": job.created_by if job is not None else "",
        "uploaded_at": source.ingested_at.isoformat() if source.ingested_at else None,
    }


def list_documents(session: Session, workspace_id: int, limit: int = 200) -> list[dict[str, Any]]:
    ids = list(session.scalars(select(SourceDocumentRow.id).where(SourceDocumentRow.workspace_id == workspace_id)
                               .order_by(SourceDocumentRow.id.desc()).limit(limit)))
    return [document_state(session, i) for i in ids]


def _period_text(payload: dict[str, Any]) -> str | None:
    period = payload.get("period")
    if isinstance(period, list | tuple) and len(period) == 2 and all(isinstance(y, int) for y in period):
        return str(period[0]) if period[0] == period[1] else f"{period[0]}-{period[1]}"
    return str(period) if isinstance(period, int | str) and period != "" else None


def claim_dict(claim: ClaimRow) -> dict[str, Any]:
    """A claim with the keys of ``chitieu extract --format jsonl`` plus its id, review state and links."""
    payload = claim.payload or {}
    data: dict[str, Any] = {key: payload.get(key) for key in CLAIM_KEYS}
    data.update(
        kind=claim.kind, indicator=claim.indicator_phrase, op=claim.op, value=claim.value, low=claim.low,
        high=claim.high, unit=claim.unit, start=claim.start, end=claim.end, page=claim.page, quote=claim.quote,
        period=_period_text(payload),
    )
    data["id"] = claim.id
    data["document_id"] = claim.document_id
    data["status"] = claim.status
    data["indicator_code"] = claim.linked_indicator_code
    data["link_score"] = claim.link_score
    data["plan_code"] = payload.get("plan_code") or None
    data["alternatives"] = suggestions(payload)
    data["source"] = payload.get("source")
    data["accepted"] = payload.get("accepted")
    data["decided_by"] = payload.get("decided_by")
    ratio = payload.get("stated_ratio")
    data["stated_ratio_text"] = (
        msg("claim_stated_ratio", ratio=format_number(float(ratio))) if isinstance(ratio, int | float) else ""
    )
    return data


def suggestions(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """Indicators to link a claim to, best first: the linker's choice, then its other candidates."""
    ranked: list[dict[str, Any]] = []
    seen: set[str] = set()
    for item in [payload.get("link"), *(payload.get("alternatives") or [])]:
        if isinstance(item, dict) and item.get("code") and item["code"] not in seen:
            seen.add(item["code"])
            ranked.append({"code": item["code"], "name": item.get("name", ""), "score": float(item.get("score") or 0)})
    return sorted(ranked, key=lambda a: -a["score"])


def document_claims(session: Session, document_id: int, status: str | None = None,
                    workspace_id: int | None = None) -> list[dict[str, Any]]:
    source_row(session, document_id, workspace_id)
    query = select(ClaimRow).where(ClaimRow.document_id == document_id).order_by(ClaimRow.start, ClaimRow.id)
    if status:
        query = query.where(ClaimRow.status == status)
    return [claim_dict(c) for c in session.scalars(query)]


def document_text(session: Session, document_id: int, workspace_id: int | None = None) -> str:
    source = source_row(session, document_id, workspace_id)
    text = session.scalar(select(StoredFileRow.text).where(StoredFileRow.sha256 == source.sha256))
    return text or ""


# Workbooks whose grid the document page shows as tables: their layout is read again from the stored bytes
# (the text alone does not say which cell a piece came from); kept for the last few workbooks viewed.
SHEET_KINDS = frozenset({"xlsx", "xls"})
_LAYOUTS: OrderedDict[str, SheetLayout | None] = OrderedDict()
LAYOUTS_KEPT = 8


def sheet_layout(session: Session, document_id: int, text: str, workspace_id: int | None = None) -> SheetLayout | None:
    """Where the cells of a workbook stand in its stored ``text``; None for other documents, or when the
    workbook can no longer be read as it was (the page then shows the plain text)."""
    source = source_row(session, document_id, workspace_id)
    if source.kind not in SHEET_KINDS:
        return None
    if source.sha256 not in _LAYOUTS:
        stored = session.execute(select(StoredFileRow.content, StoredFileRow.file_name)
                                 .where(StoredFileRow.sha256 == source.sha256)).first()
        layout = None
        if stored is not None:
            from chitieu.workers.ingest import read_stored_file

            try:
                document = read_stored_file(stored[0], stored[1])
            except ChitieuError:
                document = None
            if document is not None and document.text == text:  # the offsets of the stored claims hold
                layout = layout_of(document)
        _LAYOUTS[source.sha256] = layout
        while len(_LAYOUTS) > LAYOUTS_KEPT:
            _LAYOUTS.popitem(last=False)
    _LAYOUTS.move_to_end(source.sha256)
    return _LAYOUTS[source.sha256]
