"""Báo cáo: the appendix files, the summary paragraph, audit findings, publishing on the portal."""

from __future__ import annotations

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from chitieu.web import queries, reports_data
from chitieu.web.context import caller, check_csrf, require, transaction
from chitieu.web.templating import render

router = APIRouter()


@router.get("/plans/{code}/reports")
def reports_page(request: Request, code: str, as_of: int | None = Query(None, ge=queries.YEAR_LOW, le=queries.YEAR_HIGH)) -> Response:
    from chitieu.services.audit import audit_plans

    who = caller(request)
    with transaction(request) as session:
        plan = queries.plan_row(session, who, code)
        view = queries.plan_view(session, request.app.state.assessments, code, as_of, who)
        published = plan.id in queries.published_plan_ids(session)
        findings = audit_plans(session, who.actor(), code)
    return render(request, "reports.html", {
        "code": code, "plan": view.bundle.plan, "as_of": view.as_of, "summary": reports_data.summary_text(view),
        "findings": findings, "published": published, "can_publish": who.can("publish"), "tab": "reports",
        "active": "overview",
    })


@router.post("/plans/{code}/publish")
def publish_form(request: Request, code: str, action: str = Form("publish"), csrf_token: str = Form("")) -> Response:
    from chitieu.services.publication import publish_plan, unpublish_plan

    who = require(request, "publish")
    check_csrf(request, who, csrf_token)
    with transaction(request, write=True) as session:
        if action == "unpublish":
            unpublish_plan(session, who.actor(), code)
        else:
            publish_plan(session, who.actor(), code)
    return RedirectResponse(f"/plans/{code}/reports", status_code=303)
