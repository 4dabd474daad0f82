"""Benchmark of proactive screening: many generated households against the whole bundled
catalogue, in one process and on every core.

Run: ``.venv/bin/python bench/screening.py`` (options: ``--help``).

The households come from the realistic generator of ``engine.py`` / ``huishouden.py``
(seeded), as rows the way the API and the CLI get them (JSON values and a reference).
Timed is the whole path of ``python -m bot screen``: reading each row with the vocabulary's
validation, the engine, the result per row as a JSON line and the counts per right. First
in this process (the baseline, a freshly built catalogue), then with ``--werkers``
processes that each build their own catalogue once (their start-up is timed too). The
target is at least 5,000 households per second on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for pad in (ROOT, ROOT / "bench"):
    if str(pad) not in sys.path:
        sys.path.insert(0, str(pad))

from engine import ANDERE_GEMEENTEN, _volledig_profiel  # noqa: E402

from bot.screening.beoordeling import Opties  # noqa: E402
from bot.screening.motor import UitRegelbestanden  # noqa: E402
from bot.screening.telling import Telling  # noqa: E402
from bot.screening.uitvoer import json_regel  # noqa: E402
from bot.screening.verwerking import (  # noqa: E402
    Rij,
    Verwerkt,
    screen_parallel,
    screen_rijen,
    zonder_opruiming,
)

DOEL = 5000.0
"""Target: households per second on 2 cores."""


def maak_rijen(aantal: int, seed: int, gemeenten: Sequence[str]) -> list[Rij]:
    rng = random.Random(seed)
    rijen = []
    for i in range(aantal):
        profiel = {k: v for k, v in _volledig_profiel(rng, gemeenten).items() if v is not None}
        rijen.append((i + 2, {"referentie": f"h-{i:06d}", **profiel}))
    return rijen


def verwerk(uitkomsten: Iterator[Verwerkt], namen: dict[str, str], peildatum: date) -> Telling:
    """What the CLI does with each result: write its JSON line (to nowhere here) and count."""
    telling = Telling(namen)
    for v in uitkomsten:
        telling.tel(v)
    json_regel(telling.samenvatting(peildatum.isoformat()))
    return telling


def _cpu_kinderen() -> float:
    """CPU seconds of the finished child processes (the workers, once the pool is closed)."""
    gebruik = resource.getrusage(resource.RUSAGE_CHILDREN)
    return gebruik.ru_utime + gebruik.ru_stime


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--huishoudens", type=int, default=100_000, help="aantal (100000)")
    parser.add_argument("--seed", type=int, default=20250601)
    parser.add_argument("--werkers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--datum", type=date.fromisoformat, default=date.today())
    parser.add_argument("--recht", help="screen voor één recht (id) in plaats van alle")
    args = parser.parse_args(argv)

    bouwer = UitRegelbestanden(ROOT / "catalogus" / "regels")
    start = time.perf_counter()
    motor = bouwer()
    bouwtijd = time.perf_counter() - start
    lokaal = sorted(
        {g for r in motor.catalogus.rechten for g in (r.gemeenten or ())}
        | {
            g
            for r in motor.catalogus.rechten
            for p in r.parameters.values()
            for g in p.per_gemeente
        }
    )
    rijen = maak_rijen(args.huishoudens, args.seed, [*lokaal, *ANDERE_GEMEENTEN])
    opties = Opties(peildatum=args.datum, recht=args.recht)

    namen = {r.id: r.naam for r in motor.catalogus.rechten}
    belasting_voor = os.getloadavg()[0]
    with zonder_opruiming():  # as the command line does
        start, cpu = time.perf_counter(), time.process_time()
        enkel_telling = verwerk(screen_rijen(rijen, motor, opties), namen, args.datum)
        enkel = len(rijen) / (time.perf_counter() - start)
        enkel_cpu = (time.process_time() - cpu) / len(rijen)

    with zonder_opruiming():
        start, cpu, kinderen = time.perf_counter(), time.process_time(), _cpu_kinderen()
        parallel_telling = verwerk(
            screen_parallel(rijen, bouwer, opties, args.werkers), namen, args.datum
        )
        parallel = len(rijen) / (time.perf_counter() - start)
        hoofd_cpu = (time.process_time() - cpu) / len(rijen)
        werker_cpu = (_cpu_kinderen() - kinderen) / len(rijen)
    if parallel_telling.per_recht() != enkel_telling.per_recht():
        raise SystemExit("De parallelle screening gaf andere tellingen dan één proces.")

    print(
        f"Screening: {len(rijen):,} huishoudens (seed {args.seed}), "
        f"{'recht ' + args.recht if args.recht else f'{len(motor.catalogus.rechten)} rechten'}, "
        f"peildatum {args.datum.isoformat()}, Python {sys.version.split()[0]}"
    )
    print(f"catalogus bouwen: {bouwtijd * 1000:.0f} ms (eenmalig per proces)")
    belasting, cpus = os.getloadavg()[0], os.cpu_count() or 1
    if max(belasting, belasting_voor) > cpus / 2:
        print(
            f"let op: de machine is bezig (belasting {belasting_voor:.1f} voor, "
            f"{belasting:.1f} na, op {cpus} cpu's; deze meting telt mee)"
        )
    per_recht = enkel_telling.per_recht()[:5]
    print(
        "meest gevonden (waarschijnlijk, nog niet ontvangen): "
        + ", ".join(f"{r['id']} {r['waarschijnlijk']:,}" for r in per_recht)
    )
    print()
    print(f"{'meting':<34}{'huishoudens/s':>15}{'µs/huishouden':>15}{'× één proces':>14}")
    print("-" * 78)
    print(f"{'één proces (basislijn)':<34}{enkel:>15,.0f}{1e6 / enkel:>15.0f}{1:>14.2f}")
    naam = f"{args.werkers} werkers"
    print(f"{naam:<34}{parallel:>15,.0f}{1e6 / parallel:>15.0f}{parallel / enkel:>14.2f}")
    print()
    print(
        f"cpu-tijd per huishouden: één proces {enkel_cpu * 1e6:.0f} µs; met werkers "
        f"{werker_cpu * 1e6:.0f} µs in de werkers + {hoofd_cpu * 1e6:.0f} µs in het "
        f"hoofdproces (lezen, schrijven, tellen)"
    )
    # all processes share the cores; the main process and each worker use one at most
    vrij = min(args.werkers / (werker_cpu + hoofd_cpu), 1 / hoofd_cpu, args.werkers / werker_cpu)
    print(
        f"zonder andere belasting zou dat hoogstens {vrij:,.0f} huishoudens/s geven op "
        f"{args.werkers} vrije kernen (cpu-tijd, geen meting)"
    )
    print()
    oordeel = "gehaald" if parallel >= DOEL else "NIET gehaald"
    print(f"doel: minstens {DOEL:,.0f} huishoudens/s op {args.werkers} kernen: {oordeel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
