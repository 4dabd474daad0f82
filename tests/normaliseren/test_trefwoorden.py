"""Keywords -> vocabulary values: the data file agrees with the vocabulary, and the readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from actions.normaliseren.trefwoorden import (
    STANDAARD_PAD,
    Trefwoorden,
    TrefwoordenFout,
    laad_trefwoorden,
    lees_keuze,
    lees_samenwonend,
    lees_verblijfsstatus,
    lees_werksituatie,
    lees_woonsituatie,
    trefwoorden_uit_tekst,
)
from bot.vocabulary import AttribuutType, Vocabulaire

# -- the data file against the vocabulary ------------------------------------------------------


def test_elke_keuze_van_de_woordenlijst_heeft_trefwoorden(
    vocabulaire: Vocabulaire, trefwoorden: Trefwoorden
) -> None:
    enums = {n: a for n, a in vocabulaire.attributen.items() if a.type is AttribuutType.ENUM}
    assert enums, "de woordenlijst heeft keuzes"
    for naam, attribuut in enums.items():
        assert naam in trefwoorden.attributen, naam
        assert set(trefwoorden.attributen[naam]) == set(attribuut.opties or {}), naam


def test_waarden_komen_uit_de_woordenlijst(
    vocabulaire: Vocabulaire, trefwoorden: Trefwoorden
) -> None:
    assert trefwoorden.attributen, "het trefwoordenbestand heeft keuzes"
    for naam, keuzes in trefwoorden.attributen.items():
        attribuut = vocabulaire.attributen[naam]
        assert attribuut.type in (AttribuutType.ENUM, AttribuutType.BOOL)
        assert set(keuzes) <= set(attribuut.opties or {})
        for keuze in keuzes.values():
            assert keuze.gaat_voor <= set(keuzes)


def test_elk_trefwoord_alleen_geeft_zijn_eigen_waarde(trefwoorden: Trefwoorden) -> None:
    gevallen = [
        (attribuut, waarde, woord)
        for attribuut, keuzes in trefwoorden.attributen.items()
        for waarde, keuze in keuzes.items()
        for woord in keuze.trefwoorden
    ]
    assert gevallen, "het trefwoordenbestand heeft trefwoorden"
    for attribuut, waarde, woord in gevallen:
        assert trefwoorden.keuze(attribuut, woord) == waarde, (attribuut, woord)


def test_elk_antwoordwoord_alleen_geeft_zijn_eigen_waarde_als_antwoord(
    trefwoorden: Trefwoorden,
) -> None:
    """De woorden ``als_antwoord`` tellen als antwoord op hun vraag, en anders niet."""
    gevallen = [
        (attribuut, waarde, woord)
        for attribuut, keuzes in trefwoorden.attributen.items()
        for waarde, keuze in keuzes.items()
        for woord in keuze.als_antwoord
    ]
    assert gevallen, "het trefwoordenbestand heeft woorden als_antwoord"
    for attribuut, waarde, woord in gevallen:
        assert trefwoorden.keuze(attribuut, woord, als_antwoord=True) == waarde, woord
    assert trefwoorden.keuze("soort_inkomen", "pensioen") is None
    assert trefwoorden.keuze("soort_inkomen", "pensioen", als_antwoord=True) == "pensioen"


def test_elke_knoptekst_geeft_zijn_eigen_waarde(
    vocabulaire: Vocabulaire, trefwoorden: Trefwoorden
) -> None:
    """Wie de tekst van een knop overtypt (als antwoord op de vraag), krijgt de waarde
    van die knop."""
    knoppen = [
        (naam, waarde, knop)
        for naam, attribuut in vocabulaire.attributen.items()
        if attribuut.type is AttribuutType.ENUM
        for waarde, knop in (attribuut.opties or {}).items()
    ]
    assert knoppen, "de woordenlijst heeft keuzes met knoppen"
    for naam, waarde, knop in knoppen:
        assert trefwoorden.keuze(naam, knop, als_antwoord=True) == waarde, (naam, knop)


def test_standaardbestand_laadt_zonder_woordenlijst_ook() -> None:
    assert laad_trefwoorden(STANDAARD_PAD).attributen["werksituatie"]["student"].trefwoorden


# -- errors name file, line and problem --------------------------------------------------------

GOED = """\
attributen:
  werksituatie:
    student:
      trefwoorden: [student]
antwoorden:
  ja: [ja]
  nee: [nee]
  weet_niet: [geen idee]
"""


def test_klein_bestand_is_goed(vocabulaire: Vocabulaire) -> None:
    tw = trefwoorden_uit_tekst(GOED, vocabulaire=vocabulaire)
    assert tw.keuze("werksituatie", "ik ben student") == "student"


@pytest.mark.parametrize(
    ("vervang", "door", "melding"),
    [
        ("    student:", "    scholier:", "regel 3: 'scholier' is geen waarde van 'werksituatie'"),
        ("  werksituatie:", "  beroep:", "regel 2: het attribuut 'beroep' staat niet in"),
        ("  werksituatie:", "  leeftijd:", "regel 2: 'leeftijd' is van het type int"),
        ("[student]", "[student, student]", "regel 4: het trefwoord 'student' staat twee keer"),
        ("[student]", "[]", "regel 4: 'werksituatie: student': geef een lijst"),
        ("[student]", "['   ']", "regel 4: 'werksituatie: student': een trefwoord moet"),
        ("  ja: [ja]", "  ja: [ja, geen idee]", "regel 8: het trefwoord 'geen idee' wijst naar"),
        ("  weet_niet: [geen idee]\n", "", "'antwoorden' mist 'weet_niet'"),
        ("  nee: [nee]", "  nee: [nee]\n  misschien: [soms]", "onbekende soort antwoord"),
        (
            "      trefwoorden: [student]",
            "      trefwoorden: [student]\n      gaat_voor: [werknemer]",
            "'student' gaat voor 'werknemer', maar die waarde heeft geen trefwoorden",
        ),
        ("      trefwoorden:", "      woorden:", "onbekend veld 'woorden'"),
        ("attributen:", "attributen: [", "geen geldige YAML"),
    ],
)
def test_fouten_noemen_bestand_en_regel(
    vocabulaire: Vocabulaire, vervang: str, door: str, melding: str
) -> None:
    tekst = GOED.replace(vervang, door, 1)
    assert tekst != GOED
    with pytest.raises(TrefwoordenFout) as fout:
        trefwoorden_uit_tekst(tekst, bron="proef.yaml", vocabulaire=vocabulaire)
    assert str(fout.value).startswith("proef.yaml")
    assert melding in str(fout.value)


def test_een_trefwoord_bij_twee_keuze_attributen_is_fout(vocabulaire: Vocabulaire) -> None:
    tekst = GOED.replace(
        "antwoorden:",
        "  woonsituatie:\n    huurder_privaat:\n      trefwoorden: [student]\nantwoorden:",
    )
    with pytest.raises(TrefwoordenFout, match="regel 7: het trefwoord 'student' wijst naar"):
        trefwoorden_uit_tekst(tekst, bron="proef.yaml", vocabulaire=vocabulaire)


def test_ontbrekend_bestand(tmp_path: Path) -> None:
    with pytest.raises(TrefwoordenFout, match="kan het bestand niet lezen"):
        laad_trefwoorden(tmp_path / "weg.yaml")


# -- readers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("werkloos", "werkzoekend"),
        ("Ik ben werkloos", "werkzoekend"),
        ("werkzoekend", "werkzoekend"),
        ("ik zoek werk", "werkzoekend"),
        ("'k zoek werk", "werkzoekend"),
        ("kzoek werk", "werkzoekend"),
        ("ik stempel", "werkzoekend"),
        ("ik heb geen werk", "werkzoekend"),
        ("ik ben op pensioen", "gepensioneerd"),
        ("ik ben met pensioen", "gepensioneerd"),
        ("gepensioneerd", "gepensioneerd"),
        ("ik ben student", "student"),
        ("ik studeer", "student"),
        ("ik werk als jobstudent", "student"),
        ("ik ben ziek", "arbeidsongeschikt"),
        ("ik ben invalide", "arbeidsongeschikt"),
        ("arbeidsongeschikt", "arbeidsongeschikt"),
        ("ik zit op de mutualiteit", "arbeidsongeschikt"),
        ("ik werk maar ben nu al een jaar ziek", "arbeidsongeschikt"),
        ("ik werk als bediende", "werknemer"),
        ("ik werk voltijds", "werknemer"),
        ("ik werk als zelfstandige", "zelfstandige"),
        ("ik heb een eigen zaak", "zelfstandige"),
        ("ik heb geen werk en geen uitkering", "zonder_inkomen"),
        ("ik ben werkloos maar heb geen uitkering", "zonder_inkomen"),
        ("ik werk niet, ik ben werkloos", "werkzoekend"),
        ("ik ben niet meer werkloos, ik werk als bediende", "werknemer"),
        ("ik ben 34, woon in Gent met mijn twee kinderen en ben werkloos", "werkzoekend"),
    ],
)
def test_lees_werksituatie(tekst: str, verwacht: str) -> None:
    assert lees_werksituatie(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst",
    [
        "",
        "ik werk niet",  # ontkend
        "ik ben niet werkloos",
        "ik ben geen student meer",
        "ik studeer en werk als bediende en ben zelfstandige",  # student en zelfstandige
        "werk",  # te vaag
        "geen idee",
    ],
)
def test_lees_werksituatie_geeft_none(tekst: str) -> None:
    assert lees_werksituatie(tekst) is None


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("ik huur", "huurder_privaat"),
        ("huurder", "huurder_privaat"),
        ("we huren een appartement", "huurder_privaat"),
        ("ik heb geen eigen huis, ik huur", "huurder_privaat"),
        ("sociale woning", "huurder_sociaal"),
        ("ik huur een sociale woning", "huurder_sociaal"),
        ("ik woon in een sociale woning in Kortrijk", "huurder_sociaal"),
        ("eigen huis", "eigenaar"),
        ("ik ben eigenaar", "eigenaar"),
        ("ik woon bij mijn ouders", "inwonend"),
        ("ik woon in bij mijn zus", "inwonend"),
        ("ik ben dakloos", "dakloos"),
        ("ik heb geen vaste woning", "dakloos"),
        ("ik slaap in de nachtopvang", "dakloos"),
    ],
)
def test_lees_woonsituatie(tekst: str, verwacht: str) -> None:
    assert lees_woonsituatie(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst", ["ik huur niet", "ik heb geen eigen huis", "'k woon in Brugge", "huis"]
)
def test_lees_woonsituatie_geeft_none(tekst: str) -> None:
    assert lees_woonsituatie(tekst) is None


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("ik ben Belg", "belg"),
        ("Belgische nationaliteit", "belg"),
        ("ik ben EU-burger", "eu_burger"),
        ("ik ben Nederlander", "eu_burger"),
        ("erkend vluchteling", "erkend_vluchteling"),
        ("ik ben vluchteling met een verblijfskaart", "erkend_vluchteling"),
        ("ik heb een B-kaart", "ander_verblijfsrecht"),
        ("zonder papieren", "geen_verblijfsrecht"),
        ("ik heb geen verblijfsvergunning", "geen_verblijfsrecht"),
    ],
)
def test_lees_verblijfsstatus(tekst: str, verwacht: str) -> None:
    assert lees_verblijfsstatus(tekst) == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("ik woon samen met mijn vriendin", True),
        ("getrouwd", True),
        ("met mijn lief", True),
        ("ik ben alleenstaande moeder", False),
        ("ik woon alleen", False),
        ("ik woon niet alleen", None),
        ("ik was getrouwd maar ben gescheiden", None),
        ("ja", None),  # een los ja leest lees_ja_nee
    ],
)
def test_lees_samenwonend(tekst: str, verwacht: bool | None) -> None:
    assert lees_samenwonend(tekst) is verwacht


def test_onbekend_attribuut() -> None:
    with pytest.raises(KeyError, match="leeftijd"):
        lees_keuze("leeftijd", "34")
