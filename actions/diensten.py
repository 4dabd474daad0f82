"""De motor en de catalogus voor de acties: één keer opgebouwd, bij het eerste gebruik.

Niets gebeurt bij het importeren; ``diensten()`` initialiseert de databank (migraties en
de meegeleverde catalogus als ze leeg is) en bouwt dan de diensten van de web-API.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import date
from typing import Any

from rasa_sdk import Tracker

from bot.diensten import Diensten, bouw_diensten
from bot.rules import Evaluatie, evalueer
from bot.settings import Settings

_slot = threading.Lock()
_diensten: Diensten | None = None

ONBEKEND_SLOT = "onbekende_attributen"
RECHT_SLOT = "gekozen_recht"


def diensten() -> Diensten:
    global _diensten
    if _diensten is None:
        with _slot:
            if _diensten is None:
                from catalogus_loader.init import initialiseer

                settings = Settings()
                initialiseer(settings)
                _diensten = bouw_diensten(settings)
    return _diensten


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
    return evalueer(profiel(tracker), d.catalogus, date.today(), alleen=kies)
