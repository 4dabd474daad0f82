"""Screening tests: the bundled catalogue in a real SQLite file, the real engine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.diensten import Diensten, bouw_diensten
from bot.settings import Settings
from catalogus_loader.init import initialiseer


@pytest.fixture(scope="session")
def databank_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('screening') / 'catalogus.db'}"
    initialiseer(Settings(database_url=url))
    return url


@pytest.fixture(scope="session")
def diensten(databank_url: str) -> Iterator[Diensten]:
    d = bouw_diensten(Settings(database_url=databank_url))
    yield d
    d.sluit()
