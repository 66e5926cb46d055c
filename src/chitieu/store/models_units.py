"""Successor links between org units (merge, split, rename, transfer of part), per workspace.

From ``effective_on`` the share ``weight`` of the predecessor belongs to the successor (NULL: the whole for
a merge or rename, an unknown part for a split or transfer); see ``chitieu.domain.UnitChange``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from chitieu.store.models import Base, InWorkspace, Versioned, one_of

UNIT_CHANGE_KINDS = ("merge", "split", "rename", "transfer")


class OrgUnitChangeRow(InWorkspace, Versioned, Base):
    __tablename__ = "org_unit_changes"
    __table_args__ = (
        UniqueConstraint("predecessor_id", "successor_id", "effective_on"),
        CheckConstraint(one_of("kind", UNIT_CHANGE_KINDS), name="kind"),
        CheckConstraint("weight IS NULL OR (weight > 0 AND weight <= 1)", name="weight"),
        CheckConstraint("predecessor_id <> successor_id", name="not_itself"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    predecessor_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="CASCADE"), index=True)
    successor_id: Mapped[int] = mapped_column(ForeignKey("org_units.id", ondelete="CASCADE"), index=True)
    effective_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20), default="merge")
    weight: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    source_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    source_location: Mapped[str] = mapped_column(Text, default="")
    source_quote: Mapped[str] = mapped_column(Text, default="")
