"""The Alembic migrations build exactly the schema of the models, and can be undone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from bot.catalogue.db import (
    huidige_revisie,
    maak_engine,
    migreer,
    migreer_terug,
    nieuwste_revisie,
)
from bot.catalogue.models import Base

REPO = Path(__file__).resolve().parents[2]
TABELLEN = {
    "product",
    "product_gebied",
    "recht_regel",
    "zoekterm",
    "gemeente",
    "gemeente_alias",
    "code",
    "laadbeurt",
    "contactpunt",
}


def test_migratie_gelijk_aan_modellen(tmp_path: Path) -> None:
    engine = maak_engine(f"sqlite:///{tmp_path / 'schema.db'}")
    try:
        migreer(engine)
        assert huidige_revisie(engine) == nieuwste_revisie()
        assert set(inspect(engine).get_table_names()) >= TABELLEN
        with engine.connect() as verbinding:
            verschillen = compare_metadata(MigrationContext.configure(verbinding), Base.metadata)
        assert verschillen == []
        migreer(engine)  # a second time is a no-op
        migreer_terug(engine)
        assert not TABELLEN & set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_sqlite_map_wordt_gemaakt(tmp_path: Path) -> None:
    engine = maak_engine(f"sqlite:///{tmp_path / 'nieuw' / 'map' / 'rv.db'}")
    try:
        migreer(engine)
    finally:
        engine.dispose()
    assert (tmp_path / "nieuw" / "map" / "rv.db").exists()


def test_alembic_opdrachtregel(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    proces = subprocess.run(
        [
            sys.executable,
            "-m",
            "alembic",
            "-c",
            "bot/catalogue/alembic.ini",
            "-x",
            f"url={url}",
            "upgrade",
            "head",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proces.returncode == 0, proces.stderr
    engine = maak_engine(url)
    try:
        assert huidige_revisie(engine) == nieuwste_revisie()
    finally:
        engine.dispose()


def test_contactpunten_migratie_op_een_bestaande_databank(tmp_path: Path) -> None:
    """0002 adds only the contact table to a database of 0001, and takes only it away."""
    engine = maak_engine(f"sqlite:///{tmp_path / 'oud.db'}")
    try:
        migreer(engine, "0001")
        oud = set(inspect(engine).get_table_names())
        assert "contactpunt" not in oud
        migreer(engine, "0002")
        assert set(inspect(engine).get_table_names()) == oud | {"contactpunt"}
        migreer_terug(engine, "0001")
        assert set(inspect(engine).get_table_names()) == oud
    finally:
        engine.dispose()


def test_overdracht_migratie_op_een_bestaande_databank(tmp_path: Path) -> None:
    """0003 adds only the hand-over table to a database of 0002, and takes only it away."""
    engine = maak_engine(f"sqlite:///{tmp_path / 'oud.db'}")
    try:
        migreer(engine, "0002")
        oud = set(inspect(engine).get_table_names())
        assert "overdracht" not in oud
        migreer(engine, "0003")
        assert set(inspect(engine).get_table_names()) == oud | {"overdracht"}
        migreer_terug(engine, "0002")
        assert set(inspect(engine).get_table_names()) == oud
    finally:
        engine.dispose()


def _contact_kolommen(engine: Engine) -> set[str]:
    return {k["name"] for k in inspect(engine).get_columns("contactpunt")}


@pytest.mark.parametrize("databank", ["sqlite", "postgres"])
def test_openingsuren_migratie_houdt_de_contactpunten(
    databank: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """0006 adds only the column 'openingsuren' to the contact points of a database of 0005,
    keeps every row, and takes only the column away again."""
    if databank == "postgres":
        engine: Engine = request.getfixturevalue("pg_engine")
    else:
        engine = maak_engine(f"sqlite:///{tmp_path / 'oud.db'}")
    try:
        migreer(engine, "0005")
        oud = _contact_kolommen(engine)
        assert "openingsuren" not in oud
        with engine.begin() as verbinding:
            verbinding.execute(
                text(
                    "INSERT INTO contactpunt (soort, nis, naam, bron_url, bron, inhoud_hash, "
                    "geladen_op) VALUES ('gemeente', '71072', 'OCMW Hasselt', "
                    "'https://www.hasselt.be', 'contactpunten.yaml', 'h', CURRENT_TIMESTAMP)"
                )
            )
        migreer(engine, "0006")
        assert _contact_kolommen(engine) == oud | {"openingsuren"}
        with engine.begin() as verbinding:
            assert verbinding.execute(
                text("SELECT naam, openingsuren FROM contactpunt WHERE nis = '71072'")
            ).one() == ("OCMW Hasselt", None)
            verbinding.execute(
                text("UPDATE contactpunt SET openingsuren = 'Elke voormiddag' WHERE nis = '71072'")
            )
        migreer_terug(engine, "0005")
        assert _contact_kolommen(engine) == oud
        with engine.connect() as verbinding:
            assert (
                verbinding.execute(
                    text("SELECT naam FROM contactpunt WHERE nis = '71072'")
                ).scalar_one()
                == "OCMW Hasselt"
            )
    finally:
        engine.dispose()
