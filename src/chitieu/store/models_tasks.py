"""The table of tasks (nhiệm vụ) of a plan: owner, deadline, reported progress and its evidence.

Only what people report is stored (``progress``: not started, in progress, done, done late, with the day it
was done when known); "quá hạn" is derived from the deadline on the day the register is read. The history
of a task is its events (entity "task").
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from chitieu.store.models import Base, ProvenanceColumns, Versioned, one_of

TASK_PROGRESS = ("not_started", "in_progress", "done", "done_late")


class TaskRow(ProvenanceColumns, Versioned, Base):
    """A task of a plan; ``code`` is unique within the plan; the provenance columns are its evidence."""

    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("plan_id", "code"),
        CheckConstraint(one_of("progress", TASK_PROGRESS), name="progress"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text)
    number: Mapped[str] = mapped_column(String(50), default="")
    order: Mapped[int] = mapped_column(Integer, default=0)
    owner_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    owner: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    progress: Mapped[str] = mapped_column(String(20), default="not_started")
    completed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
