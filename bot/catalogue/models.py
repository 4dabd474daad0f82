"""The catalogue database: products (from IPDC), rule files, municipalities and code lists.

Also the hand-overs of a chat to a social worker (``overdracht``, see ``bot.overdracht``)
and the anonymous counts for the city (``inzicht_telling``, see ``bot.inzicht``).

Works on SQLite and PostgreSQL. Times are stored in UTC. The schema is created by the
Alembic migrations in ``bot/catalogue/migrations``; keep both in step.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    and_,
    or_,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, foreign, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeDecorator

JsonType = JSON().with_variant(JSONB(), "postgresql")


class UTCDatumTijd(TypeDecorator[datetime]):
    """A timezone-aware datetime, stored as UTC (naive on SQLite, timestamptz on PostgreSQL)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def nu() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {
        dict[str, Any]: JsonType,
        list[str]: JsonType,
        list[dict[str, Any]]: JsonType,
        datetime: UTCDatumTijd(),
    }


class Product(Base):
    """A product or service from the IPDC catalogue (or a bundled file in its format)."""

    __tablename__ = "product"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    productnummer: Mapped[str] = mapped_column(String(100), unique=True)
    ipdc_uri: Mapped[str | None] = mapped_column(Text)
    """The ``@id`` of the instance or snapshot."""
    ipdc_uuid: Mapped[str | None] = mapped_column(String(100))
    soort: Mapped[str] = mapped_column(String(60))
    """``Instantie``, ``ConceptSnapshot``, ``Concept``… (the IPDC type)."""
    concept_uri: Mapped[str | None] = mapped_column(Text)
    concept_id: Mapped[str | None] = mapped_column(String(100))
    concept_productnummer: Mapped[str | None] = mapped_column(String(100))

    naam: Mapped[str] = mapped_column(Text)
    beschrijving_html: Mapped[str] = mapped_column(Text, default="")
    beschrijving_tekst: Mapped[str] = mapped_column(Text, default="")
    verdere_beschrijving_html: Mapped[str] = mapped_column(Text, default="")
    verdere_beschrijving_tekst: Mapped[str] = mapped_column(Text, default="")
    uitzonderingen_html: Mapped[str] = mapped_column(Text, default="")
    uitzonderingen_tekst: Mapped[str] = mapped_column(Text, default="")
    regelgeving_html: Mapped[str] = mapped_column(Text, default="")
    regelgeving_tekst: Mapped[str] = mapped_column(Text, default="")
    contact_html: Mapped[str] = mapped_column(Text, default="")
    contact_tekst: Mapped[str] = mapped_column(Text, default="")

    type: Mapped[str | None] = mapped_column(String(60))
    themas: Mapped[list[str]] = mapped_column(default=list)
    doelgroepen: Mapped[list[str]] = mapped_column(default=list)
    bevoegde_bestuursniveaus: Mapped[list[str]] = mapped_column(default=list)
    uitvoerende_bestuursniveaus: Mapped[list[str]] = mapped_column(default=list)
    bevoegde_overheden: Mapped[list[str]] = mapped_column(default=list)
    uitvoerende_overheden: Mapped[list[str]] = mapped_column(default=list)
    contact_overheden: Mapped[list[str]] = mapped_column(default=list)
    geografisch_nuts: Mapped[list[str]] = mapped_column(default=list)
    """The raw NUTS/LAU codes of ``geografischToepassingsgebieden``."""
    geografisch_nis: Mapped[list[str]] = mapped_column(default=list)
    """Current NIS codes covered; empty means no geographic restriction."""
    publicatiekanalen: Mapped[list[str]] = mapped_column(default=list)
    tags: Mapped[list[str]] = mapped_column(default=list)
    your_europe_categorieen: Mapped[list[str]] = mapped_column(default=list)
    cases: Mapped[list[str]] = mapped_column(default=list)
    zoektermen: Mapped[list[str]] = mapped_column(default=list)

    voorwaarden: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    """``[{naam, html, tekst, bewijs: {naam, html, tekst} | None}]``"""
    bewijsstukken: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    procedures: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    """``[{naam, html, tekst, websites: [{naam, beschrijving, url}]}]``"""
    kosten: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    financiele_voordelen: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    contactgegevens: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    publicatie_link: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    websites: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    regelgeving: Mapped[list[dict[str, Any]]] = mapped_column(default=list)

    start_dienstverlening: Mapped[datetime | None]
    einde_dienstverlening: Mapped[datetime | None]
    gearchiveerd: Mapped[bool] = mapped_column(Boolean, default=False)
    creatie: Mapped[datetime | None]
    laatst_gewijzigd: Mapped[datetime | None]

    bron: Mapped[str] = mapped_column(Text)
    """The file or URL it was loaded from."""
    inhoud_hash: Mapped[str] = mapped_column(String(64))
    geladen_op: Mapped[datetime] = mapped_column(default=nu)

    gebieden: Mapped[list[ProductGebied]] = relationship(
        back_populates="product", cascade="all, delete-orphan", passive_deletes=True
    )
    zoekterm_rijen: Mapped[list[Zoekterm]] = relationship(
        back_populates="product", cascade="all, delete-orphan", passive_deletes=True
    )

    def is_aangeboden(self, op: datetime | None = None) -> bool:
        """Offered now: not archived, service started and not ended."""
        moment = op or nu()
        if self.gearchiveerd:
            return False
        if self.einde_dienstverlening is not None and self.einde_dienstverlening < moment:
            return False
        return self.start_dienstverlening is None or self.start_dienstverlening <= moment

    @classmethod
    def aangeboden_filter(cls, op: datetime | None = None) -> ColumnElement[bool]:
        moment = op or nu()
        return and_(
            cls.gearchiveerd.is_(False),
            or_(cls.einde_dienstverlening.is_(None), cls.einde_dienstverlening >= moment),
            or_(cls.start_dienstverlening.is_(None), cls.start_dienstverlening <= moment),
        )

    def __repr__(self) -> str:
        return f"Product({self.productnummer!r}, {self.naam!r})"


class ProductGebied(Base):
    """One current municipality (NIS code) where a product applies; for filtering."""

    __tablename__ = "product_gebied"

    product_id: Mapped[int] = mapped_column(
        ForeignKey("product.id", ondelete="CASCADE"), primary_key=True
    )
    nis: Mapped[str] = mapped_column(String(5), primary_key=True, index=True)
    product: Mapped[Product] = relationship(back_populates="gebieden")


class RechtRegel(Base):
    """A rule file (``catalogus/regels/<id>.yaml``), validated, as JSON."""

    __tablename__ = "recht_regel"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recht_id: Mapped[str] = mapped_column(String(100), unique=True)
    product_sleutel: Mapped[str] = mapped_column(String(100), index=True)
    """Matches ``Product.productnummer`` (IPDC number or own slug)."""
    naam: Mapped[str] = mapped_column(Text)
    niveau: Mapped[str] = mapped_column(String(20))
    themas: Mapped[list[str]] = mapped_column(default=list)
    gemeenten: Mapped[list[str]] = mapped_column(default=list)
    """NIS codes the right is limited to; empty means everywhere."""
    synoniemen: Mapped[list[str]] = mapped_column(default=list)
    definitie: Mapped[dict[str, Any]] = mapped_column()
    bron: Mapped[str] = mapped_column(Text)
    inhoud_hash: Mapped[str] = mapped_column(String(64))
    geladen_op: Mapped[datetime] = mapped_column(default=nu)

    product: Mapped[Product | None] = relationship(
        primaryjoin=lambda: foreign(RechtRegel.product_sleutel) == Product.productnummer,
        viewonly=True,
        uselist=False,
        lazy="selectin",
    )
    zoekterm_rijen: Mapped[list[Zoekterm]] = relationship(
        back_populates="recht_regel", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"RechtRegel({self.recht_id!r})"


class Zoekterm(Base):
    """A searchable word: product name, IPDC zoekterm, rule name or synonym."""

    __tablename__ = "zoekterm"
    __table_args__ = (
        CheckConstraint(
            "(product_id IS NULL) <> (recht_regel_id IS NULL)", name="ck_zoekterm_een_eigenaar"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("product.id", ondelete="CASCADE"), index=True
    )
    recht_regel_id: Mapped[int | None] = mapped_column(
        ForeignKey("recht_regel.id", ondelete="CASCADE"), index=True
    )
    term: Mapped[str] = mapped_column(String(500))
    sleutel: Mapped[str] = mapped_column(String(500), index=True)
    """Lower case, no accents, single spaces: see ``bot.catalogue.tekst.zoeksleutel``."""
    herkomst: Mapped[str] = mapped_column(String(20))
    """``naam``, ``zoekterm`` or ``synoniem``."""

    product: Mapped[Product | None] = relationship(back_populates="zoekterm_rijen")
    recht_regel: Mapped[RechtRegel | None] = relationship(back_populates="zoekterm_rijen")


class GemeenteRij(Base):
    """A current municipality (1 January 2025)."""

    __tablename__ = "gemeente"

    nis: Mapped[str] = mapped_column(String(5), primary_key=True)
    naam: Mapped[str] = mapped_column(String(100))
    naam_fr: Mapped[str | None] = mapped_column(String(100))
    gewest: Mapped[str] = mapped_column(String(20))
    provincie: Mapped[str | None] = mapped_column(String(40))
    centrumstad: Mapped[bool] = mapped_column(Boolean, default=False)
    nuts_code: Mapped[str | None] = mapped_column(String(20))
    fusiejaar: Mapped[int | None] = mapped_column(Integer)

    aliassen: Mapped[list[GemeenteAliasRij]] = relationship(
        back_populates="gemeente", cascade="all, delete-orphan", passive_deletes=True
    )


class GemeenteAliasRij(Base):
    """A name people use for a municipality: official, French, former, deelgemeente."""

    __tablename__ = "gemeente_alias"
    __table_args__ = (Index("ix_gemeente_alias_sleutel", "sleutel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    naam: Mapped[str] = mapped_column(String(100))
    sleutel: Mapped[str] = mapped_column(String(100))
    """Normalised name: see ``bot.gemeenten.sleutel``."""
    nis: Mapped[str] = mapped_column(ForeignKey("gemeente.nis", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20))
    """``officieel``, ``frans``, ``vroegere_gemeente`` or ``deelgemeente``."""
    postcode: Mapped[str | None] = mapped_column(String(4))
    vroegere_nis: Mapped[str | None] = mapped_column(String(5), index=True)
    dubbelzinnig: Mapped[bool] = mapped_column(Boolean, default=False)
    bron: Mapped[str] = mapped_column(String(100), default="")

    gemeente: Mapped[GemeenteRij] = relationship(back_populates="aliassen")


class Code(Base):
    """A concept of an IPDC code list (thema, type, doelgroep, NUTS/LAU…)."""

    __tablename__ = "code"

    lijst: Mapped[str] = mapped_column(String(60), primary_key=True)
    code: Mapped[str] = mapped_column(String(100), primary_key=True)
    uri: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(Text)
    notatie: Mapped[str | None] = mapped_column(String(100))
    einde: Mapped[date | None] = mapped_column(Date)


class Laadbeurt(Base):
    """One successful load of the catalogue: when, from where, what changed."""

    __tablename__ = "laadbeurt"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    moment: Mapped[datetime] = mapped_column(default=nu)
    bronnen: Mapped[list[str]] = mapped_column(default=list)
    toegevoegd: Mapped[int] = mapped_column(Integer, default=0)
    gewijzigd: Mapped[int] = mapped_column(Integer, default=0)
    ongewijzigd: Mapped[int] = mapped_column(Integer, default=0)
    samenvatting: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Contactpunt(Base):
    """Where a person can talk to someone: the general line, or the OCMW / Sociaal Huis of
    one municipality. Loaded from ``catalogus/contactpunten.yaml``; every fact has its
    public source in ``bron_url``."""

    __tablename__ = "contactpunt"
    __table_args__ = (
        CheckConstraint("soort IN ('algemeen', 'gemeente')", name="ck_contactpunt_soort"),
        CheckConstraint("(soort = 'algemeen') = (nis IS NULL)", name="ck_contactpunt_nis"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    soort: Mapped[str] = mapped_column(String(20))
    """``algemeen`` (the general line, no NIS code) or ``gemeente``."""
    nis: Mapped[str | None] = mapped_column(String(5), unique=True)
    """Current NIS code of the municipality; ``None`` for the general line."""
    naam: Mapped[str] = mapped_column(String(200))
    omschrijving: Mapped[str | None] = mapped_column(Text)
    telefoon: Mapped[str | None] = mapped_column(String(40))
    adres: Mapped[str | None] = mapped_column(Text)
    openingsuren: Mapped[str | None] = mapped_column(Text)
    """Plain Dutch, only as the source page gives them (e.g. "Elke voormiddag, of op afspraak")."""
    website: Mapped[str | None] = mapped_column(Text)
    bron_url: Mapped[str] = mapped_column(Text)
    """The public page these facts come from."""
    bron: Mapped[str] = mapped_column(Text)
    """The file it was loaded from."""
    inhoud_hash: Mapped[str] = mapped_column(String(64))
    geladen_op: Mapped[datetime] = mapped_column(default=nu)

    def __repr__(self) -> str:
        return f"Contactpunt({self.nis or self.soort!r}, {self.naam!r})"


class Overdracht(Base):
    """A chat's profile kept, with the person's consent, until a social worker redeems its
    code (``bot.overdracht``). Only a keyed hash of the code is stored, the profile only
    encrypted; the row is deleted when redeemed or expired."""

    __tablename__ = "overdracht"

    sleutel: Mapped[str] = mapped_column(String(64), primary_key=True)
    """HMAC-SHA256 (hex) of the code: the code itself is not stored."""
    inhoud: Mapped[bytes] = mapped_column(LargeBinary)
    """The profile as encrypted JSON (a Fernet token)."""
    gemaakt_op: Mapped[datetime] = mapped_column(default=nu)
    vervalt_op: Mapped[datetime] = mapped_column(index=True)


class InzichtTelling(Base):
    """An anonymous count for the city's insight page (``bot.inzicht``): how many finished
    conversations (or screened rows) had a right ``waarschijnlijk`` or ``mogelijk``, or asked
    about it, per municipality and month. Nothing about a person: no session, no time finer
    than a month, no profile, no text."""

    __tablename__ = "inzicht_telling"
    __table_args__ = (
        CheckConstraint(
            "soort IN ('waarschijnlijk', 'mogelijk', 'gevraagd')", name="ck_inzicht_telling_soort"
        ),
        CheckConstraint("bron IN ('gesprek', 'screening')", name="ck_inzicht_telling_bron"),
    )

    gemeente: Mapped[str] = mapped_column(String(10), primary_key=True)
    """Current NIS code, or ``onbekend``."""
    maand: Mapped[str] = mapped_column(String(7), primary_key=True)
    """``JJJJ-MM``."""
    recht_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    soort: Mapped[str] = mapped_column(String(15), primary_key=True)
    bron: Mapped[str] = mapped_column(String(10), primary_key=True)
    aantal: Mapped[int] = mapped_column(Integer, default=0)
