"""Programme budgets: plan kinds for component projects and sub-projects, capital plans by source and
period (per unit when allocated), cumulative disbursements, targets on the disbursement rate.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_PLAN_KINDS = "kind IN ('resolution', 'programme', 'project', 'conclusion', 'directive', 'plan')"
NEW_PLAN_KINDS = "kind IN ('resolution', 'programme', 'project', 'conclusion', 'directive', 'plan', 'component', 'subproject')"


def _plan_kinds(check: str) -> None:
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_plans_kind"), type_="check")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.create_check_constraint(op.f("ck_plans_kind"), check)


def upgrade() -> None:
    _plan_kinds(NEW_PLAN_KINDS)
    op.create_table(
        "capital_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.Integer(), nullable=False),
        sa.Column("period_end", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=True),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source_document_id", sa.Integer(), nullable=True),
        sa.Column("source_location", sa.Text(), nullable=False),
        sa.Column("source_quote", sa.Text(), nullable=False),
        sa.Column("source_page", sa.Integer(), nullable=True),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IS NULL OR kind IN ('annual', 'carried_over')", name=op.f("ck_capital_plans_kind")
        ),
        sa.CheckConstraint(
            "source IS NULL OR source IN ('state_budget', 'central_investment', 'central_recurrent', 'central_budget', 'local_investment', 'local_recurrent', 'local_budget', 'investment', 'recurrent', 'credit', 'mobilised', 'oda', 'other')",
            name=op.f("ck_capital_plans_source"),
        ),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_capital_plans_amount")),
        sa.CheckConstraint("period_end >= period_start", name=op.f("ck_capital_plans_period")),
        sa.ForeignKeyConstraint(
            ["org_unit_id"], ["org_units.id"], name=op.f("fk_capital_plans_org_unit_id_org_units")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_capital_plans_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["source_document_id"],
            ["documents.id"],
            name=op.f("fk_capital_plans_source_document_id_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capital_plans")),
    )
    with op.batch_alter_table("capital_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_capital_plans_org_unit_id"), ["org_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_capital_plans_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "disbursement_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Integer(), nullable=True),
        sa.Column("period_end", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=30), nullable=True),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("source_document_id", sa.Integer(), nullable=True),
        sa.Column("source_location", sa.Text(), nullable=False),
        sa.Column("source_quote", sa.Text(), nullable=False),
        sa.Column("source_page", sa.Integer(), nullable=True),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "op <> 'range' OR (low IS NOT NULL AND high IS NOT NULL)",
            name=op.f("ck_disbursement_targets_range_bounds"),
        ),
        sa.CheckConstraint(
            "op IN ('=', '>', '>=', '<', '<=', 'range', 'done')", name=op.f("ck_disbursement_targets_op")
        ),
        sa.CheckConstraint(
            "source IS NULL OR source IN ('state_budget', 'central_investment', 'central_recurrent', 'central_budget', 'local_investment', 'local_recurrent', 'local_budget', 'investment', 'recurrent', 'credit', 'mobilised', 'oda', 'other')",
            name=op.f("ck_disbursement_targets_source"),
        ),
        sa.CheckConstraint(
            "period_start IS NULL OR period_end >= period_start", name=op.f("ck_disbursement_targets_period")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_disbursement_targets_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["source_document_id"],
            ["documents.id"],
            name=op.f("fk_disbursement_targets_source_document_id_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disbursement_targets")),
    )
    with op.batch_alter_table("disbursement_targets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disbursement_targets_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "disbursements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.Integer(), nullable=False),
        sa.Column("period_end", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=True),
        sa.Column("amount", sa.Float(), nullable=True),
        sa.Column("stated_rate", sa.Float(), nullable=True),
        sa.Column("flag", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source_document_id", sa.Integer(), nullable=True),
        sa.Column("source_location", sa.Text(), nullable=False),
        sa.Column("source_quote", sa.Text(), nullable=False),
        sa.Column("source_page", sa.Integer(), nullable=True),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "flag IN ('actual', 'estimate', 'projection', 'plan')", name=op.f("ck_disbursements_flag")
        ),
        sa.CheckConstraint(
            "kind IS NULL OR kind IN ('annual', 'carried_over')", name=op.f("ck_disbursements_kind")
        ),
        sa.CheckConstraint(
            "source IS NULL OR source IN ('state_budget', 'central_investment', 'central_recurrent', 'central_budget', 'local_investment', 'local_recurrent', 'local_budget', 'investment', 'recurrent', 'credit', 'mobilised', 'oda', 'other')",
            name=op.f("ck_disbursements_source"),
        ),
        sa.CheckConstraint(
            "amount IS NOT NULL OR stated_rate IS NOT NULL", name=op.f("ck_disbursements_figure")
        ),
        sa.CheckConstraint("period_end >= period_start", name=op.f("ck_disbursements_period")),
        sa.ForeignKeyConstraint(
            ["org_unit_id"], ["org_units.id"], name=op.f("fk_disbursements_org_unit_id_org_units")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_disbursements_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["source_document_id"],
            ["documents.id"],
            name=op.f("fk_disbursements_source_document_id_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disbursements")),
    )
    with op.batch_alter_table("disbursements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disbursements_org_unit_id"), ["org_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_disbursements_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:
    """Drops the budget tables; component projects and sub-projects become projects (đề án) again."""
    op.drop_table("disbursements")
    op.drop_table("disbursement_targets")
    op.drop_table("capital_plans")
    op.execute(sa.text("UPDATE plans SET kind = 'project' WHERE kind IN ('component', 'subproject')"))
    _plan_kinds(OLD_PLAN_KINDS)
