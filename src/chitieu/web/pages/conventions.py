"""Quy ước đánh giá: learn the workspace's verdict convention from a past table of verdicts, see the fitted
profile and the rows still disagreeing (and why), assess a new table with it, and save it (office, admin)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from chitieu.assessment import parse_stage
from chitieu.assessment.conventions import DEFAULT_PROFILE, describe, profile_from_dict
from chitieu.messages import ChitieuError, msg
from chitieu.services.convention_uploads import LearnOutcome, Upload, learn_from_uploads
from chitieu.services.conventions import active_name, save_convention, saved_conventions, use_convention
from chitieu.web.api.documents import read_upload
from chitieu.web.context import check_csrf, require, settings_of, transaction
from chitieu.web.templating import render

router = APIRouter()
STAGES = ("final", "midterm", "forecast")


def _page(request: Request, *, outcome: LearnOutcome | None = None, error: str = "", notice: str = "",
          status: int = 200, stage: str = "final") -> Response:
    who = require(request, "edit_registry")
    with transaction(request) as session:
        saved = saved_conventions(session, who.actor())
        in_use = active_name(session, who.actor())
    current = saved.get(in_use or "", DEFAULT_PROFILE)
    context: dict[str, Any] = {
        "active": "conventions", "saved": {n: describe(p) for n, p in saved.items()}, "in_use": in_use,
        "current_name": in_use or DEFAULT_PROFILE.name, "current": describe(current), "outcome": outcome,
        "result": outcome.to_dict() if outcome is not None else None, "error": error, "notice": notice,
        "stage": stage, "stages": STAGES,
        "profile_json": json.dumps(outcome.profile.to_dict(), ensure_ascii=False) if outcome is not None else "",
        "suggested": outcome.past_name.rsplit(".", 1)[0].lower().replace(" ", "-")[:40] if outcome else "",
    }
    return render(request, "conventions.html", context, status_code=status)


@router.get("/conventions")
def conventions_page(request: Request, saved: str = Query("", max_length=60)) -> Response:
    return _page(request, notice=msg("convention_saved_web", name=saved) if saved else "")


@router.post("/conventions/learn")
def learn(request: Request, past: UploadFile | None = File(None), table: UploadFile | None = File(None),
          stage: str = Form("final", max_length=20), csrf_token: str = Form("")) -> Response:
    who = require(request, "edit_registry")
    check_csrf(request, who, csrf_token)
    try:
        chosen = parse_stage(stage) if stage in STAGES else None
        if chosen is None:
            raise ChitieuError("table_bad_stage", value=stage)
        name, content = read_upload(request, past)
        given = None
        if table is not None and table.filename:
            table_name, table_content = read_upload(request, table)
            given = Upload(table_name, table_content)
        outcome = learn_from_uploads(Upload(name, content), given, stage=chosen,
                                     limit=settings_of(request).upload_limit)
    except ChitieuError as exc:
        from chitieu.web.errors import status_of

        return _page(request, error=exc.message, status=status_of(exc), stage=stage if stage in STAGES else "final")
    return _page(request, outcome=outcome, stage=stage)


@router.post("/conventions/save")
def save(request: Request, name: str = Form("", max_length=100), profile: str = Form("", max_length=20_000),
         use: str = Form(""), csrf_token: str = Form("")) -> Response:
    who = require(request, "edit_registry")
    check_csrf(request, who, csrf_token)
    try:
        if not profile.strip():
            raise ChitieuError("convention_profile_missing")
        try:
            data = json.loads(profile)
            if not isinstance(data, dict):
                raise ValueError("profile")
            fitted = profile_from_dict(data)
        except (json.JSONDecodeError, ValueError, TypeError):
            raise ChitieuError("convention_bad_file", path=msg("convention_web_form"),
                               reason=msg("convention_reason_json")) from None
        with transaction(request, write=True) as session:
            stored = save_convention(session, who.actor(), name, fitted, use=bool(use))
    except ChitieuError as exc:
        from chitieu.web.errors import status_of

        return _page(request, error=exc.message, status=status_of(exc))
    return RedirectResponse(f"/conventions?saved={stored.name}", status_code=303)


@router.post("/conventions/use")
def use(request: Request, name: str = Form("", max_length=100), csrf_token: str = Form("")) -> Response:
    who = require(request, "edit_registry")
    check_csrf(request, who, csrf_token)
    try:
        with transaction(request, write=True) as session:
            use_convention(session, who.actor(), name or None)
    except ChitieuError as exc:
        from chitieu.web.errors import status_of

        return _page(request, error=exc.message, status=status_of(exc))
    return RedirectResponse("/conventions", status_code=303)
