"""GemeenteRegister on the real municipality lists (bundled in catalogus/gemeenten/, loaded
into SQLite by the loader)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalogue.db import maak_engine, sessie_fabriek
from bot.catalogue.repository import gemeente_register
from bot.gemeenten import (
    Alias,
    AliasType,
    Gemeente,
    GemeenteDubbelzinnig,
    GemeenteNietGevonden,
    GemeenteRegister,
    sleutel,
)


@pytest.fixture(scope="module")
def register(basis_db: Path) -> GemeenteRegister:
    engine = maak_engine(f"sqlite:///{basis_db}")
    try:
        with sessie_fabriek(engine)() as sessie:
            return gemeente_register(sessie)
    finally:
        engine.dispose()


def test_alle_huidige_gemeenten(register: GemeenteRegister) -> None:
    gemeenten = register.alle()
    assert len(gemeenten) == 304
    assert sum(g.gewest == "Vlaanderen" for g in gemeenten) == 285
    assert sum(g.gewest == "Brussel" for g in gemeenten) == 19
    assert sum(g.centrumstad for g in gemeenten) == 13
    namen = register.namen()
    assert namen["44021"] == "Gent"
    assert "11007" not in namen  # Borsbeek is since 2025 part of Antwerpen


@pytest.mark.parametrize(
    ("tekst", "nis", "naam"),
    [
        ("Gent", "44021", "Gent"),
        ("gent", "44021", "Gent"),
        ("  GENT ", "44021", "Gent"),
        ("Sint-Amandsberg", "44021", "Gent"),
        ("sint amandsberg", "44021", "Gent"),
        ("St-Amandsberg", "44021", "Gent"),
        ("Borsbeek", "11002", "Antwerpen"),
        ("Kortessem", "71072", "Hasselt"),
        ("Melle", "44088", "Merelbeke-Melle"),
        ("merelbeke melle", "44088", "Merelbeke-Melle"),
        ("Zwijndrecht", "46030", "Beveren-Kruibeke-Zwijndrecht"),
        ("antwerpn", "11002", "Antwerpen"),
        ("Antwerpen", "11002", "Antwerpen"),
        ("Brugge", "31005", "Brugge"),
        ("brugee", "31005", "Brugge"),
        ("Gnet", "44021", "Gent"),
        ("Hasslet", "71072", "Hasselt"),
        ("Sint-Niklaas", "46021", "Sint-Niklaas"),
        ("Bruxelles", "21004", "Brussel"),
        ("Ixelles", "21009", "Elsene"),
        ("Molenbeek-Saint-Jean", "21012", "Sint-Jans-Molenbeek"),
        ("Schaerbeek", "21015", "Schaarbeek"),
        ("Laeken", "21004", "Brussel"),
        ("Kessel-Lo", "24062", "Leuven"),
        ("Kessel Lo", "24062", "Leuven"),
        ("Heule", "34022", "Kortrijk"),
        ("Pajottegem", "23106", "Pajottegem"),
        ("Herne", "23106", "Pajottegem"),
        ("Wachtebeke", "44087", "Lochristi"),
        ("'s-Gravenwezel", "11039", "Schilde"),
    ],
)
def test_resolve_namen(register: GemeenteRegister, tekst: str, nis: str, naam: str) -> None:
    gemeente = register.resolve(tekst)
    assert (gemeente.nis, gemeente.naam) == (nis, naam)


@pytest.mark.parametrize(
    ("code", "nis"),
    [
        ("44021", "44021"),  # current code
        ("11002", "11002"),  # Antwerpen kept its code
        ("11007", "11002"),  # Borsbeek, former code
        ("71022", "71072"),  # Hasselt's code before 2025
        ("73040", "71072"),  # Kortessem
        ("44040", "44088"),  # Melle
        ("44001", "44084"),  # Aalter before the 2019 merger
    ],
)
def test_resolve_nis_codes(register: GemeenteRegister, code: str, nis: str) -> None:
    assert register.resolve(code).nis == nis
    assert register.gemeente(code).nis == nis


def test_postcode(register: GemeenteRegister) -> None:
    assert register.resolve("9040").nis == "44021"
    assert register.resolve("2150").nis == "11002"


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [
        ("Haren", {"21004", "73111"}),
        ("Vorst", {"21007", "13053"}),
        ("Beveren", {"46030", "36015", "34040", "38002"}),
        ("Tielt", {"37022", "24135"}),
        ("Kapellen", {"11023", "24137"}),
        ("Berchem", {"11002", "45060"}),
    ],
)
def test_dubbelzinnige_namen(register: GemeenteRegister, naam: str, verwacht: set[str]) -> None:
    with pytest.raises(GemeenteDubbelzinnig) as fout:
        register.resolve(naam)
    kandidaten = fout.value.kandidaten
    assert {k.nis for k in kandidaten} == verwacht
    assert len(kandidaten) == len(verwacht)  # one candidate per municipality
    assert "Bedoelt u" in str(fout.value) and naam in str(fout.value)
    # Every label can be given back to resolve the ambiguity.
    for kandidaat in kandidaten:
        assert register.resolve(kandidaat.label).nis == kandidaat.nis


def test_dubbelzinnig_met_hint(register: GemeenteRegister) -> None:
    assert register.resolve("Tielt (Tielt-Winge)").nis == "24135"
    assert register.resolve("Tielt, West-Vlaanderen").nis == "37022"
    assert register.resolve("Beveren 8800").nis == "36015"
    assert register.resolve("9120 Beveren").nis == "46030"
    assert register.resolve("Haren (Brussel)").nis == "21004"


def test_officiele_naam_kan_voorgaan(register: GemeenteRegister) -> None:
    assert register.resolve("Tielt", officieel_voorrang=True).nis == "37022"
    assert register.resolve("Vorst", officieel_voorrang=True).nis == "21007"
    with pytest.raises(GemeenteDubbelzinnig):  # Beveren is no municipality of its own
        register.resolve("Beveren", officieel_voorrang=True)


@pytest.mark.parametrize("tekst", ["Parijs", "Namen", "xyzzy", "99999", "1234", "Amsterdam"])
def test_onbekend(register: GemeenteRegister, tekst: str) -> None:
    with pytest.raises(GemeenteNietGevonden) as fout:
        register.resolve(tekst)
    assert tekst in str(fout.value)


def test_leeg(register: GemeenteRegister) -> None:
    with pytest.raises(GemeenteNietGevonden, match="Geef de naam"):
        register.resolve("  ")


def test_geen_tikfout_bij_te_korte_of_te_verre_tekst(register: GemeenteRegister) -> None:
    with pytest.raises(GemeenteNietGevonden):
        register.resolve("Gen")  # too short to guess
    with pytest.raises(GemeenteNietGevonden):
        register.resolve("Antwerpse haven")


def test_zoek_suggesties(register: GemeenteRegister) -> None:
    treffers = register.zoek("gen", limit=5)
    assert treffers[0].gemeente.naam in {"Genk", "Gent"}
    assert {t.gemeente.nis for t in treffers} >= {"44021", "71016"}
    assert len(treffers) <= 5
    assert [t.score for t in treffers] == sorted((t.score for t in treffers), reverse=True)


def test_zoek_geeft_alias_en_nis(register: GemeenteRegister) -> None:
    treffer = register.zoek("Sint-Amandsberg", limit=3)[0]
    assert (treffer.nis, treffer.alias, treffer.type) == (
        "44021",
        "Sint-Amandsberg",
        "deelgemeente",
    )
    tikfout = register.zoek("antwerpn", limit=3)[0]
    assert tikfout.nis == "11002"
    code = register.zoek("44021")[0]
    assert code.nis == "44021" and code.score == 100
    postcode = register.zoek("9040")
    assert postcode and postcode[0].nis == "44021"


def test_zoek_leeg(register: GemeenteRegister) -> None:
    assert register.zoek("") == []
    assert register.zoek("gent", limit=0) == []


def test_register_zonder_databank() -> None:
    register = GemeenteRegister(
        [Gemeente("44021", "Gent", "Vlaanderen", provincie="Oost-Vlaanderen")],
        [Alias("Sint-Amandsberg", "44021", AliasType.DEELGEMEENTE, postcode="9040")],
    )
    assert register.resolve("sint-amandsberg").naam == "Gent"
    assert len(register) == 1 and "44021" in register
    with pytest.raises(ValueError, match="onbekende NIS-code"):
        GemeenteRegister([], [Alias("X", "12345", AliasType.DEELGEMEENTE)])


def test_sleutel() -> None:
    assert sleutel("Sint-Amandsberg") == sleutel("st. amandsberg") == "sintamandsberg"
    assert sleutel("Élouges") == "elouges"
