"""The public, read-only portal of published plans (no login; the same pages ``chitieu publish`` writes)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from chitieu.messages import ChitieuError
from chitieu.web import portal_site
from chitieu.web.context import settings_of, transaction
from chitieu.web.templating import render

router = APIRouter()


@router.get("/portal")
def portal_root() -> Response:
    return RedirectResponse("/portal/", status_code=308)


@router.get("/portal/index.html")
@router.get("/portal/")
def portal_index(request: Request) -> Response:
    with transaction(request) as session:
        context = portal_site.index_context(session, settings_of(request).workspace)
    return render(request, "portal_index.html", context)


@router.get("/portal/{code}/index.html")
@router.get("/portal/{code}/")
def portal_plan(request: Request, code: str) -> Response:
    with transaction(request) as session:
        context = portal_site.plan_context(session, request.app.state.assessments, code, settings_of(request).workspace)
    return render(request, "portal_plan.html", context)


@router.get("/portal/{code}/{page}.html")
def portal_indicator(request: Request, code: str, page: str) -> Response:
    with transaction(request) as session:
        context = portal_site.indicator_context(session, request.app.state.assessments, code, page,
                                                settings_of(request).workspace)
    if context is None:
        raise ChitieuError("indicator_not_found", code=page[:100])
    return render(request, "portal_indicator.html", context)
