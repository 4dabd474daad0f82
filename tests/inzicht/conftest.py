"""The counts table on both databases: a migrated SQLite file and a fresh PostgreSQL
database (skips only where the PostgreSQL binaries are missing)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from bot.catalogue.db import maak_engine, migreer


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database at the newest schema."""
    if request.param == "sqlite":
        e = maak_engine(f"sqlite:///{tmp_path / 'inzicht.db'}")
        migreer(e)
        yield e
        e.dispose()
        return
    postgres_url: str = request.getfixturevalue("postgres_url")
    naam = f"inzicht_{uuid4().hex[:12]}"
    beheer = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with beheer.connect() as verbinding:
        verbinding.execute(text(f'CREATE DATABASE "{naam}"'))
    e = maak_engine(make_url(postgres_url).set(database=naam).render_as_string(False))
    migreer(e)
    yield e
    e.dispose()
    with beheer.connect() as verbinding:
        verbinding.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
    beheer.dispose()
