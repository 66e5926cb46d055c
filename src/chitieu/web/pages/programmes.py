"""Chương trình: allocation, disbursement, rate, verdict and forecast per programme node and unit; upload a
programme report (Excel, Word, CSV, or the office's template) to add its figures."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from chitieu.messages import ChitieuError
from chitieu.web import programme_views
from chitieu.web.api.documents import read_upload
from chitieu.web.context import check_csrf, require, transaction
from chitieu.web.templating import render

router = APIRouter()
REPORT_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".docx", ".doc", ".odt")


def _page(request: Request, *, as_of: str | None = None, period: str | None = None, root: str | None = None,
          unit: str | None = None, sources: bool = False, error: str = "", notice: list[str] | None = None,
          status: int = 200) -> Response:
    who = require(request, "read")
    rows: list[Any] = []
    day = None
    with transaction(request) as session:
        choices = programme_views.roots(session, who.actor())
        try:
            day, rows = programme_views.programme_rows(session, who.actor(), as_of=as_of, period=period, root=root,
                                                       unit=unit, by_source=sources)
        except ChitieuError as exc:
            if not error:
                from chitieu.web.errors import status_of

                error, status = exc.message, status_of(exc)
    context = {
        "active": "programmes", "rows": rows, "day": day, "choices": choices, "root": root or "", "unit": unit or "",
        "period": period or (rows[0].period if rows else ""), "sources": sources, "error": error,
        "notice": notice or [], "can_import": who.can("upload"), "money": programme_views.money,
        "rate": programme_views.rate,
    }
    return render(request, "programmes.html", context, status_code=status)


@router.get("/programmes")
def programmes_page(request: Request, as_of: str | None = Query(None, max_length=20),
                    period: str | None = Query(None, max_length=20), root: str | None = Query(None, max_length=100),
                    unit: str | None = Query(None, max_length=100), sources: bool = Query(False)) -> Response:
    return _page(request, as_of=as_of, period=period, root=root, unit=unit, sources=sources)


@router.post("/programmes/import")
def import_report(request: Request, file: UploadFile | None = File(None), root: str = Form("", max_length=100),
                  period: str = Form("", max_length=20), as_of: str = Form("", max_length=20),
                  csrf_token: str = Form("")) -> Response:
    """A programme report as offices send it: all its figures are added, or none (problems listed)."""
    from chitieu.services.programme_files import import_budget_report
    from chitieu.services.tasks import parse_day
    from chitieu.services.uploads import clean_file_name

    who = require(request, "upload")
    check_csrf(request, who, csrf_token)
    try:
        name, content = read_upload(request, file)
        name = clean_file_name(name)
        if Path(name).suffix.lower() not in REPORT_SUFFIXES:
            raise ChitieuError("programme_upload_type", name=name)
        day = parse_day(as_of, field="as_of") if as_of.strip() else None
        chosen = programme_views.period_of(period)
        with tempfile.TemporaryDirectory(prefix="chitieu-programme-") as folder:
            path = Path(folder) / name
            path.write_bytes(content)
            with transaction(request, write=True) as session:
                outcome = import_budget_report(session, who.actor(), path, root=root or None, period=chosen,
                                               as_of=day)
    except ChitieuError as exc:
        from chitieu.web.errors import status_of

        return _page(request, root=root or None, error=exc.message, status=status_of(exc))
    problems = [p.message for p in outcome.report.problems]
    if not outcome.written:
        return _page(request, root=root or None, error=problems[0] if problems else "", notice=problems[1:],
                     status=400)
    from chitieu.messages import msg

    shown_day = max((d.as_of for d in outcome.read.budget.disbursements), default=None)
    done = msg("programme_imported_web", name=name, figures=outcome.read.figures)
    return _page(request, root=root or None, as_of=shown_day.isoformat() if shown_day else None,
                 notice=[done, *problems])
