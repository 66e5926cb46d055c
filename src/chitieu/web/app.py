"""The application factory: ``create_app(database, settings)`` → a FastAPI app (pages, API, static files).

Handlers are thin: they decide who may do what (``context.require``), open one transaction per request
(``context.transaction``) and call services or the read side (``queries``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.types import Scope

import chitieu
from chitieu.messages import msg
from chitieu.services.database import Database
from chitieu.web.errors import error_response, install_error_handlers
from chitieu.web.queries import AssessmentCache
from chitieu.web.security import BodyLimitMiddleware, LoginThrottle, SecurityHeadersMiddleware
from chitieu.web.settings import MB, WebSettings
from chitieu.web.templating import make_templates

STATIC_DIR = Path(__file__).resolve().parent / "static"

API_DESCRIPTION = """API của chitieu: kế hoạch, đánh giá chỉ tiêu, văn bản và đề xuất, báo cáo.

Đọc: kế hoạch đã công bố không cần đăng nhập; các kế hoạch khác cần token. Ghi: cần token
(`Authorization: Bearer <token>`, tạo bằng `chitieu token create TÊN`); thiếu token → 401, vai trò không đủ → 403.
Lỗi luôn có dạng `{"code": "...", "message": "..."}` với thông báo tiếng Việt.
"""


def create_app(database: Database, settings: WebSettings | None = None) -> FastAPI:
    """A chitieu web application over an open ``database`` (SQLite or PostgreSQL)."""
    settings = settings or WebSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runner = app.state.jobs
        if runner is not None:
            runner.start()
        try:
            yield
        finally:
            if runner is not None:
                runner.shutdown()

    app = FastAPI(
        title="chitieu", version=chitieu.__version__, description=API_DESCRIPTION, lifespan=lifespan,
        docs_url="/api/docs", redoc_url=None, swagger_ui_parameters=None,
    )
    app.state.database = database
    app.state.settings = settings
    app.state.templates = make_templates()
    app.state.assessments = AssessmentCache()
    app.state.throttle = LoginThrottle(settings.login_attempts, settings.login_window_seconds, settings.login_pause_seconds)
    app.state.jobs = _job_runner(database, settings)

    install_error_handlers(app)
    _include_routers(app)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.mount("/portal/static", StaticFiles(directory=str(STATIC_DIR)), name="portal-static")  # relative links

    async def too_large(scope: Scope) -> Response:
        limit = f"{settings.upload_limit // MB} MB"
        return error_response(Request(scope), 413, "request_too_large", msg("request_too_large", limit=limit))

    app.add_middleware(BodyLimitMiddleware, limit=settings.request_limit, refuse=too_large)
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def _job_runner(database: Database, settings: WebSettings) -> object | None:
    from chitieu.workers.broker import BrokerQueue, broker_url

    url = broker_url()
    if url and settings.run_jobs:  # a broker is configured: uploads go to the `chitieu worker` processes
        return BrokerQueue(database, url)
    if not settings.run_jobs or settings.job_workers <= 0:
        return None
    from chitieu.workers.runner import InProcessRunner

    return InProcessRunner(database, workers=settings.job_workers, semantic=settings.semantic_linking)


def _include_routers(app: FastAPI) -> None:
    from chitieu.web.api import api_router, health_router
    from chitieu.web.pages import pages_router

    app.include_router(health_router)
    app.include_router(api_router)
    app.include_router(pages_router)
