"""The services the app builds once at start-up: database, vocabulary, engine catalogue."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.advies import AdviesRegels, laad_adviesregels
from bot.catalogue.db import huidige_revisie, maak_engine, nieuwste_revisie, sessie_fabriek
from bot.catalogue.fouten import CatalogusNietKlaar
from bot.catalogue.models import Product
from bot.catalogue.repository import (
    Contactpunten,
    RechtInfo,
    contactpunten,
    gemeente_register,
    is_leeg,
    motor_invoer,
    zoek_rechten,
    zoekdocumenten,
)
from bot.catalogue.versie import Catalogusversie, catalogusversie
from bot.gemeenten import GemeenteRegister
from bot.rules import Catalogus, RechtUitkomst, bouw_catalogus
from bot.rules.geheugen import onthoud
from bot.settings import Settings
from bot.tijd import vandaag
from bot.vocabulary import Vocabulaire, laad_vocabulaire
from bot.zoeken import Zoekindex, laad_zoekwoorden

_MAX_JSON = 8192


@dataclass(frozen=True)
class RechtTeksten:
    """Plain texts from the product description that an answer shows next to a right."""

    aanvragen: str | None
    bewijsstukken: str | None


@dataclass
class Diensten:
    vocabulaire: Vocabulaire
    catalogus: Catalogus
    gemeenten: GemeenteRegister
    rechtteksten: Mapping[str, RechtTeksten]
    engine: Engine
    sessiemaker: sessionmaker[Session]
    contactpunten: Contactpunten = field(default_factory=Contactpunten)
    """The general line and the OCMW / Sociaal Huis per municipality (contactpunten.yaml)."""
    vaste_peildatum: date | None = None
    """``Settings.peildatum``: evaluate on this date instead of today."""
    leefloonadvies: AdviesRegels | None = None
    """The advice rules for the leefloon (``bot/advies/leefloon.yaml``), read at start-up."""
    versie: Catalogusversie | None = None
    """The catalogue the engine was built from (shown on the printable overview)."""
    zoekindex: Zoekindex = field(default_factory=lambda: Zoekindex([]))
    """The plain-language search over this catalogue's rights (``bot.zoeken``)."""

    _json: dict[int, tuple[Any, Any]] = field(default_factory=dict, repr=False)

    def peildatum(self) -> date:
        """The date rights are evaluated on: today, unless the settings fix one."""
        return self.vaste_peildatum or vandaag()

    def json_van(self, uitkomst: RechtUitkomst, maak: Callable[[Any, Diensten], Any]) -> Any:
        """The JSON form of an engine outcome, made once per outcome object.

        Keyed by the object's identity; the entry holds the object itself, so the identity
        cannot be reused while it is remembered. Bounded: the oldest entry goes first.
        """
        gevonden = self._json.get(id(uitkomst))
        if gevonden is not None and gevonden[0] is uitkomst:
            return gevonden[1]
        waarde = maak(uitkomst, self)
        onthoud(self._json, id(uitkomst), (uitkomst, waarde), _MAX_JSON)
        return waarde

    def los_gemeente_op(self, tekst: str) -> str:
        """The current NIS code for a name, deelgemeente or code; ValueError (Dutch) if none."""
        return self.gemeenten.resolve(tekst).nis

    def sluit(self) -> None:
        self.engine.dispose()


def samen_tekst(blokken: list[dict]) -> str | None:
    """The plain texts of IPDC text blocks (procedures, costs…), one paragraph each."""
    teksten = [b.get("tekst", "").strip() for b in blokken if b.get("tekst", "").strip()]
    return "\n\n".join(teksten) or None


def rechtteksten(info: RechtInfo) -> RechtTeksten:
    product: Product | None = info.product
    aanvragen = (info.definitie or {}).get("aanvragen")
    if product is None:
        return RechtTeksten(aanvragen=aanvragen, bewijsstukken=None)
    bewijs = product.bewijsstukken or [
        v["bewijs"] for v in product.voorwaarden if isinstance(v.get("bewijs"), dict)
    ]
    return RechtTeksten(
        aanvragen=aanvragen or samen_tekst(product.procedures),
        bewijsstukken=samen_tekst(bewijs),
    )


def _sqlite_bestand_ontbreekt(url: str) -> str | None:
    """The path of a SQLite database file that does not exist (else ``None``)."""
    url_obj = make_url(url)
    database = url_obj.database
    if url_obj.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:") or Path(database).expanduser().exists():
        return None
    return database


def controleer_databank(engine: Engine) -> None:
    """Raise ``CatalogusNietKlaar`` unless the schema is the newest and the catalogue is
    filled. Only reads: preparing the database is the job of ``catalogus_loader init``."""
    huidige = huidige_revisie(engine)
    if huidige is None:
        raise CatalogusNietKlaar("de databank heeft nog geen tabellen")
    nieuwste = nieuwste_revisie()
    if huidige != nieuwste:
        raise CatalogusNietKlaar(
            f"het schema van de databank is niet bijgewerkt (versie {huidige}, nodig: {nieuwste})"
        )
    with Session(engine) as sessie:
        if is_leeg(sessie):
            raise CatalogusNietKlaar("de catalogus in de databank is leeg")


def bouw_diensten(settings: Settings) -> Diensten:
    """Connect to a prepared database and build the engine's catalogue from it.

    Raises ``CatalogusNietKlaar`` (a Dutch message) when the database is missing, not
    migrated or empty; it never creates, migrates or fills it.
    """
    ontbreekt = _sqlite_bestand_ontbreekt(settings.database_url)
    if ontbreekt is not None:
        raise CatalogusNietKlaar(f"het databankbestand {ontbreekt} bestaat niet")
    engine = maak_engine(settings.database_url)
    try:
        controleer_databank(engine)
    except BaseException:
        engine.dispose()
        raise
    sessiemaker = sessie_fabriek(engine)
    vocabulaire = laad_vocabulaire()
    # A load (catalogus_loader) may commit while we read: read again until the catalogue's
    # version is the same before and after, so everything comes from one catalogue.
    for _poging in range(5):
        with sessiemaker() as sessie:
            versie = catalogusversie(sessie)
            invoer = motor_invoer(sessie)
            register = gemeente_register(sessie)
            contacten = contactpunten(sessie)
            teksten = {info.recht_id: rechtteksten(info) for info in zoek_rechten(sessie)}
            documenten = zoekdocumenten(sessie)
        with sessiemaker() as sessie:
            if catalogusversie(sessie).code == versie.code:
                break
    zoekindex = Zoekindex(documenten, laad_zoekwoorden())
    catalogus = bouw_catalogus(
        invoer.regelbestanden,
        vocabulaire,
        zonder_regels=invoer.zonder_regels,
        gemeentenamen=invoer.gemeentenamen,
    )
    # a catalogue without the leefloon's rules (a test's small catalogue) has no advice
    leefloonadvies = (
        laad_adviesregels(catalogus, vocabulaire)
        if (leefloon := catalogus.recht("leefloon")) is not None and leefloon.heeft_regels
        else None
    )
    return Diensten(
        vocabulaire=vocabulaire,
        catalogus=catalogus,
        gemeenten=register,
        rechtteksten=teksten,
        engine=engine,
        sessiemaker=sessiemaker,
        contactpunten=contacten,
        vaste_peildatum=settings.peildatum,
        leefloonadvies=leefloonadvies,
        versie=versie,
        zoekindex=zoekindex,
    )
