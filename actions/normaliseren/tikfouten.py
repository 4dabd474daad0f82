"""Kleine tikfouten herstellen voor de lezers: "leefloonn", "soicale woning", "2 kinderne".

Een woord dat de lezers niet kennen, wordt vervangen door het ene woord uit hun
woordenlijsten (trefwoorden, de woorden bij getallen) dat er op één letter na op lijkt
(twee bij lange woorden; een omgewisseld letterpaar telt als één). Zo blijft één lezer
voor alle feiten, en is er maar één plek waar tikfouten verbeterd worden.

Voorzichtig, want een verkeerde verbetering maakt een vals feit:

- korte woorden (minder dan 5 letters) blijven zoals ze zijn: "lier" is geen "lief";
- bekende woorden blijven: de doelwoorden zelf, plaatsnamen en de gewone woorden uit
  ``gewone_woorden.txt`` ("werkte", "wonen" zijn geen tikfouten);
- zijn er twee even goede verbeteringen, dan gaat een woord voor waarin de persoon één
  letter vergat ("maandn" is "maanden", niet "maand": wie snel typt, laat eerder een
  letter weg dan dat hij er een toevoegt); blijft het gelijk, dan verbeteren we niet;
- een woord van vier letters zonder klinker ("krjg") is geen Nederlands woord: dat
  verbeteren we wel, als er precies één woord is met één klinker meer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import OSA

from actions.normaliseren.tekst import woorden, zonder_accenten

if TYPE_CHECKING:
    from bot.gemeenten import GemeenteRegister

GEWONE_WOORDEN_PAD = Path(__file__).with_name("gewone_woorden.txt")
MIN_LENGTE = 5
"""Kortere woorden verbeteren we niet: er lijken te veel andere woorden op."""
_KLINKERS = frozenset("aeiouy")
_WOORD = re.compile(r"[^\W\d_]+")


class Verbeteraar:
    """Verbetert tikfouten naar ``doelwoorden``; ``bekend`` zijn woorden die goed zijn."""

    def __init__(self, doelwoorden: Iterable[str], bekend: Iterable[str] = ()):
        doel = {_schoon(w) for w in doelwoorden}
        self._doel = sorted(w for w in doel if len(w) >= MIN_LENGTE - 1 and w.isalpha())
        self._bekend = doel | {w for naam in bekend for w in woorden(naam)}
        self._cache: dict[str, str] = {}

    def woord(self, woord: str) -> str:
        """Het verbeterde woord (kleine letters, zonder accenten), of ``woord`` zelf."""
        schoon = _schoon(woord)
        if schoon in self._bekend or not schoon.isalpha():
            return woord
        if len(schoon) < MIN_LENGTE and not (len(schoon) == 4 and _zonder_klinker(schoon)):
            return woord
        if schoon not in self._cache:
            self._cache[schoon] = self._beste(schoon) or ""
        return self._cache[schoon] or woord

    def tekst(self, tekst: str) -> str:
        """``tekst`` met elk verbeterd woord vervangen; de rest blijft letterlijk staan."""
        return _WOORD.sub(lambda m: self.woord(m.group()), tekst)

    def _beste(self, schoon: str) -> str | None:
        grens = 1 if len(schoon) < 8 else 2
        gevonden = process.extract(
            schoon, self._doel, scorer=OSA.distance, score_cutoff=grens, limit=4
        )
        if not gevonden:
            return None
        beste = min(afstand for _, afstand, _ in gevonden)
        kandidaten = {w for w, afstand, _ in gevonden if afstand == beste}
        if len(kandidaten) > 1:  # "maandn": "maanden" (een letter vergeten), niet "maand"
            vergeten = {w for w in kandidaten if _letter_vergeten(schoon, w)}
            kandidaten = vergeten if vergeten else kandidaten
        if _zonder_klinker(schoon):  # "krjg" -> "krijg": alleen met een klinker erbij
            kandidaten = {w for w in kandidaten if _letter_vergeten(schoon, w)}
        return kandidaten.pop() if len(kandidaten) == 1 else None


def _letter_vergeten(typ: str, woord: str) -> bool:
    """Is ``typ`` het ``woord`` met één letter weggelaten?"""
    return len(woord) == len(typ) + 1 and any(
        woord[:i] + woord[i + 1 :] == typ for i in range(len(woord))
    )


def _zonder_klinker(woord: str) -> bool:
    return not _KLINKERS & set(woord)


def _schoon(woord: str) -> str:
    return zonder_accenten(woord.casefold())


@cache
def gewone_woorden() -> frozenset[str]:
    """Gewone woorden die geen tikfout zijn (één per regel; ``#`` begint uitleg)."""
    regels = GEWONE_WOORDEN_PAD.read_text(encoding="utf-8").splitlines()
    return frozenset(w for regel in regels for w in woorden(regel.split("#", 1)[0]) if w.isalpha())


@lru_cache(maxsize=4)
def standaard_verbeteraar(register: GemeenteRegister | None = None) -> Verbeteraar:
    """Naar de trefwoorden en getalwoorden; plaatsnamen van ``register`` blijven staan."""
    from actions.normaliseren.getallen import getalwoorden
    from actions.normaliseren.trefwoorden import standaard_trefwoorden

    plaatsnamen = register.plaatsnamen() if register is not None else set()
    return Verbeteraar(
        standaard_trefwoorden().alle_woorden() | getalwoorden(), plaatsnamen | gewone_woorden()
    )
