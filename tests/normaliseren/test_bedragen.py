"""Amounts in euro: Belgian formats, words, "k", periods, negatives."""

from __future__ import annotations

import pytest

from actions.normaliseren.getallen import (
    Bedrag,
    is_negatief_bedrag,
    lees_bedrag,
    lees_bedrag_details,
    lees_maandbedrag,
)


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("€ 1.250,50", 1250.5),
        ("1.250", 1250.0),
        ("1,250", 1250.0),
        ("1250,5", 1250.5),
        ("1250", 1250.0),
        ("ongeveer 1400 euro netto per maand", 1400.0),
        ("2000 per maand", 2000.0),
        ("1,2k", 1200.0),
        ("1.2k", 1200.0),
        ("2k", 2000.0),
        ("1200 EUR", 1200.0),
        ("1200 eur", 1200.0),
        ("1200€", 1200.0),
        ("EUR 1200", 1200.0),
        ("duizend tweehonderd euro", 1200.0),
        ("twaalfhonderd euro", 1200.0),
        ("€1450", 1450.0),
        ("1 450 euro", 1450.0),
        ("1\u00a0450 euro", 1450.0),  # harde spatie
        ("1250,-", 1250.0),
        ("€ 1.250,-", 1250.0),
        ("anderhalf duizend", 1500.0),
        ("1,2 duizend euro", 1200.0),
        ("ik verdien 1400 en heb 2 kinderen", 1400.0),
        ("ik heb 2 kinderen en verdien 1400 euro", 1400.0),
        ("mijn loon is 1650, mijn vrouw heeft geen inkomen", 1650.0),
        ("0,50", 0.5),
        ("geen inkomen", 0.0),
        ("niets", 0.0),
        ("niks", 0.0),
        ("nul euro", 0.0),
        ("0", 0.0),
        ("24.000 per jaar", 24000.0),  # zoals gegeven; lees_maandbedrag rekent om
        ("1234,567", 1234567.0),  # drie cijfers na de komma: een duizendtal
    ],
)
def test_lees_bedrag(tekst: str, verwacht: float) -> None:
    assert lees_bedrag(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst",
    [
        "",
        "geen idee",
        "ik weet het niet",
        "tussen 1200 en 1400 euro",  # twee bedragen
        "1200-1400",
        "1200 of 1300 euro",
        "ik betaal 600 euro huur en verdien 1400 euro",
        "-200",
        "min 200 euro",
        "€ -200",
        "-€200",
        "1.25.0",
    ],
)
def test_lees_bedrag_geeft_none(tekst: str) -> None:
    assert lees_bedrag(tekst) is None


@pytest.mark.parametrize("tekst", ["-200", "min 200 euro", "€ -200", "-€200", "-1.250,50"])
def test_negatief_bedrag_wordt_gemeld(tekst: str) -> None:
    assert lees_bedrag(tekst) is None
    assert is_negatief_bedrag(tekst)


@pytest.mark.parametrize("tekst", ["1200", "1200-1400", "- 200 euro", "geen idee"])
def test_geen_negatief_bedrag(tekst: str) -> None:
    assert not is_negatief_bedrag(tekst)


def test_streep_als_opsommingsteken_is_geen_minteken() -> None:
    assert lees_bedrag("- 1200 euro") == 1200.0


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("ongeveer 1400 euro netto per maand", Bedrag(1400.0, "maand", "netto")),
        ("2000 bruto per maand", Bedrag(2000.0, "maand", "bruto")),
        ("24.000 euro per jaar", Bedrag(24000.0, "jaar", None)),
        ("jaarlijks 18000", Bedrag(18000.0, "jaar", None)),
        ("300 euro per week", Bedrag(300.0, "week", None)),
        ("1400/maand", Bedrag(1400.0, "maand", None)),
        ("1400 euro in de maand", Bedrag(1400.0, "maand", None)),
        ("1400", Bedrag(1400.0, None, None)),
    ],
)
def test_lees_bedrag_details(tekst: str, verwacht: Bedrag) -> None:
    assert lees_bedrag_details(tekst) == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("24.000 per jaar", 2000.0),
        ("300 euro per week", 1300.0),
        ("1400 per maand", 1400.0),
        ("1400", 1400.0),
        ("20.000 euro per jaar", 1666.67),
    ],
)
def test_lees_maandbedrag(tekst: str, verwacht: float) -> None:
    assert lees_maandbedrag(tekst) == verwacht
