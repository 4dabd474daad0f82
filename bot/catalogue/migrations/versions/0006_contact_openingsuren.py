"""Contactpunten: opening hours of the OCMW / Sociaal Huis, when the source page gives them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 05:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contactpunt") as tabel:
        tabel.add_column(sa.Column("openingsuren", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contactpunt") as tabel:
        tabel.drop_column("openingsuren")
