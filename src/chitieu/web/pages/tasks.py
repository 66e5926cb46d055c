"""Nhiệm vụ: the tasks of a plan with their state today (overdue worked out), evidence and history; a form
to report the state (officers of the owner unit, the office)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from chitieu.domain import TaskState
from chitieu.messages import ChitieuError
from chitieu.services import tasks as service
from chitieu.services.events import list_events
from chitieu.web import queries
from chitieu.web.context import caller, check_csrf, require, transaction
from chitieu.web.templating import render

router = APIRouter()
STATE_ORDER = [s.value for s in (TaskState.OVERDUE, TaskState.NOT_STARTED, TaskState.IN_PROGRESS,
                                 TaskState.DONE_LATE, TaskState.DONE)]


SHOWN = ("progress", "completed_on", "deadline", "owner_unit_code", "owner", "title", "note", "evidence")


def _changes(event: Any) -> list[tuple[str, object, object]]:
    """(field, before, after) of an event, the fields people read first; a creation shows what it was."""
    before, after = event.before or {}, event.after or {}
    return [(k, before.get(k), after.get(k)) for k in SHOWN if k in after and before.get(k) != after.get(k)
            and (event.before is not None or after.get(k) not in (None, ""))][:4]


def _page(request: Request, code: str, state: str | None, *, error: str = "", status: int = 200) -> Response:
    who = caller(request)
    today = date.today()
    wanted = TaskState(state) if state in STATE_ORDER else None
    with transaction(request) as session:
        queries.plan_row(session, who, code)
        plan = next(p for p in queries.list_visible_plans(session, who) if p.code == code)
        views = service.list_tasks(session, who.actor(), code, as_of=today)
        history: dict[int, list[Any]] = {}
        if who.signed_in:  # who changed what and when: for members, not for anonymous visitors
            for event in list_events(session, who.actor(), entity="task"):
                if event.entity_id is not None:
                    history.setdefault(event.entity_id, []).append(event)
    counts = Counter(v.state.value for v in views)
    shown = [v for v in views if wanted is None or v.state is wanted]
    context: dict[str, Any] = {
        "code": code, "plan": plan, "tab": "tasks", "active": "overview", "tasks": shown, "today": today,
        "counts": counts, "state_order": STATE_ORDER, "labels": {s.value: s.label_vi for s in TaskState},
        "state": wanted.value if wanted else "", "can_report": who.can("upload"), "error": error,
        "can_add": who.can("edit_registry"),
        "total": len(views), "history": history, "changes": _changes,
    }
    return render(request, "tasks.html", context, status_code=status)


@router.get("/plans/{code}/tasks")
def tasks_page(request: Request, code: str, state: str | None = Query(None, max_length=20)) -> Response:
    return _page(request, code, state)


@router.post("/plans/{code}/tasks")
def add_task(
    request: Request, code: str, task_code: str = Form("", alias="code", max_length=100),
    title: str = Form("", max_length=2000), owner: str = Form("", max_length=500),
    owner_unit: str = Form("", max_length=100), deadline: str = Form("", max_length=20),
    state: str = Form("not_started", max_length=50), csrf_token: str = Form(""),
) -> Response:
    """A new task of the plan (the office)."""
    from chitieu.domain import Task

    who = require(request, "edit_registry")
    check_csrf(request, who, csrf_token)
    try:
        task = Task(plan_code=code, code=task_code.strip(), title=title.strip(), owner=owner.strip(),
                    owner_unit_code=owner_unit.strip() or None,
                    deadline=service.parse_day(deadline, field="deadline") if deadline.strip() else None,
                    progress=service.parse_progress(state or "not_started"))
        with transaction(request, write=True) as session:
            queries.plan_row(session, who, code)
            service.add_task(session, who.actor(), task, as_of=date.today())
    except ChitieuError as exc:
        from chitieu.web.errors import status_of

        return _page(request, code, None, error=exc.message, status=status_of(exc))
    return RedirectResponse(f"/plans/{code}/tasks#task-{task.code}", status_code=303)


@router.post("/plans/{code}/tasks/{task_code}")
def report_state(
    request: Request, code: str, task_code: str, state: str = Form("", max_length=50),
    completed_on: str = Form("", max_length=20), note: str = Form("", max_length=4000),
    version: int | None = Form(None, ge=1, le=2_147_483_647), csrf_token: str = Form(""),
) -> Response:
    who = require(request, "upload")
    check_csrf(request, who, csrf_token)
    try:
        changes: dict[str, Any] = {}
        if state.strip():
            changes["progress"] = service.parse_progress(state)
        if completed_on.strip():
            changes["completed_on"] = service.parse_day(completed_on, field="completed_on")
        if note.strip():
            changes["note"] = note.strip()
        with transaction(request, write=True) as session:
            queries.plan_row(session, who, code)
            service.update_task(session, who.actor(), code, task_code[:100], changes, as_of=date.today(),
                                expected_version=version)
    except ChitieuError as exc:
        from chitieu.web.errors import status_of

        return _page(request, code, None, error=exc.message, status=status_of(exc))
    return RedirectResponse(f"/plans/{code}/tasks", status_code=303)
