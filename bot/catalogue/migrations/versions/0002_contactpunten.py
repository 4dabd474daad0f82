"""Contactpunten: the general line and the OCMW / Sociaal Huis per municipality.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contactpunt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.Column("nis", sa.String(length=5), nullable=True),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("omschrijving", sa.Text(), nullable=True),
        sa.Column("telefoon", sa.String(length=40), nullable=True),
        sa.Column("adres", sa.Text(), nullable=True),
        sa.Column("website", sa.Text(), nullable=True),
        sa.Column("bron_url", sa.Text(), nullable=False),
        sa.Column("bron", sa.Text(), nullable=False),
        sa.Column("inhoud_hash", sa.String(length=64), nullable=False),
        sa.Column("geladen_op", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("soort IN ('algemeen', 'gemeente')", name="ck_contactpunt_soort"),
        sa.CheckConstraint("(soort = 'algemeen') = (nis IS NULL)", name="ck_contactpunt_nis"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("nis"),
    )


def downgrade() -> None:
    op.drop_table("contactpunt")
