"""Project-wide test fixtures, kept generic: feature fixtures go in a conftest.py in a subfolder."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import pytest
from pg_server import PostgresNotAvailable, find_bindir, running_postgres
from redis_server import RedisNotAvailable, running_redis
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from bot.catalogue.db import maak_engine

REPO_ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    """An app built in a test keeps its conversations apart (its default is var/ in the
    repository, where `make run` keeps them): Settings and every process a test starts
    read this, unless the test sets its own."""
    if "GESPREKKEN_URL" not in os.environ:
        map_ = Path(tempfile.mkdtemp(prefix="rv-gesprekken-"))
        os.environ["GESPREKKEN_URL"] = f"sqlite:///{map_ / 'gesprekken.db'}"
        config.add_cleanup(lambda: shutil.rmtree(map_, ignore_errors=True))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's root directory."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared/ folder next to the repository (as CI has it), with the real IPDC files and
    the source lists that are not in the repository.

    Only tests of those real files use it; they skip when it is absent, saying so. Anything
    that bundled data (``catalogus/``) can show must not use it.
    """
    shared = REPO_ROOT.parent / "shared"
    if not shared.is_dir():
        pytest.skip(
            f"heeft de echte IPDC-bestanden of bronlijsten uit ../shared nodig (niet in de "
            f"repository); map {shared} niet gevonden"
        )
    return shared


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """SQLAlchemy URL (postgresql+psycopg) of a throw-away PostgreSQL server for this session.

    Skips only when the server binaries are missing; any other start failure is an error.
    """
    try:
        find_bindir()
    except PostgresNotAvailable as exc:
        pytest.skip(f"PostgreSQL-server niet beschikbaar: {exc}")
    with running_postgres() as server:
        yield server.url


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """URL of a throw-away Redis server for this session (the production set's locks and
    counters). Skips only when redis-server is not installed."""
    try:
        with running_redis() as url:
            yield url
    except RedisNotAvailable as exc:
        pytest.skip(f"Redis-server niet beschikbaar: {exc}")


@pytest.fixture
def pg_engine(postgres_url: str) -> Iterator[Engine]:
    """A fresh database on the session's PostgreSQL server, dropped afterwards."""
    naam = f"test_{uuid4().hex[:12]}"
    beheer = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with beheer.connect() as verbinding:
        verbinding.execute(text(f'CREATE DATABASE "{naam}"'))
    engine = maak_engine(make_url(postgres_url).set(database=naam).render_as_string(False))
    yield engine
    engine.dispose()
    with beheer.connect() as verbinding:
        verbinding.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
    beheer.dispose()
