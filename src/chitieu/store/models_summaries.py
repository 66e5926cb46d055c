"""Materialised dashboard summaries (the national dashboard reads only these).

- ``summary_state``: one row per workspace once ``chitieu summaries refresh`` has built them (the as-of
  year judged); from then on every write of a value or target refreshes the keys it touched.
- ``summary_targets``: the verdict of every current target at that year (plan, indicator, unit).
- ``summary_counts``: verdict counts per scope: ``area`` (a plan's whole-area targets), ``unit`` (one unit's
  targets in a plan), ``units`` (all the unit targets of a plan together) and ``nation`` (every plan's
  whole-area targets).
- ``summary_values``: yearly values of aggregable indicators (matched across plans by name and unit) for
  the units above the communes, up the hierarchy valid each year (domain/aggregation.py), with the basis.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from chitieu.store.models import Base

STATUS_COLUMNS = ("exceeded", "achieved", "not_yet", "not_achieved", "at_risk", "on_track", "no_data")


class SummaryStateRow(Base):
    __tablename__ = "summary_state"

    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True)
    as_of: Mapped[int] = mapped_column(Integer)
    refreshed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    seconds: Mapped[float] = mapped_column(Float, default=0.0)


class SummaryTargetRow(Base):
    __tablename__ = "summary_targets"
    __table_args__ = (
        Index("ix_summary_targets_series", "indicator_id", "org_unit_id"),
        Index("ix_summary_targets_unit", "org_unit_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    org_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20))
    value: Mapped[float | None] = mapped_column(Float)
    ratio: Mapped[float | None] = mapped_column(Float)
    period: Mapped[str] = mapped_column(String(20), default="")
    latest_year: Mapped[int | None] = mapped_column(Integer)


class SummaryCountRow(Base):
    __tablename__ = "summary_counts"
    __table_args__ = (Index("ix_summary_counts_scope", "workspace_id", "scope", "unit_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    scope: Mapped[str] = mapped_column(String(10))  # area | unit | units | nation
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id", ondelete="CASCADE"))
    exceeded: Mapped[int] = mapped_column(Integer, default=0)
    achieved: Mapped[int] = mapped_column(Integer, default=0)
    not_yet: Mapped[int] = mapped_column(Integer, default=0)
    not_achieved: Mapped[int] = mapped_column(Integer, default=0)
    at_risk: Mapped[int] = mapped_column(Integer, default=0)
    on_track: Mapped[int] = mapped_column(Integer, default=0)
    no_data: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    latest_year: Mapped[int | None] = mapped_column(Integer)


class SummaryValueRow(Base):
    __tablename__ = "summary_values"
    __table_args__ = (
        Index("ix_summary_values_unit", "workspace_id", "org_unit_id"),
        Index("ix_summary_values_key", "workspace_id", "indicator_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    indicator_key: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(100), default="")
    method: Mapped[str] = mapped_column(String(10))
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Float)
    partial: Mapped[float | None] = mapped_column(Float)  # no value: the parts that had one, combined
    basis: Mapped[str] = mapped_column(String(20))
    parts: Mapped[int] = mapped_column(Integer, default=0)
    missing: Mapped[int] = mapped_column(Integer, default=0)
    missing_codes: Mapped[str] = mapped_column(Text, default="")  # the first few, for the explanation
