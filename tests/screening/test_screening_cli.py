"""``python -m bot screen``: real CSV files, the real engine on the bundled catalogue."""

from __future__ import annotations

import csv
import gc
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from huishoudens import (
    ALLEEN_LAAG,
    HOOG_INKOMEN,
    KRIJGT_LEEFLOON,
    PEILDATUM,
    SLECHTE_CEL,
    schrijf_csv,
    willekeurige_rijen,
)

from bot.__main__ import main


@pytest.fixture(autouse=True)
def databank(databank_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", databank_url)
    monkeypatch.delenv("PEILDATUM", raising=False)


def screen(*argumenten: str) -> int:
    return main(["screen", *argumenten, "--datum", PEILDATUM])


def json_lijnen(tekst: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    lijnen = [json.loads(regel) for regel in tekst.splitlines()]
    return lijnen[:-1], lijnen[-1]["samenvatting"]


def ids(rechten: list[dict[str, Any]]) -> set[str]:
    return {r["id"] for r in rechten}


def test_per_rij_de_gemiste_rechten_en_per_recht_de_telling(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bestand = schrijf_csv(
        tmp_path / "in.csv", [ALLEEN_LAAG, KRIJGT_LEEFLOON, SLECHTE_CEL, HOOG_INKOMEN]
    )
    assert screen(str(bestand)) == 0
    uit = capsys.readouterr()
    rijen, samen = json_lijnen(uit.out)

    assert [r["rij"] for r in rijen] == [2, 3, 4, 5]  # the line in the file, header is 1
    assert [r["referentie"] for r in rijen] == ["gent-001", "gent-002", "gent-003", "brugge-004"]
    laag, krijgt, slecht, hoog = rijen
    assert "leefloon" in ids(laag["waarschijnlijk"])
    assert laag["al_ontvangen"] == []
    # what the household already receives is not "missed"
    assert {"leefloon", "verhoogde-tegemoetkoming"} <= ids(krijgt["al_ontvangen"])
    assert "leefloon" not in ids(krijgt["waarschijnlijk"]) | ids(krijgt["mogelijk"])
    assert slecht["fout"] == "Rij 4, kolom 'leeftijd': 'vier' is geen geheel getal."
    assert slecht["waarschijnlijk"] == slecht["mogelijk"] == []
    assert "leefloon" not in ids(hoog["waarschijnlijk"]) | ids(hoog["mogelijk"])
    for m in laag["mogelijk"]:  # a possible right says what is still to check
        assert m["na_te_gaan"] and all(isinstance(t, str) and t for t in m["na_te_gaan"])

    assert samen["rijen"] == 4 and samen["fouten"] == 1 and samen["datum"] == PEILDATUM
    per_recht = {r["id"]: r for r in samen["per_recht"]}
    for recht in per_recht.values():
        for soort in ("waarschijnlijk", "mogelijk", "al_ontvangen"):
            assert recht[soort] == sum(recht["id"] in ids(r[soort]) for r in rijen)
    assert per_recht["leefloon"]["waarschijnlijk"] == 1
    assert per_recht["leefloon"]["al_ontvangen"] == 1
    # the counts are also shown on stderr, the rows are not
    assert "4 rijen gescreend, 1 met een fout" in uit.err
    assert "gent-001" not in uit.err


def test_een_onbekende_kolom_stopt_met_een_nederlandse_fout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kolommen = ("referentie", "gemeente", "inkomen_per_maand")
    bestand = schrijf_csv(tmp_path / "in.csv", [["x", "Gent", "900"]], kolommen)
    assert screen(str(bestand)) == 2
    uit = capsys.readouterr()
    assert "De kolom 'inkomen_per_maand' kennen we niet." in uit.err
    assert uit.out == ""


def test_van_een_recht_naar_meerdere_personen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bestand = schrijf_csv(tmp_path / "in.csv", [ALLEEN_LAAG, KRIJGT_LEEFLOON, HOOG_INKOMEN])
    assert screen(str(bestand), "--recht", "leefloon") == 0
    rijen, samen = json_lijnen(capsys.readouterr().out)
    for r in rijen:
        assert ids(r["waarschijnlijk"]) | ids(r["mogelijk"]) | ids(r["al_ontvangen"]) <= {
            "leefloon"
        }
    assert [ids(r["waarschijnlijk"]) for r in rijen] == [{"leefloon"}, set(), set()]
    assert [r["id"] for r in samen["per_recht"]] == ["leefloon"]

    assert screen(str(bestand), "--recht", "bestaat-niet") == 2
    assert "Het recht 'bestaat-niet' bestaat niet." in capsys.readouterr().err


def test_csv_naar_een_bestand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bestand = schrijf_csv(tmp_path / "in.csv", [ALLEEN_LAAG, SLECHTE_CEL])
    uitvoer = tmp_path / "uit.csv"
    assert screen(str(bestand), "--uitvoer", str(uitvoer)) == 0
    assert capsys.readouterr().out == ""
    with uitvoer.open(encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f))
    assert [r["referentie"] for r in rijen] == ["gent-001", "gent-003"]
    assert "leefloon" in rijen[0]["waarschijnlijk"].split("; ")
    assert rijen[0]["fout"] == ""
    assert rijen[1]["fout"] == "Rij 3, kolom 'leeftijd': 'vier' is geen geheel getal."


def test_json_lines_als_invoer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bestand = tmp_path / "in.jsonl"
    bestand.write_text(
        '{"referentie": "j-1", "gemeente": "Gent", "leeftijd": 34, "samenwonend_met_partner": '
        'false, "aantal_kinderen": 0, "woonsituatie": "huurder_privaat", '
        '"netto_maandinkomen_gezin": 700, "werksituatie": "zonder_inkomen", '
        '"verblijfsstatus": "belg", "verhoogde_tegemoetkoming": false, '
        '"ontvangt_leefloon": false}\n'
        '{"referentie": "j-2", "leeftijd": "oud"}\n'
        "\n"
        "geen json\n"
        '["een", "lijst"]\n',
        encoding="utf-8",
    )
    assert screen(str(bestand)) == 0
    rijen, samen = json_lijnen(capsys.readouterr().out)
    assert "leefloon" in ids(rijen[0]["waarschijnlijk"])
    assert [r["fout"] for r in rijen[1:]] == [
        "Rij 2, kolom 'leeftijd': 'oud' is geen geheel getal.",
        "Rij 4: Deze regel is geen geldige JSON.",
        'Rij 5: Verwacht een object met gegevens, zoals {"leeftijd": 40}.',
    ]
    assert samen["fouten"] == 3


def test_een_rij_met_te_veel_cellen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bestand = schrijf_csv(tmp_path / "in.csv", [ALLEEN_LAAG, [*ALLEEN_LAAG, "extra"]])
    assert screen(str(bestand)) == 0
    rijen, _ = json_lijnen(capsys.readouterr().out)
    assert rijen[0]["fout"] is None
    assert rijen[1]["fout"] == "Rij 3: Deze rij heeft 12 cellen, de kop 11."


def test_parallel_geeft_hetzelfde_als_een_proces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rijen = [*willekeurige_rijen(620, seed=12), SLECHTE_CEL]
    bestand = schrijf_csv(tmp_path / "in.csv", rijen)
    assert screen(str(bestand), "--werkers", "1") == 0
    enkel = capsys.readouterr().out
    assert screen(str(bestand), "--werkers", "2") == 0
    parallel = capsys.readouterr().out
    assert parallel == enkel
    assert gc.isenabled() and not gc.get_freeze_count()  # the run switched it off for a while
    uitkomsten, samen = json_lijnen(enkel)
    assert samen["rijen"] == 621 and samen["fouten"] == 1
    assert sum(bool(u["waarschijnlijk"]) for u in uitkomsten) > 100  # not trivially empty


def test_niets_van_de_rijen_wordt_gelogd(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    geheim = ["ref-7Q2X", "Gent", "41", "nee", "1", "huurder_privaat", "987,65", "werkzoekend",
              "belg", "nee", "nee"]  # fmt: skip
    bestand = schrijf_csv(tmp_path / "in.csv", [geheim, SLECHTE_CEL])
    with caplog.at_level(logging.DEBUG):
        assert screen(str(bestand)) == 0
    capsys.readouterr()
    gelogd = "\n".join(r.getMessage() for r in caplog.records)
    for stuk in ("ref-7Q2X", "987", "gent-003", "vier"):
        assert stuk not in gelogd
