"""Validate the ``tasks`` table of the exchange format (pure): the tasks (nhiệm vụ) of a plan.

``state`` is what was reported: chưa triển khai, đang thực hiện, hoàn thành, hoàn thành quá hạn (or the codes
not_started, in_progress, done, done_late). "Quá hạn" is never stored: it is worked out from ``deadline`` on
the day the register is read, so a cell that says it is kept as "đang thực hiện" with a warning. ``deadline``
and ``completed_on`` are days (2025-12-31, 31/12/2025) or a year (2025 = the last day of that year).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from chitieu.domain import Task, TaskProgress
from chitieu.domain.tasks import deadline_of_year
from chitieu.registry.cells import Cells

if TYPE_CHECKING:
    from chitieu.registry.parse import _Builder

OVERDUE_WORDS = frozenset({"quá hạn", "overdue", "chậm tiến độ", "chậm"})


def day_or_year(c: Cells, column: str) -> date | None:
    """A day, or a year meaning its last day."""
    text = c.text(column)
    if re.fullmatch(r"\d{4}", text):
        year = c.year(column)
        return deadline_of_year(year) if year is not None else None
    return c.day(column)


def state_cell(c: Cells) -> TaskProgress | None:
    text = c.text("state")
    if " ".join(text.lower().split()) in OVERDUE_WORDS:
        c.problem("task_state_overdue_derived", "state", severity="warning", value=text)
        return TaskProgress.IN_PROGRESS
    return c.choice("state", TaskProgress, TaskProgress.NOT_STARTED, code="task_bad_state")


def read_tasks(builder: _Builder) -> None:
    seen: set[object] = set()

    def each(c: Cells) -> None:
        plan_code = builder.plan_ref(c)
        code, title = c.required("code"), c.required("title")
        order = c.integer("order", 0)
        deadline = day_or_year(c, "deadline")
        completed_on = day_or_year(c, "completed_on")
        progress = state_cell(c)
        unit = c.optional("owner_unit_code")
        if unit and all(u.code != unit for u in builder.registry.org_units) \
                and not builder.already_reported("org_units", unit):
            c.problem("unknown_reference", "owner_unit_code", value=unit)
        evidence = builder.provenance(c)
        if completed_on is not None and progress is not None and not progress.is_done:
            c.problem("task_completed_not_done", "completed_on", value=c.text("completed_on"))
        if plan_code is None or progress is None or order is None or c.failed:
            return
        task = Task(plan_code=plan_code, code=code, title=title, number=c.text("number"), order=order,
                    owner_unit_code=unit, owner=c.text("owner"), deadline=deadline, progress=progress,
                    completed_on=completed_on, note=c.text("note"), evidence=evidence)
        if builder.unique(c, seen, (plan_code, code), f"{plan_code}/{code}"):
            builder.registry.tasks.append(task)

    builder.rows("tasks", each)
