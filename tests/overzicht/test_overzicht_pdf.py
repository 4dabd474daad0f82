"""The printable overview's renderer: a tagged PDF of what the model holds, nothing else.

Real WeasyPrint, real PDFs read back with pypdf; no database (the API tests cover the whole
way from a profile to the PDF).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from pdf_lezen import controleer_toegankelijk, lees_pdf

from bot.catalogue.repository import Contact
from bot.klaretaal import Soort, Tekst, controleer, laad_jargon
from bot.overzicht import Overzicht, RechtOpPapier, bouw_overzicht, maak_pdf, overzicht_html
from bot.overzicht.model import lijst_uit_tekst
from bot.overzicht.pdf import ADVIEZEN, GEZINSSITUATIES, TEKSTEN, eerste_zin, host

BESLIST = "Dit is een inschatting, geen beslissing. De dienst die het recht geeft, beslist."


@dataclass(frozen=True)
class Punt:
    """Stand-in of the leefloon advice's ``Onderzoekspunt`` (built on another branch)."""

    punt: str
    waarom: str


@dataclass(frozen=True)
class Advies:
    """Stand-in of ``LeefloonAdvies``: the same fields, the same types."""

    advies: str
    categorie: str | None
    bedrag_maand: float | None
    bedrag_na_middelen: float | None
    te_onderzoeken: list[Punt]
    uitleg: list[str]


def recht(id_: str, naam: str, status: str, **extra: object) -> dict:
    """One right in the shape of ``evaluatie_json``."""
    return {
        "id": id_,
        "naam": naam,
        "niveau": "federaal",
        "status": status,
        "uitleg": [],
        "reden": None,
        "bedrag_tekst": None,
        "aanvragen": None,
        "bewijsstukken": None,
        "bron_url": f"https://voorbeeld.be/{id_}",
        **extra,
    }


EVALUATIE = {
    "datum": "2025-06-01",
    "rechten": [
        recht(
            "leefloon",
            "Leefloon",
            "waarschijnlijk",
            reden="Het inkomen van uw gezin is lager dan het leefloon voor uw gezin.",
            bedrag_tekst="tot € 1.314,20 per maand",
            aanvragen="Bij de sociale dienst van het OCMW. Het OCMW beslist binnen 30 dagen.",
            bewijsstukken="- uw identiteitskaart\n- uw huurcontract",
        ),
        recht(
            "huurpremie",
            "Vlaamse huurpremie",
            "mogelijk",
            uitleg=[
                {"tekst": "U staat 4 jaar op de wachtlijst.", "status": "onbekend"},
                {"tekst": "Uw inkomen is laag genoeg.", "status": "voldaan"},
            ],
            aanvragen="Wonen in Vlaanderen stuurt u een formulier. Stuur het terug.",
        ),
        recht("igo", "Inkomensgarantie voor ouderen (IGO)", "niet"),
    ],
}
CONTACT = Contact(naam="OCMW Gent", bron_url="https://stad.gent", website="https://stad.gent")


def overzicht(**extra: object) -> Overzicht:
    opties: dict = {
        "gemaakt_op": date(2025, 6, 2),
        "catalogusversie": "abcd1234, geladen op 1 juni 2025",
        "gemeente": "Gent",
        "contacten": [CONTACT, None],
        **extra,
    }
    return bouw_overzicht(EVALUATIE, **opties)


@pytest.fixture(scope="module")
def zonder_advies() -> bytes:
    return maak_pdf(overzicht(referentie="dossier 2025/77"))


def test_het_model_zet_waarschijnlijk_eerst_en_telt_wat_niet_past() -> None:
    o = overzicht()
    assert [r.naam for r in o.waarschijnlijk] == ["Leefloon"]
    assert o.waarschijnlijk[0].bewijsstukken == ("uw identiteitskaart", "uw huurcontract")
    mogelijk = o.mogelijk[0]
    assert isinstance(mogelijk, RechtOpPapier)
    # only what is still unknown is to be checked
    assert mogelijk.na_te_gaan == ("U staat 4 jaar op de wachtlijst.",)
    assert o.aantal_niet == 1
    assert o.contacten == (CONTACT,)
    assert overzicht(referentie="   ").referentie is None


def test_pdf_bevat_rechten_datum_referentie_en_wie_beslist(zonder_advies: bytes) -> None:
    pdf = lees_pdf(zonder_advies)
    assert pdf.paginas == 1
    for tekst in (
        "Overzicht van uw sociale rechten",
        "Leefloon",
        "tot € 1.314,20 per maand",
        "uw identiteitskaart",
        "Vlaamse huurpremie",
        "U staat 4 jaar op de wachtlijst.",
        "Wonen in Vlaanderen stuurt u een formulier.",  # where: the first sentence
        "1 juni 2025",
        "gemaakt op 2 juni 2025",
        "abcd1234",
        "dossier 2025/77",
        "OCMW Gent",
        BESLIST,
        "Voor 1 ander recht voldoet u waarschijnlijk niet aan de voorwaarden.",
    ):
        assert tekst in pdf.tekst, tekst
    assert "Stuur het terug." not in pdf.tekst
    assert "Uw inkomen is laag genoeg." not in pdf.tekst  # met conditions are not to check
    assert "Inkomensgarantie voor ouderen" not in pdf.tekst
    assert "Advies over het leefloon" not in pdf.tekst  # no advice given, no section


def test_openingsuren_van_het_ocmw_staan_op_het_overzicht() -> None:
    hasselt = Contact(
        naam="OCMW Hasselt, Sociale Dienst",
        bron_url="https://www.hasselt.be/nl/tussenkomst-verwarmingsfonds",
        openingsuren="In de voormiddag, of op afspraak",
    )
    tekst = " ".join(lees_pdf(maak_pdf(overzicht(contacten=[hasselt]))).tekst.split())
    assert "OCMW Hasselt, Sociale Dienst · openingsuren: In de voormiddag, of op afspraak" in tekst
    assert "openingsuren" not in overzicht_html(overzicht())  # Gent: no source gives them


def test_pdf_is_getagd_nederlandstalig_en_heeft_een_titel(zonder_advies: bytes) -> None:
    pdf = lees_pdf(zonder_advies)
    controleer_toegankelijk(pdf)
    assert "/Link" in pdf.structuur  # the sources are real links
    assert zonder_advies.startswith(b"%PDF-1.7")


def test_leefloonadvies_krijgt_een_eigen_deel() -> None:
    advies = Advies(
        advies="verder_sociaal_onderzoek",
        categorie="alleenstaand",
        bedrag_maand=1314.2,
        bedrag_na_middelen=614.2,
        te_onderzoeken=[Punt("Werkbereidheid", "Het is niet gekend of u wilt werken.")],
        uitleg=["Uw inkomen is lager dan het leefloon."],
    )
    pdf = lees_pdf(maak_pdf(overzicht(leefloonadvies=advies)))
    controleer_toegankelijk(pdf)
    assert "/Table" in pdf.structuur and "/TH" in pdf.structuur
    for tekst in (
        "Advies over het leefloon",
        "Verder sociaal onderzoek",
        "Gezinssituatie: alleenstaand",
        "€ 1.314,20 per maand",
        "€ 614,20 per maand",
        "Werkbereidheid",
        "Het is niet gekend of u wilt werken.",
        "Uw inkomen is lager dan het leefloon.",
    ):
        assert tekst in pdf.tekst, tekst


def test_geen_recht_zegt_dat_u_toch_kunt_aanvragen_en_in_beroep_gaan() -> None:
    advies = Advies("geen_recht", None, None, None, [], [])
    html = overzicht_html(overzicht(leefloonadvies=advies))
    assert "Geen recht" in html
    assert "U kunt het leefloon toch aanvragen." in html
    assert "in beroep gaan" in html


def test_teksten_uit_het_profiel_blijven_tekst() -> None:
    html = overzicht_html(overzicht(referentie='<img src="https://x.be/a.png">'))
    assert "<img" not in html
    assert "&lt;img" in html


def test_vaste_teksten_in_klare_taal() -> None:
    teksten = [
        Tekst("bot/overzicht/pdf.py", f"TEKSTEN.{k}", 1, v, Soort.GEDEELD)
        for k, v in TEKSTEN.items()
        if isinstance(v, str)
    ]
    teksten += [
        Tekst("bot/overzicht/pdf.py", f"TEKSTEN.aantal_niet({n})", 1, TEKSTEN["aantal_niet"](n))
        for n in (1, 12)
    ]
    teksten += [
        Tekst("bot/overzicht/pdf.py", f"ADVIEZEN.{k}", 1, f"{titel}. {zin}")
        for k, (titel, zin) in ADVIEZEN.items()
    ]
    teksten += [
        Tekst("bot/overzicht/pdf.py", f"GEZINSSITUATIES.{k}", 1, v)
        for k, v in GEZINSSITUATIES.items()
    ]
    assert controleer(teksten, laad_jargon()) == []


@pytest.mark.parametrize(
    ("tekst", "items"),
    [
        ("- een\n- twee", ("een", "twee")),
        ("Breng mee:\n• een\n  \n- twee", ("Breng mee:", "een", "twee")),
        ("U hebt niets nodig.", ("U hebt niets nodig.",)),
        (None, ()),
    ],
)
def test_lijst_uit_tekst(tekst: str | None, items: tuple[str, ...]) -> None:
    assert lijst_uit_tekst(tekst) == items


def test_eerste_zin_en_korte_link() -> None:
    assert (
        eerste_zin("Bij uw operator (bv. Proximus). Daarna meer.")
        == "Bij uw operator (bv. Proximus)."
    )
    assert eerste_zin("Zonder punt") == "Zonder punt"
    assert host("https://www.vlaanderen.be/een/heel/lang/pad/naar/iets") == "vlaanderen.be"
    assert host("https://www.riziv.be/") == "riziv.be"
    assert host("https://stad.gent/huur") == "stad.gent/huur"
