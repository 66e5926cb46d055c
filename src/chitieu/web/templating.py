"""Jinja2 templates (autoescaped) with Vietnamese number formatting and verdict styles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from chitieu.messages import msg
from chitieu.numbers import format_number
from chitieu.vocab.verdicts import STATUS_LABELS_VI, Status

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATUS_CLASSES = {
    "exceeded": "st-exceeded", "achieved": "st-achieved", "on_track": "st-on-track", "not_yet": "st-not-yet",
    "at_risk": "st-at-risk", "not_achieved": "st-not-achieved", "no_data": "st-no-data",
}
ROLE_LABELS = {"admin": "Quản trị", "office": "Văn phòng", "approver": "Phê duyệt", "officer": "Cán bộ nhập liệu",
               "viewer": "Xem"}
JOB_LABELS = {"queued": "Đang chờ", "running": "Đang xử lý", "done": "Đã xong", "failed": "Lỗi"}
CLAIM_LABELS = {"candidate": "Chờ duyệt", "accepted": "Đã chấp nhận", "rejected": "Đã từ chối"}
KIND_LABELS = {"target": "Mục tiêu", "result": "Kết quả", "observation": "Kết quả"}
VERSION_LABELS = {"draft": "Dự thảo", "adopted": "Chính thức", "revised": "Điều chỉnh"}
FLAG_LABELS = {"actual": "Thực hiện", "estimate": "Ước", "projection": "Dự ước", "plan": "Kế hoạch"}
# The role of a figure in its statement (chitieu.extraction.statement_figures.ROLES): catalogue codes.
FIGURE_ROLE_CODES = {
    "level": "claim_role_level", "plan_ratio": "claim_role_plan_ratio", "change": "claim_role_change",
    "plan": "claim_role_plan", "share": "claim_role_share", "baseline": "claim_role_baseline",
    "count": "claim_role_count", "equivalent": "claim_role_equivalent",
}


def _number(value: Any, decimals: int | None = None) -> str:
    if value is None or value == "":
        return ""
    try:
        return format_number(float(value), decimals)
    except (TypeError, ValueError):
        return str(value)


def _json_data(value: Any) -> Markup:
    """JSON for a ``<script type="application/json">`` block; ``<``, ``>``, ``&`` escaped so it cannot end the tag."""
    text = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    env = templates.env
    env.filters["num"] = _number
    env.filters["json_data"] = _json_data
    env.filters["status_class"] = lambda s: STATUS_CLASSES.get(str(s), "")
    env.globals.update(
        STATUS_LABELS={s.value: label for s, label in STATUS_LABELS_VI.items()},
        STATUS_ORDER=[s.value for s in (Status.EXCEEDED, Status.ACHIEVED, Status.ON_TRACK, Status.NOT_YET,
                                         Status.AT_RISK, Status.NOT_ACHIEVED, Status.NO_DATA)],
        ROLE_LABELS=ROLE_LABELS, JOB_LABELS=JOB_LABELS, CLAIM_LABELS=CLAIM_LABELS, KIND_LABELS=KIND_LABELS,
        VERSION_LABELS=VERSION_LABELS, FLAG_LABELS=FLAG_LABELS,
        FIGURE_ROLE_LABELS={role: msg(code) for role, code in FIGURE_ROLE_CODES.items()},
    )
    return templates


def render(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200,
           headers: dict[str, str] | None = None) -> HTMLResponse:
    """Render ``name`` with the caller (for the menu and the CSRF token) in the context."""
    from chitieu.web.context import caller

    try:
        who = caller(request)
    except Exception:  # rendering an error page must not fail on a bad token
        from chitieu.web.context import Caller

        who = Caller(None, "anonymous")
    templates: Jinja2Templates = request.app.state.templates
    base = {"caller": who, "principal": who.principal, "csrf_token": who.csrf_token or getattr(request.state, "pre_csrf", "")}
    response = templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code, headers=headers)
    return response
