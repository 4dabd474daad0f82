"""First start: bring the database to the newest schema and fill an empty catalogue."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.catalogue import repository
from bot.catalogue.db import maak_engine, migreer
from bot.settings import Settings
from catalogus_loader.bronnen import Voortgang
from catalogus_loader.laden import laad
from catalogus_loader.synchroniseren import LaadResultaat


def initialiseer(
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    voortgang: Voortgang | None = None,
) -> LaadResultaat | None:
    """Migrate to head and load the bundled catalogue (``settings.catalogus_pad``) when the
    database has no products and no rule files yet. Returns ``None`` when it was filled.

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
        if not leeg:
            return None
        return laad(engine, [settings.catalogus_pad], instellingen=settings, voortgang=voortgang)
    finally:
        if eigen:
            engine.dispose()
