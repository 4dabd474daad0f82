"""Overdracht: a chat's profile kept, encrypted, until a social worker redeems its code.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "overdracht",
        sa.Column("sleutel", sa.String(length=64), nullable=False),
        sa.Column("inhoud", sa.LargeBinary(), nullable=False),
        sa.Column("gemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("vervalt_op", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sleutel"),
    )
    with op.batch_alter_table("overdracht", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_overdracht_vervalt_op"), ["vervalt_op"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("overdracht", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_overdracht_vervalt_op"))
    op.drop_table("overdracht")
