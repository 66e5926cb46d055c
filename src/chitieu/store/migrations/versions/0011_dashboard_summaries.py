"""Dashboard summaries: the aggregation method of an indicator and the materialised summaries the national
dashboard reads (verdicts per target, counts per scope, values up the hierarchy).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"),
                                   ondelete="CASCADE")


def upgrade() -> None:
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.add_column(sa.Column("aggregation", sa.String(length=10), server_default="", nullable=False))
    op.create_table(
        "summary_state",
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Integer(), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        _fk("summary_state", "workspace_id", "workspaces"),
        sa.PrimaryKeyConstraint("workspace_id", name=op.f("pk_summary_state")),
    )
    op.create_table(
        "summary_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("ratio", sa.Float(), nullable=True),
        sa.Column("period", sa.String(length=20), nullable=False),
        sa.Column("latest_year", sa.Integer(), nullable=True),
        _fk("summary_targets", "indicator_id", "indicators"),
        _fk("summary_targets", "org_unit_id", "org_units"),
        _fk("summary_targets", "plan_id", "plans"),
        _fk("summary_targets", "workspace_id", "workspaces"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summary_targets")),
    )
    with op.batch_alter_table("summary_targets", schema=None) as batch_op:
        batch_op.create_index("ix_summary_targets_series", ["indicator_id", "org_unit_id"], unique=False)
        batch_op.create_index("ix_summary_targets_unit", ["org_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_summary_targets_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_summary_targets_workspace_id"), ["workspace_id"], unique=False)
    op.create_table(
        "summary_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        *[sa.Column(c, sa.Integer(), nullable=False) for c in (
            "exceeded", "achieved", "not_yet", "not_achieved", "at_risk", "on_track", "no_data", "total")],
        sa.Column("latest_year", sa.Integer(), nullable=True),
        _fk("summary_counts", "plan_id", "plans"),
        _fk("summary_counts", "unit_id", "org_units"),
        _fk("summary_counts", "workspace_id", "workspaces"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summary_counts")),
    )
    with op.batch_alter_table("summary_counts", schema=None) as batch_op:
        batch_op.create_index("ix_summary_counts_scope", ["workspace_id", "scope", "unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_summary_counts_plan_id"), ["plan_id"], unique=False)
    op.create_table(
        "summary_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("indicator_key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("partial", sa.Float(), nullable=True),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("parts", sa.Integer(), nullable=False),
        sa.Column("missing", sa.Integer(), nullable=False),
        sa.Column("missing_codes", sa.Text(), nullable=False),
        _fk("summary_values", "org_unit_id", "org_units"),
        _fk("summary_values", "workspace_id", "workspaces"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summary_values")),
    )
    with op.batch_alter_table("summary_values", schema=None) as batch_op:
        batch_op.create_index("ix_summary_values_key", ["workspace_id", "indicator_key"], unique=False)
        batch_op.create_index("ix_summary_values_unit", ["workspace_id", "org_unit_id"], unique=False)


def downgrade() -> None:
    """Drops the summaries (rebuilt by ``chitieu summaries refresh``) and the indicators' method."""
    op.drop_table("summary_values")
    op.drop_table("summary_counts")
    op.drop_table("summary_targets")
    op.drop_table("summary_state")
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_column("aggregation")
