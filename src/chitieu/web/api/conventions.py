"""Verdict conventions of the workspace: list, learn from a past table (multipart), save."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, File, Form, Request, UploadFile

from chitieu.assessment import parse_stage
from chitieu.assessment.conventions import DEFAULT_PROFILE, profile_from_dict
from chitieu.messages import ChitieuError, msg
from chitieu.services.convention_uploads import Upload, learn_from_uploads
from chitieu.services.conventions import active_name, save_convention, saved_conventions
from chitieu.web.api.documents import read_upload
from chitieu.web.api.schemas import ConventionSave
from chitieu.web.context import check_csrf, require, settings_of, transaction

router = APIRouter(tags=["conventions"])


@router.get("/conventions", summary="Quy ước đánh giá của không gian làm việc")
def list_conventions(request: Request) -> dict[str, Any]:
    who = require(request, "read")
    with transaction(request) as session:
        saved = saved_conventions(session, who.actor())
        in_use = active_name(session, who.actor())
    return {"in_use": in_use, "default": DEFAULT_PROFILE.to_dict(),
            "saved": {name: p.to_dict() for name, p in saved.items()}}


@router.post("/conventions/learn", summary="Học quy ước từ bảng đánh giá kỳ trước (và đánh giá bảng mới)")
def learn(request: Request, past: UploadFile | None = File(None, description="Bảng kỳ trước có cột «Đánh giá»"),
          table: UploadFile | None = File(None, description="Bảng cần đánh giá (không bắt buộc)"),
          stage: str = Form("final", max_length=20)) -> dict[str, Any]:
    """Answer: ``profile``, ``settings`` (described), ``agreement`` and ``default_agreement`` ([agreeing, judged]),
    ``changed``, ``disagreements`` (row, indicator, target, result, ours, printed, why), and the new table's
    ``rows`` (the keys of ``chitieu assess-table --format json``)."""
    who = require(request, "edit_registry")
    check_csrf(request, who)
    try:
        chosen = parse_stage(stage)
    except ValueError:
        raise ChitieuError("table_bad_stage", value=stage) from None
    name, content = read_upload(request, past)
    given = None
    if table is not None and table.filename:
        given = Upload(*read_upload(request, table))
    return learn_from_uploads(Upload(name, content), given, stage=chosen,
                              limit=settings_of(request).upload_limit).to_dict()


@router.post("/conventions", summary="Lưu quy ước cho không gian làm việc")
def save(request: Request, body: ConventionSave) -> dict[str, Any]:
    who = require(request, "edit_registry")
    check_csrf(request, who)
    try:
        profile = profile_from_dict(body.profile)
    except (ValueError, TypeError):
        raise ChitieuError("convention_bad_file", path=msg("convention_web_form"),
                           reason=msg("convention_reason_json")) from None
    with transaction(request, write=True) as session:
        stored = save_convention(session, who.actor(), body.name, profile, use=body.use)
    return {"name": stored.name, "profile": stored.to_dict(), "in_use": body.use}
