"""A real API server over HTTP: uvicorn in its own process on a free port, SQLite in tmp."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.chat.vangnet import Vangnet, bouw_vangnet
from bot.diensten import Diensten, bouw_diensten
from bot.settings import Settings
from catalogus_loader.init import initialiseer

sys.path.insert(0, str(Path(__file__).parent))
from serverproces import start_server  # noqa: E402


@pytest.fixture(scope="session")
def api_proces(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The server's URL and its log file (to check that nothing personal is logged)."""
    map_ = tmp_path_factory.mktemp("api")
    log = map_ / "server.log"
    proces, url = start_server(f"sqlite:///{map_ / 'api.db'}", log)
    yield url, log
    proces.terminate()
    proces.wait(timeout=10)


@pytest.fixture(scope="session")
def api_server(api_proces: tuple[str, Path]) -> str:
    return api_proces[0]


@pytest.fixture(scope="session")
def serverlog(api_proces: tuple[str, Path]) -> Path:
    return api_proces[1]


@pytest.fixture()
def api(api_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_server, timeout=10) as client:
        yield client


@pytest.fixture(scope="session")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    """The app's services on the bundled catalogue in a real SQLite file (no server)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('diensten') / 'catalogus.db'}"
    initialiseer(Settings(database_url=url))
    d = bouw_diensten(Settings(database_url=url))
    yield d
    d.sluit()


@pytest.fixture(scope="session")
def vangnet(diensten: Diensten) -> Vangnet:
    """The chat's safety net as the app builds it at start-up."""
    return bouw_vangnet(diensten.gemeenten, diensten.contactpunten)
