"""HTML pages (Vietnamese, server-rendered, htmx for partial updates), one router per domain."""

from fastapi import APIRouter

from chitieu.web.pages import (
    auth,
    conventions,
    documents,
    national,
    plans,
    portal,
    programmes,
    reports,
    rounds,
    tasks,
)

pages_router = APIRouter(include_in_schema=False)
for _module in (auth, plans, documents, reports, tasks, programmes, conventions, portal, rounds, national):
    pages_router.include_router(_module.router)

__all__ = ["pages_router"]
