"""Fixtures for the normaliser tests: the real vocabulary, keywords and municipality register."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from actions.normaliseren.trefwoorden import Trefwoorden, laad_trefwoorden
from bot.catalogue.db import maak_engine
from bot.catalogue.repository import gemeente_register
from bot.gemeenten import GemeenteRegister
from bot.settings import Settings
from bot.vocabulary import Vocabulaire, laad_vocabulaire
from catalogus_loader.init import initialiseer


@pytest.fixture(scope="session")
def vocabulaire() -> Vocabulaire:
    return laad_vocabulaire()


@pytest.fixture(scope="session")
def trefwoorden(vocabulaire: Vocabulaire) -> Trefwoorden:
    return laad_trefwoorden(vocabulaire=vocabulaire)


@pytest.fixture(scope="session")
def register(tmp_path_factory: pytest.TempPathFactory) -> GemeenteRegister:
    """The register the product uses: bundled catalogue loaded into a real SQLite file."""
    pad: Path = tmp_path_factory.mktemp("normaliseren") / "catalogus.db"
    engine = maak_engine(f"sqlite:///{pad}")
    try:
        initialiseer(Settings(database_url=f"sqlite:///{pad}"), engine=engine)
        with Session(engine) as sessie:
            return gemeente_register(sessie)
    finally:
        engine.dispose()
