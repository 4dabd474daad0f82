"""Initial schema: products, rule files, search terms, municipalities, code lists.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 11:58:06.886889
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "code",
        sa.Column("lijst", sa.String(length=60), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("uri", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("notatie", sa.String(length=100), nullable=True),
        sa.Column("einde", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("lijst", "code"),
    )
    op.create_table(
        "gemeente",
        sa.Column("nis", sa.String(length=5), nullable=False),
        sa.Column("naam", sa.String(length=100), nullable=False),
        sa.Column("naam_fr", sa.String(length=100), nullable=True),
        sa.Column("gewest", sa.String(length=20), nullable=False),
        sa.Column("provincie", sa.String(length=40), nullable=True),
        sa.Column("centrumstad", sa.Boolean(), nullable=False),
        sa.Column("nuts_code", sa.String(length=20), nullable=True),
        sa.Column("fusiejaar", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("nis"),
    )
    op.create_table(
        "laadbeurt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("moment", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bronnen", JSON_TYPE, nullable=False),
        sa.Column("toegevoegd", sa.Integer(), nullable=False),
        sa.Column("gewijzigd", sa.Integer(), nullable=False),
        sa.Column("ongewijzigd", sa.Integer(), nullable=False),
        sa.Column("samenvatting", JSON_TYPE, nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "product",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("productnummer", sa.String(length=100), nullable=False),
        sa.Column("ipdc_uri", sa.Text(), nullable=True),
        sa.Column("ipdc_uuid", sa.String(length=100), nullable=True),
        sa.Column("soort", sa.String(length=60), nullable=False),
        sa.Column("concept_uri", sa.Text(), nullable=True),
        sa.Column("concept_id", sa.String(length=100), nullable=True),
        sa.Column("concept_productnummer", sa.String(length=100), nullable=True),
        sa.Column("naam", sa.Text(), nullable=False),
        sa.Column("beschrijving_html", sa.Text(), nullable=False),
        sa.Column("beschrijving_tekst", sa.Text(), nullable=False),
        sa.Column("verdere_beschrijving_html", sa.Text(), nullable=False),
        sa.Column("verdere_beschrijving_tekst", sa.Text(), nullable=False),
        sa.Column("uitzonderingen_html", sa.Text(), nullable=False),
        sa.Column("uitzonderingen_tekst", sa.Text(), nullable=False),
        sa.Column("regelgeving_html", sa.Text(), nullable=False),
        sa.Column("regelgeving_tekst", sa.Text(), nullable=False),
        sa.Column("contact_html", sa.Text(), nullable=False),
        sa.Column("contact_tekst", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=60), nullable=True),
        sa.Column("themas", JSON_TYPE, nullable=False),
        sa.Column("doelgroepen", JSON_TYPE, nullable=False),
        sa.Column("bevoegde_bestuursniveaus", JSON_TYPE, nullable=False),
        sa.Column("uitvoerende_bestuursniveaus", JSON_TYPE, nullable=False),
        sa.Column("bevoegde_overheden", JSON_TYPE, nullable=False),
        sa.Column("uitvoerende_overheden", JSON_TYPE, nullable=False),
        sa.Column("contact_overheden", JSON_TYPE, nullable=False),
        sa.Column("geografisch_nuts", JSON_TYPE, nullable=False),
        sa.Column("geografisch_nis", JSON_TYPE, nullable=False),
        sa.Column("publicatiekanalen", JSON_TYPE, nullable=False),
        sa.Column("tags", JSON_TYPE, nullable=False),
        sa.Column("your_europe_categorieen", JSON_TYPE, nullable=False),
        sa.Column("cases", JSON_TYPE, nullable=False),
        sa.Column("zoektermen", JSON_TYPE, nullable=False),
        sa.Column("voorwaarden", JSON_TYPE, nullable=False),
        sa.Column("bewijsstukken", JSON_TYPE, nullable=False),
        sa.Column("procedures", JSON_TYPE, nullable=False),
        sa.Column("kosten", JSON_TYPE, nullable=False),
        sa.Column("financiele_voordelen", JSON_TYPE, nullable=False),
        sa.Column("contactgegevens", JSON_TYPE, nullable=False),
        sa.Column("publicatie_link", JSON_TYPE, nullable=True),
        sa.Column("websites", JSON_TYPE, nullable=False),
        sa.Column("regelgeving", JSON_TYPE, nullable=False),
        sa.Column("start_dienstverlening", sa.DateTime(timezone=True), nullable=True),
        sa.Column("einde_dienstverlening", sa.DateTime(timezone=True), nullable=True),
        sa.Column("gearchiveerd", sa.Boolean(), nullable=False),
        sa.Column("creatie", sa.DateTime(timezone=True), nullable=True),
        sa.Column("laatst_gewijzigd", sa.DateTime(timezone=True), nullable=True),
        sa.Column("bron", sa.Text(), nullable=False),
        sa.Column("inhoud_hash", sa.String(length=64), nullable=False),
        sa.Column("geladen_op", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("productnummer"),
    )
    op.create_table(
        "recht_regel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recht_id", sa.String(length=100), nullable=False),
        sa.Column("product_sleutel", sa.String(length=100), nullable=False),
        sa.Column("naam", sa.Text(), nullable=False),
        sa.Column("niveau", sa.String(length=20), nullable=False),
        sa.Column("themas", JSON_TYPE, nullable=False),
        sa.Column("gemeenten", JSON_TYPE, nullable=False),
        sa.Column("synoniemen", JSON_TYPE, nullable=False),
        sa.Column("definitie", JSON_TYPE, nullable=False),
        sa.Column("bron", sa.Text(), nullable=False),
        sa.Column("inhoud_hash", sa.String(length=64), nullable=False),
        sa.Column("geladen_op", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("recht_id"),
    )
    with op.batch_alter_table("recht_regel", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recht_regel_product_sleutel"), ["product_sleutel"], unique=False
        )

    op.create_table(
        "gemeente_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(length=100), nullable=False),
        sa.Column("sleutel", sa.String(length=100), nullable=False),
        sa.Column("nis", sa.String(length=5), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=True),
        sa.Column("vroegere_nis", sa.String(length=5), nullable=True),
        sa.Column("dubbelzinnig", sa.Boolean(), nullable=False),
        sa.Column("bron", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["nis"], ["gemeente.nis"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("gemeente_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gemeente_alias_nis"), ["nis"], unique=False)
        batch_op.create_index("ix_gemeente_alias_sleutel", ["sleutel"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_gemeente_alias_vroegere_nis"), ["vroegere_nis"], unique=False
        )

    op.create_table(
        "product_gebied",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("nis", sa.String(length=5), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["product.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("product_id", "nis"),
    )
    with op.batch_alter_table("product_gebied", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_product_gebied_nis"), ["nis"], unique=False)

    op.create_table(
        "zoekterm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("recht_regel_id", sa.Integer(), nullable=True),
        sa.Column("term", sa.String(length=500), nullable=False),
        sa.Column("sleutel", sa.String(length=500), nullable=False),
        sa.Column("herkomst", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "(product_id IS NULL) <> (recht_regel_id IS NULL)", name="ck_zoekterm_een_eigenaar"
        ),
        sa.ForeignKeyConstraint(["product_id"], ["product.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["recht_regel_id"], ["recht_regel.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("zoekterm", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_zoekterm_product_id"), ["product_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_zoekterm_recht_regel_id"), ["recht_regel_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_zoekterm_sleutel"), ["sleutel"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("zoekterm", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_zoekterm_sleutel"))
        batch_op.drop_index(batch_op.f("ix_zoekterm_recht_regel_id"))
        batch_op.drop_index(batch_op.f("ix_zoekterm_product_id"))

    op.drop_table("zoekterm")
    with op.batch_alter_table("product_gebied", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_gebied_nis"))

    op.drop_table("product_gebied")
    with op.batch_alter_table("gemeente_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gemeente_alias_vroegere_nis"))
        batch_op.drop_index("ix_gemeente_alias_sleutel")
        batch_op.drop_index(batch_op.f("ix_gemeente_alias_nis"))

    op.drop_table("gemeente_alias")
    with op.batch_alter_table("recht_regel", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recht_regel_product_sleutel"))

    op.drop_table("recht_regel")
    op.drop_table("product")
    op.drop_table("laadbeurt")
    op.drop_table("gemeente")
    op.drop_table("code")
