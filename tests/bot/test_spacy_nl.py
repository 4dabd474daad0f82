"""The Dutch spaCy pipeline of the NLU: scripts/bouw_spacy_nl.py -> models/spacy_nl/.

The pipeline is built exactly as scripts/train_bot.sh builds it (sources read in .venv, spaCy
in .venv-rasa) and probed in the Rasa environment as a subprocess, as Rasa loads it.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from botproces import PYTHON, REPO

SCRIPT = REPO / "scripts" / "bouw_spacy_nl.py"
RASA_PYTHON = REPO / ".venv-rasa" / "bin" / "python"
GEMEENTEN = REPO / "catalogus" / "gemeenten"

PROBE = """
import json, sys
sys.modules["tensorflow"] = None  # thinc would load it (~10 s); spaCy does not need it here
import spacy
nlp = spacy.load(sys.argv[1])
uit = {"pipes": nlp.pipe_names, "meta": nlp.meta.get("description", ""), "zinnen": []}
for zin in json.loads(sys.argv[2]):
    doc = nlp(zin)
    uit["zinnen"].append({
        "lemmas": {t.text: t.lemma_ for t in doc},
        "ents": [[e.text, e.label_, e.ent_id_] for e in doc.ents],
    })
print(json.dumps(uit))
"""


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bouw_spacy_nl", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(python: Path, *args: str, timeout: float = 300) -> str:
    if not python.exists():
        pytest.skip(f"{python.relative_to(REPO)} ontbreekt (make setup)")
    uit = subprocess.run(
        [str(python), *args],
        cwd=REPO,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert uit.returncode == 0, uit.stdout[-3000:] + uit.stderr[-3000:]
    return uit.stdout


def _probe(map_: Path, zinnen: list[str]) -> dict[str, Any]:
    uit = _run(RASA_PYTHON, "-c", PROBE, str(map_), json.dumps(zinnen))
    return json.loads(uit.strip().splitlines()[-1])


# -- the sources (main environment, no spaCy) ------------------------------------------------


@pytest.fixture(scope="module")
def bronnen() -> dict[tuple[str, str], dict[str, Any]]:
    namen = _script().lees_bronnen()["namen"]
    return {(n["label"], n["tekst"]): n for n in namen}


def test_elke_gemeente_en_deelgemeente_is_een_naam(
    bronnen: dict[tuple[str, str], dict[str, Any]],
) -> None:
    for bestand in ("gemeenten-2025.csv", "deelgemeenten.csv"):
        with (GEMEENTEN / bestand).open(encoding="utf-8-sig", newline="") as f:
            for rij in csv.DictReader(f):
                assert ("gemeente", rij["naam"]) in bronnen, (bestand, rij["naam"])
    assert bronnen[("gemeente", "Sint-Amandsberg")]["id"] == "Gent"
    assert bronnen[("gemeente", "Bruxelles")]["id"] == "Brussel"
    assert bronnen[("gemeente", "Gent")]["vast"] is True  # centrumstad: ook "gent"


def test_rechten_en_keuzes_komen_uit_hun_bronnen(
    bronnen: dict[tuple[str, str], dict[str, Any]],
) -> None:
    from bot.vocabulary import AttribuutType, laad_vocabulaire

    assert bronnen[("recht", "huursubsidie")]["id"] == "vlaamse-huursubsidie"
    assert bronnen[("recht", "Leefloon")]["id"] == "leefloon"
    assert bronnen[("recht", "mantelzorgpremie")]["id"] == ""  # twee rechten: geen id
    rechten = {n["id"] for (label, _), n in bronnen.items() if label == "recht"}
    regelbestanden = sorted((REPO / "catalogus" / "regels").glob("*.yaml"))
    assert regelbestanden, "catalogus/regels/ heeft regelbestanden"
    for regelbestand in regelbestanden:
        assert regelbestand.stem in rechten
    assert bronnen[("werksituatie", "werkloos")]["id"] == "werkzoekend"
    # elke knoptekst, behalve een die als trefwoord al een andere keuze is: "Pensioen" (soort
    # inkomen) is het trefwoord "pensioen" van werksituatie gepensioneerd
    trefwoorden = {
        tekst.casefold()
        for (label, tekst), n in bronnen.items()
        if label not in ("recht", "gemeente")
    }
    assert bronnen[("werksituatie", "pensioen")]["id"] == "gepensioneerd"
    assert ("soort_inkomen", "Pensioen") not in bronnen
    for naam, attribuut in laad_vocabulaire().attributen.items():
        if attribuut.type is AttribuutType.ENUM:
            for waarde, knop in (attribuut.opties or {}).items():
                if (naam, knop) in bronnen or knop.casefold() not in trefwoorden:
                    assert bronnen[(naam, knop)]["id"] == waarde


def test_config_laadt_de_map_en_geeft_alleen_de_labels_van_de_ruler_door(
    bronnen: dict[tuple[str, str], dict[str, Any]],
) -> None:
    script = _script()
    config = yaml.safe_load((REPO / "config.yml").read_text())
    stappen = {stap["name"]: stap for stap in config["pipeline"]}
    assert REPO / stappen["SpacyNLP"]["model"] == script.STANDAARD_DOEL
    assert "SpacyTokenizer" in stappen
    labels = {label for label, _ in bronnen}
    dimensies = set(stappen["SpacyEntityExtractor"]["dimensions"])
    entiteiten = set(yaml.safe_load((REPO / "domain.yml").read_text())["entities"])
    assert {"gemeente", "recht"} <= dimensies <= labels & entiteiten
    assert labels & entiteiten <= dimensies  # every ruler label the domain knows is passed on
    assert script.LABEL_ONTKEND not in dimensies


def test_bouw_alleen_als_de_invoer_verandert(tmp_path: Path) -> None:
    script = _script()
    bronnen, doel = tmp_path / "bronnen.json", tmp_path / "spacy_nl"
    bronnen.write_text('{"namen": []}')
    doel.mkdir()
    (doel / script.STAMP).write_text(script.bouw_hash(bronnen))
    assert script.is_actueel(bronnen, doel)
    bronnen.write_text('{"namen": [{"label": "gemeente", "tekst": "Gent"}]}')
    assert not script.is_actueel(bronnen, doel)


# -- the built pipeline (Rasa environment) ---------------------------------------------------


@pytest.fixture(scope="module")
def spacy_map() -> Path:
    """models/spacy_nl, built like scripts/train_bot.sh does (fast when up to date)."""
    _run(PYTHON, str(SCRIPT), "patronen")
    _run(RASA_PYTHON, str(SCRIPT), "bouw")
    return REPO / "models" / "spacy_nl"


ZINNEN = [
    "de kinderen gingen naar school",
    "zij woont met twee zonen in het huis",
    "Ik woon in Sint-Amandsberg met mijn kinderen",
    "ik woon in sint amandsberg",
    "wij wonen in gent",
    "j'habite à Bruxelles",
    "ik wil meer uitleg, ik ga werken",
    "ik woon in Meer",
    "heb ik recht op de huursubsidie?",
    "ik ben werkloos",
    "ik ben niet werkloos",
    "Ik huur van een private verhuurder",
]


@pytest.fixture(scope="module")
def probe(spacy_map: Path) -> dict[str, Any]:
    """The built pipeline run once (one Rasa-env process) over all sentences of these tests."""
    uit = _probe(spacy_map, ZINNEN)
    return {
        "pipes": uit["pipes"],
        "meta": uit["meta"],
        **dict(zip(ZINNEN, uit["zinnen"], strict=True)),
    }


def _ents(probe: dict[str, Any], zin: str) -> list[list[str]]:
    return probe[zin]["ents"]


@pytest.mark.bot
def test_lemmatiseert_nederlands(probe: dict[str, Any]) -> None:
    assert probe["de kinderen gingen naar school"]["lemmas"] == {
        "de": "de",
        "kinderen": "kind",
        "gingen": "gaan",
        "naar": "naar",
        "school": "school",  # een naamwoord, niet "schuilen"
    }
    lemmas = probe["zij woont met twee zonen in het huis"]["lemmas"]
    assert (lemmas["woont"], lemmas["zonen"]) == ("wonen", "zoon")
    assert (lemmas["in"], lemmas["het"]) == ("in", "het")  # stopwoorden blijven


@pytest.mark.bot
def test_entity_ruler_vindt_gemeenten_ook_deelgemeenten(probe: dict[str, Any]) -> None:
    assert _ents(probe, "Ik woon in Sint-Amandsberg met mijn kinderen") == [
        ["Sint-Amandsberg", "gemeente", "Gent"]
    ]
    assert _ents(probe, "ik woon in sint amandsberg") == [["sint amandsberg", "gemeente", "Gent"]]
    assert _ents(probe, "wij wonen in gent") == [["gent", "gemeente", "Gent"]]
    assert _ents(probe, "j'habite à Bruxelles") == [["Bruxelles", "gemeente", "Brussel"]]
    # a place name that is also an ordinary word counts only as written
    ents = _ents(probe, "ik wil meer uitleg, ik ga werken")
    assert all(label != "gemeente" for _, label, _ in ents)
    assert _ents(probe, "ik woon in Meer") == [["Meer", "gemeente", "Hoogstraten"]]


@pytest.mark.bot
def test_entity_ruler_vindt_rechten_en_keuzes_niet_ontkend(probe: dict[str, Any]) -> None:
    assert _ents(probe, "heb ik recht op de huursubsidie?") == [
        ["huursubsidie", "recht", "vlaamse-huursubsidie"]
    ]
    assert _ents(probe, "ik ben werkloos") == [["werkloos", "werksituatie", "werkzoekend"]]
    assert _ents(probe, "ik ben niet werkloos") == [["niet werkloos", "ontkend", ""]]
    assert _ents(probe, "Ik huur van een private verhuurder") == [
        ["Ik huur van een private verhuurder", "woonsituatie", "huurder_privaat"]
    ]


@pytest.mark.bot
def test_pijplijn_zegt_waarvan_ze_gebouwd_is(probe: dict[str, Any]) -> None:
    assert probe["pipes"][0] == "entity_ruler"
    assert "lemmatizer" in probe["pipes"]
    assert "scripts/bouw_spacy_nl.py" in probe["meta"]


@pytest.mark.bot
def test_bouw_met_eigen_bronnen_en_daarna_actueel(tmp_path: Path) -> None:
    bronnen, doel = tmp_path / "bronnen.json", tmp_path / "spacy_nl"
    naam = {"label": "gemeente", "tekst": "Testdorp-Noord", "id": "Testdorp"}
    bronnen.write_text(json.dumps({"namen": [{**naam, "eigennaam": True, "vast": False}]}))
    args = ("bouw", "--bronnen", str(bronnen), "--doel", str(doel))
    assert "entity_ruler (2 patronen)" in _run(RASA_PYTHON, str(SCRIPT), *args)
    assert _run(RASA_PYTHON, str(SCRIPT), *args).strip().endswith("actueel")
    ents = _probe(doel, ["ik woon in testdorp noord"])["zinnen"][0]["ents"]
    assert ents == [["testdorp noord", "gemeente", "Testdorp"]]
