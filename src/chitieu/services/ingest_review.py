"""Reviewing ingested claims: list, accept (into a target or an observation), reject, edit.

Only an accepted claim changes the registry: it becomes a target (version as given) or an observation
of the indicator it is linked to, carrying its provenance (source document, page, offsets, quote).
Every action is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import Period
from chitieu.domain.quantity import Op
from chitieu.extraction.tables import parse_cell_quantity
from chitieu.messages import ChitieuError
from chitieu.services.database import Database
from chitieu.services.registry import plan_not_found
from chitieu.store.models import (
    ClaimRow,
    DocumentRow,
    IndicatorRow,
    ObservationRow,
    PlanRow,
    SourceDocumentRow,
    TargetRow,
)
from chitieu.vocab.review import claim_status_label

STATUSES = ("candidate", "accepted", "rejected")
EDITABLE_OPS = ("=", ">", ">=", "<", "<=", "range")


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: int
    status: str
    kind: str
    indicator_phrase: str
    indicator_code: str | None
    link_score: float | None
    op: str | None
    value: float | None
    low: float | None
    high: float | None
    unit: str
    period: str
    page: int | None
    start: int | None
    end: int | None
    file_name: str
    plan_code: str
    quote: str


@dataclass(frozen=True, slots=True)
class AcceptOutcome:
    claim_id: int
    created: str  # target | observation
    row_id: int
    indicator_code: str


def _period_text(payload: dict[str, Any]) -> str:
    period = payload.get("period")
    if isinstance(period, list | tuple) and len(period) == 2 and all(isinstance(y, int) for y in period):
        return str(period[0]) if period[0] == period[1] else f"{period[0]}-{period[1]}"
    return str(period) if isinstance(period, int | str) else ""


def list_claims(database: Database, *, plan_code: str | None = None, status: str | None = None) -> list[ClaimView]:
    if status is not None and status not in STATUSES:
        raise ChitieuError("read_review_bad_status", value=status)
    with database.session() as session:
        query = select(ClaimRow, SourceDocumentRow.file_name).join(SourceDocumentRow).order_by(ClaimRow.id)
        if status is not None:
            query = query.where(ClaimRow.status == status)
        views = []
        for claim, file_name in session.execute(query):
            payload = claim.payload or {}
            if plan_code is not None and payload.get("plan_code") != plan_code:
                continue
            views.append(ClaimView(
                claim.id, claim.status, claim.kind, claim.indicator_phrase, claim.linked_indicator_code,
                claim.link_score, claim.op, claim.value, claim.low, claim.high, claim.unit, _period_text(payload),
                claim.page, claim.start, claim.end, file_name, str(payload.get("plan_code") or ""), claim.quote,
            ))
    return views


def _claim(session: Session, claim_id: int) -> ClaimRow:
    claim = session.get(ClaimRow, claim_id)
    if claim is None:
        raise ChitieuError("claim_not_found", id=claim_id)
    return claim


def _candidate(session: Session, claim_id: int, action: str) -> ClaimRow:
    claim = _claim(session, claim_id)
    if claim.status != "candidate":
        raise ChitieuError(
            "read_review_not_candidate", id=claim_id, status=claim_status_label(claim.status), action=action
        )
    return claim


def reject_claim(database: Database, claim_id: int) -> None:
    with database.session() as session:
        _candidate(session, claim_id, "từ chối").status = "rejected"


def edit_claim(
    database: Database,
    claim_id: int,
    *,
    value: float | None = None,
    low: float | None = None,
    high: float | None = None,
    op: str | None = None,
    unit: str | None = None,
    indicator_code: str | None = None,
) -> ClaimView:
    if op is not None and op not in EDITABLE_OPS:
        raise ChitieuError("read_review_bad_op", value=op)
    with database.session() as session:
        claim = _candidate(session, claim_id, "sửa")
        if indicator_code is not None:
            _indicator(session, claim, indicator_code)
            claim.linked_indicator_code = indicator_code
        for name, new in (("value", value), ("low", low), ("high", high), ("op", op), ("unit", unit)):
            if new is not None:
                setattr(claim, name, new)
        if op is not None and op != "range":
            claim.low = claim.high = None
        claim.payload = {**(claim.payload or {}), "edited": True}
    return next(v for v in list_claims(database) if v.id == claim_id)


def _plan_row(session: Session, claim: ClaimRow) -> PlanRow:
    plan_code = (claim.payload or {}).get("plan_code")
    if not plan_code:
        raise ChitieuError("read_review_no_plan", id=claim.id)
    plan = session.scalar(select(PlanRow).where(PlanRow.code == plan_code))
    if plan is None:
        raise plan_not_found(str(plan_code))
    return plan


def _indicator(session: Session, claim: ClaimRow, code: str) -> IndicatorRow:
    plan = _plan_row(session, claim)
    row = session.scalar(select(IndicatorRow).where(IndicatorRow.plan_id == plan.id, IndicatorRow.code == code))
    if row is None:
        raise ChitieuError("read_review_plan_mismatch", indicator=code, plan=plan.code, id=claim.id)
    return row


def _source_document(session: Session, claim: ClaimRow) -> DocumentRow:
    source = session.get(SourceDocumentRow, claim.document_id)
    assert source is not None
    if source.document_id is not None:
        found = session.get(DocumentRow, source.document_id)
        if found is not None:
            return found
    document = DocumentRow(code=f"nguon-{source.sha256[:12]}", title=source.file_name, kind=source.kind,
                           note=f"sha256 {source.sha256}")
    session.add(document)
    session.flush()
    source.document_id = document.id
    return document


def _location(claim: ClaimRow) -> str:
    payload = claim.payload or {}
    parts = []
    if payload.get("source") == "table" and payload.get("table_row") is not None:
        parts.append(f"bảng, dòng {int(payload['table_row']) + 1}")
    if payload.get("column"):
        parts.append(f"cột «{payload['column']}»")
    return ", ".join(parts)


def _target_kind(unit: str) -> str:
    u = unit.lower().replace(" ", "")
    if "/năm" in u:
        return "annual_rate" if "%" in u or "‰" in u else "per_year"
    return "level"


def accept_claim(
    database: Database,
    claim_id: int,
    *,
    indicator_code: str | None = None,
    as_kind: str | None = None,
    period: str | None = None,
    version: str = "adopted",
) -> AcceptOutcome:
    """Turn a candidate claim into a target or an observation of its indicator, with provenance."""
    with database.session() as session:
        claim = _candidate(session, claim_id, "chấp nhận")
        code = indicator_code or claim.linked_indicator_code
        if not code:
            raise ChitieuError("read_review_no_indicator", id=claim_id)
        indicator = _indicator(session, claim, code)
        plan = _plan_row(session, claim)
        payload = dict(claim.payload or {})
        target = (as_kind or ("target" if claim.kind == "target" else "observation")) == "target"
        provenance = {
            "source_document_id": _source_document(session, claim).id,
            "source_location": _location(claim),
            "source_quote": claim.quote,
            "source_page": claim.page,
            "source_start": claim.start,
            "source_end": claim.end,
        }
        span = _period(payload, period, claim_id, required=not target)
        text = str(payload.get("text") or "")
        if target:
            row: TargetRow | ObservationRow = _target_row(claim, indicator, plan, span, version, text, provenance)
        else:
            row = _observation_row(claim, indicator, span, payload, text, provenance)
        session.add(row)
        session.flush()
        claim.status = "accepted"
        claim.linked_indicator_code = code
        claim.payload = {**payload, "accepted": {"as": "target" if target else "observation", "id": row.id}}
        return AcceptOutcome(claim_id, "target" if target else "observation", row.id, code)


def _period(payload: dict[str, Any], option: str | None, claim_id: int, required: bool) -> Period | None:
    text = option or _period_text(payload)
    if not text:
        if required:
            raise ChitieuError("read_review_no_period", id=claim_id)
        return None
    try:
        span = Period.parse(text)
    except ValueError as exc:
        raise ChitieuError("read_review_bad_period", value=text) from exc
    if not (1900 <= span.start <= span.end <= 2200):
        raise ChitieuError("read_review_bad_period", value=text)
    return span


def _target_row(claim: ClaimRow, indicator: IndicatorRow, plan: PlanRow, span: Period | None, version: str,
                text: str, provenance: dict[str, Any]) -> TargetRow:
    op = claim.op or "="
    if op == "range" and (claim.low is None or claim.high is None):
        raise ChitieuError("read_review_no_value", id=claim.id)
    if op != "range" and op != "done" and claim.value is None:
        raise ChitieuError("read_review_no_value", id=claim.id)
    return TargetRow(
        indicator_id=indicator.id, version=version, op=op, value=claim.value, low=claim.low, high=claim.high,
        kind=_target_kind(claim.unit), start_year=plan.term_start, deadline=span.end if span else _deadline(claim, plan),
        unit=claim.unit, text=text or _written(claim), **provenance,
    )


def _deadline(claim: ClaimRow, plan: PlanRow) -> int | None:
    deadline = (claim.payload or {}).get("deadline")
    return deadline if isinstance(deadline, int) else plan.term_end


def _observation_row(claim: ClaimRow, indicator: IndicatorRow, span: Period | None, payload: dict[str, Any],
                     text: str, provenance: dict[str, Any]) -> ObservationRow:
    assert span is not None
    if claim.op == "range":
        raise ChitieuError("read_review_range_observation", id=claim.id, low=claim.low, high=claim.high)
    if claim.value is None:
        raise ChitieuError("read_review_no_value", id=claim.id)
    hedge = str(payload.get("hedge") or "").lower()
    flag = "projection" if "dự" in hedge else "estimate" if "ước" in hedge else "actual"
    ratio = parse_cell_quantity(str(payload.get("stated_ratio") or ""))
    return ObservationRow(
        indicator_id=indicator.id, period_start=span.start, period_end=span.end, value=claim.value,
        op=claim.op if claim.op in ("=", ">", ">=", "<", "<=") else "=", flag=flag, text=text or _written(claim),
        stated_ratio=ratio.value if ratio is not None else None,
        stated_verdict=str(payload.get("stated_verdict") or "") or None, **provenance,
    )


def _written(claim: ClaimRow) -> str:
    from chitieu.numbers import format_number

    if claim.op == "range":
        return f"{format_number(claim.low)}-{format_number(claim.high)}"
    symbol = Op(claim.op).symbol if claim.op in {o.value for o in Op} else ""
    return f"{symbol}{format_number(claim.value)}"
