"""Choose the question whose answer decides the most still-open rights.

Only attributes that could still change an open right's outcome are candidates,
so a question that cannot change anything for this person is never asked.
Each open right weighs 1 plus its value at stake (euro per year / 1000); a
sensitive question (income, residence status) weighs a little less, so that it
comes after an equally useful neutral one. Ties follow the vocabulary's order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot.rules.model import Catalogus, RechtUitkomst, Status

GEVOELIG_GEWICHT = 0.9
"""A sensitive question must decide a bit more than a neutral one to go first."""


def gewicht(uitkomst: RechtUitkomst) -> float:
    return 1.0 + uitkomst.waarde_per_jaar / 1000.0


def kies_volgende_vraag(
    uitkomsten: Iterable[RechtUitkomst], profiel: Mapping[str, Any], catalogus: Catalogus
) -> str | None:
    """The attribute to ask next, or ``None`` when no answer can change a result."""
    scores: dict[str, float] = {}
    for uitkomst in uitkomsten:
        if uitkomst.status is not Status.MOGELIJK:
            continue
        for attribuut in uitkomst.open_attributen:
            if attribuut in profiel:  # answered, possibly with "weet ik niet"
                continue
            scores[attribuut] = scores.get(attribuut, 0.0) + gewicht(uitkomst)
    if not scores:
        return None
    volgorde = {a: i for i, a in enumerate(catalogus.vraagbare_attributen)}

    def sleutel(attribuut: str) -> tuple[float, int]:
        score = scores[attribuut]
        if attribuut in catalogus.gevoelige_attributen:
            score *= GEVOELIG_GEWICHT
        return (-score, volgorde.get(attribuut, len(volgorde)))

    return min(scores, key=sleutel)
