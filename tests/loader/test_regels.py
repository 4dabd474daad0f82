"""Rule files: every problem names the file, the line and the field, in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.settings import Settings
from catalogus_loader import LaadFout, Probleem, laad, valideer
from catalogus_loader.regels import lees_regelbestand

GOED = """\
id: proefpremie
product: "9"
naam: Proefpremie
niveau: vlaams
bron_url: https://example.org/proef
parameters:
  grens:
    omschrijving: Inkomensgrens per maand
    bron: https://example.org/grens
    waarden:
      - {vanaf: "2024-01-01", waarde: 2000}
voorwaarden:
  - id: meerderjarig
    tekst: U bent 18 jaar of ouder.
    regel: {">=": [{"var": "leeftijd"}, 18]}
  - id: inkomen
    tekst: Uw inkomen is laag.
    regel: {"<": [{"var": "netto_maandinkomen_gezin"}, {"param": "grens"}]}
"""


def _problemen(tekst: str, bron: str = "regels/proefpremie.yaml") -> list[Probleem]:
    record, problemen, _ = lees_regelbestand(tekst, bron)
    assert record is None
    return problemen


def test_goed_bestand() -> None:
    record, problemen, meldingen = lees_regelbestand(GOED, "regels/proefpremie.yaml")
    assert problemen == [] and meldingen == []
    assert record is not None
    assert record.recht_id == "proefpremie"
    assert record.regel_van(("voorwaarden", 1, "regel")) == 18
    assert record.regel_van(("parameters", "grens", "waarden", 0)) == 11


def test_datum_zonder_aanhalingstekens_mag() -> None:
    record, problemen, _ = lees_regelbestand(
        GOED.replace('vanaf: "2024-01-01"', "vanaf: 2024-01-01"), "proefpremie.yaml"
    )
    assert problemen == []
    assert record is not None
    assert record.definitie["parameters"]["grens"]["waarden"][0]["vanaf"] == "2024-01-01"


@pytest.mark.parametrize(
    ("oud", "nieuw", "regel", "veld", "woorden"),
    [
        ("niveau: vlaams", "niveau: gewestelijk", 4, "niveau", ["gewestelijk", "vlaams"]),
        ('product: "9"\n', "", 1, "(bestand)", ["verplichte veld 'product'"]),
        ("naam: Proefpremie", "naam: Proefpremie\nkleur: blauw", 4, "(bestand)", ["'kleur'"]),
        ("    tekst: Uw inkomen is laag.", "    tekst: 12", 17, "voorwaarden.1.tekst", []),
        (
            "  - id: inkomen",
            "  - id: Inkomen",
            16,
            "voorwaarden.1.id",
            ["Inkomen", "vorm"],
        ),
        (
            '      - {vanaf: "2024-01-01", waarde: 2000}',
            '      - {vanaf: "2024-01-01", waarde: veel}',
            11,
            "parameters.grens.waarden.0.waarde",
            [],
        ),
        (
            '    regel: {">=": [{"var": "leeftijd"}, 18]}',
            "    een_van: []",
            15,
            "voorwaarden.0.een_van",
            [],
        ),
        ("bron_url: https://example.org/proef", "bron_url: www.example.org", 5, "bron_url", []),
    ],
)
def test_schemafout_met_regelnummer(
    oud: str, nieuw: str, regel: int, veld: str, woorden: list[str]
) -> None:
    assert oud in GOED
    problemen = _problemen(GOED.replace(oud, nieuw))
    assert problemen, "expected a problem"
    eerste = next((p for p in problemen if p.veld == veld), problemen[0])
    assert (eerste.regel, eerste.veld) == (regel, veld), problemen
    assert eerste.bestand == "regels/proefpremie.yaml"
    for woord in woorden:
        assert woord in eerste.bericht
    assert f"regels/proefpremie.yaml, regel {regel}" in str(eerste)


def test_yaml_syntaxfout() -> None:
    (probleem,) = _problemen(GOED.replace("naam: Proefpremie", "naam: [Proefpremie"))
    assert probleem.regel in (3, 4)
    assert "geen geldige YAML" in probleem.bericht


def test_dubbele_sleutel() -> None:
    problemen = _problemen(GOED.replace("niveau: vlaams", "niveau: vlaams\nniveau: lokaal"))
    assert any(p.regel == 5 and "twee keer" in p.bericht for p in problemen)


def test_leeg_bestand() -> None:
    (probleem,) = _problemen("# alleen commentaar\n")
    assert "leeg" in probleem.bericht


def test_id_verschilt_van_bestandsnaam() -> None:
    _, problemen, meldingen = lees_regelbestand(GOED, "regels/andere-naam.yaml")
    assert problemen == []
    assert meldingen and meldingen[0].regel == 1 and "andere-naam" not in meldingen[0].bericht


def _schrijf(map_: Path, naam: str, tekst: str) -> Path:
    pad = map_ / "regels" / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_motorfout_onbekend_attribuut_met_regelnummer(
    mini_catalogus: Path, engine: Engine, instellingen: Settings
) -> None:
    _schrijf(
        mini_catalogus,
        "proefpremie.yaml",
        GOED.replace('{"var": "leeftijd"}', '{"var": "schoenmaat"}'),
    )
    with pytest.raises(LaadFout) as fout:
        laad(engine, instellingen=instellingen)
    (probleem,) = fout.value.problemen
    assert probleem.bestand.endswith("proefpremie.yaml")
    assert probleem.regel == 15
    assert probleem.veld is not None and probleem.veld.startswith("voorwaarden.0")
    assert "schoenmaat" in probleem.bericht


def test_motorfout_onbekende_parameter(
    mini_catalogus: Path, engine: Engine, instellingen: Settings
) -> None:
    _schrijf(
        mini_catalogus,
        "proefpremie.yaml",
        GOED.replace('{"param": "grens"}', '{"param": "plafond"}'),
    )
    with pytest.raises(LaadFout) as fout:
        laad(engine, instellingen=instellingen)
    (probleem,) = fout.value.problemen
    assert probleem.regel == 18 and "plafond" in probleem.bericht


def test_kring_tussen_rechten_wordt_geweigerd(
    mini_catalogus: Path, engine: Engine, instellingen: Settings
) -> None:
    def met_verwijzing(eigen: str, ander: str) -> str:
        extra = (
            "  - id: ander\n    tekst: U hebt het andere recht.\n"
            f'    regel: {{"recht": "{ander}"}}\n'
        )
        return GOED.replace("id: proefpremie", f"id: {eigen}") + extra

    a = met_verwijzing("recht-a", "recht-b")
    b = met_verwijzing("recht-b", "recht-a")
    _schrijf(mini_catalogus, "recht-a.yaml", a)
    _schrijf(mini_catalogus, "recht-b.yaml", b)
    with pytest.raises(LaadFout) as fout:
        laad(engine, instellingen=instellingen)
    tekst = str(fout.value)
    assert "recht-a" in tekst or "recht-b" in tekst
    assert "kring" in tekst.lower()


def test_onbekende_nis_code(mini_catalogus: Path, engine: Engine, instellingen: Settings) -> None:
    tekst = GOED.replace("niveau: vlaams", 'niveau: lokaal\ngemeenten: ["44021", "11007"]')
    _schrijf(mini_catalogus, "proefpremie.yaml", tekst)
    with pytest.raises(LaadFout) as fout:
        laad(engine, instellingen=instellingen)
    (probleem,) = fout.value.problemen
    assert (probleem.regel, probleem.veld) == (5, "gemeenten.1")
    assert "11007" in probleem.bericht and "2025" in probleem.bericht


def test_twee_bestanden_met_hetzelfde_id(mini_catalogus: Path, instellingen: Settings) -> None:
    _schrijf(mini_catalogus, "proefpremie.yaml", GOED)
    _schrijf(mini_catalogus, "kopie.yaml", GOED)
    with pytest.raises(LaadFout, match="staat ook in"):
        valideer(instellingen=instellingen)


def test_alle_problemen_samen(mini_catalogus: Path, instellingen: Settings) -> None:
    _schrijf(mini_catalogus, "a.yaml", GOED.replace("niveau: vlaams", "niveau: x"))
    _schrijf(mini_catalogus, "b.yaml", GOED.replace("id: proefpremie", "id: B"))
    with pytest.raises(LaadFout) as fout:
        valideer(instellingen=instellingen)
    bestanden = {Path(p.bestand).name for p in fout.value.problemen}
    assert bestanden == {"a.yaml", "b.yaml"}
    assert "Er zijn 2 problemen" in str(fout.value)


def test_meegeleverde_regels_zijn_geldig() -> None:
    """The bundled rule files pass the schema and the engine's checks."""
    resultaat = valideer()
    assert resultaat.regels.nieuw >= 1
