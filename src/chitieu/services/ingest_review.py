"""Reviewing ingested claims: list, accept (into a target or an observation), reject, edit.

Only an accepted claim changes the registry: it becomes a target (version as given) or an observation
of the indicator it is linked to, carrying its provenance (source document, page, offsets, quote).
Every function works in the caller's unit of work, within the actor's workspace, and records an event
(claim before → after, and the target or observation it created). ``expected_version`` guards against
two people acting on the same claim at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import Actor, Period, Permission
from chitieu.domain.quantity import Op
from chitieu.extraction.proposals import PeriodError, claim_period, target_kind
from chitieu.extraction.tables import parse_cell_quantity
from chitieu.messages import ChitieuError, msg
from chitieu.services.concurrency import check_version
from chitieu.services.events import record_event
from chitieu.services.registry import plan_not_found
from chitieu.services.workspaces import workspace_id
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
    version: int = 1
    role: str = "level"  # the figure's role in its statement (level, plan_ratio, change, plan …)
    statement: int | None = None  # claims of one statement share it
    plan_kind: str = ""  # a plan value's kind (dự toán, kế hoạch vốn …)
    stated_ratio: float | None = None  # on a level: the ratio to plan its statement gave


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


def _view(claim: ClaimRow, file_name: str) -> ClaimView:
    payload = claim.payload or {}
    return ClaimView(
        claim.id, claim.status, claim.kind, claim.indicator_phrase, claim.linked_indicator_code,
        claim.link_score, claim.op, claim.value, claim.low, claim.high, claim.unit, _period_text(payload),
        claim.page, claim.start, claim.end, file_name, str(payload.get("plan_code") or ""), claim.quote,
        claim.version, str(payload.get("role") or "level"),
        payload["statement"] if isinstance(payload.get("statement"), int) else None,
        str(payload.get("plan_kind") or ""), _stated_ratio(payload.get("stated_ratio")),
    )


def list_claims(
    session: Session, actor: Actor, *, plan_code: str | None = None, status: str | None = None,
    kind: str | None = None,
) -> list[ClaimView]:
    """The workspace's claims (optionally of one plan, in one status, of one kind), in the order found."""
    if status is not None and status not in STATUSES:
        raise ChitieuError("read_review_bad_status", value=status)
    if kind is not None and kind not in ("target", "result"):
        raise ChitieuError("review_bad_kind", value=kind)
    ws = workspace_id(session, actor)
    query = (select(ClaimRow, SourceDocumentRow.file_name).join(SourceDocumentRow)
             .where(SourceDocumentRow.workspace_id == ws).order_by(ClaimRow.id))
    if status is not None:
        query = query.where(ClaimRow.status == status)
    if kind is not None:
        query = query.where(ClaimRow.kind == kind)
    views = []
    for claim, file_name in session.execute(query):
        if plan_code is not None and (claim.payload or {}).get("plan_code") != plan_code:
            continue
        views.append(_view(claim, file_name))
    return views


def _claim(session: Session, ws: int, claim_id: int) -> ClaimRow:
    claim = session.get(ClaimRow, claim_id)
    source = session.get(SourceDocumentRow, claim.document_id) if claim is not None else None
    if claim is None or source is None or source.workspace_id != ws:
        raise ChitieuError("claim_not_found", id=claim_id)
    return claim


def _candidate(session: Session, ws: int, claim_id: int, action: str, expected_version: int | None) -> ClaimRow:
    claim = _claim(session, ws, claim_id)
    check_version(claim, expected_version, what=msg("what_claim", id=claim_id), session=session, entity="claim",
                  value=lambda: _claim_text(claim))
    if claim.status != "candidate":
        raise ChitieuError(
            "read_review_not_candidate", id=claim_id, status=claim_status_label(claim.status), action=action
        )
    return claim


def _claim_state(claim: ClaimRow) -> dict[str, Any]:
    return {"status": claim.status, "op": claim.op, "value": claim.value, "low": claim.low, "high": claim.high,
            "unit": claim.unit, "indicator": claim.linked_indicator_code}


def _claim_text(claim: ClaimRow) -> str:
    state = _claim_state(claim)
    state["status"] = claim_status_label(claim.status)
    return ", ".join(f"{k}={v}" for k, v in state.items() if v not in (None, ""))


def _record(session: Session, actor: Actor, action: str, claim: ClaimRow, before: dict[str, Any],
            reason: str = "", **context: Any) -> None:
    session.flush()
    after = _claim_state(claim)
    changed = {k for k in after if before.get(k) != after[k]}
    record_event(session, actor, action=action, entity="claim", entity_id=claim.id, key=str(claim.id),
                 before={k: before.get(k) for k in changed}, after={k: after[k] for k in changed}, reason=reason,
                 context={"plan": (claim.payload or {}).get("plan_code"), **context})


def reject_claim(session: Session, actor: Actor, claim_id: int, *, expected_version: int | None = None,
                 reason: str = "") -> ClaimView:
    """Mark a candidate claim rejected (nothing enters the registry)."""
    ws = workspace_id(session, actor, Permission.REVIEW)
    claim = _candidate(session, ws, claim_id, msg("action_reject"), expected_version)
    before = _claim_state(claim)
    claim.status = "rejected"
    _record(session, actor, "claim.reject", claim, before, reason)
    return _view(claim, _file_name(session, claim))


def _file_name(session: Session, claim: ClaimRow) -> str:
    source = session.get(SourceDocumentRow, claim.document_id)
    return source.file_name if source is not None else ""


def edit_claim(
    session: Session,
    actor: Actor,
    claim_id: int,
    *,
    value: float | None = None,
    low: float | None = None,
    high: float | None = None,
    op: str | None = None,
    unit: str | None = None,
    indicator_code: str | None = None,
    expected_version: int | None = None,
    reason: str = "",
) -> ClaimView:
    """Correct a candidate claim before it is accepted (value, bounds, comparator, unit, indicator)."""
    if op is not None and op not in EDITABLE_OPS:
        raise ChitieuError("read_review_bad_op", value=op)
    ws = workspace_id(session, actor, Permission.REPORT_FIGURES)
    claim = _candidate(session, ws, claim_id, msg("action_edit"), expected_version)
    before = _claim_state(claim)
    if indicator_code is not None:
        _indicator(session, ws, claim, indicator_code)
        claim.linked_indicator_code = indicator_code
    for name, new in (("value", value), ("low", low), ("high", high), ("op", op), ("unit", unit)):
        if new is not None:
            setattr(claim, name, new)
    if op is not None and op != "range":
        claim.low = claim.high = None
    claim.payload = {**(claim.payload or {}), "edited": True}
    _record(session, actor, "claim.edit", claim, before, reason)
    return _view(claim, _file_name(session, claim))


def plan_of_claim(session: Session, ws: int, claim: ClaimRow) -> PlanRow:
    """The plan a claim was ingested for (``ChitieuError`` when it names none or the plan is gone)."""
    return _plan_row(session, ws, claim)


def _plan_row(session: Session, ws: int, claim: ClaimRow) -> PlanRow:
    plan_code = (claim.payload or {}).get("plan_code")
    if not plan_code:
        raise ChitieuError("read_review_no_plan", id=claim.id)
    plan = session.scalar(select(PlanRow).where(PlanRow.workspace_id == ws, PlanRow.code == plan_code))
    if plan is None:
        raise plan_not_found(str(plan_code))
    return plan


def _indicator(session: Session, ws: int, claim: ClaimRow, code: str) -> IndicatorRow:
    plan = _plan_row(session, ws, claim)
    row = session.scalar(select(IndicatorRow).where(IndicatorRow.plan_id == plan.id, IndicatorRow.code == code))
    if row is None:
        raise ChitieuError("read_review_plan_mismatch", indicator=code, plan=plan.code, id=claim.id)
    return row


def _source_document(session: Session, ws: int, claim: ClaimRow) -> DocumentRow:
    source = session.get(SourceDocumentRow, claim.document_id)
    assert source is not None
    if source.document_id is not None:
        found = session.get(DocumentRow, source.document_id)
        if found is not None:
            return found
    code = f"nguon-{source.sha256[:12]}"
    document = session.scalar(select(DocumentRow).where(DocumentRow.workspace_id == ws, DocumentRow.code == code))
    if document is None:
        document = DocumentRow(workspace_id=ws, code=code, title=source.file_name, kind=source.kind,
                               issuer="", note=f"sha256 {source.sha256}")
        session.add(document)
        session.flush()
    source.document_id = document.id
    return document


def _location(claim: ClaimRow) -> str:
    payload = claim.payload or {}
    parts = []
    if payload.get("source") == "table" and payload.get("table_row") is not None:
        parts.append(msg("location_table_row", row=int(payload['table_row']) + 1))
    if payload.get("column"):
        parts.append(msg("location_column", column=payload['column']))
    return ", ".join(parts)


def accept_claim(
    session: Session,
    actor: Actor,
    claim_id: int,
    *,
    indicator_code: str | None = None,
    as_kind: str | None = None,
    period: str | None = None,
    version: str = "adopted",
    expected_version: int | None = None,
    reason: str = "",
) -> AcceptOutcome:
    """Turn a candidate claim into a target or an observation of its indicator, with provenance."""
    ws = workspace_id(session, actor, Permission.REVIEW)
    claim = _candidate(session, ws, claim_id, msg("action_accept"), expected_version)
    before = _claim_state(claim)
    code = indicator_code or claim.linked_indicator_code
    if not code:
        raise ChitieuError("read_review_no_indicator", id=claim_id)
    indicator = _indicator(session, ws, claim, code)
    plan = _plan_row(session, ws, claim)
    payload = dict(claim.payload or {})
    target = (as_kind or ("target" if claim.kind == "target" else "observation")) == "target"
    provenance = {
        "source_document_id": _source_document(session, ws, claim).id,
        "source_location": _location(claim),
        "source_quote": claim.quote,
        "source_page": claim.page,
        "source_start": claim.start,
        "source_end": claim.end,
    }
    span = _period(payload, period, claim_id, required=not target, kind="target" if target else "result")
    text = str(payload.get("text") or "")
    if target:
        _check_second_target(session, indicator, version, claim_id)
        row: TargetRow | ObservationRow = _target_row(claim, indicator, plan, span, version, text, provenance)
    else:
        row = _observation_row(claim, indicator, span, payload, text, provenance)
    session.add(row)
    session.flush()
    claim.status = "accepted"
    claim.linked_indicator_code = code
    created = "target" if target else "observation"
    claim.payload = {**payload, "accepted": {"as": created, "id": row.id}}
    _record(session, actor, "claim.accept", claim, before, reason, created={"as": created, "id": row.id})
    record_event(session, actor, action="claim.accept", entity=created, entity_id=row.id,
                 key=f"{plan.code}/{code}", after={"text": row.text, "op": row.op, "value": row.value},
                 context={"claim": claim.id, "plan": plan.code, "indicator": code, "change": "created"})
    from chitieu.services.bulk_assess import SeriesKey
    from chitieu.services.summaries import refresh_touched  # the dashboard summaries follow the write

    refresh_touched(session, actor, series=[SeriesKey(indicator.id, row.org_unit_id)])
    return AcceptOutcome(claim_id, created, row.id, code)


def _period(payload: dict[str, Any], option: str | None, claim_id: int, required: bool,
            kind: str = "result") -> Period | None:
    """The period of an accepted figure: ``--period`` when given, else what the claim's own period words say
    (every phrase the extractor emits: "đến năm 2030", "năm 2026", "giai đoạn 2021-2025", "hằng năm", …)."""
    text = option or _period_text(payload)
    year = payload.get("document_year")
    try:
        span = claim_period(text, kind=kind, document_year=year if isinstance(year, int) else None)
    except PeriodError as exc:
        raise ChitieuError("read_review_bad_period", value=text) from exc
    if span is None and option:
        raise ChitieuError("read_review_bad_period", value=option)
    if span is None and required:
        raise ChitieuError("read_review_no_period", id=claim_id)
    return span


def _check_second_target(session: Session, indicator: IndicatorRow, version: str, claim_id: int) -> None:
    """One target per edition: a second adopted (or draft) target of an indicator is refused; a change of an
    adopted target is a revision (``--version revised``)."""
    if version == "revised":
        return
    existing = session.scalar(select(TargetRow).where(TargetRow.indicator_id == indicator.id,
                                                      TargetRow.target_version == version))
    if existing is not None:
        raise ChitieuError("read_review_second_target", id=claim_id, indicator=indicator.code,
                           version=version, existing=existing.text or _number(existing.value))


def _number(value: float | None) -> str:
    from chitieu.numbers import format_number

    return format_number(value)


def _target_row(claim: ClaimRow, indicator: IndicatorRow, plan: PlanRow, span: Period | None, version: str,
                text: str, provenance: dict[str, Any]) -> TargetRow:
    op = claim.op or "="
    if op == "range" and (claim.low is None or claim.high is None):
        raise ChitieuError("read_review_no_value", id=claim.id)
    if op != "range" and op != "done" and claim.value is None:
        raise ChitieuError("read_review_no_value", id=claim.id)
    return TargetRow(
        indicator_id=indicator.id, target_version=version, op=op, value=claim.value, low=claim.low, high=claim.high,
        kind=target_kind(claim.unit, bool((claim.payload or {}).get("per_year"))), start_year=plan.term_start, deadline=span.end if span else _deadline(claim, plan),
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
    return ObservationRow(
        indicator_id=indicator.id, period_start=span.start, period_end=span.end, value=claim.value,
        op=claim.op if claim.op in ("=", ">", ">=", "<", "<=") else "=", flag=flag, text=text or _written(claim),
        stated_ratio=_stated_ratio(payload.get("stated_ratio")),
        stated_verdict=str(payload.get("stated_verdict") or "") or None, **provenance,
    )


def _stated_ratio(stated: Any) -> float | None:
    """The ratio to plan a statement gave with its level: a number (text extraction: "bằng 104,2% dự toán" →
    104.2) or a table cell as written ("104,2%")."""
    if isinstance(stated, int | float) and not isinstance(stated, bool):
        return float(stated)
    ratio = parse_cell_quantity(str(stated or ""))
    return ratio.value if ratio is not None else None


def _written(claim: ClaimRow) -> str:
    from chitieu.numbers import format_number

    if claim.op == "range":
        return f"{format_number(claim.low)}-{format_number(claim.high)}"
    symbol = Op(claim.op).symbol if claim.op in {o.value for o in Op} else ""
    return f"{symbol}{format_number(claim.value)}"
