"""Tổng quan (dashboard) and Chỉ tiêu (indicator) pages, the home page and the source view."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import select

from chitieu.messages import ChitieuError
from chitieu.services import unit_series
from chitieu.services.tasks import overdue_tasks
from chitieu.store.models import DocumentRow, SourceDocumentRow
from chitieu.web import plan_pages, queries
from chitieu.web.context import caller, transaction
from chitieu.web.highlight import window
from chitieu.web.templating import render

router = APIRouter()
YEAR = Query(None, ge=queries.YEAR_LOW, le=queries.YEAR_HIGH)


@router.get("/")
def home(request: Request) -> Response:
    """One plan: its Tổng quan straight away; several: the list to choose from."""
    who = caller(request)
    with transaction(request) as session:
        plans = queries.list_visible_plans(session, who)
    main = [p for p in plans if p.indicator_count]
    if len(main) == 1 or (main and not who.signed_in):
        chosen = max(main, key=lambda p: p.indicator_count)
        return dashboard(request, chosen.code, None)
    return render(request, "home.html", {"plans": plans})


@router.get("/plans")
def plan_list(request: Request) -> Response:
    who = caller(request)
    with transaction(request) as session:
        plans = queries.list_visible_plans(session, who)
    return render(request, "home.html", {"plans": plans})


@router.get("/plans/{code}")
def dashboard(request: Request, code: str, as_of: int | None = YEAR) -> Response:
    who = caller(request)
    with transaction(request) as session:
        plan = queries.plan_row(session, who, code)
        view = queries.plan_view(session, request.app.state.assessments, code, as_of, who)
        published = plan.id in queries.published_plan_ids(session)
        overdue = overdue_tasks(session, who.actor(), date.today(), plan_code=code)
    board = plan_pages.dashboard(view)
    return render(request, "dashboard.html", {"board": board, "code": code, "published": published,
                                              "years": _years(view), "overdue": overdue})


def _years(view: queries.PlanView) -> list[int]:
    start = view.bundle.plan.term_start or view.as_of
    end = view.bundle.plan.term_end or view.as_of
    return list(range(min(start, view.as_of), max(end, view.as_of) + 1))


@router.get("/plans/{code}/indicators/{indicator}")
def indicator_page(request: Request, code: str, indicator: str, as_of: int | None = YEAR,
                   unit: str = Query("", max_length=100, description="Đơn vị xem chuỗi số liệu qua sắp xếp")) -> Response:
    who = caller(request)
    series: dict[str, Any] | None = None
    merged: list[tuple[str, str]] = []
    with transaction(request) as session:
        queries.plan_row(session, who, code)
        view = queries.plan_view(session, request.app.state.assessments, code, as_of, who)
        units = queries.unit_observations(session, who, code, indicator[:100])
        if who.signed_in:  # the series reads every unit's figures: for signed-in readers only
            merged = unit_series.merged_units(session, who.actor())
            if unit:
                series = unit_series.unit_series(session, who.actor(), code, indicator[:100], unit).to_json()
    bundle = view.bundle
    found = bundle.indicator(indicator)
    if found is None:
        raise ChitieuError("indicator_not_found", code=indicator[:100])
    row = next((r for r in view.rows if r.code == indicator), None)
    ahead = next((r for r in view.forecast if r.code == indicator), None)
    mine = plan_pages.observations_index(view).get(indicator, [])
    children = [i for i in bundle.indicators if i.parent_code == indicator]
    context = {
        "code": code, "plan": bundle.plan, "indicator": found, "row": row, "forecast": ahead, "as_of": view.as_of,
        "versions": plan_pages.target_changes(bundle.targets_of(indicator)),
        "observations": plan_pages.observations_by_unit(bundle, indicator, mine + units),
        "chart": plan_pages.trajectory(bundle, found, row, ahead, mine),
        "pace": plan_pages.pace_text(row) if row is not None else "",
        "children": children, "parent": bundle.indicator(found.parent_code) if found.parent_code else None,
        "series": series, "merged_units": merged,
    }
    return render(request, "indicator.html", context)


@router.get("/sources/{document_code}")
def source_view(request: Request, document_code: str, start: int | None = Query(None, ge=0, le=2**31),
                end: int | None = Query(None, ge=0, le=2**31), quote: str = Query("", max_length=2000),
                location: str = Query("", max_length=500)) -> Response:
    """A cited document with the quoted place highlighted (its text when it was uploaded, else the quote)."""
    who = caller(request)
    with transaction(request) as session:
        ws = queries.workspace_of(session, who)
        document = session.scalar(select(DocumentRow).where(DocumentRow.workspace_id == ws, DocumentRow.code == document_code[:100]))
        if document is None:
            raise ChitieuError("document_not_found", id=document_code[:100])
        source = session.scalar(select(SourceDocumentRow).where(SourceDocumentRow.document_id == document.id))
        text = ""
        if source is not None and who.signed_in:
            from chitieu.web.documents_read import document_text

            text = document_text(session, source.id, ws)
    excerpt = window(text, start, end, quote) if text else None
    return render(request, "source.html", {
        "document": document, "source": source, "excerpt": excerpt, "quote": quote, "location": location,
    })
