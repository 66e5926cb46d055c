"""Tasks (nhiệm vụ) of a plan: who does what by when, how far it has got, and the evidence (pure).

What is stored is what people report: not started, in progress, done (with the day it was done when
known), or done late. "Quá hạn" (overdue) is never stored: it is derived from the deadline and the day
the register is read (``task_state``), so it can never be left behind by the calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from chitieu.domain.provenance import Provenance


class TaskProgress(StrEnum):
    """How far a task has got, as reported (stored)."""

    NOT_STARTED = "not_started"  # chưa triển khai
    IN_PROGRESS = "in_progress"  # đang thực hiện
    DONE = "done"  # hoàn thành
    DONE_LATE = "done_late"  # hoàn thành quá hạn (stated without a completion day)

    @property
    def is_done(self) -> bool:
        return self in (TaskProgress.DONE, TaskProgress.DONE_LATE)


class TaskState(StrEnum):
    """The state shown: the reported progress, with "quá hạn" worked out from the deadline."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DONE_LATE = "done_late"
    OVERDUE = "overdue"

    @property
    def label_vi(self) -> str:
        return TASK_STATE_LABELS_VI[self]


TASK_STATE_LABELS_VI: dict[TaskState, str] = {
    TaskState.NOT_STARTED: "Chưa triển khai",
    TaskState.IN_PROGRESS: "Đang thực hiện",
    TaskState.DONE: "Hoàn thành",
    TaskState.DONE_LATE: "Hoàn thành quá hạn",
    TaskState.OVERDUE: "Quá hạn",
}


@dataclass(frozen=True, slots=True)
class Task:
    """A task of ``plan_code``: ``owner_unit_code`` (an org unit) and/or ``owner`` as written."""

    plan_code: str
    code: str
    title: str
    number: str = ""  # as the register numbers it ("1", "II.3")
    order: int = 0
    owner_unit_code: str | None = None
    owner: str = ""  # the agency in charge as written ("Ban Thường vụ Tỉnh ủy")
    deadline: date | None = None
    progress: TaskProgress = TaskProgress.NOT_STARTED
    completed_on: date | None = None
    note: str = ""
    evidence: Provenance | None = None  # the document and quote that show its state


def task_state(task: Task, as_of: date) -> TaskState:
    """The state of ``task`` on ``as_of``: overdue when not done and its deadline has passed; a task done
    after its deadline is "done late" whatever it was reported as."""
    if task.progress.is_done:
        if task.completed_on is not None and task.deadline is not None:
            return TaskState.DONE_LATE if task.completed_on > task.deadline else TaskState.DONE
        return TaskState(task.progress.value)
    if task.deadline is not None and as_of > task.deadline:
        return TaskState.OVERDUE
    return TaskState(task.progress.value)


def days_overdue(task: Task, as_of: date) -> int | None:
    """Days past the deadline of a task not done on ``as_of`` (None when it is not overdue)."""
    if task_state(task, as_of) is not TaskState.OVERDUE or task.deadline is None:
        return None
    return (as_of - task.deadline).days


def deadline_of_year(year: int) -> date:
    """A deadline given as a year ("đến năm 2025") is the last day of that year."""
    return date(year, 12, 31)
