"""Rows from CSV text or JSON (lines or one array), numbered as a person finds them back.

- CSV: the first line names the columns; ``rij`` is the line in the file (the header is
  line 1, as in a spreadsheet). Separator ``,`` or ``;`` (guessed from the header).
- JSON lines: one object per line; ``rij`` is the line number (empty lines are skipped).
- A JSON array of objects: ``rij`` is the object's place, counting from 1.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from bot.screening.invoer import ONLEESBAAR, REFERENTIE, InvoerFout, controleer_kolommen
from bot.screening.verwerking import Rij
from bot.vocabulary import Vocabulaire


def csv_rijen(regels: Iterable[str], vocabulaire: Vocabulaire) -> Iterator[Rij]:
    """Checks the header at once (``InvoerFout`` on an unknown column), then gives the rows
    as they are read."""
    regels = iter(regels)
    kop = next(regels, None)
    if kop is None or not kop.strip():
        raise InvoerFout("Het bestand is leeg. De eerste regel geeft de namen van de kolommen.")
    scheiding = ";" if kop.count(";") > kop.count(",") else ","
    lezer = csv.reader(_met_kop(kop, regels), delimiter=scheiding)
    kolommen = [k.strip().lstrip("\ufeff") for k in next(lezer)]
    controleer_kolommen(kolommen, vocabulaire, REFERENTIE)
    return _csv_cellen(lezer, kolommen)


def _csv_cellen(lezer: Any, kolommen: list[str]) -> Iterator[Rij]:
    for cellen in lezer:
        if not any(c.strip() for c in cellen):
            continue
        if len(cellen) != len(kolommen):
            yield (
                lezer.line_num,
                {ONLEESBAAR: f"Deze rij heeft {len(cellen)} cellen, de kop {len(kolommen)}."},
            )
            continue
        yield lezer.line_num, dict(zip(kolommen, cellen, strict=True))


def _met_kop(kop: str, regels: Iterator[str]) -> Iterator[str]:
    yield kop
    yield from regels


def json_rijen(tekst: bytes | str) -> Iterator[Rij]:
    """A JSON array of objects (read at once: ``InvoerFout`` when it is no valid JSON), or
    JSON lines. A line that is no object is a row error."""
    begin = tekst.lstrip()[:1]
    if begin in (b"[", "["):
        try:
            lijst = orjson.loads(tekst)
        except orjson.JSONDecodeError:
            raise InvoerFout("De inhoud is geen geldige JSON-lijst.") from None
        return ((nummer, _object(item)) for nummer, item in enumerate(lijst, start=1))
    return _json_regels(tekst)


def _json_regels(tekst: bytes | str) -> Iterator[Rij]:
    regels = tekst.splitlines()
    for nummer, regel in enumerate(regels, start=1):
        if not regel.strip():
            continue
        try:
            item = orjson.loads(regel)
        except orjson.JSONDecodeError:
            yield nummer, {ONLEESBAAR: "Deze regel is geen geldige JSON."}
            continue
        yield nummer, _object(item)


def _object(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        return {ONLEESBAAR: 'Verwacht een object met gegevens, zoals {"leeftijd": 40}.'}
    return item
