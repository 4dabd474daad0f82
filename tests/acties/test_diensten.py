"""The actions only read the catalogue: the set-up prepares the database, never an action.

Real SQLite files; the import check runs the action package in a fresh interpreter.
"""

from __future__ import annotations

import ast
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import actions.diensten as acties_diensten
from bot.catalogue.db import maak_engine, migreer
from bot.catalogue.fouten import CatalogusFout, CatalogusNietKlaar
from bot.settings import Settings
from catalogus_loader.init import initialiseer

REPO = Path(__file__).resolve().parents[2]
ACTIES = REPO / "actions"


def _geimporteerde_modules(pad: Path) -> set[str]:
    """Every module an ``import`` or ``from … import`` in the file names, also inside functions."""
    boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
    namen: set[str] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen |= {alias.name for alias in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and not knoop.level:
            namen.add(knoop.module)
    return namen


def test_geen_bestand_in_actions_importeert_de_loader() -> None:
    bestanden = sorted(ACTIES.rglob("*.py"))
    assert ACTIES / "diensten.py" in bestanden
    overtreders = {
        str(pad.relative_to(REPO)): sorted(
            m for m in _geimporteerde_modules(pad) if m.split(".")[0] == "catalogus_loader"
        )
        for pad in bestanden
    }
    assert {pad: m for pad, m in overtreders.items() if m} == {}


def test_de_controle_ziet_een_import_in_een_functie(tmp_path: Path) -> None:
    """The check above must catch the old lazy import inside ``diensten()``."""
    pad = tmp_path / "oud.py"
    pad.write_text("def f():\n    from catalogus_loader.init import initialiseer\n", "utf-8")
    assert "catalogus_loader.init" in _geimporteerde_modules(pad)


@pytest.fixture(scope="module")
def klaar_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database prepared the way the set-up does it (the bundled catalogue)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('klaar') / 'catalogus.db'}"
    initialiseer(Settings(database_url=url))
    return url


# What the action server does: import the actions, run one action's service builder; then
# list the loaded modules of the loader. Runs in its own interpreter (this one has the loader).
_ACTIESERVER = """
import json, sys
import actions
from actions.diensten import diensten
d = diensten()
geladen = sorted(m for m in sys.modules if m.split(".")[0] == "catalogus_loader")
print(json.dumps({"rechten": len(d.catalogus.rechten), "loader": geladen}))
"""


def test_actieserver_laadt_de_loader_niet(klaar_url: str) -> None:
    uit = subprocess.run(
        [sys.executable, "-c", _ACTIESERVER],
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": klaar_url},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert uit.returncode == 0, uit.stderr[-3000:]
    resultaat = json.loads(uit.stdout.splitlines()[-1])
    assert resultaat["rechten"] >= 20  # the bundled catalogue, read from the database
    assert resultaat["loader"] == []


@pytest.fixture
def databank(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """DATABASE_URL points at a file in tmp_path; the services are not built yet."""
    pad = tmp_path / "var" / "rechtenverkenner.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{pad}")
    monkeypatch.setattr(acties_diensten, "_herlader", None)
    yield pad
    herlader = acties_diensten._herlader
    if herlader is not None:
        herlader.sluit()


def _nog_niet_klaar(caplog: pytest.LogCaptureFixture) -> str:
    """Build the services; return the Dutch message of the error (and check it is logged)."""
    with (
        caplog.at_level(logging.ERROR, logger="actions.diensten"),
        pytest.raises(CatalogusNietKlaar) as fout,
    ):
        acties_diensten.diensten()
    melding = str(fout.value)
    assert isinstance(fout.value, CatalogusFout)  # a domain error, as the house rules ask
    assert melding.startswith("De catalogusdatabank is nog niet klaar: ")
    assert "python -m catalogus_loader init" in melding
    assert "Traceback" not in melding
    assert [r.getMessage() for r in caplog.records if r.name == "actions.diensten"] == [melding]
    assert acties_diensten._herlader is None  # nothing half-built is kept
    return melding


def test_geen_databankbestand(databank: Path, caplog: pytest.LogCaptureFixture) -> None:
    melding = _nog_niet_klaar(caplog)
    assert f"het databankbestand {databank} bestaat niet" in melding
    assert not databank.exists() and not databank.parent.exists()  # reading creates nothing


def test_lege_databank_zonder_tabellen(databank: Path, caplog: pytest.LogCaptureFixture) -> None:
    databank.parent.mkdir()
    databank.touch()
    assert "de databank heeft nog geen tabellen" in _nog_niet_klaar(caplog)
    assert databank.stat().st_size == 0  # not migrated by the action


def test_niet_bijgewerkt_schema(databank: Path, caplog: pytest.LogCaptureFixture) -> None:
    engine = maak_engine(f"sqlite:///{databank}")
    try:
        migreer(engine, "0001")
    finally:
        engine.dispose()
    melding = _nog_niet_klaar(caplog)
    assert "het schema van de databank is niet bijgewerkt (versie 0001, nodig: " in melding


def test_gemigreerd_maar_lege_catalogus(databank: Path, caplog: pytest.LogCaptureFixture) -> None:
    engine = maak_engine(f"sqlite:///{databank}")
    try:
        migreer(engine)
    finally:
        engine.dispose()
    assert "de catalogus in de databank is leeg" in _nog_niet_klaar(caplog)


def test_na_init_lukt_het_zonder_herstart(databank: Path, caplog: pytest.LogCaptureFixture) -> None:
    _nog_niet_klaar(caplog)
    initialiseer(Settings(database_url=f"sqlite:///{databank}"))  # what the set-up does
    d = acties_diensten.diensten()
    assert d.catalogus.recht("leefloon") is not None
    assert acties_diensten.diensten() is d  # built once
