"""The catalogue database: ORM models, sessions, migrations and query functions.

Nothing connects at import time. Typical use::

    engine = maak_engine(get_settings().database_url)
    migreer(engine)
    with sessie_fabriek(engine)() as sessie:
        rechten = repository.zoek_rechten(sessie, q="huur")
"""

from bot.catalogue.db import maak_engine, migreer, sessie_fabriek
from bot.catalogue.fouten import CatalogusFout, RechtNietGevonden

__all__ = ["CatalogusFout", "RechtNietGevonden", "maak_engine", "migreer", "sessie_fabriek"]
