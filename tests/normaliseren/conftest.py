"""Fixtures for the normaliser tests: the real vocabulary, keywords and municipality register."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from actions.normaliseren.trefwoorden import Trefwoorden, laad_trefwoorden
from bot.gemeenten import Alias, AliasType, Gemeente, GemeenteRegister
from bot.vocabulary import Vocabulaire, laad_vocabulaire

REPO = Path(__file__).resolve().parents[2]
GEMEENTEN = REPO / "catalogus" / "gemeenten"

_ALIAS_TYPES = {
    "hoofdplaats": AliasType.DEELGEMEENTE,
    "deelgemeente": AliasType.DEELGEMEENTE,
    "vroegere_gemeente": AliasType.VROEGERE_GEMEENTE,
    "gemeente": AliasType.OFFICIEEL,
    "gemeente_fr": AliasType.FRANS,
    "deelgemeente_fr": AliasType.FRANS,
}


@pytest.fixture(scope="session")
def vocabulaire() -> Vocabulaire:
    return laad_vocabulaire()


@pytest.fixture(scope="session")
def trefwoorden(vocabulaire: Vocabulaire) -> Trefwoorden:
    return laad_trefwoorden(vocabulaire=vocabulaire)


@pytest.fixture(scope="session")
def register() -> GemeenteRegister:
    return register_uit_csv(GEMEENTEN)


def register_uit_csv(map_: Path) -> GemeenteRegister:
    """The municipalities in ``map_`` (gemeenten-2025.csv, deelgemeenten.csv) as a register."""
    with (map_ / "gemeenten-2025.csv").open(encoding="utf-8") as bestand:
        rijen = list(csv.DictReader(bestand))
    gemeenten = [
        Gemeente(
            nis=r["nis"],
            naam=r["naam"],
            gewest=r["gewest"],
            naam_fr=r["naam_fr"] or None,
            provincie=r["provincie"] or None,
            centrumstad=r["centrumstad"] == "true",
        )
        for r in rijen
    ]
    aliassen = [
        Alias(naam, r["nis"], AliasType.VROEGERE_GEMEENTE, vroegere_nis=code)
        for r in rijen
        for naam, _, code in (d.rpartition(":") for d in r["vroegere_gemeenten"].split("|") if d)
    ]
    with (map_ / "deelgemeenten.csv").open(encoding="utf-8") as bestand:
        aliassen += [
            Alias(
                r["naam"],
                r["gemeente_nis"],
                _ALIAS_TYPES[r["type"]],
                postcode=r["postcode"] or None,
                dubbelzinnig=r["dubbelzinnig"] == "true",
            )
            for r in csv.DictReader(bestand)
        ]
    return GemeenteRegister(gemeenten, aliassen)
