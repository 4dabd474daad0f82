"""Inzicht: anonymous counts per municipality, month, right, kind and source.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-07 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inzicht_telling",
        sa.Column("gemeente", sa.String(length=10), nullable=False),
        sa.Column("maand", sa.String(length=7), nullable=False),
        sa.Column("recht_id", sa.String(length=100), nullable=False),
        sa.Column("soort", sa.String(length=15), nullable=False),
        sa.Column("bron", sa.String(length=10), nullable=False),
        sa.Column("aantal", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "soort IN ('waarschijnlijk', 'mogelijk', 'gevraagd')", name="ck_inzicht_telling_soort"
        ),
        sa.CheckConstraint("bron IN ('gesprek', 'screening')", name="ck_inzicht_telling_bron"),
        sa.PrimaryKeyConstraint("gemeente", "maand", "recht_id", "soort", "bron"),
    )


def downgrade() -> None:
    op.drop_table("inzicht_telling")
