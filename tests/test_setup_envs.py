"""The environments scripts/setup.sh builds: pinned, consistent, and really usable."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

RASA_PYTHON = Path(".venv-rasa/bin/python")


def test_rasa_lock_is_compiled_from_rasa_in(repo_root: Path) -> None:
    """scripts/setup.sh refuses a stale lock; this catches it before CI does."""
    lock = (repo_root / "requirements/rasa.lock.txt").read_text()
    recorded = lock.splitlines()[0].removeprefix("# rasa.in sha256: ")
    actual = hashlib.sha256((repo_root / "requirements/rasa.in").read_bytes()).hexdigest()
    assert recorded == actual, "requirements/rasa.in gewijzigd: voer scripts/lock-rasa.sh uit"


def test_rasa_lock_pins_everything(repo_root: Path) -> None:
    lines = (repo_root / "requirements/rasa.lock.txt").read_text().splitlines()
    requirements = [line.split()[0] for line in lines if line and line[0].isalnum()]
    assert all("==" in requirement for requirement in requirements)
    pins = dict(requirement.split("==") for requirement in requirements)
    assert pins["rasa"] == "3.6.21"
    assert pins["spacy"].startswith("3.4.")
    for name in ("spacy-lookups-data", "text2num", "rapidfuzz"):
        assert name in pins


def test_main_env_is_python_3_11() -> None:
    assert sys.version_info[:2] == (3, 11)


def _rasa_env(repo_root: Path) -> Path:
    python = repo_root / RASA_PYTHON
    if not python.exists():
        pytest.skip(".venv-rasa ontbreekt: voer 'make setup' uit (zonder SKIP_RASA=1)")
    return python


def test_rasa_cli_reports_its_version(repo_root: Path) -> None:
    rasa = _rasa_env(repo_root).parent / "rasa"
    result = subprocess.run(
        [str(rasa), "--version"], capture_output=True, text=True, timeout=300, check=True
    )
    assert "Rasa Version      :         3.6.21" in result.stdout
    assert "Python Version    :         3.10." in result.stdout


DUTCH_TOOLS = """
import spacy
from rapidfuzz import fuzz
from text_to_num import alpha2digit

nlp = spacy.blank("nl")
nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
nlp.initialize()  # reads the Dutch lemma table from spacy-lookups-data
print(spacy.__version__)
print(" ".join(token.lemma_ for token in nlp("De kinderen woonden in Gent")))
print(alpha2digit("ik verdien duizend tweehonderd euro", "nl"))
print(round(fuzz.ratio("leefloon", "leeflon")))
"""


def test_rasa_env_has_working_dutch_language_tools(repo_root: Path) -> None:
    python = _rasa_env(repo_root)
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    result = subprocess.run(
        [str(python), "-c", DUTCH_TOOLS],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env=env,
    )
    versie, lemmas, getallen, gelijkenis = result.stdout.splitlines()
    assert versie.startswith("3.4.")
    assert lemmas == "de kinderen wonen in gent"
    assert getallen == "ik verdien 1200 euro"
    assert int(gelijkenis) > 90
