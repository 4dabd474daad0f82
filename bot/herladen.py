"""A new catalogue while the service runs: checked now and then, built beside the old one,
then swapped in whole.

``catalogus_loader load`` changes the database in one transaction. Every process that
answers from the catalogue (the app, the action server) keeps a :class:`Herlader`: at most
every ``elke`` seconds it compares the catalogue's version in the database with the one it
serves; when it changed, it builds new services (``bouw_diensten``) next to the old ones
and then replaces the reference in one step. A request takes the services once, at its
start, so every answer comes wholly from the old or wholly from the new catalogue, and no
request waits for the build.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from bot.catalogue.fouten import CatalogusNietKlaar
from bot.catalogue.versie import catalogusversie
from bot.diensten import Diensten

log = logging.getLogger(__name__)


class Herlader:
    def __init__(
        self,
        diensten: Diensten,
        bouw: Callable[[], Diensten] | None = None,
        elke: float = 0.0,
        klok: Callable[[], float] = time.monotonic,
    ) -> None:
        self._diensten = diensten
        self.bouw = bouw
        self.elke = elke if bouw is not None else 0.0
        """Seconds between two checks; 0 (or nothing to build with): never, the catalogue
        of the start stays."""
        self.klok = klok
        self._volgende = klok() + elke
        self._bezig = threading.Lock()
        self._oude: list[Diensten] = []

    def huidige(self) -> Diensten:
        """The services to answer this request with; starts a check in the background when
        one is due (the request does not wait for it)."""
        if self.elke > 0 and self.klok() >= self._volgende and not self._bezig.locked():
            threading.Thread(target=self.controleer, name="catalogus-herladen", daemon=True).start()
        return self._diensten

    def controleer(self) -> bool:
        """Check now; True when a new catalogue was swapped in."""
        if self.bouw is None or not self._bezig.acquire(blocking=False):
            return False  # another check is running
        try:
            self._volgende = self.klok() + self.elke
            huidig = self._diensten
            try:
                with huidig.sessiemaker() as sessie:
                    code = catalogusversie(sessie).code
            except SQLAlchemyError as fout:
                log.warning("De catalogusversie is niet leesbaar (%s).", type(fout).__name__)
                return False
            if huidig.versie is not None and code == huidig.versie.code:
                return False
            try:
                nieuw = self.bouw()
            except (CatalogusNietKlaar, SQLAlchemyError) as fout:
                log.warning("De nieuwe catalogus is niet te bouwen (%s); de oude blijft.", fout)
                return False
            # the services before the previous ones cannot serve a request any more
            for oud in self._oude:
                oud.sluit()
            self._oude = [huidig]
            self._diensten = nieuw
            log.info(
                "Nieuwe catalogus in gebruik: versie %s (was %s).",
                nieuw.versie.code if nieuw.versie else "?",
                huidig.versie.code if huidig.versie else "?",
            )
            return True
        finally:
            self._bezig.release()

    def sluit(self) -> None:
        for oud in self._oude:
            oud.sluit()
        self._oude = []
        self._diensten.sluit()
