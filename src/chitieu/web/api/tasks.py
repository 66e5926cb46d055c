"""Tasks (nhiệm vụ) of a plan: ``GET/POST /api/v1/plans/{code}/tasks``, ``PATCH …/tasks/{task}``, history."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request

from chitieu.domain import Provenance, Task, TaskState
from chitieu.services import tasks as service
from chitieu.services.events import jsonable
from chitieu.web import queries
from chitieu.web.api.schemas import Evidence, TaskCreate, TaskEvent, TaskList, TaskModel, TaskPatch
from chitieu.web.context import caller, check_csrf, require, transaction

router = APIRouter(tags=["tasks"])
STATES = "not_started|in_progress|done|done_late|overdue"


def _day(text: str | None, field: str) -> date | None:
    return None if text is None or not text.strip() else service.parse_day(text, field=field)


def _evidence(body: Evidence | None) -> Provenance | None:
    return None if body is None else Provenance(body.document, body.location, body.quote)


@router.get("/plans/{code}/tasks", response_model=TaskList, summary="Nhiệm vụ của kế hoạch và tình trạng")
def list_tasks(
    request: Request, code: str,
    as_of: str | None = Query(None, max_length=20, description="Tình trạng vào ngày (mặc định: hôm nay)"),
    state: str | None = Query(None, pattern=f"^({STATES})$", description="Chỉ nhiệm vụ có tình trạng này"),
    unit: str | None = Query(None, max_length=100, description="Chỉ nhiệm vụ do đơn vị này chủ trì"),
) -> dict[str, Any]:
    who = caller(request)
    day = _day(as_of, "as_of") or date.today()
    with transaction(request) as session:
        queries.plan_row(session, who, code)
        views = service.list_tasks(session, who.actor(), code, as_of=day,
                                   state=TaskState(state) if state else None, unit=unit)
    return {"plan_code": code, "as_of": day.isoformat(), "tasks": [v.to_dict() for v in views]}


@router.post("/plans/{code}/tasks", response_model=TaskModel, status_code=201, summary="Thêm nhiệm vụ")
def add_task(request: Request, code: str, body: TaskCreate) -> dict[str, Any]:
    who = require(request, "edit_registry")
    check_csrf(request, who)
    task = Task(plan_code=code, code=body.code, title=body.title, number=body.number,
                owner_unit_code=body.owner_unit or None, owner=body.owner, deadline=_day(body.deadline, "deadline"),
                progress=service.parse_progress(body.state), completed_on=_day(body.completed_on, "completed_on"),
                note=body.note, evidence=_evidence(body.evidence))
    with transaction(request, write=True) as session:
        queries.plan_row(session, who, code)
        return service.add_task(session, who.actor(), task, as_of=date.today()).to_dict()


@router.patch("/plans/{code}/tasks/{task_code}", response_model=TaskModel, summary="Cập nhật nhiệm vụ")
def update_task(request: Request, code: str, task_code: str, body: TaskPatch) -> dict[str, Any]:
    """Reporting the state needs an officer of the owner unit (or the office); changing the title, owner or
    deadline needs the office. ``version`` is the version the caller saw: a stale one is 409."""
    who = require(request, "upload")
    check_csrf(request, who)
    given = body.model_dump(exclude_unset=True)
    changes: dict[str, Any] = {}
    for name in ("title", "number", "owner", "note"):
        if name in given and given[name] is not None:
            changes[name] = given[name]
    if "owner_unit" in given:
        changes["owner_unit_code"] = body.owner_unit or None
    if "deadline" in given:
        changes["deadline"] = _day(body.deadline, "deadline")
    if "completed_on" in given:
        changes["completed_on"] = _day(body.completed_on, "completed_on")
    if body.state is not None:
        changes["progress"] = service.parse_progress(body.state)
    if "evidence" in given:
        changes["evidence"] = _evidence(body.evidence)
    with transaction(request, write=True) as session:
        queries.plan_row(session, who, code)
        return service.update_task(session, who.actor(), code, task_code[:100], changes, as_of=date.today(),
                                   expected_version=body.version, reason=body.reason).to_dict()


@router.get("/plans/{code}/tasks/{task_code}/history", response_model=list[TaskEvent],
            summary="Lịch sử thay đổi của nhiệm vụ")
def task_history(request: Request, code: str, task_code: str) -> list[dict[str, Any]]:
    who = caller(request)
    with transaction(request) as session:
        queries.plan_row(session, who, code)
        events = service.task_history(session, who.actor(), code, task_code[:100])
    return [jsonable({"at": e.at, "actor": e.actor, "via": e.via, "action": e.action, "before": e.before,
                      "after": e.after, "reason": e.reason}) for e in events]
