"""Toàn quốc: the national dashboard (nation → province → commune), read from the materialised summaries.

Members of the workspace only (``require(request, "read")`` on every request, as the API): the summaries
cover every plan of the workspace, published or not.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from chitieu.services.summaries_read import national_view
from chitieu.web.context import require, transaction
from chitieu.web.templating import render

router = APIRouter()


@router.get("/national")
def national_page(request: Request) -> Response:
    return _page(request, None)


@router.get("/national/{unit}")
def national_unit_page(request: Request, unit: str) -> Response:
    return _page(request, unit)


def _page(request: Request, unit: str | None) -> Response:
    who = require(request, "read")
    with transaction(request) as session:
        view = national_view(session, who.actor(), unit)
    return render(request, "national.html", {"view": view, "active": "national"})
