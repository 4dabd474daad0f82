"""Fixtures for the catalogue tests: loaded SQLite catalogues, copied per test.

``basis_*``: bundled data only (code lists, municipalities, products): runs everywhere.
``testcatalogus`` / ``sjabloon_db`` / ``engine`` / ``sessie``: the real IPDC sample products
from ../shared/ipdc (not in the repository) for the query tests that need their variety
(ended, local, concept without area); they skip without that folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.catalogue.db import maak_engine, sessie_fabriek
from bot.settings import Settings
from catalogus_loader import laad

REPO = Path(__file__).resolve().parents[2]
CATALOGUS = REPO / "catalogus"

REGEL_LEUVEN = """\
id: proefpremie-leuven
product: "9"
naam: Proefpremie voor inwoners van Leuven
niveau: lokaal
gemeenten: ["24062"]
thema: [proef]
bron_url: https://example.org/proefpremie
synoniemen: [testvergoeding, Proefsteun]
voorwaarden:
  - id: meerderjarig
    tekst: U bent 18 jaar of ouder.
    regel: {">=": [{"var": "leeftijd"}, 18]}
"""

REGEL_ZONDER_PRODUCT = """\
id: proefkorting
product: proefkorting-zonder-product
naam: Proefkorting op de bus
niveau: vlaams
bron_url: https://example.org/proefkorting
synoniemen: [busabonnement]
voorwaarden:
  - id: verhoogde_tegemoetkoming
    tekst: U hebt een verhoogde tegemoetkoming.
    regel: {"var": "verhoogde_tegemoetkoming"}
"""


@pytest.fixture(scope="session")
def basiscatalogus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Bundled code lists, municipalities and products; no rule files, no contact file."""
    map_ = tmp_path_factory.mktemp("basiscatalogus")
    for deel in ("codelijsten", "gemeenten", "producten"):
        shutil.copytree(CATALOGUS / deel, map_ / deel)
    return map_


@pytest.fixture(scope="session")
def basis_db(tmp_path_factory: pytest.TempPathFactory, basiscatalogus: Path) -> Path:
    """A SQLite file with the bundled base catalogue loaded, made once per session."""
    pad = tmp_path_factory.mktemp("basis") / "catalogus.db"
    engine = maak_engine(f"sqlite:///{pad}")
    try:
        laad(engine, [basiscatalogus], instellingen=Settings(catalogus_pad=basiscatalogus))
    finally:
        engine.dispose()
    return pad


def _kopie(sjabloon: Path, tmp_path: Path) -> Iterator[Engine]:
    pad = tmp_path / "catalogus.db"
    shutil.copy(sjabloon, pad)
    e = maak_engine(f"sqlite:///{pad}")
    yield e
    e.dispose()


@pytest.fixture
def basis_engine(basis_db: Path, tmp_path: Path) -> Iterator[Engine]:
    """A fresh copy of the bundled base catalogue for one test."""
    yield from _kopie(basis_db, tmp_path)


@pytest.fixture
def basis_sessie(basis_engine: Engine) -> Iterator[Session]:
    with sessie_fabriek(basis_engine)() as s:
        yield s


@pytest.fixture(scope="session")
def testcatalogus(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    """Bundled code lists and municipalities, every real IPDC product (API JSON and LDES)
    and two rule files."""
    map_ = tmp_path_factory.mktemp("catalogus")
    shutil.copytree(CATALOGUS / "codelijsten", map_ / "codelijsten")
    shutil.copytree(CATALOGUS / "gemeenten", map_ / "gemeenten")
    producten = map_ / "producten"
    producten.mkdir()
    for bestand in sorted((shared_dir / "ipdc" / "api-json").glob("product-*.json")):
        shutil.copy(bestand, producten / bestand.name)
    for bestand in sorted((shared_dir / "ipdc" / "ldes").glob("conceptsnapshot-page-*.json")):
        shutil.copy(bestand, producten / bestand.name)
    regels = map_ / "regels"
    regels.mkdir()
    (regels / "proefpremie-leuven.yaml").write_text(REGEL_LEUVEN, encoding="utf-8")
    (regels / "proefkorting.yaml").write_text(REGEL_ZONDER_PRODUCT, encoding="utf-8")
    return map_


@pytest.fixture(scope="session")
def sjabloon_db(tmp_path_factory: pytest.TempPathFactory, testcatalogus: Path) -> Path:
    """A SQLite file with the test catalogue loaded, made once per session."""
    pad = tmp_path_factory.mktemp("sjabloon") / "catalogus.db"
    engine = maak_engine(f"sqlite:///{pad}")
    try:
        laad(engine, [testcatalogus], instellingen=Settings(catalogus_pad=testcatalogus))
    finally:
        engine.dispose()
    return pad


@pytest.fixture
def engine(sjabloon_db: Path, tmp_path: Path) -> Iterator[Engine]:
    """A fresh copy of the loaded test catalogue (with the real IPDC products) for one test."""
    yield from _kopie(sjabloon_db, tmp_path)


@pytest.fixture
def sessie(engine: Engine) -> Iterator[Session]:
    with sessie_fabriek(engine)() as s:
        yield s
