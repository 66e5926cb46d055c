"""Claim review: accept (as target or observation of an indicator), reject, edit."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from chitieu.web import review
from chitieu.web.api.schemas import AcceptBody, ClaimDecision, EditBody, RowId
from chitieu.web.context import check_csrf, require, transaction

router = APIRouter(tags=["claims"])


@router.post("/claims/{claim_id}/accept", response_model=ClaimDecision, summary="Chấp nhận một đề xuất")
def accept_claim(request: Request, claim_id: RowId, body: AcceptBody | None = None) -> dict[str, Any]:
    """Body ``{indicator_code, as: target|observation, period?}``; the claim's own link and kind by default."""
    who = require(request, "review")
    check_csrf(request, who)
    body = body or AcceptBody()
    with transaction(request) as session:
        return review.accept(session, who.actor(), claim_id, indicator_code=body.indicator_code, as_kind=body.as_,
                             period=body.period, version=body.version)


@router.post("/claims/{claim_id}/reject", response_model=ClaimDecision, summary="Từ chối một đề xuất")
def reject_claim(request: Request, claim_id: RowId) -> dict[str, Any]:
    who = require(request, "review")
    check_csrf(request, who)
    with transaction(request, write=True) as session:
        return review.reject(session, who.actor(), claim_id)


@router.patch("/claims/{claim_id}", response_model=ClaimDecision, summary="Sửa một đề xuất trước khi chấp nhận")
def edit_claim(request: Request, claim_id: RowId, body: EditBody) -> dict[str, Any]:
    who = require(request, "review")
    check_csrf(request, who)
    changes = body.model_dump(exclude_none=True)
    with transaction(request) as session:
        return review.edit(session, who.actor(), claim_id, changes)
