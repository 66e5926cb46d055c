"""SQLAlchemy 2 models of the registry (typed ``Mapped`` columns).

Surrogate integer ids with foreign keys. A workspace (one province or body) owns documents, plans, org
units, source documents and events; business codes are unique within a workspace (indicator and group
codes within their plan). Mutable rows carry an integer ``version`` that SQLAlchemy checks and bumps on
every UPDATE (optimistic concurrency: a stale write fails instead of overwriting). Enumerations are
plain strings guarded by CHECK constraints so that the same schema works on SQLite and PostgreSQL. The
Alembic migrations in ``store/migrations`` create exactly this schema (a test compares them).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Allowed values of the enumerated columns (mirrors the domain enums; frozen in the migrations).
PLAN_KINDS = ("resolution", "programme", "project", "conclusion", "directive", "plan", "component", "subproject")
POLARITIES = ("higher_better", "lower_better", "neutral_structure", "boolean")
OPS = ("=", ">", ">=", "<", "<=", "range", "done")
TARGET_KINDS = ("level", "annual_rate", "per_year", "cumulative")
TARGET_VERSIONS = ("draft", "adopted", "revised")
OBSERVATION_FLAGS = ("actual", "estimate", "projection", "plan")
CLAIM_KINDS = ("target", "result")
CLAIM_STATUSES = ("candidate", "accepted", "rejected")


def one_of(column: str, values: tuple[str, ...]) -> str:
    """SQL text of a CHECK that ``column`` holds one of ``values``."""
    quoted = ", ".join("'" + v + "'" for v in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """An integer row version checked and bumped by every ORM UPDATE (``version_id_col``)."""

    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class WorkspaceRow(Versioned, Base):
    """One province or body; "default" always exists. ``settings`` is JSON (e.g. default plan, conventions)."""

    __tablename__ = "workspaces"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(Text, default="")
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class InWorkspace:
    """Rows owned by a workspace."""

    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"), index=True)


class DocumentRow(InWorkspace, Versioned, Base):
    """A document cited as a source (resolution, report, appendix)."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("workspace_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(100), default="")
    issued_on: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class PlanRow(InWorkspace, Versioned, Base):
    __tablename__ = "plans"
    __table_args__ = (
        UniqueConstraint("workspace_id", "code"),
        CheckConstraint(one_of("kind", PLAN_KINDS), name="kind"),
        CheckConstraint("term_end IS NULL OR term_start IS NULL OR term_end >= term_start", name="term"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="resolution")
    number: Mapped[str] = mapped_column(String(100), default="")
    issued_on: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(Text, default="")
    term_start: Mapped[int | None] = mapped_column(Integer)
    term_end: Mapped[int | None] = mapped_column(Integer)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="SET NULL"))
    budget: Mapped[float | None] = mapped_column(Float)
    budget_note: Mapped[str] = mapped_column(Text, default="")
    source_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    source_location: Mapped[str] = mapped_column(Text, default="")
    source_quote: Mapped[str] = mapped_column(Text, default="")


class OrgUnitRow(InWorkspace, Versioned, Base):
    __tablename__ = "org_units"
    __table_args__ = (
        UniqueConstraint("workspace_id", "code"),
        CheckConstraint("valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from", name="validity"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(100), default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id", ondelete="SET NULL"))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class IndicatorGroupRow(Versioned, Base):
    __tablename__ = "indicator_groups"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("indicator_groups.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)


class IndicatorRow(Versioned, Base):
    __tablename__ = "indicators"
    __table_args__ = (
        UniqueConstraint("plan_id", "code"),
        CheckConstraint(one_of("polarity", POLARITIES), name="polarity"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(100), default="")
    polarity: Mapped[str] = mapped_column(String(20), default="higher_better")
    group_id: Mapped[int | None] = mapped_column(ForeignKey("indicator_groups.id", ondelete="SET NULL"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="SET NULL"))
    number: Mapped[str] = mapped_column(String(50), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    # how values combine across units (sum | mean | none); "" = the default by unit and polarity
    # (vocab/aggregation.py)
    aggregation: Mapped[str] = mapped_column(String(10), default="", server_default="")


class ProvenanceColumns:
    """Where a figure came from (mixed into targets and observations)."""

    source_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    source_location: Mapped[str] = mapped_column(Text, default="")
    source_quote: Mapped[str] = mapped_column(Text, default="")
    source_page: Mapped[int | None] = mapped_column(Integer)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)


class TargetRow(ProvenanceColumns, Versioned, Base):
    """A target of an indicator in one of its editions (``target_version``: draft / adopted / revised), for
    the plan's whole area (``org_unit_id`` NULL) or for one org unit (a commune's share of a province plan).

    ``target_version`` is the domain's ``Target.version``; ``version`` is the row version every table has.
    """

    __tablename__ = "targets"
    __table_args__ = (
        CheckConstraint(one_of("op", OPS), name="op"),
        CheckConstraint(one_of("kind", TARGET_KINDS), name="kind"),
        CheckConstraint(one_of("target_version", TARGET_VERSIONS), name="target_version"),
        CheckConstraint("op <> 'range' OR (low IS NOT NULL AND high IS NOT NULL)", name="range_bounds"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    org_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)  # NULL: whole area
    target_version: Mapped[str] = mapped_column(String(20), default="adopted")
    op: Mapped[str] = mapped_column(String(10))
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(20), default="level")
    start_year: Mapped[int | None] = mapped_column(Integer)
    deadline: Mapped[int | None] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(100), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    baseline_year: Mapped[int | None] = mapped_column(Integer)
    baseline_value: Mapped[float | None] = mapped_column(Float)


class ObservationRow(ProvenanceColumns, Versioned, Base):
    """A value of an indicator for a period (and org unit; NULL = the whole plan area)."""

    __tablename__ = "observations"
    __table_args__ = (
        CheckConstraint(one_of("op", OPS), name="op"),
        CheckConstraint(one_of("flag", OBSERVATION_FLAGS), name="flag"),
        CheckConstraint("period_end >= period_start", name="period"),
        Index("ix_observations_series", "indicator_id", "org_unit_id", "period_end"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    org_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    period_start: Mapped[int] = mapped_column(Integer)
    period_end: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Float)
    op: Mapped[str] = mapped_column(String(10), default="=")
    flag: Mapped[str] = mapped_column(String(20), default="actual")
    text: Mapped[str] = mapped_column(Text, default="")
    stated_ratio: Mapped[float | None] = mapped_column(Float)
    stated_verdict: Mapped[str | None] = mapped_column(String(100))


class StatedCountRow(Versioned, Base):
    """A count the plan's report states about its own table ("12 chỉ tiêu vượt"), checked by the audit."""

    __tablename__ = "stated_counts"
    __table_args__ = (UniqueConstraint("plan_id", "year", "category"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(50))
    count: Mapped[int] = mapped_column(Integer)
    source_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    source_location: Mapped[str] = mapped_column(Text, default="")
    source_quote: Mapped[str] = mapped_column(Text, default="")


class SourceDocumentRow(InWorkspace, Base):
    """A file ingested for extraction (identified within its workspace by its content hash)."""

    __tablename__ = "source_documents"
    __table_args__ = (UniqueConstraint("workspace_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20), default="")
    text_length: Mapped[int] = mapped_column(Integer, default=0)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))


class ClaimRow(Versioned, Base):
    """A target or result proposed by extraction, waiting for review."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint(one_of("kind", CLAIM_KINDS), name="kind"),
        CheckConstraint(one_of("status", CLAIM_STATUSES), name="status"),
        CheckConstraint("op IS NULL OR " + one_of("op", OPS), name="op"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("source_documents.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10))
    indicator_phrase: Mapped[str] = mapped_column(Text, default="")
    op: Mapped[str | None] = mapped_column(String(10))
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(100), default="")
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="candidate")
    linked_indicator_code: Mapped[str | None] = mapped_column(String(100))
    link_score: Mapped[float | None] = mapped_column(Float)
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class EventRow(Base):
    """One change (or action) in a workspace: who, when (UTC), through which channel, what, before → after.

    Written by the services, never updated. ``entity``/``entity_id``/``key`` name the row changed
    (``key`` is its business key, e.g. "NQ-01/GRDP/2021-2023"); ``before``/``after`` are JSON snapshots of
    the fields that changed; ``context`` is JSON such as ``{"round": 3, "unit": "X", "file": "…"}``.
    """

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="")
    via: Mapped[str] = mapped_column(String(20), default="")
    action: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(100), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[dict[str, Any] | None] = mapped_column(JSON)


# Programme budgets (capital plans, disbursements, their targets) and the shared server's tables (accounts,
# jobs, files, publications) live beside these on the same metadata.
from chitieu.store import models_programmes as _models_programmes  # noqa: E402,F401
from chitieu.store import models_rounds as _models_rounds  # noqa: E402,F401
from chitieu.store import models_summaries as _models_summaries  # noqa: E402,F401
from chitieu.store import models_tasks as _models_tasks  # noqa: E402,F401
from chitieu.store import models_units as _models_units  # noqa: E402,F401
from chitieu.store import models_web as _models_web  # noqa: E402,F401
