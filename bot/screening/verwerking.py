"""Rows in, one processed result per row out, in the same order: in this process or on
several worker processes, each with its own catalogue built once.

A row is ``(rij, ruw)``: its number in the file and its cells (column -> text or JSON value).
Each row becomes :class:`Verwerkt`: its output line (JSON or CSV, made where the row was
screened, so a worker sends back bytes) and the right ids for the counts. A bad row gives
a line with ``fout`` and the run goes on.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any, NamedTuple

from bot.screening.beoordeling import Opties, screen_profiel
from bot.screening.invoer import ONLEESBAAR, REFERENTIE, RijFout, profiel_uit_rij
from bot.screening.motor import Motor
from bot.screening.uitvoer import regel

Rij = tuple[int, dict[str, Any]]
BLOK = 250
"""Rows per message to a worker: large enough that sending costs little."""


class Verwerkt(NamedTuple):
    regel: bytes
    """The row's output line (JSON line or CSV line)."""
    fout: bool
    waarschijnlijk: tuple[str, ...]
    mogelijk: tuple[str, ...]
    al_ontvangen: tuple[str, ...]
    gemeente: str | None = None
    """The row's municipality (NIS code), for the totals per municipality; not in the line."""


def screen_rij(rij: int, ruw: dict[str, Any], motor: Motor, opties: Opties) -> dict[str, Any]:
    """The row's result as JSON-ready data (see ``ScreeningRij`` in the API)."""
    return _screen(rij, ruw, motor, opties)[0]


def _screen(
    rij: int, ruw: dict[str, Any], motor: Motor, opties: Opties
) -> tuple[dict[str, Any], str | None]:
    """The row's result, and its municipality (NIS code) when the row gives one."""
    referentie = ruw.get(REFERENTIE)
    uitkomst: dict[str, Any] = {
        "rij": rij,
        "referentie": None if referentie in (None, "") else str(referentie),
        "waarschijnlijk": [],
        "mogelijk": [],
        "al_ontvangen": [],
        "fout": None,
    }
    if ONLEESBAAR in ruw:  # the row itself could not be read (see ``bestanden``)
        uitkomst["fout"] = f"Rij {rij}: {ruw[ONLEESBAAR]}"
        return uitkomst, None
    try:
        profiel = profiel_uit_rij(rij, ruw, motor.lezer)
    except RijFout as fout:
        uitkomst["fout"] = str(fout)
        return uitkomst, None
    wel, mogelijk, al = screen_profiel(profiel, motor.catalogus, opties)
    uitkomst["waarschijnlijk"], uitkomst["mogelijk"], uitkomst["al_ontvangen"] = wel, mogelijk, al
    gemeente = profiel.get("gemeente")
    return uitkomst, gemeente if isinstance(gemeente, str) else None


def verwerk_rij(
    rij: int, ruw: dict[str, Any], motor: Motor, opties: Opties, formaat: str
) -> Verwerkt:
    u, gemeente = _screen(rij, ruw, motor, opties)
    return Verwerkt(
        regel(u, formaat),
        u["fout"] is not None,
        tuple(r["id"] for r in u["waarschijnlijk"]),
        tuple(r["id"] for r in u["mogelijk"]),
        tuple(r["id"] for r in u["al_ontvangen"]),
        gemeente,
    )


def screen_rijen(
    rijen: Iterable[Rij], motor: Motor, opties: Opties, formaat: str = "json"
) -> Iterator[Verwerkt]:
    """In this process."""
    for gedaan, (rij, ruw) in enumerate(rijen, start=1):
        yield verwerk_rij(rij, ruw, motor, opties, formaat)
        _ruim_op_als_nodig(gedaan)


def screen_parallel(
    rijen: Iterable[Rij],
    bouwer: Callable[[], Motor],
    opties: Opties,
    werkers: int,
    formaat: str = "json",
) -> Iterator[Verwerkt]:
    """On ``werkers`` processes; ``bouwer`` (picklable) builds each worker's motor once."""
    context = multiprocessing.get_context("fork" if _kan_forken() else "spawn")
    beginwaarden = (bouwer, opties, formaat)
    with context.Pool(werkers, initializer=_start_werker, initargs=beginwaarden) as pool:
        # a few blocks per worker in flight: the workers stay busy, memory stays bounded
        onderweg: deque[AsyncResult[list[Verwerkt]]] = deque()
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


_werker: tuple[Motor, Opties, str] | None = None
"""The worker process's own motor, options and output format (set by ``_start_werker``)."""
_gedaan = 0
"""Rows this worker process screened."""


def _start_werker(bouwer: Callable[[], Motor], opties: Opties, formaat: str) -> None:
    global _werker
    _werker = (bouwer(), opties, formaat)
    opruiming_uit()


@contextmanager
def zonder_opruiming() -> Iterator[None]:
    """``opruiming_uit`` for a while (the command line, a benchmark); then as before."""
    aan = gc.isenabled()
    opruiming_uit()
    try:
        yield
    finally:
        gc.unfreeze()
        if aan:
            gc.enable()


def opruiming_uit() -> None:
    """For a process that only screens (a worker): Python's cyclic garbage collector is
    switched off once the catalogue is built.

    It cost a fifth of the time and finds nothing: the engine makes no reference cycles
    (a full collection after 10,000 screenings finds no unreachable object), so reference
    counting frees everything. In case that ever changes, ``screen_rijen`` collects by hand
    every ``OPRUIMEN_NA`` rows.
    """
    gc.collect()
    gc.freeze()  # the built catalogue: never walked again
    gc.disable()


OPRUIMEN_NA = 20_000


def _ruim_op_als_nodig(gedaan: int) -> None:
    if gedaan % OPRUIMEN_NA == 0 and not gc.isenabled():
        gc.collect()


def _screen_blok(blok: list[Rij]) -> list[Verwerkt]:
    global _gedaan
    assert _werker is not None
    motor, opties, formaat = _werker
    uit = []
    for rij, ruw in blok:
        uit.append(verwerk_rij(rij, ruw, motor, opties, formaat))
        _gedaan += 1
        _ruim_op_als_nodig(_gedaan)
    return uit
