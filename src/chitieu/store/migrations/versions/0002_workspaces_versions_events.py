"""Workspaces (codes unique per workspace), row versions, the event log, stated counts.

- ``workspaces`` with a "default" workspace that owns every existing document, plan, org unit and
  source document; their codes (and hashes) become unique within a workspace instead of globally;
- an integer ``version`` on every mutable row (optimistic concurrency); the targets' edition column
  ``version`` (draft/adopted/revised) is renamed ``target_version`` to make room for it;
- ``events``: who changed what, when, before → after;
- ``stated_counts``: counts a plan's report states about its own table (was code, now data).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNED = ("documents", "plans", "org_units", "source_documents")
OWNED_KEY = {"documents": "code", "plans": "code", "org_units": "code", "source_documents": "sha256"}
VERSIONED = (
    "documents", "plans", "org_units", "indicator_groups", "indicators", "targets", "observations", "claims",
)
TARGET_VERSIONS = "target_version IN ('draft', 'adopted', 'revised')"


def upgrade() -> None:
    op.create_table(
        "workspaces",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspaces")),
        sa.UniqueConstraint("code", name=op.f("uq_workspaces_code")),
    )
    workspaces = sa.table(
        "workspaces", sa.column("code", sa.String), sa.column("name", sa.Text), sa.column("settings", sa.JSON),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    op.bulk_insert(workspaces, [{"code": "default", "name": "Mặc định", "settings": {}, "created_at": datetime.now(UTC)}])
    default_id: int = op.get_bind().execute(sa.text("SELECT id FROM workspaces WHERE code = 'default'")).scalar_one()

    # The targets' edition column makes room for the row version.
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_targets_version"), type_="check")
        batch_op.alter_column("version", new_column_name="target_version", existing_type=sa.String(length=20),
                              existing_nullable=False)
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.create_check_constraint(op.f("ck_targets_target_version"), TARGET_VERSIONS)

    for table in OWNED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("workspace_id", sa.Integer(), nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET workspace_id = :w").bindparams(w=default_id))
        key = OWNED_KEY[table]
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("workspace_id", existing_type=sa.Integer(), nullable=False)
            batch_op.drop_constraint(op.f(f"uq_{table}_{key}"), type_="unique")
            batch_op.create_unique_constraint(batch_op.f(f"uq_{table}_workspace_id_{key}"), ["workspace_id", key])
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{table}_workspace_id_workspaces"), "workspaces", ["workspace_id"], ["id"],
                ondelete="CASCADE",
            )
            batch_op.create_index(batch_op.f(f"ix_{table}_workspace_id"), ["workspace_id"], unique=False)

    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False))

    op.create_table(
        "stated_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=50), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("source_document_id", sa.Integer(), nullable=True),
        sa.Column("source_location", sa.Text(), nullable=False),
        sa.Column("source_quote", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_stated_counts_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["source_document_id"], ["documents.id"], name=op.f("fk_stated_counts_source_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stated_counts")),
        sa.UniqueConstraint("plan_id", "year", "category", name=op.f("uq_stated_counts_plan_id_year_category")),
    )
    with op.batch_alter_table("stated_counts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stated_counts_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("via", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=100), nullable=False),
        sa.Column("entity", sa.String(length=100), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("context", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_events_workspace_id_workspaces"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_entity", ["entity", "entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_workspace_id"), ["workspace_id"], unique=False)


def downgrade() -> None:
    """Back to one global namespace: only the "default" workspace's rows can be kept."""
    op.drop_table("events")
    op.drop_table("stated_counts")
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
    default_id = op.get_bind().execute(sa.text("SELECT id FROM workspaces WHERE code = 'default'")).scalar()
    for table in reversed(OWNED):
        op.execute(sa.text(f"DELETE FROM {table} WHERE workspace_id <> :w").bindparams(w=default_id or -1))
        key = OWNED_KEY[table]
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_workspace_id"))
            batch_op.drop_constraint(batch_op.f(f"fk_{table}_workspace_id_workspaces"), type_="foreignkey")
            batch_op.drop_constraint(batch_op.f(f"uq_{table}_workspace_id_{key}"), type_="unique")
            batch_op.create_unique_constraint(batch_op.f(f"uq_{table}_{key}"), [key])
            batch_op.drop_column("workspace_id")
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_targets_target_version"), type_="check")
        batch_op.alter_column("target_version", new_column_name="version", existing_type=sa.String(length=20),
                              existing_nullable=False)
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.create_check_constraint(op.f("ck_targets_version"), "version IN ('draft', 'adopted', 'revised')")
    op.drop_table("workspaces")
