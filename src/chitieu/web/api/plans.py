"""Plans and their assessment: ``GET /api/v1/plans``, ``…/{code}/assessment?as_of=YEAR``, publishing."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from chitieu.assessment import summary_sentence
from chitieu.messages import msg
from chitieu.services.unit_series import unit_series
from chitieu.vocab.verdicts import Status
from chitieu.web import queries
from chitieu.web.api.schemas import Assessment, Plan
from chitieu.web.context import caller, check_csrf, require, transaction

router = APIRouter(tags=["plans"])


@router.get("/plans", response_model=list[Plan], summary="Danh sách kế hoạch, nghị quyết")
def list_plans(request: Request) -> list[dict[str, Any]]:
    who = caller(request)
    with transaction(request) as session:
        return [p.to_dict() for p in queries.list_visible_plans(session, who)]


@router.get("/plans/{code}", response_model=Plan, summary="Một kế hoạch")
def get_plan(request: Request, code: str) -> dict[str, Any]:
    who = caller(request)
    with transaction(request) as session:
        queries.plan_row(session, who, code)
        item = next(p for p in queries.list_visible_plans(session, who) if p.code == code)
        return item.to_dict()


@router.get("/plans/{code}/assessment", response_model=Assessment, summary="Đánh giá các chỉ tiêu của kế hoạch")
def plan_assessment(
    request: Request,
    code: str,
    as_of: int | None = Query(None, ge=queries.YEAR_LOW, le=queries.YEAR_HIGH, description="Đánh giá đến năm này"),
    forecast: bool = Query(False, description="Dự báo đến hết thời hạn"),
) -> dict[str, Any]:
    """Rows with the same keys as ``chitieu assess --format json`` (plus ``plan_code``, ``org_unit``)."""
    who = caller(request)
    with transaction(request) as session:
        queries.plan_row(session, who, code)
        view = queries.plan_view(session, request.app.state.assessments, code, as_of, who)
    rows = view.forecast if forecast else view.rows
    from collections import Counter

    lead = (msg("web_lead_forecast", year=view.bundle.plan.term_end or "") if forecast
            else msg("web_lead_as_of", year=view.as_of))
    return {
        "plan_code": code, "as_of": None if forecast else view.as_of, "forecast": forecast,
        "summary": summary_sentence(Counter(Status(r.status) for r in rows), lead),
        "rows": [queries.row_dict(r, code) for r in rows],
    }


@router.get("/plans/{code}/series", summary="Chuỗi số liệu của một đơn vị qua các lần sắp xếp đơn vị hành chính")
def plan_unit_series(
    request: Request,
    code: str,
    indicator: str = Query(..., min_length=1, max_length=100, description="Mã chỉ tiêu"),
    unit: str = Query(..., min_length=1, max_length=100, description="Mã đơn vị (xã mới, xã cũ, huyện …)"),
) -> dict[str, Any]:
    """Per period the unit's own value, or (additive indicators) the sum of the units it was made from."""
    who = require(request, "read")
    with transaction(request) as session:
        queries.plan_row(session, who, code)
        return unit_series(session, who.actor(), code, indicator, unit).to_json()


@router.post("/plans/{code}/publish", response_model=Plan, summary="Công bố kế hoạch trên cổng công khai")
def publish(request: Request, code: str) -> dict[str, Any]:
    who = require(request, "publish")
    check_csrf(request, who)
    from chitieu.services.publication import publish_plan

    with transaction(request) as session:
        publish_plan(session, who.actor(), code)
        return next(p for p in queries.list_visible_plans(session, who) if p.code == code).to_dict()


@router.delete("/plans/{code}/publish", response_model=Plan, summary="Thôi công bố kế hoạch")
def unpublish(request: Request, code: str) -> dict[str, Any]:
    who = require(request, "publish")
    check_csrf(request, who)
    from chitieu.services.publication import unpublish_plan

    with transaction(request) as session:
        unpublish_plan(session, who.actor(), code)
        return next(p for p in queries.list_visible_plans(session, who) if p.code == code).to_dict()
