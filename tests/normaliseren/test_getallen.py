"""Whole numbers from a chat message: digits, Dutch number words, Flemish forms, roles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actions.normaliseren.getallen import (
    lees_aantal_kinderen,
    lees_getal,
    lees_getalfeiten,
    lees_leeftijd,
    lees_leeftijd_jongste_kind,
    naar_cijfers,
    ontleed_getal,
)


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("vijfenzestig", "65"),
        ("drieënveertig", "43"),
        ("drieenveertig", "43"),
        ("tweeentwintig", "22"),  # text2num kent het alleen met trema; wij vullen aan
        ("vijf-en-zestig", "65"),
        ("vijf en zestig", "65"),
        ("duizend tweehonderd euro", "1200 euro"),
        ("twaalfhonderd vijftig", "1250"),
        ("tweeduizend vijfhonderd", "2500"),
        ("anderhalf duizend", "1,5k"),
        ("1,2 duizend", "1,2k"),
        ("ik heb er eentje", "ik heb er 1"),
        ("nul", "0"),
        ("'k ben drieënveertig", "ik ben 43"),
        ("ik ben een student", "ik ben een student"),
        ("ik woon in een sociale woning", "ik woon in een sociale woning"),
        ("een kind", "1 kind"),
        ("een zoon en een dochter", "1 zoon en 1 dochter"),
        ("kinderen van een en drie jaar", "kinderen van 1 en 3 jaar"),
        ("ik heb er een", "ik heb er 1"),
        ("ik ben een vierendertig jaar", "ik ben een 34 jaar"),
        ("een paar kinderen", "een paar kinderen"),
    ],
)
def test_woorden_naar_cijfers(tekst: str, verwacht: str) -> None:
    assert naar_cijfers(tekst) == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("34", 34),
        ("ik ben 34", 34),
        ("Ik ben 34.", 34),
        ("vijfenzestig", 65),
        ("drieënveertig", 43),
        ("twee kindjes", 2),
        ("geen kinderen", 0),
        ("geen", 0),
        ("één", 1),
        ("Eén", 1),
        ("een kind", 1),
        ("'k ben 43", 43),
        ("’k ben 43", 43),
        ("kben 43", 43),
        ("k ben 43", 43),
        ("ik zen 43", 43),
        ("nul", 0),
        ("0", 0),
        ("1.250", 1250),
        ("1,250", 1250),
        ("honderd", 100),
    ],
)
def test_lees_getal(tekst: str, verwacht: int) -> None:
    assert lees_getal(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst",
    [
        "",
        "geen idee",
        "ik weet het niet",
        "ik ben een student",
        "een paar",
        "tussen 30 en 40",  # twee getallen: niet duidelijk
        "2,5",  # geen geheel getal
        "-3",
        "min vijf",
        "de eerste",  # rangtelwoord
        "mijn 2e kind",
    ],
)
def test_lees_getal_geeft_none(tekst: str) -> None:
    assert lees_getal(tekst) is None


def test_zelfde_getal_twee_keer_is_duidelijk() -> None:
    assert lees_getal("34, ja 34") == 34


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("34", 34),
        ("ik ben 34", 34),
        ("ik ben 34 jaar", 34),
        ("34 jaar", 34),
        ("34 jaar oud", 34),
        ("34j", 34),
        ("ik ben vijfenzestig", 65),
        ("'k ben 43", 43),
        ("ik ben bijna 70", 70),
        ("nu ben ik 29", 29),
        ("ik word 35", 35),
        ("mijn leeftijd is 34", 34),
        ("leeftijd: 34", 34),
        ("ik ben 34, woon in Gent met mijn twee kinderen en ben werkloos", 34),
        ("ik heb 2 kinderen en ik ben 34", 34),
        ("ik ben 34 jaar en werkloos", 34),
        ("ik ben 34 jaar met twee kinderen", 34),
        ("ik ben een 34 jaar", 34),
        ("ik ben 150", 150),  # het bereik controleert de woordenlijst, niet de lezer
    ],
)
def test_lees_leeftijd(tekst: str, verwacht: int) -> None:
    assert lees_leeftijd(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst",
    [
        "ik ben al 3 jaar werkloos",  # een duur, geen leeftijd
        "ik ben 2 jaar werkloos",
        "ik ben 2 jaar met pensioen",
        "3 jaar geleden",
        "geboren in 1990",
        "mijn zoon is 5 jaar oud",
        "2 kinderen van 5 en 7 jaar",
        "ik verdien 1400 euro",
        "ik ben op pensioen",
        "6 maanden",
    ],
)
def test_lees_leeftijd_geeft_none(tekst: str) -> None:
    assert lees_leeftijd(tekst) is None


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("2", 2),
        ("twee", 2),
        ("twee kinderen", 2),
        ("twee kindjes", 2),
        ("ik heb 3 kleine kinderen", 3),
        ("ik heb er twee", 2),
        ("geen kinderen", 0),
        ("geen", 0),
        ("nee", 0),
        ("niemand", 0),
        ("ik heb geen kinderen ten laste", 0),
        ("een kind", 1),
        ("één kind", 1),
        ("een zoon en twee dochters", 3),
        ("met mijn dochter", 1),
        ("mijn zoon en mijn dochter", 2),
        ("2 kinderen van 5 en 7 jaar", 2),
        ("drie, van 4, 7 en 9 jaar", 3),
        ("mijn kinderen zijn 5 en 7", 2),
        ("ik ben 34 en heb twee kinderen", 2),
        ("ik heb 2 kids", 2),
        ("twee kinderen: een zoon en een dochter", 2),
    ],
)
def test_lees_aantal_kinderen(tekst: str, verwacht: int) -> None:
    assert lees_aantal_kinderen(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst", ["geen idee", "ik weet het niet", "met mijn kinderen", "ik ben 34", "een paar"]
)
def test_lees_aantal_kinderen_geeft_none(tekst: str) -> None:
    assert lees_aantal_kinderen(tekst) is None


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("4", 4),
        ("4 jaar", 4),
        ("vier", 4),
        ("mijn jongste is 3", 3),
        ("de jongste is 6 maanden", 0),
        ("mijn jongste kind wordt 4", 4),
        ("6 maanden", 0),
        ("2 kinderen van 5 en 7 jaar", 5),
        ("ik heb twee kinderen van vijf en zeven jaar", 5),
        ("drie, van 4, 7 en 9 jaar", 4),
        ("5 en 7", 5),
        ("mijn zoon van 4", 4),
        ("een kind van 6 maanden", 0),
        ("mijn kinderen zijn 9 en 7", 7),
    ],
)
def test_lees_leeftijd_jongste_kind(tekst: str, verwacht: int) -> None:
    assert lees_leeftijd_jongste_kind(tekst) == verwacht


def test_jongste_kind_negeert_eigen_leeftijd() -> None:
    assert lees_leeftijd_jongste_kind("ik ben 34") is None
    assert lees_leeftijd_jongste_kind("ik ben 34 en mijn jongste is 3") == 3


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        (
            "ik ben 34, woon in Gent met mijn twee kinderen en ben werkloos",
            {"leeftijd": 34, "aantal_kinderen": 2},
        ),
        (
            "ik ben 34 en heb twee kinderen van vijf en zeven jaar",
            {"leeftijd": 34, "aantal_kinderen": 2, "leeftijd_jongste_kind": 5},
        ),
        ("2 kinderen van 5 en 7 jaar", {"aantal_kinderen": 2, "leeftijd_jongste_kind": 5}),
        ("'k ben drieënveertig", {"leeftijd": 43}),
        ("ik verdien 1400 euro per maand", {"netto_maandinkomen_gezin": 1400.0}),
        ("ik verdien 24.000 euro per jaar", {"netto_maandinkomen_gezin": 2000.0}),
        (
            "ik betaal 600 euro huur en verdien 1400 euro",
            {"netto_maandinkomen_gezin": 1400.0},
        ),
        ("ik verdien 2000 euro bruto", {}),  # bruto is geen netto maandinkomen
        ("ik betaal 600 euro huur", {}),
        ("mijn zoon is 5 jaar oud", {"aantal_kinderen": 1, "leeftijd_jongste_kind": 5}),
        ("34", {}),  # een los getal zonder rol laten we liggen
        ("ik ben al 3 jaar werkloos", {}),
        ("ik ben op pensioen", {}),
        ("'k woon in Brugge", {}),
    ],
)
def test_lees_getalfeiten(tekst: str, verwacht: dict[str, float]) -> None:
    assert lees_getalfeiten(tekst) == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("1250", 1250.0),
        ("1.250", 1250.0),
        ("1,250", 1250.0),  # drie cijfers na het teken: een duizendtal
        ("0,250", 0.25),
        ("1250,5", 1250.5),
        ("1250,50", 1250.5),
        ("1.250,50", 1250.5),
        ("1,250.50", 1250.5),
        ("1.250.000", 1250000.0),
        ("1 450", 1450.0),
        ("1 450,50", 1450.5),
        ("34.5", 34.5),
    ],
)
def test_ontleed_getal(tekst: str, verwacht: float) -> None:
    assert ontleed_getal(tekst) == verwacht


@pytest.mark.parametrize("tekst", ["1.25.0", "1.2345,6", "1,2,3", "12 34", "1.250,50,1", "abc"])
def test_ontleed_getal_weigert_rommel(tekst: str) -> None:
    assert ontleed_getal(tekst) is None


def _belgisch(centen: int, scheiding: str) -> str:
    euro, cent = divmod(centen, 100)
    groepen = f"{euro:,}".replace(",", scheiding)
    return f"{groepen},{cent:02d}"


@given(st.integers(min_value=0, max_value=10**9))
def test_belgische_schrijfwijze_met_centen_komt_terug(centen: int) -> None:
    for scheiding in (".", " "):
        assert ontleed_getal(_belgisch(centen, scheiding)) == pytest.approx(centen / 100)


@given(st.integers(min_value=1000, max_value=10**12))
def test_duizendtallen_met_punten_komen_terug(getal: int) -> None:
    assert ontleed_getal(f"{getal:,}".replace(",", ".")) == getal
    assert lees_getal(f"{getal:,}".replace(",", ".")) == getal
