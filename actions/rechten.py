"""Welk recht bedoelt de persoon? Op naam, id of synoniem (uit de regelbestanden)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz, process
from rasa_sdk import Tracker

from actions.normaliseren.tekst import woorden
from bot.rules import Catalogus, Recht

_ALGEMEEN = frozenset(
    ("sociaal", "sociale", "tarief", "premie", "toelage", "korting", "gratis", "goedkoper")
    + ("goedkope", "recht", "kinderen", "ouderen", "vlaamse", "krijgen", "hebben")
    # "budget" names no right on its own: a "budgetmeter" is no zorgbudget
    + ("budget",)
)
_FUZZY = 85.0


def _sleutel(tekst: str) -> str:
    return " ".join(w for w in woorden(tekst) if re.match(r"\w", w))


def _namen(recht: Recht) -> list[str]:
    return [recht.naam, recht.id.replace("-", " "), *recht.synoniemen]


def zoek_rechten(catalogus: Catalogus, tekst: str, *, gemeente_nis: str | None = None) -> list[str]:
    """De ids van de rechten die ``tekst`` noemt; leeg als geen enkel recht past.

    Eerst de langste naam of het langste synoniem die letterlijk in de tekst staat; dan
    samenstellingen ("energiefactuur" bevat "energie"); dan kleine tikfouten. Lokale
    rechten van een andere gemeente vallen weg als de gemeente bekend is.
    """
    zin = f" {_sleutel(tekst)} "
    beste: dict[str, int] = {}
    for recht in catalogus.rechten:
        for naam in _namen(recht):
            sleutel = _sleutel(naam)
            if sleutel and f" {sleutel} " in zin:
                beste[recht.id] = max(beste.get(recht.id, 0), len(sleutel) * 10)
    if not beste:
        tekstwoorden = [w for w in zin.split() if len(w) >= 5 and w not in _ALGEMEEN]
        for recht in catalogus.rechten:
            for naam in _namen(recht):
                for w in _sleutel(naam).split():
                    if (
                        len(w) >= 6
                        and w not in _ALGEMEEN
                        and any(w in t or (len(t) >= 6 and t in w) for t in tekstwoorden)
                    ):
                        beste[recht.id] = max(beste.get(recht.id, 0), len(w))
    if not beste:
        keuzes = {(r.id, n): _sleutel(n) for r in catalogus.rechten for n in _namen(r)}
        for _, _, (rid, _) in process.extract(
            _sleutel(tekst), keuzes, scorer=fuzz.ratio, score_cutoff=_FUZZY, limit=3
        ):
            beste.setdefault(rid, 1)
    if not beste:
        return []
    top = max(beste.values())
    ids = [rid for rid, score in beste.items() if score == top]
    if gemeente_nis and len(ids) > 1:
        hier = [i for i in ids if _geldt_in(catalogus.recht(i), gemeente_nis)]
        ids = hier or ids
    return ids


def _geldt_in(recht: Recht, nis: str) -> bool:
    return recht.gemeenten is None or nis in recht.gemeenten


def recht_uit_bericht(
    catalogus: Catalogus, bericht: Mapping[str, Any], gemeente_nis: str | None = None
) -> list[str]:
    """Rechten uit een bericht: eerst de entiteit ``recht`` (knop: de id), dan de tekst."""
    ids = {r.id for r in catalogus.rechten}
    entiteiten: Sequence[Mapping[str, Any]] = bericht.get("entities") or []
    for e in entiteiten:
        if e.get("entity") == "recht":
            waarde = str(e.get("value") or "")
            if waarde in ids:
                return [waarde]
            gevonden = zoek_rechten(catalogus, waarde, gemeente_nis=gemeente_nis)
            if gevonden:
                return gevonden
    return zoek_rechten(catalogus, bericht.get("text") or "", gemeente_nis=gemeente_nis)


def gemeente_nis(tracker: Tracker) -> str | None:
    from actions.diensten import nis_van

    naam = tracker.get_slot("gemeente")
    return nis_van(naam) if naam else None
