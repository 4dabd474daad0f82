"""The anonymous counts for the city (``bot.inzicht``), from the actions.

What was counted in this conversation is marked in its own slot ``inzicht_geteld``, so a
second result or question counts nothing. A count that fails never stops the conversation:
it logs a warning without anything of the person.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions.diensten import diensten, nis_van
from actions.indeling import Indeling
from bot.inzicht import tel_gevraagd, tel_resultaat
from bot.rules import Status
from bot.tijd import vandaag

log = logging.getLogger(__name__)

INZICHT_SLOT = "inzicht_geteld"


def _geteld(tracker: Tracker) -> list[str]:
    return [str(m) for m in tracker.get_slot(INZICHT_SLOT) or []]


def _gemeente(tracker: Tracker) -> str | None:
    naam = tracker.get_slot("gemeente")
    if not naam:
        return None
    try:
        return nis_van(naam)
    except ValueError:  # a name we do not know: counted as "onbekend"
        return None


def _als_slot(merk: list[str] | None) -> list[EventType]:
    return [SlotSet(INZICHT_SLOT, merk)] if merk is not None else []


def tel_getoond_resultaat(tracker: Tracker, indeling: Indeling) -> list[EventType]:
    """Count the result of this conversation once (the rights it does not receive yet)."""
    try:
        nieuw = [*indeling.aanvragen, *indeling.vanzelf, *indeling.misschien_vanzelf]
        merk = tel_resultaat(
            diensten().engine,
            _geteld(tracker),
            _gemeente(tracker),
            waarschijnlijk=[u.recht.id for u in nieuw if u.status is Status.WAARSCHIJNLIJK],
            mogelijk=[u.recht.id for u in nieuw if u.status is Status.MOGELIJK],
            datum=vandaag(),
        )
    except Exception as fout:  # noqa: BLE001 - counting must never break the conversation
        log.warning("Het resultaat is niet geteld voor het inzicht (%s).", type(fout).__name__)
        return []
    return _als_slot(merk)


def tel_gevraagde_rechten(tracker: Tracker, rechten: Iterable[str]) -> list[EventType]:
    """Count that this conversation asked about these rights, once per right."""
    try:
        merk = tel_gevraagd(
            diensten().engine, _geteld(tracker), _gemeente(tracker), rechten, vandaag()
        )
    except Exception as fout:  # noqa: BLE001 - counting must never break the conversation
        log.warning("De vraag is niet geteld voor het inzicht (%s).", type(fout).__name__)
        return []
    return _als_slot(merk)
