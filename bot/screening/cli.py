"""``python -m bot screen FILE``: screen a CSV or JSON file of pseudonymised households.

The results go to stdout or ``--uitvoer`` (JSON lines or CSV); the progress bar, the
counts per right and any problem go to stderr. Nothing of the rows is logged or kept.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from bot.screening.beoordeling import MIN_WAARDE, Opties
from bot.screening.bestanden import csv_rijen, json_rijen
from bot.screening.invoer import InvoerFout
from bot.screening.motor import Motor, UitDatabank
from bot.screening.telling import Telling
from bot.screening.uitvoer import CSV_KOP, json_regel
from bot.screening.verwerking import (
    Rij,
    Verwerkt,
    screen_parallel,
    screen_rijen,
    zonder_opruiming,
)
from bot.tijd import vandaag

PARALLEL_VANAF = 5000
"""With ``--werkers`` not given: from this many rows on, use every core (each worker first
builds its catalogue, about half a second: for fewer rows one process is as fast)."""


def voeg_toe(sub: Any) -> None:
    screen = sub.add_parser(
        "screen",
        help="zoek voor veel huishoudens tegelijk welke rechten ze waarschijnlijk missen",
        description=(
            "Lees een CSV-bestand (of JSON) met één huishouden per rij. De kolommen zijn de "
            "namen van de gegevens (GET /api/v1/attributen) en 'referentie' voor uw eigen "
            "nummer. Per rij krijgt u de rechten die waarschijnlijk zijn maar nog niet "
            "ontvangen worden, en de mogelijke rechten met wat na te gaan is."
        ),
    )
    screen.add_argument("bestand", type=Path, help="CSV, JSON-lijst of JSON lines (.jsonl)")
    screen.add_argument("--recht", help="zoek alleen naar dit recht (een id, bv. leefloon)")
    screen.add_argument("--datum", type=date.fromisoformat, help="peildatum JJJJ-MM-DD")
    screen.add_argument("--uitvoer", type=Path, help="schrijf naar dit bestand (anders stdout)")
    screen.add_argument(
        "--formaat",
        choices=("json", "csv"),
        help="json (lijnen) of csv; standaard volgens --uitvoer",
    )
    screen.add_argument(
        "--werkers", type=int, help="aantal processen (standaard: alle kernen bij grote bestanden)"
    )
    screen.add_argument(
        "--min-waarde",
        type=float,
        default=MIN_WAARDE,
        help=f"toon een mogelijk recht vanaf deze waarde per jaar in euro ({MIN_WAARDE:.0f})",
    )


def voer_uit(args: argparse.Namespace) -> int:
    from bot.settings import Settings
    from catalogus_loader.init import initialiseer

    fouten = Console(stderr=True)
    if args.werkers is not None and args.werkers < 1:
        fouten.print("Geef minstens 1 werker.")
        return 2
    if not args.bestand.is_file():
        fouten.print(f"Het bestand {args.bestand} bestaat niet.")
        return 2
    settings = Settings()
    initialiseer(settings)
    bouwer = UitDatabank(settings.database_url)
    motor = bouwer()
    if args.recht and motor.catalogus.recht(args.recht) is None:
        fouten.print(f"Het recht '{args.recht}' bestaat niet. Kies een id uit GET /api/v1/rechten.")
        return 2
    opties = Opties(
        peildatum=args.datum or settings.peildatum or vandaag(),
        recht=args.recht,
        min_waarde=args.min_waarde,
    )
    formaat = args.formaat or ("csv" if args.uitvoer and args.uitvoer.suffix == ".csv" else "json")
    with ExitStack() as stapel:
        invoer = stapel.enter_context(args.bestand.open(encoding="utf-8-sig", newline=""))
        try:
            rijen = _rijen(args.bestand, invoer, motor)
        except InvoerFout as fout:
            fouten.print(str(fout))
            return 2
        totaal = _tel_regels(args.bestand)
        werkers = args.werkers or ((os.cpu_count() or 1) if totaal >= PARALLEL_VANAF else 1)
        if werkers > 1:
            uitkomsten = screen_parallel(rijen, bouwer, opties, werkers, formaat)
        else:
            uitkomsten = screen_rijen(rijen, motor, opties, formaat)
        uit: BinaryIO = (
            stapel.enter_context(args.uitvoer.open("wb")) if args.uitvoer else sys.stdout.buffer
        )
        telling = Telling({r.id: r.naam for r in motor.catalogus.rechten})
        with zonder_opruiming():
            _schrijf(uitkomsten, uit, formaat, totaal, fouten, telling, opties.peildatum)
    _toon_telling(telling, fouten)
    _tel_voor_inzicht(settings.database_url, telling)
    return 0


def _tel_voor_inzicht(database_url: str, telling: Telling) -> None:
    """The run's totals per municipality for the city's anonymous insight (never a row)."""
    from bot.catalogue.db import maak_engine
    from bot.inzicht.screening import tel_screening_veilig

    engine = maak_engine(database_url)
    try:
        tel_screening_veilig(engine, telling.per_gemeente, vandaag())
    finally:
        engine.dispose()


JSON_LINES = (".jsonl", ".ndjson")


def _rijen(pad: Path, invoer: TextIO, motor: Motor) -> Iterator[Rij]:
    if pad.suffix.lower() in (".json", *JSON_LINES):
        return json_rijen(invoer.read())
    return csv_rijen(invoer, motor.vocabulaire)


def _tel_regels(pad: Path) -> int:
    """About how many rows (for the progress bar); 0 when not known (a JSON list)."""
    soort = pad.suffix.lower()
    if soort == ".json":
        return 0
    with pad.open("rb") as f:
        return max(0, sum(1 for _ in f) - (0 if soort in JSON_LINES else 1))


def _schrijf(
    uitkomsten: Iterator[Verwerkt],
    uit: BinaryIO,
    formaat: str,
    totaal: int,
    scherm: Console,
    telling: Telling,
    peildatum: date,
) -> None:
    if formaat == "csv":
        uit.write(CSV_KOP)
    kolommen = (
        TextColumn("Screening"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*kolommen, console=scherm, transient=True) as voortgang:
        taak = voortgang.add_task("rijen", total=totaal or None)
        for v in uitkomsten:
            telling.tel(v)
            uit.write(v.regel)
            voortgang.advance(taak)
    if formaat == "json":
        uit.write(json_regel(telling.samenvatting(peildatum.isoformat())))
    uit.flush()


def _toon_telling(telling: Telling, scherm: Console) -> None:
    tabel = Table(title=f"{telling.rijen} rijen gescreend, {telling.fouten} met een fout")
    for kolom in ("recht", "waarschijnlijk", "mogelijk", "al ontvangen"):
        tabel.add_column(kolom, justify="left" if kolom == "recht" else "right")
    for r in telling.per_recht():
        tabel.add_row(r["id"], str(r["waarschijnlijk"]), str(r["mogelijk"]), str(r["al_ontvangen"]))
    scherm.print(tabel)
