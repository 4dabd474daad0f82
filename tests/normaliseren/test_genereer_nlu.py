"""scripts/genereer_nlu.py: Rasa 3.x NLU data from the vocabulary, keywords and municipalities."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from actions.normaliseren.trefwoorden import Trefwoorden
from bot.vocabulary import AttribuutType, Vocabulaire

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "genereer_nlu.py"
DOMEIN = REPO / "domain.yml"
CONFIG = REPO / "config.yml"
GEMEENTEN = REPO / "catalogus" / "gemeenten"
KOPREGEL = "# gegenereerd door scripts/genereer_nlu.py — niet met de hand bewerken"
BESTANDEN = ("antwoorden.yml", "gemeenten.yml", "keuzes.yml", "vraaggroepen.yml")


def _genereer(uit: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Het script met uitvoer in ``uit`` en kopieën van domain.yml en config.yml ernaast:
    de tests schrijven nooit in de echte bestanden."""
    for optie, bron in (("--domein", DOMEIN), ("--config", CONFIG)):
        if optie not in extra:
            kopie = uit.parent / f"{uit.name}-{bron.name}"
            kopie.write_text(bron.read_text(encoding="utf-8"), encoding="utf-8")
            extra = (*extra, optie, str(kopie))
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--uit", str(uit), *extra],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uit = tmp_path_factory.mktemp("nlu")
    resultaat = _genereer(uit)
    assert resultaat.returncode == 0, resultaat.stderr
    return uit


def _nlu(uitvoer: Path) -> list[dict[str, str]]:
    blokken = []
    for naam in BESTANDEN:
        data = yaml.safe_load((uitvoer / naam).read_text(encoding="utf-8"))
        blokken += data["nlu"]
    return blokken


def _items(blok: dict[str, str]) -> list[str]:
    return [regel[2:] for regel in blok["examples"].splitlines()]


def _blokken(uitvoer: Path, soort: str) -> dict[str, list[str]]:
    uit: dict[str, list[str]] = {}
    for blok in _nlu(uitvoer):
        if soort in blok:
            uit.setdefault(blok[soort], []).extend(_items(blok))
    return uit


def test_bestanden_met_kopregel_en_versie(uitvoer: Path) -> None:
    assert sorted(p.name for p in uitvoer.iterdir()) == sorted(BESTANDEN)
    for naam in BESTANDEN:
        tekst = (uitvoer / naam).read_text(encoding="utf-8")
        assert tekst.splitlines()[0] == KOPREGEL
        assert tekst.splitlines()[1] == 'version: "3.1"'
        data = yaml.safe_load(tekst)
        assert data["version"] == "3.1"
        assert set(data) == {"version", "nlu"}
        for blok in data["nlu"]:
            assert set(blok) in (
                {"lookup", "examples"},
                {"synonym", "examples"},
                {
                    "intent",
                    "examples",
                },
            )
            assert all(r.startswith("- ") for r in blok["examples"].splitlines())


def _csv(naam: str) -> list[dict[str, str]]:
    with (GEMEENTEN / naam).open(encoding="utf-8") as bestand:
        return list(csv.DictReader(bestand))


def test_opzoektabel_gemeente_heeft_alle_namen(uitvoer: Path) -> None:
    tabel = set(_blokken(uitvoer, "lookup")["gemeente"])
    gemeenten = _csv("gemeenten-2025.csv")
    assert len(gemeenten) == 304
    assert {g["naam"] for g in gemeenten} <= tabel
    assert {g["naam_fr"] for g in gemeenten if g["naam_fr"]} <= tabel
    vroegere = {
        d.rpartition(":")[0] for g in gemeenten for d in g["vroegere_gemeenten"].split("|") if d
    }
    assert {"Borsbeek", "Kortessem", "Meulebeke"} <= vroegere <= tabel
    assert {d["naam"] for d in _csv("deelgemeenten.csv")} <= tabel
    assert {"Sint-Amandsberg", "Borgerhout", "Kessel-Lo", "'s Gravenwezel"} <= tabel


def test_elke_gemeente_heeft_een_voorbeeld(uitvoer: Path) -> None:
    voorbeelden = "\n".join(_blokken(uitvoer, "intent")["inform"])
    for g in _csv("gemeenten-2025.csv"):
        assert f"[{g['naam']}](gemeente)" in voorbeelden, g["naam"]


def test_elke_keuze_van_de_woordenlijst(
    uitvoer: Path, vocabulaire: Vocabulaire, trefwoorden: Trefwoorden
) -> None:
    synoniemen = _blokken(uitvoer, "synonym")
    lookups = _blokken(uitvoer, "lookup")
    voorbeelden = set(_blokken(uitvoer, "intent")["inform"])
    enums = [n for n, a in vocabulaire.attributen.items() if a.type is AttribuutType.ENUM]
    assert enums, "de woordenlijst heeft keuzes"
    for naam in enums:
        attribuut = vocabulaire.attributen[naam]
        assert naam in lookups
        for waarde, knop in (attribuut.opties or {}).items():
            assert waarde in synoniemen, waarde
            woorden = trefwoorden.attributen[naam][waarde].trefwoorden
            # een knoptekst die als trefwoord naar een andere waarde wijst, valt weg
            knoppen = {knop} if _synoniem_van(synoniemen, knop) in (None, waarde) else set()
            assert set(woorden) | knoppen <= set(synoniemen[waarde])
            assert set(woorden) <= set(lookups[naam])
            for woord in (*woorden, *knoppen):
                assert _entiteit(woord, naam, waarde) in voorbeelden, woord


def _synoniem_van(synoniemen: dict[str, list[str]], tekst: str) -> str | None:
    return next(
        (w for w, lijst in synoniemen.items() if tekst.casefold() in map(str.casefold, lijst)),
        None,
    )


def test_knoptekst_die_al_een_trefwoord_is_wijst_niet_naar_twee_waarden(uitvoer: Path) -> None:
    """ "Pensioen" (soort inkomen) is ook een trefwoord van werksituatie gepensioneerd."""
    synoniemen = _blokken(uitvoer, "synonym")
    assert "pensioen" in synoniemen["gepensioneerd"]
    assert "Pensioen" not in synoniemen.get("pensioen", [])


def _entiteit(tekst: str, entiteit: str, waarde: str) -> str:
    if tekst == waarde:
        return f"[{tekst}]({entiteit})"
    return f'[{tekst}]{{"entity": "{entiteit}", "value": "{waarde}"}}'


def test_synoniemen_zijn_eenduidig(uitvoer: Path) -> None:
    """Rasa kent één synoniemenlijst: een tekst mag niet naar twee waarden wijzen."""
    gezien: dict[str, str] = {}
    for waarde, woorden in _blokken(uitvoer, "synonym").items():
        for woord in woorden:
            assert gezien.setdefault(woord.casefold(), waarde) == waarde, woord


def test_antwoorden_en_knoppen(
    uitvoer: Path, vocabulaire: Vocabulaire, trefwoorden: Trefwoorden
) -> None:
    intents = _blokken(uitvoer, "intent")
    assert set(trefwoorden.antwoorden["ja"]) <= set(intents["affirm"])
    assert set(trefwoorden.antwoorden["nee"]) <= set(intents["deny"])
    assert set(trefwoorden.antwoorden["weet_niet"]) <= set(intents["dont_know"])
    assert "Ja, met een partner" in intents["affirm"]
    assert "Nee, zonder partner" in intents["deny"]


def test_geen_voorbeeld_bij_twee_intents(uitvoer: Path) -> None:
    gezien: dict[str, str] = {}
    for intent, voorbeelden in _blokken(uitvoer, "intent").items():
        for voorbeeld in voorbeelden:
            tekst = re.sub(r"\[([^\]]*)\](\([^)]*\)|\{[^}]*\})", r"\1", voorbeeld).casefold()
            assert gezien.setdefault(tekst, intent) == intent, voorbeeld


def test_twee_keer_draaien_geeft_dezelfde_bytes(uitvoer: Path, tmp_path: Path) -> None:
    assert _genereer(tmp_path).returncode == 0
    for naam in BESTANDEN:
        assert (tmp_path / naam).read_bytes() == (uitvoer / naam).read_bytes()


def test_oude_gegenereerde_bestanden_verdwijnen_andere_blijven(tmp_path: Path) -> None:
    (tmp_path / "oud.yml").write_text(f'{KOPREGEL}\nversion: "3.1"\nnlu: []\n')
    (tmp_path / "met_de_hand.yml").write_text('version: "3.1"\nnlu: []\n')
    assert _genereer(tmp_path).returncode == 0
    assert not (tmp_path / "oud.yml").exists()
    assert (tmp_path / "met_de_hand.yml").exists()


def test_kapotte_bron_geeft_duidelijke_fout(tmp_path: Path) -> None:
    kapot = tmp_path / "trefwoorden.yaml"
    kapot.write_text(
        "attributen:\n  werksituatie:\n    scholier:\n      trefwoorden: [student]\n"
        "antwoorden:\n  ja: [ja]\n  nee: [nee]\n  weet_niet: [geen idee]\n",
        encoding="utf-8",
    )
    resultaat = _genereer(tmp_path / "uit", "--trefwoorden", str(kapot))
    assert resultaat.returncode == 1
    assert f"{kapot}, regel 3: 'scholier' is geen waarde van 'werksituatie'" in resultaat.stderr
    assert not (tmp_path / "uit").exists()


RASA_PYTHON = REPO / ".venv-rasa" / "bin" / "python"

RASA_LEZER = textwrap.dedent(
    """
    import json, sys, warnings
    warnings.simplefilter("always")
    with warnings.catch_warnings(record=True) as gevangen:
        from rasa.shared.nlu.training_data.loading import load_data
        data = load_data(sys.argv[1])
        data.validate()
    print(json.dumps({
        "intents": sorted(data.intents),
        "entities": sorted(data.entities),
        "lookups": {t["name"]: len(t["elements"]) for t in data.lookup_tables},
        "synoniemen": data.entity_synonyms,
        "waarschuwingen": [
            str(w.message) for w in gevangen
            if issubclass(w.category, UserWarning) and "rasa" in (w.filename or "")
        ],
    }))
    """
)


def test_rasa_leest_de_data(uitvoer: Path, vocabulaire: Vocabulaire) -> None:
    """Rasa 3.6 zelf (in .venv-rasa) leest en valideert de gegenereerde bestanden."""
    if not RASA_PYTHON.exists():
        pytest.skip(".venv-rasa ontbreekt: voer 'make setup' uit (zonder SKIP_RASA=1)")
    resultaat = subprocess.run(
        [str(RASA_PYTHON), "-c", RASA_LEZER, str(uitvoer)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    gelezen = json.loads(resultaat.stdout.strip().splitlines()[-1])
    enums = sorted(n for n, a in vocabulaire.attributen.items() if a.type is AttribuutType.ENUM)
    assert gelezen["intents"] == ["affirm", "deny", "dont_know", "inform"]
    assert gelezen["entities"] == sorted(["gemeente", *enums])
    assert set(gelezen["lookups"]) == {"gemeente", *enums}
    assert gelezen["lookups"]["gemeente"] > 1000
    assert gelezen["synoniemen"]["werkloos"] == "werkzoekend"
    assert gelezen["synoniemen"]["op pensioen"] == "gepensioneerd"
    assert gelezen["synoniemen"]["sociale woning"] == "huurder_sociaal"
    assert gelezen["waarschuwingen"] == []


# -- domain.yml en de controle van de trefwoorden ---------------------------------------------


def test_domain_yml_en_config_yml_zijn_bij_met_de_woordenlijst() -> None:
    """Een vergeten 'scripts/genereer_nlu.py' na een wijziging van de woordenlijst valt op."""
    resultaat = subprocess.run(
        [sys.executable, str(SCRIPT), "--controleer"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert resultaat.returncode == 0, resultaat.stderr


def test_domein_volgt_de_woordenlijst(vocabulaire: Vocabulaire) -> None:
    domein = yaml.safe_load(DOMEIN.read_text(encoding="utf-8"))
    sleutels = list(vocabulaire.attributen)
    profielslots = [s for s in domein["slots"] if s in vocabulaire.attributen]
    assert profielslots == sleutels
    assert domein["slots"]["gemeente"]["type"] == "text"
    assert all(domein["slots"][s]["mappings"] == [{"type": "custom"}] for s in sleutels)
    assert domein["forms"]["profiel_form"]["required_slots"] == sleutels
    enums = {n for n, a in vocabulaire.attributen.items() if a.type is AttribuutType.ENUM}
    knoppen = {a for g in vocabulaire.vraaggroepen.values() for a in g.labels}
    knoppen |= {a for g in vocabulaire.vraaggroepen.values() for k in g.knoppen for a in k.waarden}
    assert {"gemeente", *enums, *knoppen} <= set(domein["entities"])
    assert {"soort_inkomen", "verwarming", "ontvangt_igo"} <= set(domein["entities"])
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    (extractor,) = [s for s in config["pipeline"] if s["name"] == "SpacyEntityExtractor"]
    assert extractor["dimensions"] == ["recht", "gemeente", *[e for e in sleutels if e in enums]]


def test_nieuw_attribuut_komt_met_een_run_in_het_domein(tmp_path: Path) -> None:
    """Een attribuut toevoegen is één wijziging in de woordenlijst plus zijn trefwoorden."""
    woordenlijst = yaml.safe_load(
        (REPO / "bot" / "vocabulary" / "attributen.yaml").read_text(encoding="utf-8")
    )
    woordenlijst["attributen"]["heeft_een_hond"] = {
        "type": "bool",
        "rubriek": "wonen",
        "vraag": "Hebt u een hond?",
        "waarom": "Om te testen.",
        "opties": {True: "Ja", False: "Nee"},
        "kort": {True: "met een hond", False: "zonder hond"},
        "gevoelig": False,
    }
    vocabulaire = tmp_path / "attributen.yaml"
    vocabulaire.write_text(yaml.safe_dump(woordenlijst, allow_unicode=True), encoding="utf-8")
    trefwoorden = tmp_path / "trefwoorden.yaml"
    bron = (REPO / "actions" / "normaliseren" / "trefwoorden.yaml").read_text(encoding="utf-8")
    trefwoorden.write_text(bron, encoding="utf-8")
    domein = tmp_path / "domain.yml"
    domein.write_text(DOMEIN.read_text(encoding="utf-8"), encoding="utf-8")
    config = tmp_path / "config.yml"
    config.write_text(CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    args = ("--vocabulaire", str(vocabulaire), "--trefwoorden", str(trefwoorden))
    args += ("--domein", str(domein), "--config", str(config))

    # zonder trefwoorden: een duidelijke fout die het bestand en de sleutel noemt
    resultaat = _genereer(tmp_path / "uit", *args)
    assert resultaat.returncode == 1
    assert str(trefwoorden) in resultaat.stderr
    assert "'heeft_een_hond' ontbreekt in 'attributen'" in resultaat.stderr
    assert domein.read_text(encoding="utf-8") == DOMEIN.read_text(encoding="utf-8")

    trefwoorden.write_text(
        bron.replace(
            "\nantwoorden:\n",
            "\n  heeft_een_hond:\n    true:\n      trefwoorden: [ik heb een hond]\n\nantwoorden:\n",
        ),
        encoding="utf-8",
    )
    controle = _genereer(tmp_path / "uit", *args, "--controleer")
    assert controle.returncode == 1
    assert "is niet bij met de woordenlijst" in controle.stderr
    assert _genereer(tmp_path / "uit", *args).returncode == 0
    nieuw = yaml.safe_load(domein.read_text(encoding="utf-8"))
    assert nieuw["slots"]["heeft_een_hond"]["mappings"] == [{"type": "custom"}]
    assert "heeft_een_hond" in nieuw["forms"]["profiel_form"]["required_slots"]
    # de rest van domain.yml (commentaar, intenties, antwoorden) blijft zoals het was
    assert "utter_begroeting" in nieuw["responses"]
    assert _genereer(tmp_path / "uit", *args, "--controleer").returncode == 0


def test_trefwoorden_voor_een_onbekende_of_ontbrekende_keuze(tmp_path: Path) -> None:
    trefwoorden = tmp_path / "trefwoorden.yaml"
    bron = (REPO / "actions" / "normaliseren" / "trefwoorden.yaml").read_text(encoding="utf-8")
    # de trefwoorden van huurder_svk weg: die keuze van woonsituatie heeft er dan geen
    begin = bron.index("    huurder_svk:")
    einde = bron.index("    dakloos:")
    trefwoorden.write_text(bron[:begin] + bron[einde:], encoding="utf-8")
    resultaat = _genereer(tmp_path / "uit", "--trefwoorden", str(trefwoorden))
    assert resultaat.returncode == 1
    assert f"{trefwoorden}: de trefwoorden passen niet bij de woordenlijst" in resultaat.stderr
    assert "'woonsituatie' heeft geen trefwoorden voor huurder_svk" in resultaat.stderr


def test_domein_zonder_markeringen_geeft_een_fout(tmp_path: Path) -> None:
    domein = tmp_path / "domain.yml"
    domein.write_text('version: "3.1"\nslots: {}\n', encoding="utf-8")
    resultaat = _genereer(tmp_path / "uit", "--domein", str(domein))
    assert resultaat.returncode == 1
    assert f"{domein}: de markeringen van het blok" in resultaat.stderr


def test_voorbeelden_uit_de_vragen_van_de_groepen(uitvoer: Path, vocabulaire: Vocabulaire) -> None:
    """'Bijvoorbeeld "82, niet bij mij"' in een groepsvraag is een voorbeeld van inform."""
    voorbeelden = set(_blokken(uitvoer, "intent")["inform"])
    assert "82, niet bij mij" in voorbeelden
    for groep in vocabulaire.vraaggroepen.values():
        for voorbeeld in re.findall(r'"([^"]+)"', groep.vraag):
            assert voorbeeld in voorbeelden, voorbeeld
