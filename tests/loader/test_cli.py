"""The command line: ``python -m catalogus_loader load|validate|report|init``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from catalogus_loader.cli import app

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def omgeving(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mini_catalogus: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("CATALOGUS_PAD", str(mini_catalogus))
    monkeypatch.delenv("IPDC_API_URL", raising=False)
    monkeypatch.delenv("IPDC_API_KEY", raising=False)
    return url


def test_load_en_opnieuw(omgeving: str) -> None:
    runner = CliRunner()
    eerste = runner.invoke(app, ["load"])
    assert eerste.exit_code == 0, eerste.output
    assert "Catalogus geladen" in eerste.output
    assert "producten" in eerste.output
    tweede = runner.invoke(app, ["load"])
    assert tweede.exit_code == 0
    assert "0 gewijzigd." in tweede.output


def test_load_fout_geeft_exitcode(omgeving: str, mini_catalogus: Path) -> None:
    (mini_catalogus / "regels" / "kapot.yaml").write_text("id: kapot\nniveau: [\n", "utf-8")
    resultaat = CliRunner().invoke(app, ["load"])
    assert resultaat.exit_code == 1
    assert "niets gewijzigd" in resultaat.output
    assert "kapot.yaml, regel" in resultaat.output


def test_validate_schrijft_niets(omgeving: str, tmp_path: Path) -> None:
    resultaat = CliRunner().invoke(app, ["validate"])
    assert resultaat.exit_code == 0, resultaat.output
    assert "er is niets opgeslagen" in resultaat.output
    assert not (tmp_path / "cli.db").exists()


def test_init_en_report(omgeving: str) -> None:
    runner = CliRunner()
    eerste = runner.invoke(app, ["init"])
    assert eerste.exit_code == 0, eerste.output
    assert "catalogus geladen" in eerste.output
    tweede = runner.invoke(app, ["init"])
    assert "al geladen" in tweede.output
    rapport = runner.invoke(app, ["report"])
    assert rapport.exit_code == 0, rapport.output
    assert "Producten met regels (1)" in rapport.output
    assert "Producten zonder regels (1)" in rapport.output
    assert "Regels voor onbekende producten (0)" in rapport.output


def test_python_m(omgeving: str, tmp_path: Path, mini_catalogus: Path) -> None:
    env = {**os.environ, "COLUMNS": "200"}
    bestand = mini_catalogus / "producten" / "mantelzorgpremie-brugge.json"
    kapot = tmp_path / "kapot.json"
    kapot.write_text('{"status": "ok", "gegevens": []}')
    proces = subprocess.run(
        [sys.executable, "-m", "catalogus_loader", "load", str(bestand)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proces.returncode == 0, proces.stderr
    assert "Catalogus geladen" in proces.stdout
    opnieuw = subprocess.run(
        [sys.executable, "-m", "catalogus_loader", "load", str(bestand)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "0 gewijzigd." in opnieuw.stdout
    fout = subprocess.run(
        [sys.executable, "-m", "catalogus_loader", "load", str(kapot)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert fout.returncode == 1
    assert "kapot.json: Dit is geen IPDC-bestand" in fout.stderr
    assert "niets gewijzigd" in fout.stderr


def test_load_toont_overgeslagen_producten(omgeving: str, tmp_path: Path) -> None:
    """A product the loader cannot use is named, with its file and the reason; the rest
    of the file loads and the exit code is 0."""
    bestand = tmp_path / "producten.json"
    bestand.write_text(
        '[{"productnummer": "5", "naam": {"nl": "Goed product"}, "type": "FinancieelVoordeel"},'
        ' {"productnummer": "6", "naam": {"nl": "Raar product"}, "type": "Feestvieren"}]',
        "utf-8",
    )
    resultaat = CliRunner().invoke(app, ["load", str(bestand)], env={"COLUMNS": "300"})
    assert resultaat.exit_code == 0, resultaat.output
    assert "Overgeslagen:" in resultaat.output
    assert "producten.json: product 'Raar product (6)' overgeslagen (veld type)" in (
        resultaat.output
    )
    assert "Onbekend type 'Feestvieren'" in resultaat.output
    engine = create_engine(omgeving)
    with engine.connect() as verbinding:
        nummers = set(verbinding.scalars(text("SELECT productnummer FROM product")))
    engine.dispose()
    assert "5" in nummers and "6" not in nummers
