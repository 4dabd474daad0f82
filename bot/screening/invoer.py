"""Read one household row (CSV text cells or JSON values) into a validated profile.

Cells are read with the vocabulary's types and then checked by
``Vocabulaire.valideer_profiel``, so the same limits hold as in the API. Every problem is a
Dutch message that names the row and the column.

Cell conventions (CSV): an empty cell is not given; ``?`` or ``onbekend`` is "weet ik niet";
yes/no as ``ja``/``nee`` (or ``true``/``false``, ``1``/``0``); amounts as ``1234,56`` or
``1234.56``; a municipality by name or NIS code.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from bot.vocabulary import Attribuut, AttribuutType, ProfielFout, Vocabulaire
from bot.vocabulary.model import GemeenteOplosser

REFERENTIE = "referentie"
"""The default column with the household's own reference (a pseudonym, never a name)."""

ONLEESBAAR = "\x00onleesbaar"
"""Key of a row that could not be read at all (a JSON line that is no object, a CSV line
with too many cells): its value is the Dutch problem. No column can have this name."""

ONBEKEND = frozenset({"?", "onbekend", "weet niet", "weet ik niet"})
JA = frozenset({"ja", "j", "true", "waar", "1", "yes"})
NEE = frozenset({"nee", "n", "false", "onwaar", "0", "no"})
_GEHEEL = re.compile(r"^[+-]?\d+$")


class InvoerFout(ValueError):
    """The file as a whole cannot be read (e.g. an unknown column). Dutch message."""


class RijFout(ValueError):
    """One row cannot be read. ``fouten``: (column, Dutch problem) pairs."""

    def __init__(self, rij: int, fouten: list[tuple[str, str]]):
        self.rij = rij
        self.fouten = fouten
        super().__init__(
            " ".join(f"Rij {rij}, kolom '{kolom}': {bericht}" for kolom, bericht in fouten)
        )


def controleer_kolommen(
    kolommen: Iterable[str], vocabulaire: Vocabulaire, referentie: str = REFERENTIE
) -> None:
    """Raise ``InvoerFout`` naming every column that is not a vocabulary attribute."""
    gezien: set[str] = set()
    problemen: list[str] = []
    for kolom in kolommen:
        if kolom in gezien:
            problemen.append(f"De kolom '{kolom}' staat er twee keer in.")
        gezien.add(kolom)
        if kolom == referentie or kolom in vocabulaire.attributen:
            continue
        bijna = difflib.get_close_matches(kolom, list(vocabulaire.attributen), n=1)
        tip = f" Bedoelt u '{bijna[0]}'?" if bijna else ""
        problemen.append(f"De kolom '{kolom}' kennen we niet.{tip}")
    if problemen:
        raise InvoerFout(
            " ".join(problemen)
            + " Gebruik de namen van de gegevens uit GET /api/v1/attributen"
            + f" en '{referentie}' voor uw eigen nummer."
        )


class CelLezer:
    """Reads cells with the vocabulary's validation (``Vocabulaire.valideer_profiel``) and
    remembers every distinct cell it read: most repeat (yes/no, options, ages,
    municipalities), so a big file is read faster. Bounded; one per process."""

    def __init__(
        self,
        vocabulaire: Vocabulaire,
        oplosser: GemeenteOplosser | None,
        maximum: int = 100_000,
    ) -> None:
        self.vocabulaire = vocabulaire
        self.oplosser = oplosser
        self.maximum = maximum
        self._geheugen: dict[tuple[str, type, Any], tuple[bool, Any]] = {}

    def lees(self, kolom: str, waarde: Any) -> Any:
        """The normalised value (``_LEEG`` for an empty cell); ValueError (Dutch) if bad."""
        try:
            sleutel = (kolom, type(waarde), waarde)  # the type: True and 1 are equal keys
            gevonden = self._geheugen.get(sleutel)
        except TypeError:  # a list or an object from JSON: not remembered
            sleutel, gevonden = None, None
        if gevonden is None:
            gevonden = self._lees(kolom, waarde)
            if sleutel is not None:
                if len(self._geheugen) >= self.maximum:
                    self._geheugen.clear()
                self._geheugen[sleutel] = gevonden
        goed, uitkomst = gevonden
        if not goed:
            raise ValueError(uitkomst)
        return uitkomst

    def _lees(self, kolom: str, waarde: Any) -> tuple[bool, Any]:
        attribuut = self.vocabulaire.attributen.get(kolom)
        if attribuut is None:
            return False, "Dit gegeven kennen we niet."
        try:
            if isinstance(waarde, str):
                waarde = lees_cel(attribuut, waarde)
                if waarde is _LEEG:
                    return True, _LEEG
            profiel = self.vocabulaire.valideer_profiel({kolom: waarde}, self.oplosser)
        except ProfielFout as fout:
            return False, fout.fouten[0].bericht
        except ValueError as fout:
            return False, str(fout)
        return True, profiel[kolom]


def profiel_uit_rij(
    rij: int, ruw: Mapping[str, Any], lezer: CelLezer, referentie: str = REFERENTIE
) -> dict[str, Any]:
    """The validated profile of one row; raises :class:`RijFout` listing every bad cell."""
    fouten: list[tuple[str, str]] = []
    profiel: dict[str, Any] = {}
    for kolom, waarde in ruw.items():
        if kolom == referentie:
            continue
        try:
            gelezen = lezer.lees(kolom, waarde)
        except ValueError as fout:
            fouten.append((kolom, str(fout)))
            continue
        if gelezen is not _LEEG:
            profiel[kolom] = gelezen
    if fouten:
        raise RijFout(rij, fouten)
    return profiel


_LEEG = object()
"""An empty cell: the attribute is not given."""


def lees_cel(attribuut: Attribuut, tekst: str) -> Any:
    """A text cell as a value of the attribute's type (``_LEEG`` when empty, ``None`` for
    "weet ik niet"). Ranges and options are checked later by the vocabulary."""
    tekst = tekst.strip()
    if not tekst:
        return _LEEG
    klein = tekst.lower()
    if klein in ONBEKEND:
        return None
    match attribuut.type:
        case AttribuutType.BOOL:
            if klein in JA:
                return True
            if klein in NEE:
                return False
            raise ValueError(f"'{tekst}' is geen ja of nee. Schrijf ja of nee.")
        case AttribuutType.INT:
            if not _GEHEEL.match(tekst):
                raise ValueError(f"'{tekst}' is geen geheel getal.")
            return int(tekst)
        case AttribuutType.EURO:
            return _bedrag(tekst)
        case AttribuutType.ENUM:
            return klein
        case _:
            return tekst


def _bedrag(tekst: str) -> float:
    """``1234,56``, ``1234.56``, ``1.234,56``, ``€ 1 234`` → 1234.56 (or ValueError)."""
    schoon = tekst.replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in schoon:  # Belgian notation: points group thousands, the comma is the decimal
        schoon = schoon.replace(".", "").replace(",", ".")
    elif schoon.count(".") > 1:
        schoon = schoon.replace(".", "")
    try:
        return float(schoon)
    except ValueError:
        raise ValueError(f"'{tekst}' is geen bedrag. Schrijf bijvoorbeeld 1250,50.") from None
