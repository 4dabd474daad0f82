"""Fixtures for the loader tests: real SQLite files in tmp_path and small test catalogues."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.catalogue.db import maak_engine
from bot.settings import Settings

REPO = Path(__file__).resolve().parents[2]
CATALOGUS = REPO / "catalogus"

PRODUCT = "mantelzorgpremie-brugge"
"""The bundled product the test rule points to (local: Brugge only)."""
ANDER_PRODUCT = "verwarmingstoelage"
"""The second bundled product of the mini catalogue, without rules."""

TESTREGEL = """\
id: proefpremie-brugge
product: mantelzorgpremie-brugge
naam: Proefpremie voor inwoners van Brugge
niveau: lokaal
gemeenten: ["31005"]
bron_url: https://example.org/proefpremie
synoniemen: [testvergoeding, Proefsteun]
voorwaarden:
  - id: meerderjarig
    tekst: U bent 18 jaar of ouder.
    regel: {">=": [{"var": "leeftijd"}, 18]}
  - id: inkomen
    tekst: Uw gezin heeft een laag inkomen.
    regel: {"<": [{"var": "netto_maandinkomen_gezin"}, 2000]}
"""


@pytest.fixture(scope="session")
def ipdc(shared_dir: Path) -> Path:
    """The real IPDC files (../shared/ipdc): only for tests of the real formats."""
    return shared_dir / "ipdc"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    e = maak_engine(f"sqlite:///{tmp_path / 'catalogus.db'}")
    yield e
    e.dispose()


@pytest.fixture
def mini_catalogus(tmp_path: Path) -> Path:
    """A catalogue folder from bundled data only: the code lists, the municipalities, two
    bundled products (IPDC API format) and one test rule file for the first."""
    map_ = tmp_path / "mini"
    shutil.copytree(CATALOGUS / "codelijsten", map_ / "codelijsten")
    shutil.copytree(CATALOGUS / "gemeenten", map_ / "gemeenten")
    (map_ / "producten").mkdir()
    for nummer in (PRODUCT, ANDER_PRODUCT):
        naam = f"{nummer}.json"
        shutil.copy(CATALOGUS / "producten" / naam, map_ / "producten" / naam)
    (map_ / "regels").mkdir()
    (map_ / "regels" / "proefpremie-brugge.yaml").write_text(TESTREGEL, encoding="utf-8")
    return map_


@pytest.fixture
def instellingen(mini_catalogus: Path) -> Settings:
    """Settings whose bundled catalogue is the mini catalogue (no IPDC API)."""
    return Settings(catalogus_pad=mini_catalogus, ipdc_api_url=None, ipdc_api_key=None)
