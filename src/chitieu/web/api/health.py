"""``GET /healthz``: the server answers and its database does."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import text

from chitieu.web.context import transaction

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Kiểm tra máy chủ")
def healthz(request: Request) -> dict[str, str]:
    with transaction(request) as session:
        session.execute(text("SELECT 1"))
    return {"status": "ok", "database": request.app.state.database.dialect}
