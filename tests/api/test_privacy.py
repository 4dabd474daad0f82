"""Personal identifiers come out of a chat message; amounts, dates, postcodes and ages stay."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.chat.gegevens import ChatGegevensFout
from bot.chat.privacy import (
    STANDAARD_PAD,
    Soort,
    laad_privacyteksten,
    verwijder_persoonsgegevens,
)

R = Soort.RIJKSREGISTERNUMMER
B = Soort.REKENINGNUMMER
K = Soort.KAARTNUMMER
E = Soort.EMAIL
T = Soort.TELEFOON


@pytest.mark.parametrize(
    ("bericht", "over", "soorten"),
    [
        # rijksregisternummers, as people type them
        ("mijn rijksregisternummer is 85.07.30-033.28", "mijn rijksregisternummer is", {R}),
        ("85073003328", "", {R}),
        ("rrn 85 07 30 033 28 ik woon in Gent", "rrn ik woon in Gent", {R}),
        ("85.07.30.033.28", "", {R}),
        ("850730-033.28", "", {R}),
        ("mijn dochter: 05.03.12-123.45", "mijn dochter", {R}),  # born in 2005: starts with 0
        ("hier is mijn nummer 85073003328, klopt dat?", "hier is mijn nummer, klopt dat?", {R}),
        # bank accounts
        ("mijn rekening BE68 5390 0754 7034 graag", "mijn rekening graag", {B}),
        ("be68539007547034", "", {B}),
        ("stort op BE68539007547034.", "stort op.", {B}),
        ("NL91ABNA0417164300", "", {B}),
        ("FR14 2004 1010 0505 0001 3M02 606 is mijn rekening", "is mijn rekening", {B}),
        # identity card numbers
        ("kaartnummer 592-1234567-89", "kaartnummer", {K}),
        # e-mail addresses
        ("mail me op jan.peeters@telenet.be", "mail me op", {E}),
        ("JAN_PEETERS+ocmw@Gmail.Com is mijn mail", "is mijn mail", {E}),
        # phone numbers: mobile, landline, +32 and 0032
        ("bel mij op 0475 12 34 56", "bel mij op", {T}),
        ("0475/12.34.56", "", {T}),
        ("0475-123456", "", {T}),
        ("0475123456", "", {T}),
        ("0475 123 456", "", {T}),
        ("+32 475 12 34 56", "", {T}),
        ("+32475123456", "", {T}),
        ("0032 475 12 34 56", "", {T}),
        ("+32 (0)475 12 34 56", "", {T}),
        ("09 123 45 67", "", {T}),
        ("02/123.45.67", "", {T}),
        ("050 12 34 56", "", {T}),
        ("053/21.11.11 (thuis)", "(thuis)", {T}),
        ("+32 9 123 45 67", "", {T}),
        ("gsm: 0475 12 34 56, mail: an@skynet.be", "gsm, mail", {T, E}),
        ("tel 0475123456 of 09 223 45 67 na 17u", "tel of na 17u", {T}),
    ],
)
def test_identificatie_gaat_eruit(bericht: str, over: str, soorten: set[Soort]) -> None:
    schoon = verwijder_persoonsgegevens(bericht)
    assert schoon.tekst == over
    assert schoon.soorten == soorten
    assert schoon.verwijderd
    assert schoon.leeg == (not any(c.isalnum() for c in over))


@pytest.mark.parametrize(
    "bericht",
    [
        "mijn pensioen is 1.450 euro netto per maand",
        "1.450,50 euro",
        "€ 2.100",
        "ik verdien 1800 en mijn man 2100",
        "tussen 1800 en 2000",
        "9300",
        "postcode 9300 Aalst",
        "9000 Gent, 8400 Oostende",
        "67",
        "ik ben 67 en mijn man 70",
        "sinds 2019 ingeschreven bij de woonmaatschappij",
        "2019-2020",
        "geboren 30/07/1985",
        "geboren op 30.07.1985",
        "geboren 30-07-1985",
        "01/07/1985 3 kinderen",
        "ik ben geboren op 5 maart 1990",
        "drie kinderen van 12, 14 en 16 jaar",
        "Kerkstraat 12 bus 3",
        "44021",
        "0",
        "0 kinderen",
        "sta al 5 jaar op de wachtlijst",
        '/inform{"gemeente": "44021"}',
        '/inform{"netto_maandinkomen_gezin": 1450}',
        "ik betaal 650 euro huur en 120 euro voorschot",
        "de Lijn 2025",
        "om 14u30",
        "ab12 cdef ghij klmn",
    ],
)
def test_geen_identificatie_blijft_staan(bericht: str) -> None:
    schoon = verwijder_persoonsgegevens(bericht)
    assert schoon.tekst == bericht
    assert not schoon.soorten


def test_niets_over_is_leeg() -> None:
    for bericht in ("85.07.30-033.28", " 0475 12 34 56 ", "an@skynet.be.", "BE68 5390 0754 7034!"):
        assert verwijder_persoonsgegevens(bericht).leeg, bericht


# -- properties: any such number goes, any amount or date stays -----------------------------

scheiding = st.sampled_from(["", " ", ".", "/", "-"])


@st.composite
def gsm_nummers(draw: st.DrawFn) -> str:
    rest = draw(st.text(alphabet="0123456789", min_size=8, max_size=8))
    s = draw(scheiding)
    begin = draw(st.sampled_from(["0", "+32 ", "+32", "0032 "]))
    return f"{begin}4{rest[:2]}{s}{rest[2:4]}{s}{rest[4:6]}{s}{rest[6:]}"


@st.composite
def rijksregisternummers(draw: st.DrawFn) -> str:
    d = draw(st.text(alphabet="0123456789", min_size=11, max_size=11))
    s = draw(st.sampled_from(["", " ", "."]))
    return f"{d[:2]}{s}{d[2:4]}{s}{d[4:6]}{draw(st.sampled_from(['', '-', ' ']))}{d[6:9]}{s}{d[9:]}"


@given(
    nummer=st.one_of(gsm_nummers(), rijksregisternummers()),
    voor=st.sampled_from(["", "mijn nummer is ", "hier: ", "ok "]),
    na=st.sampled_from(["", " graag", ", ik woon in Gent", "."]),
)
def test_elk_nummer_gaat_eruit(nummer: str, voor: str, na: str) -> None:
    schoon = verwijder_persoonsgegevens(voor + nummer + na)
    assert schoon.verwijderd
    cijfers_over = re.sub(r"\D", "", schoon.tekst)
    assert cijfers_over == "", (nummer, schoon.tekst)


@given(
    bedrag=st.integers(min_value=0, max_value=99_999),
    dag=st.integers(min_value=1, max_value=31),
    maand=st.integers(min_value=1, max_value=12),
    jaar=st.integers(min_value=1920, max_value=2025),
    s=st.sampled_from(["/", ".", "-"]),
)
def test_bedragen_en_datums_blijven(bedrag: int, dag: int, maand: int, jaar: int, s: str) -> None:
    duizend = f"{bedrag:,}".replace(",", ".")
    for bericht in (
        f"{duizend} euro per maand",
        f"{bedrag}",
        f"geboren {dag:02d}{s}{maand:02d}{s}{jaar}",
        f"geboren {dag}{s}{maand}{s}{jaar} en ik verdien {duizend}",
        f"sinds {jaar}",
    ):
        assert verwijder_persoonsgegevens(bericht).tekst == bericht


# -- the texts file --------------------------------------------------------------------------


def test_teksten_noemen_wat_weg_is() -> None:
    teksten = laad_privacyteksten()
    assert teksten.wat(frozenset({T})) == "uw telefoonnummer"
    assert teksten.wat(frozenset({E, R})) == "uw rijksregisternummer en uw e-mailadres"
    assert teksten.wat(frozenset({R, B, T})) == (
        "uw rijksregisternummer, uw rekeningnummer en uw telefoonnummer"
    )


def test_kapot_bestand_noemt_regel_en_veld(tmp_path: Path) -> None:
    tekst = STANDAARD_PAD.read_text(encoding="utf-8")
    kapot = tmp_path / "privacy.yaml"
    kapot.write_text(tekst.replace("herinnering: Ik heb {wat}", "herinnering: Ik heb"), "utf-8")
    regel = tekst.splitlines().index(
        next(r for r in tekst.splitlines() if r.startswith("herinnering:"))
    )
    with pytest.raises(ChatGegevensFout) as fout:
        laad_privacyteksten(kapot)
    assert str(fout.value).startswith(f"privacy.yaml, regel {regel + 1} (veld herinnering): ")
    assert "{wat}" in str(fout.value)

    kapot.write_text(tekst.replace("  telefoon: uw telefoonnummer\n", ""), "utf-8")
    with pytest.raises(ChatGegevensFout, match="De soort 'telefoon' ontbreekt"):
        laad_privacyteksten(kapot)
