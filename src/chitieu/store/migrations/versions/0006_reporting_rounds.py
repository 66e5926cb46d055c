"""Reporting rounds: rounds of a plan for a period, their units (approval state), values per unit and indicator.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPS = "'=', '>', '>=', '<', '<=', 'range', 'done'"
FLAGS = "'actual', 'estimate', 'projection', 'plan'"


def upgrade() -> None:
    op.create_table(
        "rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("period_kind", sa.String(length=20), nullable=False),
        sa.Column("period_label", sa.Text(), nullable=False),
        sa.Column("period_start", sa.Integer(), nullable=False),
        sa.Column("period_end", sa.Integer(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("status IN ('open', 'closed')", name=op.f("ck_rounds_status")),
        sa.CheckConstraint("period_kind IN ('half_year', 'year', 'midterm', 'final', 'range')",
                           name=op.f("ck_rounds_period_kind")),
        sa.CheckConstraint("period_end >= period_start", name=op.f("ck_rounds_period")),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_rounds_plan_id_plans"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"], name=op.f("fk_rounds_workspace_id_workspaces"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rounds")),
    )
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rounds_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rounds_workspace_id"), ["workspace_id"], unique=False)

    op.create_table(
        "round_units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("status IN ('draft', 'submitted', 'returned', 'approved', 'locked')",
                           name=op.f("ck_round_units_status")),
        sa.ForeignKeyConstraint(["org_unit_id"], ["org_units.id"], name=op.f("fk_round_units_org_unit_id_org_units")),
        sa.ForeignKeyConstraint(["parent_id"], ["round_units.id"], name=op.f("fk_round_units_parent_id_round_units"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], name=op.f("fk_round_units_round_id_rounds"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round_units")),
        sa.UniqueConstraint("round_id", "org_unit_id", name=op.f("uq_round_units_round_id_org_unit_id")),
    )
    with op.batch_alter_table("round_units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_round_units_org_unit_id"), ["org_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_round_units_round_id"), ["round_id"], unique=False)

    op.create_table(
        "round_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_unit_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("lead", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("op", sa.String(length=10), nullable=True),
        sa.Column("flag", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=True),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(f"op IS NULL OR op IN ({OPS})", name=op.f("ck_round_values_op")),
        sa.CheckConstraint(f"flag IN ({FLAGS})", name=op.f("ck_round_values_flag")),
        sa.CheckConstraint("source IS NULL OR source IN ('form', 'api', 'file', 'claim')",
                           name=op.f("ck_round_values_source")),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicators.id"], name=op.f("fk_round_values_indicator_id_indicators"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_unit_id"], ["round_units.id"],
                                name=op.f("fk_round_values_round_unit_id_round_units"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round_values")),
        sa.UniqueConstraint("round_unit_id", "indicator_id", name=op.f("uq_round_values_round_unit_id_indicator_id")),
    )
    with op.batch_alter_table("round_values", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_round_values_indicator_id"), ["indicator_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_round_values_round_unit_id"), ["round_unit_id"], unique=False)


def downgrade() -> None:
    for table, indexes in (("round_values", ("ix_round_values_round_unit_id", "ix_round_values_indicator_id")),
                           ("round_units", ("ix_round_units_round_id", "ix_round_units_org_unit_id")),
                           ("rounds", ("ix_rounds_workspace_id", "ix_rounds_plan_id"))):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for index in indexes:
                batch_op.drop_index(batch_op.f(index))
        op.drop_table(table)
