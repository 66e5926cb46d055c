"""Tables of programme budgets: capital plans, disbursements and disbursement targets of a plan node.

Amounts are in triệu đồng. ``source`` / ``kind`` / ``org_unit_id`` NULL mean "all sources", "the
period's own and carried-over capital together", "the node's whole area". Rows are matched by their
business key in the store's writer (NULLs are not distinct in unique constraints on every database, so
the key is enforced there and by the exchange format's validation).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from chitieu.store.models import OBSERVATION_FLAGS, OPS, Base, ProvenanceColumns, Versioned, one_of

CAPITAL_SOURCES = (
    "state_budget", "central_investment", "central_recurrent", "central_budget", "local_investment", "local_recurrent", "local_budget",
    "investment", "recurrent", "credit", "mobilised", "oda", "other",
)
CAPITAL_KINDS = ("annual", "carried_over")


def _nullable_one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IS NULL OR {one_of(column, values)}"


class CapitalPlanRow(ProvenanceColumns, Versioned, Base):
    """Capital planned for a plan node in a period (by source, kind, and unit when allocated to one)."""

    __tablename__ = "capital_plans"
    __table_args__ = (
        CheckConstraint(_nullable_one_of("source", CAPITAL_SOURCES), name="source"),
        CheckConstraint(_nullable_one_of("kind", CAPITAL_KINDS), name="kind"),
        CheckConstraint("period_end >= period_start", name="period"),
        CheckConstraint("amount >= 0", name="amount"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    org_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    period_start: Mapped[int] = mapped_column(Integer)
    period_end: Mapped[int] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(String(30))
    kind: Mapped[str | None] = mapped_column(String(20))
    amount: Mapped[float] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class DisbursementRow(ProvenanceColumns, Versioned, Base):
    """Capital of a period disbursed up to ``as_of`` (cumulative): an amount, the printed rate, or both."""

    __tablename__ = "disbursements"
    __table_args__ = (
        CheckConstraint(_nullable_one_of("source", CAPITAL_SOURCES), name="source"),
        CheckConstraint(_nullable_one_of("kind", CAPITAL_KINDS), name="kind"),
        CheckConstraint(one_of("flag", OBSERVATION_FLAGS), name="flag"),
        CheckConstraint("period_end >= period_start", name="period"),
        CheckConstraint("amount IS NOT NULL OR stated_rate IS NOT NULL", name="figure"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    org_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    period_start: Mapped[int] = mapped_column(Integer)
    period_end: Mapped[int] = mapped_column(Integer)
    as_of: Mapped[date] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(30))
    kind: Mapped[str | None] = mapped_column(String(20))
    amount: Mapped[float | None] = mapped_column(Float)
    stated_rate: Mapped[float | None] = mapped_column(Float)
    flag: Mapped[str] = mapped_column(String(20), default="actual")
    text: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class DisbursementTargetRow(ProvenanceColumns, Versioned, Base):
    """A target on the disbursement rate (percent) of a plan node, for one period or every period."""

    __tablename__ = "disbursement_targets"
    __table_args__ = (
        CheckConstraint(_nullable_one_of("source", CAPITAL_SOURCES), name="source"),
        CheckConstraint(one_of("op", OPS), name="op"),
        CheckConstraint("period_start IS NULL OR period_end >= period_start", name="period"),
        CheckConstraint("op <> 'range' OR (low IS NOT NULL AND high IS NOT NULL)", name="range_bounds"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    period_start: Mapped[int | None] = mapped_column(Integer)
    period_end: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(String(30))
    op: Mapped[str] = mapped_column(String(10))
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None] = mapped_column(Date)
