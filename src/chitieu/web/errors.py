"""Every failure answered in Vietnamese: ``{code, message}`` for the API, an error page for the browser.

A user's mistake is a 4xx with the catalogue's message; only a fault of ours is a 500, and then without
a traceback (it goes to the server log).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from chitieu.messages import ChitieuError, msg

log = logging.getLogger("chitieu.web")

STATUS_BY_CODE: dict[str, int] = {
    "auth_required": 401,
    "auth_bad_token": 401,
    "plan_not_published": 401,
    "auth_bad_login": 401,
    "auth_forbidden": 403,
    "forbidden": 403,
    "workspace_not_found": 404,
    "auth_csrf": 403,
    "auth_rate_limited": 429,
    "upload_too_large": 413,
    "request_too_large": 413,
    "upload_bad_type": 415,
    "request_media_type": 415,
    "user_exists": 409,
    "conflict_stale": 409,
    "task_exists": 409,
    "task_unit_forbidden": 403,
    "conflict_stale_row": 409,
    "read_review_not_candidate": 409,
    "round_forbidden": 403,
    "round_manage_forbidden": 403,
    "round_closed": 409,
    "round_unit_locked": 409,
    "round_transition": 409,
    "round_children_pending": 409,
    "round_parent_approved": 409,
    "round_already_closed": 409,
    "round_already_open": 409,
    "round_submit_blocked": 409,
    "summaries_not_built": 409,
    "database_unreachable": 503,
    "database_busy": 503,
}
FIELD_NAMES_VI = {"body": "nội dung", "query": "tham số", "path": "đường dẫn", "header": "tiêu đề", "cookie": "cookie"}


def status_of(error: ChitieuError) -> int:
    if error.code in STATUS_BY_CODE:
        return STATUS_BY_CODE[error.code]
    if error.code.endswith("_not_found"):
        return 404
    if error.code == "database_error":
        return 500
    return 400


def wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path in ("/healthz", "/openapi.json"):
        return True
    if request.headers.get("hx-request"):
        return False
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if wants_json(request):
        return JSONResponse({"code": code, "message": message}, status_code=status, headers=headers)
    from chitieu.web.templating import render

    return render(request, "error.html", {"status": status, "code": code, "message": message},
                  status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        location = [str(x) for x in error.get("loc", ())]
        where = FIELD_NAMES_VI.get(location[0], location[0]) if location else ""
        name = ".".join(location[1:]) or where
        kind = str(error.get("type", ""))
        if kind == "missing":
            parts.append(msg("web_field_missing", name=name, where=where))
        elif "int" in kind or "float" in kind or "number" in kind:
            parts.append(msg("web_field_not_number", name=name))
        elif "enum" in kind or "literal" in kind:
            parts.append(msg("web_field_not_allowed", name=name))
        elif "json" in kind:
            parts.append("nội dung JSON không hợp lệ")
        else:
            parts.append(msg("web_field_invalid", name=name))
    return "; ".join(parts) or "dữ liệu gửi lên không đúng"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ChitieuError)
    async def on_chitieu_error(request: Request, exc: ChitieuError) -> Response:
        status = status_of(exc)
        if status >= 500:
            log.error("server error %s: %s", exc.code, exc.message)
        return error_response(request, status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "request_invalid", msg("request_invalid", details=_validation_details(exc)))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        status = exc.status_code
        if status == 404:
            code, message = "request_not_found", msg("request_not_found", path=request.url.path[:200])
        elif status == 405:
            code, message = "request_method", msg("request_method", method=request.method)
        elif status == 413:
            code, message = "request_too_large", msg("request_too_large", limit="?")
        elif status == 415:
            code, message = "request_media_type", msg("request_media_type")
        else:
            code, message = "request_error", msg("request_error", status=status)
        return error_response(request, status, code, message)

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal_error", msg("internal_error"))
