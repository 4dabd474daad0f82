"""Welk recht bedoelt de persoon? Op naam, id of synoniem (uit de regelbestanden), anders met
het zoeken in gewone taal (``bot.zoeken``)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from rasa_sdk import Tracker

from actions.normaliseren.tekst import woorden
from bot.rules import Catalogus, Recht
from bot.zoeken import Zoekindex

MIN_DEKKING = 0.6
"""The search counts only when the best right matches this share of the meaningful words."""
BIJNA_EVEN_GOED = 0.95
"""Rights scoring at least this share of the best score are named too ("A of B")."""
MAX_RECHTEN = 3


def _sleutel(tekst: str) -> str:
    return " ".join(w for w in woorden(tekst) if re.match(r"\w", w))


def _namen(recht: Recht) -> list[str]:
    return [recht.naam, recht.id.replace("-", " "), *recht.synoniemen]


def zoek_rechten(
    catalogus: Catalogus,
    tekst: str,
    *,
    index: Zoekindex,
    gemeente_nis: str | None = None,
) -> list[str]:
    """De ids van de rechten die ``tekst`` noemt; leeg als geen enkel recht past.

    Eerst de langste naam of het langste synoniem die letterlijk in de tekst staat. Anders
    het zoeken in gewone taal van de API (``index``, met samenstellingen, synoniemen en
    tikfouten), maar alleen als het beste recht de meeste zinvolle woorden van de tekst
    dekt: een gewoon antwoord wordt zo geen vraag naar een recht. Lokale rechten van een
    andere gemeente vallen weg als de gemeente bekend is.
    """
    zin = f" {_sleutel(tekst)} "
    beste: dict[str, int] = {}
    for recht in catalogus.rechten:
        for naam in _namen(recht):
            sleutel = _sleutel(naam)
            if sleutel and f" {sleutel} " in zin:
                beste[recht.id] = max(beste.get(recht.id, 0), len(sleutel) * 10)
    if not beste:
        return _gezocht(catalogus, index, tekst, gemeente_nis)
    top = max(beste.values())
    ids = [rid for rid, score in beste.items() if score == top]
    if gemeente_nis and len(ids) > 1:
        hier = [i for i in ids if _geldt_in(catalogus.recht(i), gemeente_nis)]
        ids = hier or ids
    return ids


def _gezocht(
    catalogus: Catalogus, index: Zoekindex, tekst: str, gemeente_nis: str | None
) -> list[str]:
    treffers = []
    for t in index.zoek(tekst):
        recht = catalogus.recht(t.id)
        if recht is not None and (not gemeente_nis or _geldt_in(recht, gemeente_nis)):
            treffers.append(t)
    if not gemeente_nis:
        # Municipality not known yet: a right for everyone goes before one city's own right
        # ("hulp voor mijn gehandicapte zoon" is the Flemish zorgbudget, not Leuven's toelage).
        overal = [t for t in treffers if _overal(catalogus.recht(t.id))]
        if overal and overal[0].dekking >= MIN_DEKKING:
            treffers = overal
    if not treffers or treffers[0].dekking < MIN_DEKKING:
        return []
    grens = treffers[0].score * BIJNA_EVEN_GOED
    return [t.id for t in treffers[:MAX_RECHTEN] if t.score >= grens and t.dekking >= MIN_DEKKING]


def _geldt_in(recht: Recht, nis: str) -> bool:
    return recht.gemeenten is None or nis in recht.gemeenten


def _overal(recht: Recht | None) -> bool:
    return recht is not None and recht.gemeenten is None


def recht_uit_bericht(
    catalogus: Catalogus,
    bericht: Mapping[str, Any],
    gemeente_nis: str | None = None,
    *,
    index: Zoekindex,
) -> list[str]:
    """Rechten uit een bericht: eerst de entiteit ``recht`` (knop: de id), dan de tekst."""
    ids = {r.id for r in catalogus.rechten}
    entiteiten: Sequence[Mapping[str, Any]] = bericht.get("entities") or []
    for e in entiteiten:
        if e.get("entity") == "recht":
            waarde = str(e.get("value") or "")
            if waarde in ids:
                return [waarde]
            gevonden = zoek_rechten(catalogus, waarde, index=index, gemeente_nis=gemeente_nis)
            if gevonden:
                return gevonden
    tekst = bericht.get("text") or ""
    return zoek_rechten(catalogus, tekst, index=index, gemeente_nis=gemeente_nis)


def gemeente_nis(tracker: Tracker) -> str | None:
    from actions.diensten import nis_van

    naam = tracker.get_slot("gemeente")
    return nis_van(naam) if naam else None
