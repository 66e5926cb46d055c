"""Building a plan from its own document: a claim accepted as a new indicator, decisions in bulk by filter,
and pending claims re-linked when the plan's indicators change.

Every function works in the caller's unit of work and records events (through ``accept_claim`` for each
accept, plus one per indicator created and one per re-link run). Bulk decisions are all-or-nothing per
claim: a claim that cannot be accepted (no value, a second adopted target, …) is left pending and listed
with the reason; the others are accepted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chitieu.domain import Actor, Indicator, Permission
from chitieu.extraction.linking import IndicatorLinker, normalise_phrase
from chitieu.extraction.proposals import NewIndicator, propose_indicator
from chitieu.messages import ChitieuError, msg
from chitieu.services.events import record_event
from chitieu.services.ingest_review import AcceptOutcome, accept_claim, plan_of_claim
from chitieu.services.registry import plan_not_found
from chitieu.services.workspaces import workspace_id
from chitieu.store.models import ClaimRow, IndicatorRow, PlanRow, SourceDocumentRow

KINDS = ("target", "result")
CODE_PREFIX = "CT"


@dataclass(frozen=True, slots=True)
class NewIndicatorOutcome:
    accepted: AcceptOutcome
    code: str
    proposal: NewIndicator
    created: bool  # False when an indicator of that name and unit already existed and was used


@dataclass(slots=True)
class BulkOutcome:
    """What ``accept_all`` did: the claims accepted, the indicators it created, the claims left pending."""

    accepted: list[AcceptOutcome] = field(default_factory=list)
    created_indicators: list[tuple[str, NewIndicator]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (claim id, Vietnamese reason)


def _plan(session: Session, ws: int, code: str) -> PlanRow:
    plan = session.scalar(select(PlanRow).where(PlanRow.workspace_id == ws, PlanRow.code == code))
    if plan is None:
        raise plan_not_found(code)
    return plan


def proposal_of(claim: ClaimRow) -> NewIndicator:
    """The new indicator a claim suggests: name cleaned (completed from the text before it), unit, direction."""
    payload = claim.payload or {}
    context = str(payload.get("before") or "") + claim.quote
    return propose_indicator(claim.indicator_phrase, context, claim.unit, claim.op, claim.value, claim.low, claim.high)


def _same_indicator(session: Session, plan_id: int, proposal: NewIndicator) -> IndicatorRow | None:
    """An indicator of the plan with the same name (normalised) and unit, so that a second claim about it
    (a result, a revised target) does not make a duplicate."""
    wanted = normalise_phrase(proposal.name)
    for row in session.scalars(select(IndicatorRow).where(IndicatorRow.plan_id == plan_id)):
        if normalise_phrase(row.name) == wanted and normalise_phrase(row.unit) == normalise_phrase(proposal.unit):
            return row
    return None


def next_code(session: Session, plan_id: int, prefix: str = CODE_PREFIX) -> str:
    """The next free code "CT01", "CT02", … of the plan."""
    taken = set(session.scalars(select(IndicatorRow.code).where(IndicatorRow.plan_id == plan_id)))
    n = len(taken) + 1
    while f"{prefix}{n:02d}" in taken:
        n += 1
    return f"{prefix}{n:02d}"


def create_indicator(session: Session, actor: Actor, plan: PlanRow, code: str, proposal: NewIndicator,
                     reason: str = "") -> IndicatorRow:
    """A new indicator of ``plan`` (code unique within the plan), at the end of its order, with an event."""
    code = code.strip()
    if not code or len(code) > 100 or any(c.isspace() for c in code):
        raise ChitieuError("review_bad_indicator_code", value=code)
    exists = session.scalar(select(IndicatorRow.id).where(IndicatorRow.plan_id == plan.id, IndicatorRow.code == code))
    if exists is not None:
        raise ChitieuError("review_indicator_code_taken", code=code, plan=plan.code)
    if not proposal.name:
        raise ChitieuError("review_no_indicator_name", code=code)
    last = session.scalar(select(func.max(IndicatorRow.position)).where(IndicatorRow.plan_id == plan.id)) or 0
    row = IndicatorRow(plan_id=plan.id, code=code, name=proposal.name, unit=proposal.unit,
                       polarity=proposal.polarity.value, position=last + 1, number=str(last + 1))
    session.add(row)
    session.flush()
    record_event(session, actor, action="indicator.create", entity="indicator", entity_id=row.id,
                 key=f"{plan.code}/{code}", reason=reason,
                 after={"name": row.name, "unit": row.unit, "polarity": row.polarity,
                        "polarity_reason": proposal.polarity_reason})
    return row


def accept_as_new_indicator(
    session: Session, actor: Actor, claim_id: int, code: str | None = None, *, as_kind: str | None = None,
    period: str | None = None, version: str = "adopted", expected_version: int | None = None, relink: bool = True,
) -> NewIndicatorOutcome:
    """Accept a claim as the first target (or result) of a new indicator named after it.

    ``code`` defaults to the plan's next free "CTnn". An indicator of the same name and unit already in the
    plan is used instead of a duplicate (``created`` False). Other pending claims are re-linked after.
    """
    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    claim = session.get(ClaimRow, claim_id)
    if claim is None:
        raise ChitieuError("claim_not_found", id=claim_id)
    plan = plan_of_claim(session, ws, claim)
    proposal = proposal_of(claim)
    existing = _same_indicator(session, plan.id, proposal) if code is None else None
    if existing is not None:
        row, created = existing, False
    else:
        row = create_indicator(session, actor, plan, code or next_code(session, plan.id), proposal,
                               reason=f"claim {claim_id}")
        created = True
    outcome = accept_claim(session, actor, claim_id, indicator_code=row.code, as_kind=as_kind, period=period,
                           version=version, expected_version=expected_version)
    if created and relink:
        relink_pending(session, actor, plan.code)
    return NewIndicatorOutcome(outcome, row.code, proposal, created)


def _matching(session: Session, ws: int, plan_code: str, kind: str, section: str | None,
              min_confidence: float | None) -> list[ClaimRow]:
    query = (select(ClaimRow).join(SourceDocumentRow).where(SourceDocumentRow.workspace_id == ws,
             ClaimRow.status == "candidate", ClaimRow.kind == kind).order_by(ClaimRow.id))
    wanted_section = normalise_phrase(section) if section else ""
    out = []
    for claim in session.scalars(query):
        payload: dict[str, Any] = claim.payload or {}
        if payload.get("plan_code") != plan_code:
            continue
        if wanted_section and wanted_section not in normalise_phrase(str(payload.get("section") or "")):
            continue
        confidence = payload.get("confidence")
        if min_confidence is not None and isinstance(confidence, int | float) and confidence < min_confidence:
            continue
        if min_confidence is not None and confidence is None and claim.link_score is not None \
                and claim.link_score < min_confidence:
            continue
        out.append(claim)
    return out


def accept_all(
    session: Session, actor: Actor, plan_code: str, kind: str, *, section: str | None = None,
    min_confidence: float | None = None, new_indicators: bool = False, version: str = "adopted",
) -> BulkOutcome:
    """Accept every pending claim of ``plan_code`` of one kind (target|result), optionally of one section
    (words of its heading) and of at least ``min_confidence``. Claims linked to an indicator are accepted
    for it; unlinked ones become new indicators with ``new_indicators``, else stay pending (listed)."""
    if kind not in KINDS:
        raise ChitieuError("review_bad_kind", value=kind)
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise ChitieuError("review_bad_confidence", value=min_confidence)
    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY if new_indicators else Permission.REVIEW)
    _plan(session, ws, plan_code)
    outcome = BulkOutcome()
    for claim in _matching(session, ws, plan_code, kind, section, min_confidence):
        if claim.linked_indicator_code is None and not new_indicators:
            outcome.skipped.append((claim.id, msg("review_skip_unlinked")))
            continue
        try:
            with session.begin_nested():  # one claim at a time: a refusal leaves the others accepted
                if claim.linked_indicator_code is None:
                    done = accept_as_new_indicator(session, actor, claim.id, version=version, relink=False)
                    if done.created:
                        outcome.created_indicators.append((done.code, done.proposal))
                    outcome.accepted.append(done.accepted)
                else:
                    outcome.accepted.append(accept_claim(session, actor, claim.id, version=version))
        except ChitieuError as exc:
            outcome.skipped.append((claim.id, exc.message))
    if outcome.created_indicators:
        relink_pending(session, actor, plan_code)  # the claims left (results, other kinds) meet the new indicators
    return outcome


def _indicators(session: Session, plan_id: int) -> list[Indicator]:
    rows = session.scalars(select(IndicatorRow).where(IndicatorRow.plan_id == plan_id).order_by(IndicatorRow.position))
    by_id = {r.id: r for r in rows}
    return [Indicator(code=r.code, name=r.name, unit=r.unit,
                      parent_code=by_id[r.parent_id].code if r.parent_id in by_id else None) for r in by_id.values()]


def relink_pending(session: Session, actor: Actor, plan_code: str) -> int:
    """Link again the plan's pending claims that no person has linked by hand, against its indicators as they
    are now; returns how many links changed (one event for the run)."""
    ws = workspace_id(session, actor, Permission.REPORT_FIGURES)
    plan = _plan(session, ws, plan_code)
    linker = IndicatorLinker(_indicators(session, plan.id))
    changed: list[dict[str, Any]] = []
    for claim in _pending(session, ws, plan_code):
        payload = dict(claim.payload or {})
        if payload.get("edited") and claim.linked_indicator_code is not None:
            continue  # a person chose this link
        result = linker.link(claim.indicator_phrase, claim.unit)
        new = result.best.indicator_code if result.best is not None else None
        if new == claim.linked_indicator_code:
            continue
        changed.append({"claim": claim.id, "before": claim.linked_indicator_code, "after": new})
        claim.linked_indicator_code = new
        claim.link_score = result.best.score if result.best is not None else (
            result.alternatives[0].score if result.alternatives else None)
        payload["alternatives"] = [{"code": a.indicator_code, "name": a.name, "score": a.score}
                                   for a in result.alternatives]
        if result.best is not None:
            payload["link"] = {"code": result.best.indicator_code, "name": result.best.name, "score": result.best.score}
        else:
            payload.pop("link", None)
        claim.payload = payload
    if changed:
        session.flush()
        record_event(session, actor, action="claims.relink", entity="plan", entity_id=plan.id, key=plan_code,
                     after={"changed": len(changed), "links": changed[:50]})
    return len(changed)


def _pending(session: Session, ws: int, plan_code: str) -> Iterable[ClaimRow]:
    query = (select(ClaimRow).join(SourceDocumentRow).where(SourceDocumentRow.workspace_id == ws,
             ClaimRow.status == "candidate").order_by(ClaimRow.id))
    return [c for c in session.scalars(query) if (c.payload or {}).get("plan_code") == plan_code]
