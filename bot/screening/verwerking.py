"""Rows in, one result per row out, in the same order: in this process or on several
worker processes, each with its own catalogue built once.

A row is ``(rij, ruw)``: its number in the file and its cells (column -> text or JSON value).
A result is JSON-ready: ``{"rij", "referentie", "waarschijnlijk", "mogelijk",
"al_ontvangen", "fout"}``. A bad row gives a result with ``fout`` and the run goes on.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any

from bot.screening.beoordeling import Opties, screen_profiel
from bot.screening.invoer import REFERENTIE, RijFout, profiel_uit_rij
from bot.screening.motor import Motor

Rij = tuple[int, dict[str, Any]]
BLOK = 250
"""Rows per message to a worker: large enough that sending costs little."""


def screen_rij(rij: int, ruw: dict[str, Any], motor: Motor, opties: Opties) -> dict[str, Any]:
    referentie = ruw.get(REFERENTIE)
    uitkomst: dict[str, Any] = {
        "rij": rij,
        "referentie": None if referentie in (None, "") else str(referentie),
        "waarschijnlijk": [],
        "mogelijk": [],
        "al_ontvangen": [],
        "fout": None,
    }
    if "_fout" in ruw:  # the row itself could not be read (see ``bestanden``)
        uitkomst["fout"] = f"Rij {rij}: {ruw['_fout']}"
        return uitkomst
    try:
        profiel = profiel_uit_rij(rij, ruw, motor.vocabulaire, motor.oplosser)
    except RijFout as fout:
        uitkomst["fout"] = str(fout)
        return uitkomst
    wel, mogelijk, al = screen_profiel(profiel, motor.catalogus, opties)
    uitkomst["waarschijnlijk"], uitkomst["mogelijk"], uitkomst["al_ontvangen"] = wel, mogelijk, al
    return uitkomst


def screen_rijen(rijen: Iterable[Rij], motor: Motor, opties: Opties) -> Iterator[dict[str, Any]]:
    """In this process."""
    for rij, ruw in rijen:
        yield screen_rij(rij, ruw, motor, opties)


def screen_parallel(
    rijen: Iterable[Rij],
    bouwer: Callable[[], Motor],
    opties: Opties,
    werkers: int,
) -> Iterator[dict[str, Any]]:
    """On ``werkers`` processes; ``bouwer`` (picklable) builds each worker's motor once."""
    context = multiprocessing.get_context("fork" if _kan_forken() else "spawn")
    with context.Pool(werkers, initializer=_start_werker, initargs=(bouwer, opties)) as pool:
        # a few blocks per worker in flight: the workers stay busy, memory stays bounded
        onderweg: deque[AsyncResult[list[dict[str, Any]]]] = deque()
        for blok in _blokken(rijen, BLOK):
            onderweg.append(pool.apply_async(_screen_blok, (blok,)))
            if len(onderweg) >= 4 * werkers:
                yield from onderweg.popleft().get()
        while onderweg:
            yield from onderweg.popleft().get()


def _kan_forken() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _blokken(rijen: Iterable[Rij], grootte: int) -> Iterator[list[Rij]]:
    iterator = iter(rijen)
    while blok := list(islice(iterator, grootte)):
        yield blok


_werker: tuple[Motor, Opties] | None = None
"""The worker process's own motor and options (set once by ``_start_werker``)."""


def _start_werker(bouwer: Callable[[], Motor], opties: Opties) -> None:
    global _werker
    _werker = (bouwer(), opties)


def _screen_blok(blok: list[Rij]) -> list[dict[str, Any]]:
    assert _werker is not None
    motor, opties = _werker
    return [screen_rij(rij, ruw, motor, opties) for rij, ruw in blok]
