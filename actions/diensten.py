"""De motor en de catalogus voor de acties: één keer opgebouwd, bij het eerste gebruik.

Niets gebeurt bij het importeren. De acties lezen de catalogus alleen: wie de actieserver
start, bereidt de databank eerst voor (``python -m catalogus_loader init``; ``make run`` en de
testopstelling doen dat). ``diensten()`` bouwt de diensten van de web-API uit die databank.
Is ze er niet, niet bijgewerkt of leeg, dan logt het een Nederlandse uitleg en geeft het
``CatalogusNietKlaar``; na ``init`` lukt de volgende actie zonder herstart.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

from rasa_sdk import Tracker

from bot.catalogue.fouten import CatalogusNietKlaar
from bot.diensten import Diensten, bouw_diensten
from bot.herladen import Herlader
from bot.rules import Evaluatie, evalueer
from bot.settings import Settings

log = logging.getLogger(__name__)

_slot = threading.Lock()
_herlader: Herlader | None = None
_deze_vraag: ContextVar[Diensten | None] = ContextVar("diensten_deze_vraag", default=None)
"""The services one request of Rasa is answered with (``vast_voor_deze_vraag``): a new
catalogue taken in meanwhile serves the next request, never half of this one."""

ONBEKEND_SLOT = "onbekende_attributen"
RECHT_SLOT = "gekozen_recht"


def _huidige() -> Diensten:
    """The services, built from the prepared database on first use; a newer catalogue in
    the database is taken in now and then (``bot.herladen``).

    Raises ``CatalogusNietKlaar`` when the database is not prepared (nothing is cached then).
    """
    global _herlader
    if _herlader is None:
        with _slot:
            if _herlader is None:
                instellingen = Settings()
                try:
                    eerste = bouw_diensten(instellingen)
                except CatalogusNietKlaar as fout:
                    log.error("%s", fout)
                    raise
                _herlader = Herlader(
                    eerste, lambda: bouw_diensten(instellingen), instellingen.catalogus_controle_s
                )
    return _herlader.huidige()


def vast_voor_deze_vraag() -> None:
    """At the start of a request: every action of it uses the same services."""
    with contextlib.suppress(CatalogusNietKlaar):
        _deze_vraag.set(_huidige())


def diensten() -> Diensten:
    """The services of this request (see ``vast_voor_deze_vraag``), else the current ones."""
    return _deze_vraag.get() or _huidige()


def nis_van(naam: str) -> str:
    """NIS-code van een officiële gemeentenaam (zoals in de slot ``gemeente``)."""
    register = diensten().gemeenten
    for nis, officieel in register.namen().items():
        if officieel == naam:
            return nis
    return register.resolve(naam, officieel_voorrang=True).nis


def onbekend(tracker: Tracker) -> list[str]:
    return list(tracker.get_slot(ONBEKEND_SLOT) or [])


def profiel(tracker: Tracker) -> dict[str, Any]:
    """Het profiel voor de motor: ingevulde slots, en None voor "weet ik niet"."""
    d = diensten()
    uit: dict[str, Any] = {}
    for attribuut in d.vocabulaire.attributen:
        waarde = tracker.get_slot(attribuut)
        if waarde is None:
            continue
        uit[attribuut] = nis_van(waarde) if attribuut == "gemeente" else waarde
    for attribuut in onbekend(tracker):
        uit.setdefault(attribuut, None)
    return uit


def gekozen_rechten(tracker: Tracker) -> frozenset[str] | None:
    gekozen = tracker.get_slot(RECHT_SLOT)
    return frozenset(gekozen) if gekozen else None


def evalueer_gesprek(tracker: Tracker, alleen: Iterable[str] | None = None) -> Evaluatie:
    """Evalueer het profiel van dit gesprek; standaard voor de gekozen rechten (of alle)."""
    d = diensten()
    kies = frozenset(alleen) if alleen is not None else gekozen_rechten(tracker)
    return evalueer(profiel(tracker), d.catalogus, d.peildatum(), alleen=kies)


def _vangnet(tracker: Tracker) -> dict[str, Any]:
    """What the web app's safety net recognised in the last message (message metadata, see
    ``bot/api/routes/chat.py``): ``taal`` and ``nood``."""
    metadata = (tracker.latest_message or {}).get("metadata")
    return metadata if isinstance(metadata, dict) else {}


def andere_taal(tracker: Tracker) -> str | None:
    """The language the web app recognised in the last message ("ar", "fr"), when it was
    not Dutch: the safety net already said, in that language, that the assistant speaks
    Dutch."""
    taal = _vangnet(tracker).get("taal")
    return taal if isinstance(taal, str) and taal else None


def nood_gemeld(tracker: Tracker) -> bool:
    """The web app recognised an urgent situation in the last message and showed where to
    go now, before the bot's answer."""
    return bool(_vangnet(tracker).get("nood"))
