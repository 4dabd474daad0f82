"""Small typos are corrected to the reader's own words, and real words never are."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from actions.normaliseren.tikfouten import Verbeteraar, gewone_woorden, standaard_verbeteraar


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("ik krijg leefloonn", "ik krijg leefloon"),
        ("ik woon in een soicale woning", "ik woon in een sociale woning"),
        ("2 kinderne ten laste", "2 kinderen ten laste"),
        ("ik ben gepensionneerd", "ik ben gepensioneerd"),
        ("een verhoogde tegemoetkomming", "een verhoogde tegemoetkoming"),
        # real words near a keyword stay: "recht" is no "echt", "welke" no "elke"
        ("heb ik recht op iets? welke premies?", "heb ik recht op iets? welke premies?"),
        # short words and numbers stay
        ("ik woon in lier, 2500", "ik woon in lier, 2500"),
    ],
)
def test_verbeteren(tekst: str, verwacht: str) -> None:
    assert standaard_verbeteraar().tekst(tekst) == verwacht


def test_twee_even_goede_verbeteringen_verbeteren_niets() -> None:
    verbeteraar = Verbeteraar(["kaarten", "kaarsen"])
    assert verbeteraar.woord("kaaren") == "kaaren"
    assert verbeteraar.woord("kaartn") == "kaarten"


def test_bekende_woorden_en_plaatsnamen_blijven() -> None:
    verbeteraar = Verbeteraar(["bejaarden"], bekend=["Groot-Bijgaarden"])
    assert verbeteraar.woord("bijgaarden") == "bijgaarden"
    assert verbeteraar.woord("bejaarde") == "bejaarden"


def test_gewone_woorden_zijn_geladen() -> None:
    assert {"recht", "welke", "staat"} <= gewone_woorden()


REPO = Path(__file__).resolve().parents[2]


def test_de_gewone_woorden_zijn_bij_met_de_trefwoorden() -> None:
    """A keyword added without running scripts/maak_gewone_woorden.py could "correct" a real
    word into it; the list comes from spacy-lookups-data in the Rasa environment."""
    if not any((REPO / ".venv-rasa").glob("lib/python*/site-packages/spacy_lookups_data")):
        pytest.skip(".venv-rasa met spacy-lookups-data ontbreekt (make setup)")
    resultaat = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "maak_gewone_woorden.py"), "--controleer"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert resultaat.returncode == 0, resultaat.stderr
