"""Counting a conversation, once: the mark of what was counted lives in the conversation
itself (a list the caller keeps, in the Rasa tracker's slot), never in a store of our own."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import Engine

from bot.inzicht.opslag import ONBEKEND, Sleutel, maand_van, tel

GETELD_RESULTAAT = "resultaat"
"""In the mark: this conversation's result was counted."""


def gevraagd_merk(recht_id: str) -> str:
    """In the mark: this conversation asked about ``recht_id`` and it was counted."""
    return f"gevraagd:{recht_id}"


def tel_resultaat(
    engine: Engine,
    geteld: Sequence[str],
    gemeente: str | None,
    waarschijnlijk: Iterable[str],
    mogelijk: Iterable[str],
    datum: date,
) -> list[str] | None:
    """Count a finished conversation's result: each right ``waarschijnlijk`` or ``mogelijk``
    once. Returns the new mark, or ``None`` when this conversation was already counted
    (a second result, after a correction, counts nothing)."""
    if GETELD_RESULTAAT in geteld:
        return None
    plaats, maand = gemeente or ONBEKEND, maand_van(datum)
    wel = list(dict.fromkeys(waarschijnlijk))
    tellingen: Counter[Sleutel] = Counter()
    for recht_id in wel:
        tellingen[Sleutel(plaats, maand, recht_id, "waarschijnlijk", "gesprek")] = 1
    for recht_id in dict.fromkeys(mogelijk):
        if recht_id not in wel:
            tellingen[Sleutel(plaats, maand, recht_id, "mogelijk", "gesprek")] = 1
    tel(engine, tellingen)
    return [*geteld, GETELD_RESULTAAT]


def tel_gevraagd(
    engine: Engine,
    geteld: Sequence[str],
    gemeente: str | None,
    rechten: Iterable[str],
    datum: date,
) -> list[str] | None:
    """Count that this conversation asked about ``rechten``: once per right. Returns the new
    mark, or ``None`` when every one of them was counted before."""
    nieuw = [r for r in dict.fromkeys(rechten) if gevraagd_merk(r) not in geteld]
    if not nieuw:
        return None
    plaats, maand = gemeente or ONBEKEND, maand_van(datum)
    tel(engine, {Sleutel(plaats, maand, r, "gevraagd", "gesprek"): 1 for r in nieuw})
    return [*geteld, *(gevraagd_merk(r) for r in nieuw)]
