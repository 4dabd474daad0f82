"""Zeggen wat de bot begreep: "Genoteerd: 67 jaar, woont in Leuven."

Elke beurt die feiten opneemt, herhaalt ze kort (ook feiten die een andere vraag
beantwoorden dan de gestelde), zodat de persoon ziet wat de bot onthoudt en het kan
verbeteren. De korte teksten staan in de woordenlijst (``kort`` per attribuut).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Tracker

from bot.vocabulary import Vocabulaire


def nieuwe_feiten(tracker: Tracker, waarden: Mapping[str, Any]) -> dict[str, Any]:
    """De gelezen waarden die de bot nog niet zo had."""
    return {a: w for a, w in waarden.items() if tracker.get_slot(a) != w}


def kort(vocabulaire: Vocabulaire, waarden: Mapping[str, Any]) -> list[str]:
    """Elk feit in enkele woorden, in de volgorde van de woordenlijst."""
    volgorde = {a: i for i, a in enumerate(vocabulaire.attributen)}
    return [
        vocabulaire.attributen[a].kort_tekst(w)
        for a, w in sorted(waarden.items(), key=lambda aw: volgorde.get(aw[0], len(volgorde)))
        if a in vocabulaire.attributen and w is not None
    ]


def genoteerd(
    vocabulaire: Vocabulaire, waarden: Mapping[str, Any], begin: str = "Genoteerd"
) -> str:
    """ "Genoteerd: 67 jaar, woont in Leuven." (leeg als er niets is)."""
    delen = kort(vocabulaire, waarden)
    if not delen:
        return ""
    return f"{begin}: {', '.join(delen)}."
