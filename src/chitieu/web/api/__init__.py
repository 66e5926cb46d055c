"""The JSON API under ``/api/v1`` (one router per domain) and ``/healthz``."""

from fastapi import APIRouter

from chitieu.web.api import (
    claims,
    conventions,
    documents,
    health,
    national,
    plans,
    programmes,
    reports,
    rounds,
    tasks,
)
from chitieu.web.api.schemas import ERROR_RESPONSES

health_router = health.router
api_router = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES)
for _module in (plans, documents, claims, reports, rounds, tasks, conventions, programmes, national):
    api_router.include_router(_module.router)

__all__ = ["api_router", "health_router"]
