"""The profile of a chat conversation, read from Rasa's tracker (its JSON, as the REST API
gives it): what the person answered, what they did not know, and the rights they asked about.

Pure: the route fetches the tracker; this only reads it. Nothing of it is kept.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

ONBEKEND_SLOT = "onbekende_attributen"
"""As ``actions.diensten.ONBEKEND_SLOT``: the attributes answered with "weet ik niet"."""
RECHT_SLOT = "gekozen_recht"
"""As ``actions.diensten.RECHT_SLOT``: the rights the person asked about (empty: all)."""


@dataclass(frozen=True)
class GesprekProfiel:
    profiel: dict[str, Any]
    """Attribute -> value as the bot noted it; ``None`` for "weet ik niet". The municipality
    is its official name (the API resolves it)."""
    rechten: frozenset[str] | None
    """Only these rights, as in the conversation; ``None`` for all."""

    @property
    def beantwoord(self) -> bool:
        """At least one question answered (a "weet ik niet" counts too)."""
        return bool(self.profiel)


def profiel_uit_tracker(tracker: Mapping[str, Any], attributen: Collection[str]) -> GesprekProfiel:
    """Like ``actions.diensten.profiel`` does inside the bot, from the tracker's ``slots``."""
    slots = tracker.get("slots")
    if not isinstance(slots, Mapping):
        slots = {}
    profiel = {a: slots[a] for a in attributen if slots.get(a) is not None}
    onbekend = slots.get(ONBEKEND_SLOT)
    if isinstance(onbekend, list):
        for attribuut in onbekend:
            if isinstance(attribuut, str) and attribuut in attributen:
                profiel.setdefault(attribuut, None)
    gekozen = slots.get(RECHT_SLOT)
    if isinstance(gekozen, str):
        gekozen = [gekozen]
    rechten = (
        frozenset(r for r in gekozen if isinstance(r, str))
        if isinstance(gekozen, list) and gekozen
        else None
    )
    return GesprekProfiel(profiel=profiel, rechten=rechten or None)
