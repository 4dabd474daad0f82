"""The bundled catalogue's rule files, the vocabulary and the leefloon advice rules, built
in memory (the engine is pure: no database needed). The API tests are in tests/api."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot.advies import AdviesRegels, laad_adviesregels
from bot.rules import Catalogus, bouw_catalogus
from bot.vocabulary import Vocabulaire, laad_vocabulaire

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def vocabulaire() -> Vocabulaire:
    return laad_vocabulaire()


@pytest.fixture(scope="session")
def catalogus(vocabulaire: Vocabulaire) -> Catalogus:
    bestanden = sorted((REPO / "catalogus" / "regels").glob("*.yaml"))
    # YAML dates become ISO text, as the catalogue loader stores them
    data = [
        json.loads(json.dumps(yaml.safe_load(p.read_text("utf-8")), default=str)) for p in bestanden
    ]
    return bouw_catalogus(data, vocabulaire)


@pytest.fixture(scope="session")
def regels(catalogus: Catalogus, vocabulaire: Vocabulaire) -> AdviesRegels:
    return laad_adviesregels(catalogus, vocabulaire)
