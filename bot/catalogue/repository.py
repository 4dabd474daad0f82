"""Query functions over the catalogue, for the API, the bot and the loader.

Every function takes an open :class:`~sqlalchemy.orm.Session` and only reads.
A *right* (:class:`RechtInfo`) is either a rule file (with machine-readable conditions)
or an offered product for citizens without a rule file (the engine shows it as
"not checked"); both can be listed, filtered and fetched by their id.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.elements import ColumnElement

from bot.catalogue.fouten import CatalogusFout, RechtNietGevonden
from bot.catalogue.models import (
    Code,
    Contactpunt,
    GemeenteAliasRij,
    GemeenteRij,
    Product,
    ProductGebied,
    RechtRegel,
    Zoekterm,
    nu,
)
from bot.catalogue.tekst import zoeksleutel
from bot.gemeenten import Alias, AliasType, Gemeente, GemeenteRegister
from bot.rules import ProductZonderRegels
from bot.zoeken import Zoekdocument, Zoekindex

NIVEAUS = ("federaal", "vlaams", "lokaal")
_NIVEAU_VAN_BESTUUR = {
    "Lokaal": "lokaal",
    "Provinciaal": "lokaal",
    "Vlaams": "vlaams",
    "Federaal": "federaal",
    "Europees": "federaal",
}
DOELGROEP_BURGER = "Burger"
_INSTANTIE_SOORTEN = frozenset({"Instantie", "InstantieSnapshot"})


class ProductNietGevonden(CatalogusFout):
    def __init__(self, productnummer: str):
        super().__init__(f"Er is geen product met nummer '{productnummer}' in de catalogus.")
        self.productnummer = productnummer


# -- products ------------------------------------------------------------------------------


def niveau_van_product(product: Product) -> str:
    """``federaal``, ``vlaams`` or ``lokaal``: the most local competent authority level."""
    niveaus = {_NIVEAU_VAN_BESTUUR.get(n) for n in product.bevoegde_bestuursniveaus}
    for niveau in ("lokaal", "vlaams", "federaal"):
        if niveau in niveaus:
            return niveau
    # without levels, an LPDC instance is a local government's own offer
    return "lokaal" if product.soort in _INSTANTIE_SOORTEN else "vlaams"


def is_voor_burgers(product: Product) -> bool:
    return not product.doelgroepen or DOELGROEP_BURGER in product.doelgroepen


def _tokens(q: str | None) -> list[str]:
    return zoeksleutel(q).split() if q else []


def _product_heeft_term(token: str) -> ColumnElement[bool]:
    return exists().where(Zoekterm.product_id == Product.id, Zoekterm.sleutel.contains(token))


def _product_in_gemeente(nis: str) -> ColumnElement[bool]:
    heeft_gebied = exists().where(ProductGebied.product_id == Product.id)
    in_gemeente = exists().where(ProductGebied.product_id == Product.id, ProductGebied.nis == nis)
    return or_(~heeft_gebied, in_gemeente)


def _past_thema(themas: Sequence[str], thema: str, labels: dict[str, str]) -> bool:
    gezocht = zoeksleutel(thema).replace(" ", "")
    for t in themas:
        if zoeksleutel(t).replace(" ", "") == gezocht:
            return True
        if zoeksleutel(labels.get(t, "")).replace(" ", "") == gezocht:
            return True
    return False


def codelabels(sessie: Session, lijst: str) -> dict[str, str]:
    """Code -> Dutch label of one code list (e.g. ``Thema``)."""
    return dict(sessie.execute(select(Code.code, Code.label).where(Code.lijst == lijst)).all())


def zoek_producten(
    sessie: Session,
    *,
    q: str | None = None,
    thema: str | None = None,
    niveau: str | None = None,
    gemeente: str | None = None,
    alleen_aangeboden: bool = True,
    op: datetime | None = None,
) -> list[Product]:
    """Products, filtered. ``q`` searches names and IPDC zoektermen (every word must match,
    case and accents do not matter); ``gemeente`` is a current NIS code; ``thema`` a code or
    label of the Thema list; ``niveau`` federaal/vlaams/lokaal."""
    vraag = select(Product)
    for token in _tokens(q):
        vraag = vraag.where(_product_heeft_term(token))
    if gemeente:
        vraag = vraag.where(_product_in_gemeente(gemeente))
    if alleen_aangeboden:
        vraag = vraag.where(Product.aangeboden_filter(op))
    producten = list(sessie.scalars(vraag.order_by(Product.naam, Product.productnummer)))
    if thema:
        labels = codelabels(sessie, "Thema")
        producten = [p for p in producten if _past_thema(p.themas, thema, labels)]
    if niveau:
        producten = [p for p in producten if niveau_van_product(p) == niveau]
    return _rangschik(producten, q, lambda p: p.naam)


def product(sessie: Session, productnummer: str) -> Product:
    gevonden = sessie.scalar(select(Product).where(Product.productnummer == productnummer))
    if gevonden is None:
        raise ProductNietGevonden(productnummer)
    return gevonden


def _rangschik(items: list[Any], q: str | None, naam: Any) -> list[Any]:
    """Exact name first, then names that start with the query, then the rest (stable)."""
    if not q:
        return items
    s = zoeksleutel(q)

    def rang(item: Any) -> int:
        n = zoeksleutel(naam(item))
        return 0 if n == s else 1 if n.startswith(s) else 2 if s in n else 3

    return sorted(items, key=rang)


# -- rights --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RechtInfo:
    """A right in the catalogue: a rule file, or an offered product without one."""

    recht_id: str
    naam: str
    niveau: str
    themas: tuple[str, ...]
    gemeenten: tuple[str, ...]
    """NIS codes the right is limited to; empty means everywhere."""
    product: Product | None
    regel: RechtRegel | None
    aangeboden: bool

    @property
    def heeft_regels(self) -> bool:
        return self.regel is not None

    @property
    def definitie(self) -> dict[str, Any] | None:
        return self.regel.definitie if self.regel is not None else None

    @property
    def synoniemen(self) -> tuple[str, ...]:
        return tuple(self.regel.synoniemen) if self.regel is not None else ()


def recht_id_voor_product(
    productnummer: str, bezet: set[str] | frozenset[str] = frozenset()
) -> str:
    """The right id of a product without rule file: its number as a slug (``ipdc-<nr>``
    when it starts with a digit), with ``product-`` in front when a rule file has that id."""
    slug = re.sub(r"[^a-z0-9]+", "-", zoeksleutel(productnummer)).strip("-") or "product"
    if slug[0].isdigit():
        slug = f"ipdc-{slug}"
    return f"product-{slug}" if slug in bezet else slug


def _info_uit_regel(regel: RechtRegel, op: datetime) -> RechtInfo:
    product_ = regel.product
    return RechtInfo(
        recht_id=regel.recht_id,
        naam=regel.naam,
        niveau=regel.niveau,
        # the rule file's own words and the product's IPDC theme codes: filter on either
        themas=tuple(dict.fromkeys([*regel.themas, *(product_.themas if product_ else [])])),
        gemeenten=tuple(regel.gemeenten),
        product=product_,
        regel=regel,
        aangeboden=product_ is None or product_.is_aangeboden(op),
    )


def _info_uit_product(product_: Product, recht_id: str, op: datetime) -> RechtInfo:
    return RechtInfo(
        recht_id=recht_id,
        naam=product_.naam,
        niveau=niveau_van_product(product_),
        themas=tuple(product_.themas),
        gemeenten=tuple(product_.geografisch_nis),
        product=product_,
        regel=None,
        aangeboden=product_.is_aangeboden(op),
    )


def _regel_ids(sessie: Session) -> frozenset[str]:
    return frozenset(sessie.scalars(select(RechtRegel.recht_id)))


def _zonder_regels_vraag(op: datetime | None) -> Any:
    heeft_regel = exists().where(RechtRegel.product_sleutel == Product.productnummer)
    return (
        select(Product)
        .where(~heeft_regel, Product.aangeboden_filter(op))
        .order_by(Product.naam, Product.productnummer)
    )


def producten_zonder_regels(sessie: Session, op: datetime | None = None) -> list[Product]:
    """Offered products for citizens that no rule file points to."""
    return [p for p in sessie.scalars(_zonder_regels_vraag(op)) if is_voor_burgers(p)]


def zoek_rechten(
    sessie: Session,
    *,
    q: str | None = None,
    thema: str | None = None,
    niveau: str | None = None,
    gemeente: str | None = None,
    met_producten_zonder_regels: bool = True,
    alleen_aangeboden: bool = True,
    op: datetime | None = None,
    index: Zoekindex | None = None,
) -> list[RechtInfo]:
    """Rights, filtered; ``gemeente`` keeps rights for everyone plus those of that
    municipality, ``thema`` and ``niveau`` work as in :func:`zoek_producten`.

    With ``q`` only the rights the plain-language search finds remain, best first (see
    :mod:`bot.zoeken`). ``index`` is the app's index, built once per catalogue; without it
    an index of this session's catalogue is built for this call, without the word list.
    """
    moment = op or nu()
    vraag = select(RechtRegel).options(selectinload(RechtRegel.product))
    rechten = [_info_uit_regel(r, moment) for r in sessie.scalars(vraag)]
    if met_producten_zonder_regels:
        bezet = _regel_ids(sessie)
        rechten += [
            _info_uit_product(p, recht_id_voor_product(p.productnummer, bezet), moment)
            for p in sessie.scalars(_zonder_regels_vraag(moment))
            if is_voor_burgers(p)
        ]
    if alleen_aangeboden:
        rechten = [r for r in rechten if r.aangeboden]
    if gemeente:
        rechten = [r for r in rechten if _geldt_in(r, gemeente)]
    if thema:
        labels = codelabels(sessie, "Thema")
        rechten = [r for r in rechten if _past_thema(r.themas, thema, labels)]
    if niveau:
        rechten = [r for r in rechten if r.niveau == niveau]
    rechten.sort(key=lambda r: (zoeksleutel(r.naam), r.recht_id))
    if not q or not q.strip():
        return rechten
    zoeker = index if index is not None else Zoekindex(zoekdocumenten(sessie, moment))
    plaats = {t.id: nr for nr, t in enumerate(zoeker.zoek(q))}
    return sorted((r for r in rechten if r.recht_id in plaats), key=lambda r: plaats[r.recht_id])


def zoekdocumenten(sessie: Session, op: datetime | None = None) -> list[Zoekdocument]:
    """What the plain-language search reads of every right, ordered by id: the rule files'
    name, summary, synonyms, zoektermen, voor_wie and themes with their product's name and
    IPDC zoektermen; for offered products without rule file their name, description,
    zoektermen and theme labels."""
    labels = codelabels(sessie, "Thema")
    documenten = []
    for regel in sessie.scalars(
        select(RechtRegel).options(selectinload(RechtRegel.product)).order_by(RechtRegel.recht_id)
    ):
        definitie = regel.definitie or {}
        product_ = regel.product
        documenten.append(
            Zoekdocument(
                id=regel.recht_id,
                naam=regel.naam,
                samenvatting=definitie.get("samenvatting") or "",
                synoniemen=tuple(regel.synoniemen),
                zoektermen=(
                    *definitie.get("zoektermen", ()),
                    *(product_.zoektermen if product_ else ()),
                    *((product_.naam,) if product_ else ()),
                ),
                voor_wie=tuple(definitie.get("voor_wie", ())),
                themas=tuple(regel.themas),
            )
        )
    bezet = _regel_ids(sessie)
    for p in producten_zonder_regels(sessie, op):
        documenten.append(
            Zoekdocument(
                id=recht_id_voor_product(p.productnummer, bezet),
                naam=p.naam,
                beschrijving=p.beschrijving_tekst,
                zoektermen=tuple(p.zoektermen),
                themas=tuple(labels.get(t, t) for t in p.themas),
            )
        )
    return sorted(documenten, key=lambda d: d.id)


def _geldt_in(recht: RechtInfo, nis: str) -> bool:
    if recht.gemeenten and nis not in recht.gemeenten:
        return False
    product_ = recht.product
    return not (
        product_ is not None and product_.geografisch_nis and nis not in product_.geografisch_nis
    )


def recht(sessie: Session, recht_id: str, op: datetime | None = None) -> RechtInfo:
    """One right by id (rule file id, or the id of a product without rules)."""
    moment = op or nu()
    regel = sessie.scalar(select(RechtRegel).where(RechtRegel.recht_id == recht_id))
    if regel is not None:
        return _info_uit_regel(regel, moment)
    bezet = _regel_ids(sessie)
    for p in producten_zonder_regels(sessie, moment):
        if recht_id_voor_product(p.productnummer, bezet) == recht_id:
            return _info_uit_product(p, recht_id, moment)
    raise RechtNietGevonden(recht_id)


def regeldefinities(sessie: Session) -> list[dict[str, Any]]:
    """The content of every rule file (as validated at load time), ordered by id."""
    return [r.definitie for r in sessie.scalars(select(RechtRegel).order_by(RechtRegel.recht_id))]


def samenvatting(product_: Product) -> str | None:
    """The first paragraph of a product's plain description, at most 300 characters."""
    return product_.beschrijving_tekst.split("\n\n", 1)[0].strip()[:300] or None


def product_zonder_regels(product_: Product, recht_id: str) -> ProductZonderRegels:
    """The engine's view of a product without rule file."""
    bron_url = (product_.publicatie_link or {}).get("url")
    bron_url = bron_url or next((w["url"] for w in product_.websites if w.get("url")), None)
    bron_url = bron_url or product_.ipdc_uri or ""
    return ProductZonderRegels(
        id=recht_id,
        naam=product_.naam,
        niveau=niveau_van_product(product_),
        bron_url=bron_url,
        product=product_.productnummer,
        gemeenten=frozenset(product_.geografisch_nis) or None,
        thema=tuple(product_.themas),
        samenvatting=samenvatting(product_),
    )


@dataclass(frozen=True)
class MotorInvoer:
    """Everything ``bot.rules.bouw_catalogus`` needs, read from the database."""

    regelbestanden: list[dict[str, Any]]
    zonder_regels: list[ProductZonderRegels]
    gemeentenamen: dict[str, str]


def motor_invoer(sessie: Session, op: datetime | None = None) -> MotorInvoer:
    """Rule files, offered products without rules and municipality names, for the engine::

    invoer = motor_invoer(sessie)
    catalogus = bouw_catalogus(invoer.regelbestanden, vocabulaire,
                               zonder_regels=invoer.zonder_regels,
                               gemeentenamen=invoer.gemeentenamen)
    """
    bezet = _regel_ids(sessie)
    return MotorInvoer(
        regelbestanden=regeldefinities(sessie),
        zonder_regels=[
            product_zonder_regels(p, recht_id_voor_product(p.productnummer, bezet))
            for p in producten_zonder_regels(sessie, op)
        ],
        gemeentenamen=gemeentenamen(sessie),
    )


# -- municipalities ------------------------------------------------------------------------


def gemeentenamen(sessie: Session) -> dict[str, str]:
    return dict(
        sessie.execute(select(GemeenteRij.nis, GemeenteRij.naam).order_by(GemeenteRij.nis)).all()
    )


def gemeente_register(sessie: Session) -> GemeenteRegister:
    """The municipalities and every alias, as a pure :class:`GemeenteRegister`."""
    gemeenten = [
        Gemeente(
            nis=g.nis,
            naam=g.naam,
            gewest=g.gewest,
            naam_fr=g.naam_fr,
            provincie=g.provincie,
            centrumstad=g.centrumstad,
        )
        for g in sessie.scalars(select(GemeenteRij).order_by(GemeenteRij.nis))
    ]
    aliassen = [
        Alias(
            naam=a.naam,
            nis=a.nis,
            type=AliasType(a.type),
            postcode=a.postcode,
            vroegere_nis=a.vroegere_nis,
            dubbelzinnig=a.dubbelzinnig,
        )
        for a in sessie.scalars(select(GemeenteAliasRij).order_by(GemeenteAliasRij.id))
    ]
    return GemeenteRegister(gemeenten, aliassen)


# -- contact points ------------------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    """Where a person can talk to someone. Only facts from the cited page (``bron_url``)."""

    naam: str
    bron_url: str
    omschrijving: str | None = None
    telefoon: str | None = None
    adres: str | None = None
    openingsuren: str | None = None
    """Plain Dutch, as the source page gives them, e.g. "Elke voormiddag, of op afspraak"."""
    website: str | None = None


@dataclass(frozen=True)
class Contactpunten:
    """The general line and the OCMW / Sociaal Huis per municipality (current NIS code)."""

    algemeen: Contact | None = None
    per_gemeente: Mapping[str, Contact] = field(default_factory=dict)

    def voor(self, nis: str | None) -> Contact | None:
        """The contact of this municipality, or ``None`` when the file has none."""
        return self.per_gemeente.get(nis) if nis else None


def _contact(rij: Contactpunt) -> Contact:
    return Contact(
        naam=rij.naam,
        bron_url=rij.bron_url,
        omschrijving=rij.omschrijving,
        telefoon=rij.telefoon,
        adres=rij.adres,
        openingsuren=rij.openingsuren,
        website=rij.website,
    )


def contactpunten(sessie: Session) -> Contactpunten:
    """Every contact point in the database (empty when none was loaded)."""
    algemeen: Contact | None = None
    per_gemeente: dict[str, Contact] = {}
    for rij in sessie.scalars(select(Contactpunt).order_by(Contactpunt.nis)):
        if rij.nis is None:
            algemeen = _contact(rij)
        else:
            per_gemeente[rij.nis] = _contact(rij)
    return Contactpunten(algemeen=algemeen, per_gemeente=per_gemeente)


def contactpunt(sessie: Session, nis: str) -> Contact | None:
    """The contact of one municipality (current NIS code), or ``None``."""
    rij = sessie.scalar(select(Contactpunt).where(Contactpunt.nis == nis))
    return _contact(rij) if rij is not None else None


def heeft_contactpunten(sessie: Session) -> bool:
    return sessie.scalar(select(Contactpunt.id).limit(1)) is not None


@dataclass(frozen=True)
class ContactDekking:
    """How many municipalities have their own contact point."""

    algemeen: Contactpunt | None
    met_contact: list[tuple[GemeenteRij, Contactpunt]]
    zonder_contact: list[GemeenteRij]
    onbekende_gemeente: list[Contactpunt]
    """Contact points whose NIS code is no current municipality (after a new municipality list)."""


def contact_dekking(sessie: Session) -> ContactDekking:
    rijen = list(sessie.scalars(select(Contactpunt).order_by(Contactpunt.nis)))
    per_nis = {r.nis: r for r in rijen if r.nis is not None}
    gemeenten = list(sessie.scalars(select(GemeenteRij).order_by(GemeenteRij.nis)))
    huidig = {g.nis for g in gemeenten}
    return ContactDekking(
        algemeen=next((r for r in rijen if r.nis is None), None),
        met_contact=[(g, per_nis[g.nis]) for g in gemeenten if g.nis in per_nis],
        zonder_contact=[g for g in gemeenten if g.nis not in per_nis],
        onbekende_gemeente=[r for n, r in per_nis.items() if n not in huidig],
    )


# -- coverage ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dekking:
    """How far the rule files cover the products."""

    met_regels: list[tuple[Product, list[RechtRegel]]]
    zonder_regels: list[Product]
    """All products no rule file points to (offered or not; see ``Product.is_aangeboden``)."""
    onbekend_product: list[RechtRegel]
    """Rule files whose ``product`` is not in the catalogue."""


def dekking(sessie: Session) -> Dekking:
    regels = list(sessie.scalars(select(RechtRegel).order_by(RechtRegel.recht_id)))
    per_sleutel: dict[str, list[RechtRegel]] = {}
    for r in regels:
        per_sleutel.setdefault(r.product_sleutel, []).append(r)
    producten = list(sessie.scalars(select(Product).order_by(Product.naam, Product.productnummer)))
    nummers = {p.productnummer for p in producten}
    return Dekking(
        met_regels=[
            (p, per_sleutel[p.productnummer]) for p in producten if p.productnummer in per_sleutel
        ],
        zonder_regels=[p for p in producten if p.productnummer not in per_sleutel],
        onbekend_product=[r for r in regels if r.product_sleutel not in nummers],
    )


def is_leeg(sessie: Session) -> bool:
    """True when there are no products and no rule files."""
    heeft_product = sessie.scalar(select(Product.id).limit(1)) is not None
    return not heeft_product and sessie.scalar(select(RechtRegel.id).limit(1)) is None


__all__ = [
    "NIVEAUS",
    "Contact",
    "ContactDekking",
    "Contactpunten",
    "Dekking",
    "MotorInvoer",
    "ProductNietGevonden",
    "RechtInfo",
    "codelabels",
    "contact_dekking",
    "contactpunt",
    "contactpunten",
    "dekking",
    "gemeente_register",
    "gemeentenamen",
    "heeft_contactpunten",
    "is_leeg",
    "motor_invoer",
    "niveau_van_product",
    "product",
    "product_zonder_regels",
    "producten_zonder_regels",
    "recht",
    "recht_id_voor_product",
    "regeldefinities",
    "samenvatting",
    "zoek_producten",
    "zoek_rechten",
    "zoekdocumenten",
]
