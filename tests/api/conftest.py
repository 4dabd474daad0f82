"""A real API server over HTTP: uvicorn in its own process on a free port, SQLite in tmp."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

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
