"""First start: bring the database to the newest schema and fill an empty catalogue."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.catalogue import repository
from bot.catalogue.db import maak_engine, migreer
from bot.settings import Settings
from catalogus_loader.bronnen import Voortgang
from catalogus_loader.contactpunten import BESTANDSNAAM
from catalogus_loader.laden import laad
from catalogus_loader.synchroniseren import LaadResultaat


def initialiseer(
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    voortgang: Voortgang | None = None,
) -> LaadResultaat | None:
    """Migrate to head and load the bundled catalogue (``settings.catalogus_pad``) when the
    database has no products and no rule files yet. A database filled before contact points
    existed gets only the bundled contact file (``contactpunten.yaml``), so that "ik wil met
    iemand praten" works after an update. Returns ``None`` when nothing had to be loaded.

    Uses ``engine`` when given, else one for ``settings.database_url`` (closed afterwards).
    Raises ``LaadFout`` when the bundled catalogue is broken.
    """
    settings = settings or Settings()
    eigen = engine is None
    engine = engine or maak_engine(settings.database_url)
    try:
        migreer(engine)
        with Session(engine) as sessie:
            leeg = repository.is_leeg(sessie)
            zonder_contact = not repository.heeft_contactpunten(sessie)
        if leeg:
            return laad(
                engine, [settings.catalogus_pad], instellingen=settings, voortgang=voortgang
            )
        contactbestand = settings.catalogus_pad / f"{BESTANDSNAAM}.yaml"
        if zonder_contact and contactbestand.is_file():
            return laad(engine, [contactbestand], instellingen=settings, voortgang=voortgang)
        return None
    finally:
        if eigen:
            engine.dispose()
