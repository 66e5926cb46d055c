"""Tasks (nhiệm vụ) of a plan: list with their state on a day, add, update, history, and overdue ones.

Every function takes the caller's session and actor (``overdue_tasks`` a workspace code: reminders run as
the system). Adding a task, or changing what it is (title, owner, deadline), is the registry
(edit_registry); reporting how far it has got (state, day done, note, evidence) is reporting figures, and an
officer may report only for tasks their units own. Each change is one event (entity "task") with its
before → after: the task's history. "Quá hạn" is never stored; it is derived on the day asked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import Actor, Permission, Provenance, Task, TaskProgress, TaskState, task_state
from chitieu.domain.actors import SYSTEM
from chitieu.domain.tasks import days_overdue, deadline_of_year
from chitieu.messages import ChitieuError, msg
from chitieu.registry.schema import accepted_choices, choice_of
from chitieu.services.concurrency import check_version
from chitieu.services.events import Event, list_events, record_event
from chitieu.services.registry import plan_not_found
from chitieu.services.workspaces import workspace_id
from chitieu.store.models import OrgUnitRow, PlanRow
from chitieu.store.models_tasks import TaskRow
from chitieu.store.tasks import read_task_rows, task_values
from chitieu.store.upserts import Changes, CodeIds

__all__ = [
    "REGISTRY_FIELDS",
    "REPORT_FIELDS",
    "TaskView",
    "add_task",
    "get_task",
    "list_tasks",
    "overdue_tasks",
    "parse_day",
    "parse_progress",
    "parse_state",
    "task_history",
    "update_task",
]

# What a task is (the registry) and how far it has got (reported figures).
REGISTRY_FIELDS = ("title", "number", "order", "owner_unit_code", "owner", "deadline")
REPORT_FIELDS = ("progress", "completed_on", "note", "evidence")
OVERDUE_WORDS = ("quá hạn", "overdue")
_VN_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


@dataclass(frozen=True, slots=True)
class TaskView:
    """A stored task with its state on ``as_of`` (overdue worked out), its row id and version."""

    task: Task
    state: TaskState
    as_of: date
    days_overdue: int | None
    id: int
    version: int

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``chitieu task list --format json`` and the API."""
        t = self.task
        evidence = None
        if t.evidence is not None:
            evidence = {"document": t.evidence.document, "location": t.evidence.location, "quote": t.evidence.quote}
        return {
            "plan_code": t.plan_code, "code": t.code, "number": t.number, "title": t.title,
            "owner_unit": t.owner_unit_code, "owner": t.owner,
            "deadline": t.deadline.isoformat() if t.deadline else None, "progress": t.progress.value,
            "completed_on": t.completed_on.isoformat() if t.completed_on else None,
            "state": self.state.value, "state_vi": self.state.label_vi, "as_of": self.as_of.isoformat(),
            "days_overdue": self.days_overdue, "note": t.note, "evidence": evidence, "version": self.version,
        }


def parse_day(text: str, *, field: str) -> date:
    """A day as people write it (2025-12-31, 31/12/2025) or a year (2025 = its last day)."""
    raw = text.strip()
    try:
        if re.fullmatch(r"\d{4}", raw) and 1900 <= int(raw) <= 2200:
            return deadline_of_year(int(raw))
        match = _VN_DAY.match(raw)
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(raw)
    except ValueError:
        raise ChitieuError("task_bad_day", field=field, value=text) from None


def parse_progress(text: str) -> TaskProgress:
    """A reported state in words or as a code; "quá hạn" is refused (it is worked out from the deadline)."""
    if " ".join(text.lower().split()) in OVERDUE_WORDS:
        raise ChitieuError("task_overdue_not_reported", value=text)
    found = choice_of(TaskProgress, text)
    if found is None:
        raise ChitieuError("task_bad_progress", value=text, accepted=accepted_choices(TaskProgress))
    return found


def parse_state(text: str) -> TaskState:
    """A state to look for: a reported one, or "quá hạn" (overdue)."""
    if " ".join(text.lower().split()) in OVERDUE_WORDS:
        return TaskState.OVERDUE
    return TaskState(parse_progress(text).value)


def _view(row: TaskRow, task: Task, as_of: date) -> TaskView:
    return TaskView(task, task_state(task, as_of), as_of, days_overdue(task, as_of), row.id, row.version)


def _plan_id(session: Session, ws: int, plan_code: str) -> int:
    found = session.scalar(select(PlanRow.id).where(PlanRow.workspace_id == ws, PlanRow.code == plan_code))
    if found is None:
        raise plan_not_found(plan_code)
    return found


def list_tasks(
    session: Session, actor: Actor, plan_code: str | None = None, *, as_of: date,
    state: TaskState | None = None, unit: str | None = None,
) -> list[TaskView]:
    """The tasks of ``plan_code`` (every plan when None) with their state on ``as_of``, in register order;
    ``state`` and ``unit`` (the owner unit) filter them."""
    ws = workspace_id(session, actor)
    if plan_code is not None:
        _plan_id(session, ws, plan_code)
    if unit is not None and session.scalar(
            select(OrgUnitRow.id).where(OrgUnitRow.workspace_id == ws, OrgUnitRow.code == unit)) is None:
        raise ChitieuError("org_unit_not_found", code=unit)
    views = [_view(r, t, as_of) for r, t in read_task_rows(session, ws, None if plan_code is None else [plan_code])]
    return [v for v in views if (state is None or v.state is state)
            and (unit is None or v.task.owner_unit_code == unit)]


def _row(session: Session, ws: int, plan_code: str, code: str) -> TaskRow:
    plan_id = _plan_id(session, ws, plan_code)
    row = session.scalar(select(TaskRow).where(TaskRow.plan_id == plan_id, TaskRow.code == code))
    if row is None:
        raise ChitieuError("task_not_found", plan=plan_code, code=code)
    return row


def get_task(session: Session, actor: Actor, plan_code: str, code: str, *, as_of: date) -> TaskView:
    ws = workspace_id(session, actor)
    row = _row(session, ws, plan_code, code)
    task = next(t for r, t in read_task_rows(session, ws, [plan_code]) if r.id == row.id)
    return _view(row, task, as_of)


def _check(task: Task, as_of: date) -> None:
    if not task.code.strip() or len(task.code) > 100:
        raise ChitieuError("task_bad_code", value=task.code)
    if not task.title.strip():
        raise ChitieuError("task_title_missing", code=task.code)
    if task.completed_on is not None and not task.progress.is_done:
        raise ChitieuError("task_completed_not_done_state", code=task.code, day=task.completed_on.isoformat())
    if task.completed_on is not None and task.completed_on > as_of:
        raise ChitieuError("task_completed_in_future", code=task.code, day=task.completed_on.isoformat())


def _covers(actor: Actor, task: Task) -> None:
    if not actor.covers_unit(task.owner_unit_code):
        raise ChitieuError("task_unit_forbidden", actor=actor.name, code=task.code,
                           unit=task.owner_unit_code or msg("whole_area"))


def _snapshot(task: Task) -> dict[str, Any]:
    return {
        "title": task.title, "number": task.number, "order": task.order, "owner_unit_code": task.owner_unit_code,
        "owner": task.owner, "deadline": task.deadline, "progress": task.progress.value,
        "completed_on": task.completed_on, "note": task.note,
        "evidence": None if task.evidence is None else
        {"document": task.evidence.document, "location": task.evidence.location, "quote": task.evidence.quote},
    }


def add_task(session: Session, actor: Actor, task: Task, *, as_of: date, reason: str = "") -> TaskView:
    """Add a new task to its plan; a code the plan already has is ``task_exists``."""
    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    plan_id = _plan_id(session, ws, task.plan_code)
    _check(task, as_of)
    if session.scalar(select(TaskRow.id).where(TaskRow.plan_id == plan_id, TaskRow.code == task.code)) is not None:
        raise ChitieuError("task_exists", plan=task.plan_code, code=task.code)
    if task.order == 0:
        last = session.scalars(select(TaskRow.order).where(TaskRow.plan_id == plan_id)).all()
        task = replace(task, order=max(last, default=0) + 1)
    changes = Changes()
    ids = CodeIds(session, ws)
    if task.owner_unit_code is not None and task.owner_unit_code not in ids.org_units:
        raise ChitieuError("org_unit_not_found", code=task.owner_unit_code)
    row = TaskRow(**task_values(ids, task, changes))
    session.add(row)
    session.flush()
    record_event(session, actor, action="task.add", entity="task", entity_id=row.id, key=f"{task.plan_code}/{task.code}",
                 after=_snapshot(task), reason=reason, context={"plan": task.plan_code})
    return _view(row, task, as_of)


def update_task(
    session: Session, actor: Actor, plan_code: str, code: str, changes: Mapping[str, Any], *, as_of: date,
    expected_version: int | None = None, reason: str = "",
) -> TaskView:
    """Change a task: ``changes`` maps fields of ``REGISTRY_FIELDS`` / ``REPORT_FIELDS`` to new values (typed:
    dates, ``TaskProgress``, ``Provenance``). A stale ``expected_version`` is ``conflict_stale``. Setting a
    state not done clears the day done."""
    unknown = sorted(set(changes) - set(REGISTRY_FIELDS) - set(REPORT_FIELDS))
    if unknown:
        raise ChitieuError("task_unknown_field", fields=", ".join(unknown))
    if not changes:
        raise ChitieuError("task_nothing_to_change", code=code)
    needs = Permission.EDIT_REGISTRY if set(changes) & set(REGISTRY_FIELDS) else Permission.REPORT_FIGURES
    ws = workspace_id(session, actor, needs)
    row = _row(session, ws, plan_code, code)
    current = next(t for r, t in read_task_rows(session, ws, [plan_code]) if r.id == row.id)
    _covers(actor, current)
    check_version(row, expected_version, what=msg("what_task", plan=plan_code, code=code),
                  value=lambda: TaskState(current.progress.value).label_vi, session=session, entity="task")
    fields = dict(changes)
    if "progress" in fields:
        fields["progress"] = TaskProgress(fields["progress"])
    if "progress" in fields and not TaskProgress(fields["progress"]).is_done and "completed_on" not in fields:
        fields["completed_on"] = None
    updated = replace(current, **fields)
    _check(updated, as_of)
    _covers(actor, updated)
    ids = CodeIds(session, ws)
    if updated.owner_unit_code is not None and updated.owner_unit_code not in ids.org_units:
        raise ChitieuError("org_unit_not_found", code=updated.owner_unit_code)
    before, after = _snapshot(current), _snapshot(updated)
    diff = {k for k in after if after[k] != before[k]}
    if not diff:
        return _view(row, current, as_of)
    for name, value in task_values(ids, updated, Changes()).items():
        if getattr(row, name) != value:
            setattr(row, name, value)
    session.flush()
    record_event(session, actor, action="task.update", entity="task", entity_id=row.id, key=f"{plan_code}/{code}",
                 before={k: before[k] for k in sorted(diff)}, after={k: after[k] for k in sorted(diff)},
                 reason=reason, context={"plan": plan_code})
    return _view(row, updated, as_of)


def task_history(session: Session, actor: Actor, plan_code: str, code: str) -> list[Event]:
    """Every recorded change of the task, oldest first (imports, additions, updates)."""
    ws = workspace_id(session, actor)
    row = _row(session, ws, plan_code, code)
    return list_events(session, actor, entity="task", entity_id=row.id)


def overdue_tasks(
    session: Session, workspace: str | Actor, today: date, *, plan_code: str | None = None,
) -> list[TaskView]:
    """The tasks of ``workspace`` (a code, or an actor acting there) not done by their deadline on ``today``,
    most overdue first. For the dashboard and for reminders."""
    actor = workspace if isinstance(workspace, Actor) else SYSTEM.in_workspace(workspace)
    views = list_tasks(session, actor, plan_code, as_of=today, state=TaskState.OVERDUE)
    return sorted(views, key=lambda v: (-(v.days_overdue or 0), v.task.plan_code, v.task.order))


def evidence_of(document: str | None, location: str = "", quote: str = "") -> Provenance | None:
    """Evidence given by its parts (None when no document is named; a place or quote alone is an error)."""
    if not document:
        if location or quote:
            raise ChitieuError("task_evidence_without_document")
        return None
    return Provenance(document=document, location=location, quote=quote)
