"""The persona files (tests/bot/personas/) load, and a wrong file is named with its turn."""

from __future__ import annotations

from pathlib import Path

import pytest
from persona_laden import (
    EenVan,
    PersonaFout,
    Tussen,
    laad_personas,
    lees_personas,
    officiele_gemeenten,
)

from bot.vocabulary import laad_vocabulaire

VOCABULAIRE = laad_vocabulaire()
GEMEENTEN = officiele_gemeenten()


def lees(tekst: str) -> list:
    return lees_personas(tekst, "proef.yaml", VOCABULAIRE, GEMEENTEN)


GOED = """
personas:
  - id: proef
    wie: iemand
    beurten:
      - zeg: "ik woon in aalst"
        verwacht: {gemeente: Aalst}
      - op_vraag: inkomen
        zeg: "tussen 1800 en 2000"
        verwacht:
          netto_maandinkomen_gezin: {een_van: [1900, null]}
          soort_inkomen: {een_van: [loon, null]}
    antwoorden:
      gezin: {zeg: "alleen", verwacht: {samenwonend_met_partner: false, aantal_kinderen: 0}}
      situaties: {knop: "Geen van deze", aangekruist: []}
      belastbaar_inkomen_gezin_jaar:
        zeg: "zo'n 30.000"
        verwacht: {belastbaar_inkomen_gezin_jaar: {tussen: [29000, 31000]}}
    einde: resultaat
"""


def test_een_goede_persona() -> None:
    [p] = lees(GOED)
    assert p.id == "proef" and p.einde == "resultaat"
    assert p.beurten[0].verwachting.slots == {"gemeente": "Aalst"}
    assert p.beurten[1].op_vraag == "inkomen"
    assert p.beurten[1].verwachting.slots["netto_maandinkomen_gezin"] == EenVan((1900, None))
    assert p.antwoorden["situaties"].knop and p.antwoorden["situaties"].zeg == ("Geen van deze",)
    assert p.antwoorden["situaties"].verwachting.aangekruist == ()
    jaar = p.antwoorden["belastbaar_inkomen_gezin_jaar"].verwachting.slots
    assert jaar["belastbaar_inkomen_gezin_jaar"] == Tussen(29000, 31000)


@pytest.mark.parametrize(
    ("vervang", "door", "fout"),
    [
        ("gemeente: Aalst", "gemeente: Aalstt", "beurt 1: gemeente: 'Aalstt' klopt niet"),
        (
            "gemeente: Aalst",
            "woonplaats: Aalst",
            "beurt 1: verwacht: 'woonplaats' is geen attribuut",
        ),
        ("[loon, null]", "[lonen, null]", "beurt 2: soort_inkomen: 'lonen' klopt niet"),
        ("aantal_kinderen: 0", "aantal_kinderen: twee", "antwoorden.gezin: aantal_kinderen"),
        ("op_vraag: inkomen", "op_vraag: geld", "beurt 2: 'geld' is geen attribuut of vraaggroep"),
        ('zeg: "ik woon in aalst"', 'zegt: "ik woon in aalst"', "beurt 1: onbekend veld zegt"),
        ("einde: resultaat", "einde: klaar", "einde 'klaar' bestaat niet"),
        ("aangekruist: []", "aangekruist: [leeftijd]", "'leeftijd' staat niet in de vraaggroep"),
        ("[29000, 31000]", "[31000, 29000]", "tussen: [van, tot] kan alleen bij getallen"),
    ],
)
def test_fout_noemt_bestand_persona_en_beurt(vervang: str, door: str, fout: str) -> None:
    assert vervang in GOED
    with pytest.raises(PersonaFout) as info:
        lees(GOED.replace(vervang, door, 1))
    bericht = str(info.value)
    assert bericht.startswith("proef.yaml, persona proef"), bericht
    assert fout in bericht, bericht


def test_zeg_of_knop_en_geen_leeg_bestand() -> None:
    with pytest.raises(PersonaFout, match="beurt 1: schrijf 'zeg'"):
        lees(GOED.replace('zeg: "ik woon in aalst"', "antwoord: vraag", 1))
    with pytest.raises(PersonaFout, match="proef.yaml: het bestand moet een lijst 'personas'"):
        lees("personen: []")
    with pytest.raises(PersonaFout, match="proef.yaml: geen geldige YAML"):
        lees("personas: [")


def test_dubbele_id_over_bestanden(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOED, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOED, encoding="utf-8")
    with pytest.raises(PersonaFout, match="persona proef bestaat al in .*a.yaml"):
        laad_personas(tmp_path)


def test_de_personas_van_het_issue_laden() -> None:
    personas = laad_personas()
    assert len(personas) >= 40
    teksten = {b.zeg for p in personas for b in p.beurten} | {
        z for p in personas for a in p.antwoorden.values() for z in a.zeg
    }
    for uit_het_issue in (
        "ik woon in aalst",
        "ik woon met 4 andere studenten",
        "mijn pensioen is 1.450 euro netto per maand",
        "sinds 2019 ingeschreven bij de woonmaatschappij",
        "ik slaap al 3 maand in mijn auto",
        "sta 5 jaar op de wachtlijst",
        "ik zorg elke dag voor mijn zieke moeder",
        "ik sta NIET op de wachtlijst",
        "belgen allebei",
        "geboren 30 juli 1985",
        "wat is dat, een verhoogde tegemoetkoming?",
        "waar kan ik vannacht slapen, het vriest",
        "mijne pa is italiaan maar ik ben belg",
        "tussen 1800 en 2000",
        "niemand in mijn gezin heeft een erkende handicap",
        "85.07.30-033.28",
    ):
        assert uit_het_issue in teksten, uit_het_issue
