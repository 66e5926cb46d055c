"""Tables of reporting rounds: the round, its units (approval state), and one value row per unit and indicator.

A round's value rows are made when the round is created (one per unit and indicator asked, ``text`` empty
until written); every write bumps the row's ``version`` (optimistic concurrency) and records an event
(entity ``round_value``, key ``<round>/<unit>/<indicator>``): the audit trail per value.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from chitieu.store.models import OBSERVATION_FLAGS, OPS, Base, InWorkspace, Versioned, one_of

ROUND_STATUSES = ("open", "closed")
PERIOD_KINDS = ("half_year", "year", "midterm", "final", "range")
UNIT_STATUSES = ("draft", "submitted", "returned", "approved", "locked")
VALUE_SOURCES = ("form", "api", "file", "claim")


class RoundRow(InWorkspace, Versioned, Base):
    """A reporting round (kỳ báo cáo) of a plan for a period, with its deadline."""

    __tablename__ = "rounds"
    __table_args__ = (
        CheckConstraint(one_of("status", ROUND_STATUSES), name="status"),
        CheckConstraint(one_of("period_kind", PERIOD_KINDS), name="period_kind"),
        CheckConstraint("period_end >= period_start", name="period"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    period_kind: Mapped[str] = mapped_column(String(20))
    period_label: Mapped[str] = mapped_column(Text, default="")
    period_start: Mapped[int] = mapped_column(Integer)
    period_end: Mapped[int] = mapped_column(Integer)
    deadline: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(200), default="")


class RoundUnitRow(Versioned, Base):
    """A unit asked to report in a round; ``parent_id`` is the round unit above it (bottom-up approval)."""

    __tablename__ = "round_units"
    __table_args__ = (
        UniqueConstraint("round_id", "org_unit_id"),
        CheckConstraint(one_of("status", UNIT_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("round_units.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    comment: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class RoundValueRow(Versioned, Base):
    """The value a unit reports for an indicator in a round, as written ("47,5", ">5", "Hoàn thành")."""

    __tablename__ = "round_values"
    __table_args__ = (
        UniqueConstraint("round_unit_id", "indicator_id"),
        CheckConstraint("op IS NULL OR " + one_of("op", OPS), name="op"),
        CheckConstraint(one_of("flag", OBSERVATION_FLAGS), name="flag"),
        CheckConstraint("source IS NULL OR " + one_of("source", VALUE_SOURCES), name="source"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_unit_id: Mapped[int] = mapped_column(ForeignKey("round_units.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    lead: Mapped[bool] = mapped_column(Boolean, default=False)  # the agency in charge (cơ quan chủ trì)
    text: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[float | None] = mapped_column(Float)
    op: Mapped[str | None] = mapped_column(String(10))
    flag: Mapped[str] = mapped_column(String(20), default="actual")
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str | None] = mapped_column(String(20))
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


RULE_KINDS = ("share_max", "units_sum", "jump_factor", "note_when_at_risk")
SEVERITIES = ("error", "warning")


class RoundRuleRow(Versioned, Base):
    """A validation rule of a plan's reporting rounds (``chitieu.domain.round_rules``)."""

    __tablename__ = "round_rules"
    __table_args__ = (
        CheckConstraint(one_of("rule", RULE_KINDS), name="rule"),
        CheckConstraint("severity IS NULL OR " + one_of("severity", SEVERITIES), name="severity"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(30))
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    severity: Mapped[str | None] = mapped_column(String(10))
    limit_value: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
