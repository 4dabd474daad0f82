"""Several facts from one message, and the municipality a message names."""

from __future__ import annotations

import pytest

from actions.normaliseren.feiten import lees_feiten
from actions.normaliseren.plaats import lees_gemeente
from bot.gemeenten import GemeenteRegister
from bot.vocabulary import Vocabulaire


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("'k woon in Brugge", "Brugge"),
        ("ik woon in Brugge", "Brugge"),
        ("Brugge", "Brugge"),
        ("brugge.", "Brugge"),
        ("Gent", "Gent"),
        ("ik woon in Gent met mijn twee kinderen", "Gent"),
        ("ik ben 34, woon in Gent met mijn twee kinderen en ben werkloos", "Gent"),
        ("Sint-Amandsberg", "Gent"),
        ("in Borgerhout", "Antwerpen"),
        ("9040", "Gent"),
        ("ik woon sinds kort in 9000 Gent", "Gent"),
        ("ik woon in heist op den berg", "Heist-op-den-Berg"),
        ("ik woon te Gnet, al 5 jaar", "Gent"),  # tikfout
        ("Gnet", "Gent"),
        ("mijn gemeente is Lokeren", "Lokeren"),
        ("ik woon in een sociale woning in Kortrijk", "Kortrijk"),
        ("wij wonen in Borsbeek", "Antwerpen"),  # vroegere gemeente, fusie 2025
        ("ik kom uit Kessel-Lo", "Leuven"),
    ],
)
def test_lees_gemeente(tekst: str, verwacht: str, register: GemeenteRegister) -> None:
    kandidaten = lees_gemeente(tekst, register)
    assert [k.gemeente.naam for k in kandidaten] == [verwacht]


def test_dubbelzinnige_gemeente_geeft_kandidaten(register: GemeenteRegister) -> None:
    kandidaten = lees_gemeente("ik woon in Berchem", register)
    assert {k.gemeente.naam for k in kandidaten} == {"Antwerpen", "Kluisbergen"}


@pytest.mark.parametrize(("tekst", "verwacht"), [("ik woon in Tielt", "Tielt"), ("aalst", "Aalst")])
def test_een_officiele_naam_wint_van_een_deelgemeente(
    tekst: str, verwacht: str, register: GemeenteRegister
) -> None:
    """Tielt is de gemeente Tielt, niet de deelgemeente Tielt van Tielt-Winge."""
    assert [k.gemeente.naam for k in lees_gemeente(tekst, register)] == [verwacht]


@pytest.mark.parametrize(
    "tekst", ["ik ben werkloos en heb twee kinderen", "ik woon in een huurhuis", ""]
)
def test_geen_gemeente(tekst: str, register: GemeenteRegister) -> None:
    assert lees_gemeente(tekst, register) == []


def test_los_antwoord_alleen_als_gevraagd(register: GemeenteRegister) -> None:
    assert lees_gemeente("Brugge", register, los_antwoord=False) == []
    assert lees_gemeente("ik woon in Brugge", register, los_antwoord=False)


def test_lees_feiten_uit_een_zin(register: GemeenteRegister, vocabulaire: Vocabulaire) -> None:
    feiten = lees_feiten("ik ben 34, woon in Gent met mijn twee kinderen en ben werkloos", register)
    assert feiten == {
        "leeftijd": 34,
        "aantal_kinderen": 2,
        "werksituatie": "werkzoekend",
        "gemeente": "44021",
    }
    assert vocabulaire.valideer_profiel(feiten) == feiten


def test_lees_feiten_veel_tegelijk(register: GemeenteRegister, vocabulaire: Vocabulaire) -> None:
    feiten = lees_feiten(
        "Ik ben alleenstaande moeder van 3 kinderen van 2, 5 en 9 jaar, ik verdien 1650 euro "
        "netto per maand en woon in een sociale woning in Kortrijk",
        register,
    )
    assert feiten == {
        "aantal_kinderen": 3,
        "leeftijd_jongste_kind": 2,
        "netto_maandinkomen_gezin": 1650.0,
        "woonsituatie": "huurder_sociaal",
        "samenwonend_met_partner": False,
        "gemeente": "34022",
    }
    assert vocabulaire.valideer_profiel(feiten) == feiten


def test_lees_feiten_vlaams(register: GemeenteRegister) -> None:
    feiten = lees_feiten(
        "'k woon in Brugge met mijn vrouw, we huren een appartement en 'k ben op pensioen",
        register,
    )
    assert feiten == {
        "werksituatie": "gepensioneerd",
        "woonsituatie": "huurder_privaat",
        "samenwonend_met_partner": True,
        "gemeente": "31005",
    }


def test_lees_feiten_laat_onduidelijke_dingen_weg(register: GemeenteRegister) -> None:
    assert lees_feiten("ik woon in Berchem", register) == {}  # Antwerpen of Kluisbergen
    assert lees_feiten("ik woon in Tielt", register) == {"gemeente": "37022"}  # de gemeente
    assert lees_feiten("34") == {}  # een los getal zonder rol
    assert lees_feiten("geen idee") == {}


def test_lees_feiten_zonder_register_geen_gemeente() -> None:
    assert lees_feiten("'k woon in Brugge en ben student") == {"werksituatie": "student"}
