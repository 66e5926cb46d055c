"""Validation rules of reporting rounds, per plan (share ≤ limit, sum of units, jump factor, note when at risk).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "round_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=30), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("severity", sa.String(length=10), nullable=True),
        sa.Column("limit_value", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("rule IN ('share_max', 'units_sum', 'jump_factor', 'note_when_at_risk')",
                           name=op.f("ck_round_rules_rule")),
        sa.CheckConstraint("severity IS NULL OR severity IN ('error', 'warning')", name=op.f("ck_round_rules_severity")),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicators.id"], name=op.f("fk_round_rules_indicator_id_indicators"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_round_rules_plan_id_plans"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round_rules")),
    )
    with op.batch_alter_table("round_rules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_round_rules_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("round_rules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_round_rules_plan_id"))
    op.drop_table("round_rules")
