"""The contact file (contactpunten.yaml): read, checked, loaded into a real SQLite file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from bot.catalogue.models import Contactpunt
from bot.settings import Settings
from catalogus_loader import LaadFout, initialiseer, laad, valideer
from catalogus_loader.cli import app
from catalogus_loader.contactpunten import lees_contactpunten

REPO = Path(__file__).resolve().parents[2]
BUNDEL = REPO / "catalogus" / "contactpunten.yaml"

GOED = """\
algemene_lijn:
  naam: "1700"
  telefoon: "1700"
  omschrijving: het gratis informatienummer van de Vlaamse overheid
  bron_url: https://overheid.vlaanderen.be/1700
gemeenten:
  - nis: "24062"
    gemeente: Leuven
    naam: OCMW Leuven
    telefoon: "016 00 00 00"
    adres: Proefstraat 1, Leuven
    website: https://www.leuven.be
    bron_url: https://www.leuven.be/ocmw
  - nis: 44021
    gemeente: gent
    naam: OCMW Gent
    bron_url: https://stad.gent/ocmw
"""


def _rijen(engine: Engine) -> dict[str | None, Contactpunt]:
    with Session(engine) as sessie:
        return {r.nis: r for r in sessie.scalars(select(Contactpunt))}


def _schrijf(map_: Path, tekst: str, naam: str = "contactpunten.yaml") -> Path:
    pad = map_ / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


# -- the bundled file ----------------------------------------------------------------------


def test_meegeleverd_bestand_is_geldig_en_elk_gegeven_heeft_een_bron() -> None:
    record, problemen = lees_contactpunten(BUNDEL.read_text("utf-8"), "contactpunten.yaml")
    assert problemen == []
    assert record is not None
    assert record.algemeen.telefoon == "1700"
    assert record.algemeen.omschrijving == "het gratis informatienummer van de Vlaamse overheid"
    assert record.algemeen.bron_url.startswith("https://overheid.vlaanderen.be/")
    assert {c.nis for c in record.gemeenten} >= {"31005", "44021", "34022", "35013"}
    for contact in [record.algemeen, *record.gemeenten]:
        assert contact.bron_url.startswith(("https://", "http://")), contact
    # no opening hours for 1700: the source does not give them
    assert "uur" not in BUNDEL.read_text("utf-8").split("gemeenten:")[0].replace("openingsuren", "")


def test_meegeleverd_bestand_laden_en_opnieuw(engine: Engine, instellingen: Settings) -> None:
    eerste = laad(engine, [BUNDEL], instellingen=instellingen)
    aantal = len(yaml.safe_load(BUNDEL.read_text("utf-8"))["gemeenten"]) + 1
    assert eerste.contactpunten.nieuw == aantal
    assert eerste.gemeenten.nieuw == 304  # the municipality list comes first
    assert laad(engine, [BUNDEL], instellingen=instellingen).veranderd == 0
    rijen = _rijen(engine)
    assert rijen[None].soort == "algemeen" and rijen[None].naam == "1700"
    brugge = rijen["31005"]
    assert (brugge.naam, brugge.adres) == ("OCMW Brugge", "Hoogstraat 9, Brugge")
    assert brugge.openingsuren is None  # its source gives none
    assert rijen["71072"].openingsuren == "In de voormiddag, of op afspraak"
    assert brugge.bron_url == "https://www.ocmw-brugge.be/mantelzorgpremie"
    assert brugge.bron.endswith("contactpunten.yaml")


def test_valideer_meegeleverde_catalogus_met_contactbestand() -> None:
    resultaat = valideer(instellingen=Settings(ipdc_api_url=None, ipdc_api_key=None))
    assert resultaat.contactpunten.nieuw >= 5
    assert resultaat.regels.nieuw >= 20


# -- loading: new, changed, removed --------------------------------------------------------


def test_bestand_vervangt_alle_contactpunten(
    engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    pad = _schrijf(tmp_path, GOED)
    eerste = laad(engine, [pad], instellingen=instellingen)
    assert (eerste.contactpunten.nieuw, eerste.contactpunten.veranderd) == (3, 3)
    rijen = _rijen(engine)
    assert rijen["44021"].naam == "OCMW Gent"  # NIS as a number, name in lower case: fine
    assert rijen["24062"].telefoon == "016 00 00 00"

    pad.write_text(
        GOED.replace("Proefstraat 1", "Proefstraat 2").replace(
            "  - nis: 44021\n    gemeente: gent\n    naam: OCMW Gent\n"
            "    bron_url: https://stad.gent/ocmw\n",
            "",
        ),
        encoding="utf-8",
    )
    tweede = laad(engine, [pad], instellingen=instellingen)
    t = tweede.contactpunten
    assert (t.nieuw, t.gewijzigd, t.ongewijzigd, t.verwijderd) == (0, 1, 1, 1)
    rijen = _rijen(engine)
    assert set(rijen) == {None, "24062"}
    assert rijen["24062"].adres == "Proefstraat 2, Leuven"


def test_openingsuren_laden_wijzigen_en_weghalen(
    engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    met_uren = GOED.replace(
        "    adres: Proefstraat 1, Leuven\n",
        "    adres: Proefstraat 1, Leuven\n    openingsuren:  Elke werkdag van 9 tot 12 uur \n",
    )
    pad = _schrijf(tmp_path, met_uren)
    laad(engine, [pad], instellingen=instellingen)
    rijen = _rijen(engine)
    assert rijen["24062"].openingsuren == "Elke werkdag van 9 tot 12 uur"
    assert rijen["44021"].openingsuren is None
    pad.write_text(met_uren.replace("9 tot 12", "9 tot 11"), encoding="utf-8")
    t = laad(engine, [pad], instellingen=instellingen).contactpunten
    assert (t.gewijzigd, t.ongewijzigd) == (1, 2)
    assert _rijen(engine)["24062"].openingsuren == "Elke werkdag van 9 tot 11 uur"
    pad.write_text(GOED, encoding="utf-8")
    t = laad(engine, [pad], instellingen=instellingen).contactpunten
    assert (t.gewijzigd, t.ongewijzigd) == (1, 2)
    assert _rijen(engine)["24062"].openingsuren is None


def test_laden_zonder_contactbestand_laat_de_contactpunten_staan(
    engine: Engine, instellingen: Settings, mini_catalogus: Path, tmp_path: Path
) -> None:
    laad(engine, [_schrijf(tmp_path, GOED)], instellingen=instellingen)
    resultaat = laad(engine, [mini_catalogus], instellingen=instellingen, volledig=True)
    assert resultaat.contactpunten.veranderd == 0
    assert len(_rijen(engine)) == 3


def test_contactbestand_in_de_catalogusmap(
    engine: Engine, instellingen: Settings, mini_catalogus: Path
) -> None:
    """In the catalogue folder the file sits next to the rule files; it is no rule file."""
    _schrijf(mini_catalogus, GOED)
    resultaat = laad(engine, [mini_catalogus], instellingen=instellingen)
    assert resultaat.contactpunten.nieuw == 3
    assert resultaat.regels.nieuw == 1


def test_ander_bestandsnaam_met_algemene_lijn_is_ook_een_contactbestand(
    engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    pad = _schrijf(tmp_path, GOED, "contact-gent.yml")
    assert laad(engine, [pad], instellingen=instellingen).contactpunten.nieuw == 3


def test_twee_contactbestanden_is_een_fout(
    engine: Engine, instellingen: Settings, tmp_path: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    eerste = _schrijf(tmp_path / "a", GOED)
    tweede = _schrijf(tmp_path / "b", GOED)
    with pytest.raises(LaadFout) as fout:
        laad(engine, [eerste, tweede], instellingen=instellingen)
    (probleem,) = fout.value.problemen
    assert probleem.bestand == str(tweede)  # the second file is the problem
    assert f"Er is al een contactbestand: {eerste}." in probleem.bericht  # it names the first


def test_initialiseer_vult_contactpunten_aan_in_een_gevulde_databank(
    engine: Engine, instellingen: Settings, mini_catalogus: Path
) -> None:
    """A database filled before contact points existed gets the bundled contact file."""
    laad(engine, [mini_catalogus], instellingen=instellingen)
    assert initialiseer(instellingen, engine=engine) is None  # no contact file bundled
    _schrijf(mini_catalogus, GOED)
    resultaat = initialiseer(instellingen, engine=engine)
    assert resultaat is not None and resultaat.contactpunten.nieuw == 3
    assert resultaat.producten.veranderd == 0
    assert initialiseer(instellingen, engine=engine) is None


# -- problems: file, line, entry and field -------------------------------------------------


FOUTEN = [
    pytest.param(
        GOED.replace('telefoon: "016 00 00 00"', "telefoon: 016 00 00 00 of 0470"),
        "regel 10",
        "gemeenten.0.telefoon",
        "Gemeente 24062 (Leuven): '016 00 00 00 of 0470' is geen telefoonnummer",
        id="telefoon",
    ),
    pytest.param(
        GOED.replace("https://www.leuven.be/ocmw", "www.leuven.be/ocmw"),
        "regel 13",
        "gemeenten.0.bron_url",
        "Gemeente 24062 (Leuven): 'www.leuven.be/ocmw' is geen webadres",
        id="bron-url",
    ),
    pytest.param(
        GOED.replace("    bron_url: https://stad.gent/ocmw\n", ""),
        "regel 14",
        "gemeenten.1.bron_url",
        "Gemeente 44021 (gent): Het verplichte veld 'bron_url' ontbreekt.",
        id="bron-ontbreekt",
    ),
    pytest.param(
        GOED.replace('nis: "24062"', 'nis: "2406"'),
        "regel 7",
        "gemeenten.0.nis",
        "Gemeente 2406 (Leuven): '2406' is geen NIS-code",
        id="nis-vorm",
    ),
    pytest.param(
        GOED.replace("    adres: Proefstraat 1, Leuven\n", "    email: ocmw@leuven.be\n"),
        "regel 11",
        "gemeenten.0.email",
        "Gemeente 24062 (Leuven): Onbekend veld 'email'. Toegelaten velden: naam, telefoon, "
        "website, bron_url, nis, gemeente, adres, openingsuren.",
        id="onbekend-veld",
    ),
    pytest.param(
        GOED.replace(
            "    adres: Proefstraat 1, Leuven\n",
            "    adres: Proefstraat 1, Leuven\n    openingsuren: zie https://www.leuven.be/uren\n",
        ),
        "regel 12",
        "gemeenten.0.openingsuren",
        "Gemeente 24062 (Leuven): Schrijf de openingsuren op één regel, in gewone woorden, "
        "zonder webadres",
        id="openingsuren-webadres",
    ),
    pytest.param(
        GOED.replace(
            "    adres: Proefstraat 1, Leuven\n",
            "    adres: Proefstraat 1, Leuven\n    openingsuren: |\n      maandag\n      dinsdag\n",
        ),
        "regel 12",
        "gemeenten.0.openingsuren",
        "Gemeente 24062 (Leuven): Schrijf de openingsuren op één regel",
        id="openingsuren-meer-regels",
    ),
    pytest.param(
        GOED.replace(
            "    adres: Proefstraat 1, Leuven\n",
            '    adres: Proefstraat 1, Leuven\n    openingsuren: "  "\n',
        ),
        "regel 12",
        "gemeenten.0.openingsuren",
        "Gemeente 24062 (Leuven): Dit veld is leeg.",
        id="openingsuren-leeg",
    ),
    pytest.param(
        GOED.replace('  telefoon: "1700"\n', '  telefoon: "1700"\n  openingsuren: Elke werkdag\n'),
        "regel 4",
        "algemene_lijn.openingsuren",
        "Algemene lijn: Onbekend veld 'openingsuren'",
        id="geen-openingsuren-voor-de-algemene-lijn",
    ),
    pytest.param(
        GOED.replace('  telefoon: "1700"\n', ""),
        "regel 1",
        "algemene_lijn",
        "Algemene lijn: Geef een telefoonnummer of een website.",
        id="algemene-lijn-onbereikbaar",
    ),
    pytest.param(
        GOED.replace("    gemeente: gent\n", "    gemeente: gent\n    gemeente: Gent\n"),
        "regel 16",
        "gemeenten.1.gemeente",
        "Gemeente 44021 (Gent): Het veld 'gemeente' staat twee keer in hetzelfde blok.",
        id="dubbel-veld",
    ),
    pytest.param(
        GOED + GOED.split("gemeenten:\n")[1].split("  - nis: 44021")[0],
        "regel 18",
        "gemeenten.2.nis",
        "Gemeente 24062 (Leuven): deze NIS-code staat al eerder in de lijst (regel 7)",
        id="dubbele-gemeente",
    ),
    pytest.param(
        GOED.replace("gemeente: gent", "gemeente: Brugge"),
        "regel 14",
        "gemeenten.1.nis",
        "Gemeente 44021 (Brugge): NIS-code 44021 is Gent, niet 'Brugge'",
        id="naam-past-niet-bij-nis",
    ),
    pytest.param(
        GOED.replace("nis: 44021\n    gemeente: gent", "nis: 44012\n    gemeente: De Pinte"),
        "regel 14",
        "gemeenten.1.nis",
        "NIS-code 44012 is een vroegere gemeente. Gebruik de huidige NIS-code 44086 "
        "(Nazareth-De Pinte).",
        id="vroegere-gemeente",
    ),
    pytest.param(
        GOED.replace("nis: 44021", "nis: 99999"),
        "regel 14",
        "gemeenten.1.nis",
        "NIS-code 99999 is geen huidige gemeente",
        id="onbekende-nis",
    ),
    pytest.param(
        "algemene_lijn:\n  naam: [\n",
        "regel 3",
        None,
        "Dit is geen geldige YAML",
        id="yaml",
    ),
]


@pytest.mark.parametrize(("tekst", "regel", "veld", "bericht"), FOUTEN)
def test_fouten_noemen_bestand_regel_ingang_en_probleem(
    engine: Engine,
    instellingen: Settings,
    tmp_path: Path,
    tekst: str,
    regel: str,
    veld: str | None,
    bericht: str,
) -> None:
    pad = _schrijf(tmp_path, GOED)
    laad(engine, [pad], instellingen=instellingen)
    pad.write_text(tekst, encoding="utf-8")
    with pytest.raises(LaadFout) as fout:
        laad(engine, [pad], instellingen=instellingen)
    melding = str(fout.value)
    assert "niets gewijzigd" in melding
    (probleem,) = fout.value.problemen
    assert probleem.bestand.endswith("contactpunten.yaml")
    assert f"contactpunten.yaml, {regel}" in melding
    assert probleem.veld == veld
    assert bericht in probleem.bericht
    # the previous contact points are still there
    assert _rijen(engine)["24062"].adres == "Proefstraat 1, Leuven"


def test_alle_problemen_tegelijk(tmp_path: Path) -> None:
    tekst = GOED.replace('"016 00 00 00"', "geen nummer").replace(
        "https://stad.gent/ocmw", "stad.gent"
    )
    _, problemen = lees_contactpunten(tekst, "contactpunten.yaml")
    assert [p.veld for p in problemen] == ["gemeenten.0.telefoon", "gemeenten.1.bron_url"]


def test_leeg_of_geen_blokken(tmp_path: Path) -> None:
    for tekst in ("", "- 1\n- 2\n"):
        _, problemen = lees_contactpunten(tekst, "contactpunten.yaml")
        (probleem,) = problemen
        assert "'algemene_lijn' en 'gemeenten'" in probleem.bericht


# -- command line --------------------------------------------------------------------------


@pytest.fixture
def omgeving(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mini_catalogus: Path) -> Path:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("CATALOGUS_PAD", str(mini_catalogus))
    monkeypatch.delenv("IPDC_API_URL", raising=False)
    monkeypatch.delenv("IPDC_API_KEY", raising=False)
    return tmp_path


def test_validate_meldt_fouten_in_het_contactbestand(omgeving: Path) -> None:
    pad = _schrijf(omgeving, GOED.replace('"016 00 00 00"', '"bel ons"'))
    resultaat = CliRunner().invoke(app, ["validate", str(pad)])
    assert resultaat.exit_code == 1
    uitvoer = " ".join(resultaat.output.split())
    assert "contactpunten.yaml, regel 10 (veld gemeenten.0.telefoon)" in uitvoer
    assert "Gemeente 24062 (Leuven): 'bel ons' is geen telefoonnummer" in uitvoer
    assert not (omgeving / "cli.db").exists()


def test_report_toont_de_dekking_van_de_contactpunten(omgeving: Path) -> None:
    runner = CliRunner()
    zonder = runner.invoke(app, ["init"])
    assert zonder.exit_code == 0, zonder.output
    assert "Er is geen algemene lijn" in runner.invoke(app, ["report"]).output
    geladen = runner.invoke(app, ["load", str(shutil.copy(BUNDEL, omgeving / "c.yaml"))])
    assert geladen.exit_code == 0, geladen.output
    assert "contactpunten" in geladen.output
    rapport = runner.invoke(app, ["report"])
    assert rapport.exit_code == 0, rapport.output
    aantal = len(yaml.safe_load(BUNDEL.read_text("utf-8"))["gemeenten"])
    assert f"Contactpunten: {aantal} van 304 gemeenten hebben een eigen contactpunt" in (
        rapport.output
    )
    assert "Algemene lijn: 1700: het gratis informatienummer van de Vlaamse overheid" in (
        rapport.output
    )
    assert "open In de voormiddag, of op afspraak" in " ".join(rapport.output.split())
    assert "- 31005 Brugge: OCMW Brugge; adres Hoogstraat 9, Brugge; website" in rapport.output
