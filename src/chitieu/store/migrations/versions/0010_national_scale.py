"""National scale: targets per org unit (a province plan's target for each commune), the series index the
set-based assessment reads observations by, and the worker and heartbeat of a running job (leases).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("org_unit_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_targets_org_unit_id_org_units"), "org_units", ["org_unit_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_targets_org_unit_id"), ["org_unit_id"], unique=False)
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.create_index("ix_observations_series", ["indicator_id", "org_unit_id", "period_end"], unique=False)
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    """Drops the unit targets (the plan-wide targets stay) and the series index."""
    op.execute(sa.text("DELETE FROM targets WHERE org_unit_id IS NOT NULL"))
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_column("heartbeat_at")
        batch_op.drop_column("claimed_by")
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.drop_index("ix_observations_series")
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_targets_org_unit_id"))
        batch_op.drop_constraint(batch_op.f("fk_targets_org_unit_id_org_units"), type_="foreignkey")
        batch_op.drop_column("org_unit_id")
