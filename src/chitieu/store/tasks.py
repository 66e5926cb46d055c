"""Store and read the tasks (nhiệm vụ) of a workspace's plans.

Writes are upserts inside the caller's transaction that keep row ids: a task is matched by (plan, code).
For every plan the new data names, that plan's tasks become exactly the new ones (with ``replace``); other
plans are left alone. Each change is collected for the event log, with codes rather than internal ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import Provenance, Task, TaskProgress
from chitieu.store.models import DocumentRow, OrgUnitRow, PlanRow
from chitieu.store.models_tasks import TaskRow
from chitieu.store.programmes import _plan_id, _replace, _stored, _unit_id
from chitieu.store.upserts import Changes, CodeIds, business_key, provenance_columns, shown

TASK_TABLE = "tasks"
WHAT_TASK = "nhiệm vụ"  # how a missing reference is named (a code of the store, as budget rows do)


def task_values(ids: CodeIds, task: Task, changes: Changes) -> dict[str, Any]:
    """The columns of ``task`` (its plan and owner unit resolved to ids)."""
    return {
        "plan_id": ids.plans[task.plan_code], "code": task.code, "title": task.title, "number": task.number,
        "order": task.order, "owner_unit_id": _unit_id(ids, task.plan_code, task.owner_unit_code, WHAT_TASK),
        "owner": task.owner, "deadline": task.deadline, "progress": task.progress.value,
        "completed_on": task.completed_on, "note": task.note, **provenance_columns(ids, task.evidence, changes),
    }


def write_tasks(
    session: Session, workspace_id: int, tasks: list[Task], changes: Changes, *, replace: bool = True,
) -> None:
    """Store ``tasks``: each plan named gets exactly those tasks (``replace``), or they are added and updated."""
    ids = CodeIds(session, workspace_id)
    unit_code = {i: c for c, i in ids.org_units.items()}
    code_of = {i: c for c, i in ids.plans.items()}
    plan_ids = {_plan_id(ids, t.plan_code, WHAT_TASK) for t in tasks}
    show = lambda v: shown(v, ids, {"owner_unit_id": unit_code.get, "plan_id": code_of.get})  # noqa: E731

    def row_key(r: TaskRow) -> tuple[object, ...]:
        return (code_of.get(r.plan_id), r.code)

    def item_key(t: Task) -> tuple[object, ...]:
        return (t.plan_code, t.code)

    _replace(session, _stored(session, TaskRow, plan_ids), tasks, row_key=row_key, item_key=item_key,
             values=lambda t: task_values(ids, t, changes), make=TaskRow, entity="task",
             shown_key=lambda r: business_key(*row_key(r)), snapshot=lambda r: {"title": r.title, "progress": r.progress},
             show=show, changes=changes, replace=replace)


def task_of_row(row: TaskRow, plan_code: str, units: dict[int, str], documents: dict[int, str]) -> Task:
    evidence = None
    if row.source_document_id is not None:
        evidence = Provenance(documents[row.source_document_id], row.source_location, row.source_quote,
                              row.source_page, row.source_start, row.source_end)
    return Task(
        plan_code=plan_code, code=row.code, title=row.title, number=row.number, order=row.order,
        owner_unit_code=units.get(row.owner_unit_id) if row.owner_unit_id else None, owner=row.owner,
        deadline=row.deadline, progress=TaskProgress(row.progress), completed_on=row.completed_on, note=row.note,
        evidence=evidence,
    )


def read_task_rows(
    session: Session, workspace_id: int, plan_codes: Iterable[str] | None = None,
) -> list[tuple[TaskRow, Task]]:
    """The stored rows and their tasks, of every plan of the workspace (or of ``plan_codes``), in plan then
    register order."""
    plans = dict(session.execute(select(PlanRow.id, PlanRow.code).where(PlanRow.workspace_id == workspace_id)).all())
    if plan_codes is not None:
        wanted = set(plan_codes)
        plans = {i: c for i, c in plans.items() if c in wanted}
    if not plans:
        return []
    units = dict(session.execute(select(OrgUnitRow.id, OrgUnitRow.code).where(OrgUnitRow.workspace_id == workspace_id)).all())
    documents = dict(session.execute(select(DocumentRow.id, DocumentRow.code).where(DocumentRow.workspace_id == workspace_id)).all())
    rows = session.scalars(select(TaskRow).where(TaskRow.plan_id.in_(list(plans)))
                           .order_by(TaskRow.plan_id, TaskRow.order, TaskRow.id))
    return [(r, task_of_row(r, plans[r.plan_id], units, documents)) for r in rows]


def read_tasks(session: Session, workspace_id: int, plan_codes: Iterable[str] | None = None) -> list[Task]:
    return [t for _, t in read_task_rows(session, workspace_id, plan_codes)]


def task_documents(tasks: Iterable[Task]) -> set[str]:
    """Codes of the documents the tasks cite as evidence."""
    return {t.evidence.document for t in tasks if t.evidence is not None}
