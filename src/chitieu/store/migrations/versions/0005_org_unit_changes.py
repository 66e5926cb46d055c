"""Org units through time: successor links between org units (merge, split with weights, rename, transfer).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "org_unit_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("predecessor_id", sa.Integer(), nullable=False),
        sa.Column("successor_id", sa.Integer(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("weight", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source_document_id", sa.Integer(), nullable=True),
        sa.Column("source_location", sa.Text(), nullable=False),
        sa.Column("source_quote", sa.Text(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("kind IN ('merge', 'split', 'rename', 'transfer')", name=op.f("ck_org_unit_changes_kind")),
        sa.CheckConstraint("weight IS NULL OR (weight > 0 AND weight <= 1)", name=op.f("ck_org_unit_changes_weight")),
        sa.CheckConstraint("predecessor_id <> successor_id", name=op.f("ck_org_unit_changes_not_itself")),
        sa.ForeignKeyConstraint(["predecessor_id"], ["org_units.id"],
                                name=op.f("fk_org_unit_changes_predecessor_id_org_units"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["successor_id"], ["org_units.id"],
                                name=op.f("fk_org_unit_changes_successor_id_org_units"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_document_id"], ["documents.id"],
                                name=op.f("fk_org_unit_changes_source_document_id_documents")),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"],
                                name=op.f("fk_org_unit_changes_workspace_id_workspaces"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_unit_changes")),
        sa.UniqueConstraint("predecessor_id", "successor_id", "effective_on",
                            name=op.f("uq_org_unit_changes_predecessor_id_successor_id_effective_on")),
    )
    with op.batch_alter_table("org_unit_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_org_unit_changes_predecessor_id"), ["predecessor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_org_unit_changes_successor_id"), ["successor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_org_unit_changes_workspace_id"), ["workspace_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("org_unit_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_org_unit_changes_workspace_id"))
        batch_op.drop_index(batch_op.f("ix_org_unit_changes_successor_id"))
        batch_op.drop_index(batch_op.f("ix_org_unit_changes_predecessor_id"))
    op.drop_table("org_unit_changes")
