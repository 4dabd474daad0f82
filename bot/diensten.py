"""The services the app builds once at start-up: database, vocabulary, engine catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.catalogue.db import maak_engine, sessie_fabriek
from bot.catalogue.models import Product
from bot.catalogue.repository import RechtInfo, gemeente_register, motor_invoer, zoek_rechten
from bot.gemeenten import GemeenteRegister
from bot.rules import Catalogus, bouw_catalogus
from bot.settings import Settings
from bot.vocabulary import Vocabulaire, laad_vocabulaire


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


def bouw_diensten(settings: Settings) -> Diensten:
    """Connect to the database and build the engine's catalogue from it."""
    engine = maak_engine(settings.database_url)
    sessiemaker = sessie_fabriek(engine)
    vocabulaire = laad_vocabulaire()
    with sessiemaker() as sessie:
        invoer = motor_invoer(sessie)
        register = gemeente_register(sessie)
        teksten = {info.recht_id: rechtteksten(info) for info in zoek_rechten(sessie)}
    catalogus = bouw_catalogus(
        invoer.regelbestanden,
        vocabulaire,
        zonder_regels=invoer.zonder_regels,
        gemeentenamen=invoer.gemeentenamen,
    )
    return Diensten(
        vocabulaire=vocabulaire,
        catalogus=catalogus,
        gemeenten=register,
        rechtteksten=teksten,
        engine=engine,
        sessiemaker=sessiemaker,
    )
