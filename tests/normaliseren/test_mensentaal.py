"""Answers the way people type them (issue 11): each reads the facts a careful person would
read, and nothing else (real reader, real vocabulary and municipality register)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from bereide_diensten import bereide_diensten

from actions.antwoorden import lees_bericht
from actions.normaliseren import leeftijd_op, lees_geboortedatum
from bot.diensten import Diensten

PEILDATUM = date(2025, 6, 1)


@pytest.fixture(scope="module")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    with bereide_diensten(tmp_path_factory, "mensentaal", PEILDATUM) as d:
        yield d


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "verwacht"),
    [
        # the municipality: an official name wins, a postcode or a button always resolves
        ("gemeente", "ik woon in aalst", {"gemeente": "Aalst"}),
        ("gemeente", "9300", {"gemeente": "Aalst"}),
        ("gemeente", "Aalst (Oost-Vlaanderen)", {"gemeente": "Aalst"}),
        ("gemeente", "Aalst (Sint-Truiden)", {"gemeente": "Sint-Truiden"}),
        ("gemeente", "antwerpn", {"gemeente": "Antwerpen"}),
        # a number that belongs to another noun fills nothing
        ("aantal_kinderen", "ik woon met 4 andere studenten", {}),
        ("aantal_kinderen", "2 kindjes", {"aantal_kinderen": 2}),
        # durations and "no"
        (
            "jaren_op_wachtlijst_sociale_woning",
            "sinds 2019 ingeschreven",
            {"jaren_op_wachtlijst_sociale_woning": 6},
        ),
        (
            "jaren_op_wachtlijst_sociale_woning",
            "sta 5 jaar op de wachtlijst",
            {"jaren_op_wachtlijst_sociale_woning": 5},
        ),
        (
            "jaren_op_wachtlijst_sociale_woning",
            "ik sta NIET op de wachtlijst",
            {"jaren_op_wachtlijst_sociale_woning": 0},
        ),
        (
            "jaren_op_wachtlijst_sociale_woning",
            "nooit ingeschreven",
            {"jaren_op_wachtlijst_sociale_woning": 0},
        ),
        # whose fact it is
        ("verblijfsstatus", "mijne pa is italiaan maar ik ben belg", {"verblijfsstatus": "belg"}),
        ("verblijfsstatus", "belgen allebei", {"verblijfsstatus": "belg"}),
        ("werksituatie", "mijn man is werkloos", {}),
        # situations said in one's own words
        ("woonsituatie", "ik slaap al 3 maand in mijn auto", {"woonsituatie": "dakloos"}),
        ("mantelzorger", "ik zorg elke dag voor mijn zieke moeder", {"mantelzorger": True}),
        ("samenwonend_met_partner", "mijne vent en ik", {"samenwonend_met_partner": True}),
        ("samenwonend_met_partner", "ons tweetjes", {"samenwonend_met_partner": True}),
        # dates of birth, ranges, two incomes
        ("leeftijd", "geboren 30 juli 1985", {"leeftijd": 39}),
        ("leeftijd", "30/05/1960", {"leeftijd": 65}),
        ("netto_maandinkomen_gezin", "tussen 1800 en 2000", {"netto_maandinkomen_gezin": 1900}),
        (
            "netto_maandinkomen_gezin",
            "ik verdien 1.800 en mijn man 2.100",
            {"netto_maandinkomen_gezin": 3900},
        ),
    ],
)
def test_zoals_mensen_typen(
    diensten: Diensten, gevraagd: str, tekst: str, verwacht: dict[str, Any]
) -> None:
    lezing = lees_bericht(diensten, tekst, intent="inform", gevraagd=gevraagd)
    gekregen = {k: v for k, v in lezing.waarden.items() if k in verwacht or k == gevraagd}
    assert gekregen == verwacht, (tekst, lezing.waarden, [b.tekst for b in lezing.berichten])


def test_een_bereik_en_twee_inkomens_zeggen_hoe_we_rekenden(diensten: Diensten) -> None:
    bereik = lees_bericht(diensten, "tussen 1800 en 2000", gevraagd="netto_maandinkomen_gezin")
    assert [b.tekst for b in bereik.berichten] == [
        "Ik reken met het midden: € 1.900 per maand. Klopt dat niet, zeg het dan."
    ]
    samen = lees_bericht(
        diensten, "ik verdien 1.800 en mijn man 2.100", gevraagd="netto_maandinkomen_gezin"
    )
    assert [b.tekst for b in samen.berichten] == [
        "Ik tel samen: € 1.800 + € 2.100 = € 3.900 per maand voor uw gezin."
    ]


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("1100 loon en 400 uitkering", 1500),
        ("ik werk deeltijds voor 1100 en heb een aanvullende uitkering van 400", 1500),
        ("we hebben elk 1.200 pensioen", 2400),
        ("ik krijg 1100 leefloon en 320 kindergeld", 1100),
        ("ik kreeg 200 euro premie van de stad maar mijn loon is 1750", 1750),
        # a cost is no income, and two bare amounts say nothing about a sum
        ("ik verdien 1800 en betaal 700 huur", 1800),
        ("1250 euro en 300 euro", None),
        ("2.300 euro, pensioen van ons twee", 2300),
    ],
)
def test_meerdere_bedragen(diensten: Diensten, tekst: str, verwacht: int | None) -> None:
    lezing = lees_bericht(diensten, tekst, gevraagd="netto_maandinkomen_gezin")
    assert lezing.waarden.get("netto_maandinkomen_gezin") == verwacht
    if "leefloon" in tekst:
        assert lezing.waarden["soort_inkomen"] == "bijstand"  # ook na een som
    assert "aantal_kinderen" not in lezing.waarden  # "van ons twee" zegt niets over kinderen
    if verwacht in (1500, 2400):  # a sum
        assert lezing.berichten, "de bot zegt hoe hij rekende"


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "verwacht"),
    [
        ("leeftijd", "mijn vader is 82", {}),
        ("leeftijd", "mijn vrouw is 68 en ik 71", {"leeftijd": 71}),
        ("gemeente", "mijn zus woont in genk, ik woon in as", {"gemeente": "As"}),
        ("leeftijd", "ik ben 45 nee sorry 54", {"leeftijd": 54}),
        ("aantal_kinderen", "2 kinderen, nee 3 eigenlijk", {"aantal_kinderen": 3}),
        ("leeftijd_jongste_kind", "ze is geboren op 15 januari 2025", {"leeftijd_jongste_kind": 0}),
        ("ontvangt_leefloon", "ik krijg leefloonn", {"ontvangt_leefloon": True}),
    ],
)
def test_wie_verbeteringen_en_tikfouten(
    diensten: Diensten, gevraagd: str, tekst: str, verwacht: dict[str, Any]
) -> None:
    lezing = lees_bericht(diensten, tekst, intent="inform", gevraagd=gevraagd)
    assert {k: v for k, v in lezing.waarden.items() if k in verwacht or k == gevraagd} == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("67 jaar, Leuven (Kessel-Lo)", {"leeftijd": 67, "gemeente": "Leuven"}),
        (
            "55 jaar, ieper, alleen",
            {
                "leeftijd": 55,
                "gemeente": "Ieper",
                "samenwonend_met_partner": False,
                "aantal_kinderen": 0,
                "netto_maandinkomen_huisgenoten": 0,
            },
        ),
        ("ik woon gent, 2 kinder", {"gemeente": "Gent", "aantal_kinderen": 2}),
        ("ik ben een papa uit Kortrijk", {"gemeente": "Kortrijk"}),
        (
            "ik woon alleen met mijn 2 kinderen",
            {"samenwonend_met_partner": False, "aantal_kinderen": 2},
        ),
        ("hallo", {}),
        ("39 jaar vilvoorde", {"leeftijd": 39, "gemeente": "Vilvoorde"}),
        # Flemish care: "heur" is "haar", "de kleinste" the youngest child
        (
            "ons moeder woont bij ons in en ik zorg voor heur, ze is 84",
            {
                "mantelzorger": True,
                "zorgbehoevende_leeftijd": 84,
                "zorgbehoevende_zelfde_adres": True,
            },
        ),
        (
            "'k heb drie kinders, de kleinste is zeven",
            {"aantal_kinderen": 3, "leeftijd_jongste_kind": 7},
        ),
        ("34, gent en 2 kinderen", {"leeftijd": 34, "gemeente": "Gent", "aantal_kinderen": 2}),
        (
            "ik ben mantelzorger voor mijn mama van 86, ze woont niet bij mij",
            {
                "mantelzorger": True,
                "zorgbehoevende_leeftijd": 86,
                "zorgbehoevende_zelfde_adres": False,
            },
        ),
        (
            "45 jaar, werkloos, wonend in 1030",
            {"leeftijd": 45, "werksituatie": "werkzoekend", "gemeente": "Schaarbeek"},
        ),
        # where one works or a relative lives is not where one lives
        ("ik werk als lasser bij een bedrijf in zelzate", {"werksituatie": "werknemer"}),
        ("mijn ex heeft een sociale woning in hasselt", {}),
        (
            "'k zyn 66 en 'k woon in Izegem me myn vrouwe",
            {"leeftijd": 66, "gemeente": "Izegem", "samenwonend_met_partner": True},
        ),
        (
            "ik woon me mijne vent en ons twee mannekes in merksem",
            {"gemeente": "Antwerpen", "samenwonend_met_partner": True, "aantal_kinderen": 2},
        ),
    ],
)
def test_eerste_bericht(diensten: Diensten, tekst: str, verwacht: dict[str, Any]) -> None:
    opening = diensten.vocabulaire.vraaggroepen[diensten.catalogus.openingsgroep or ""]
    lezing = lees_bericht(
        diensten, tekst, intent="inform", groep=opening, leden=opening.leden, opening=True
    )
    assert lezing.waarden == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        (
            "met mijn man, de kinderen zijn het huis uit",
            {"samenwonend_met_partner": True, "aantal_kinderen": 0},
        ),
        (
            "alleen, geen kinderen",
            {
                "samenwonend_met_partner": False,
                "aantal_kinderen": 0,
                "netto_maandinkomen_huisgenoten": 0,
            },
        ),
        # "niet" in "ze kan niet meer alleen" is no "nee" to the number of children
        ("en ik zorg voor haar, ze kan niet meer alleen", {"mantelzorger": True}),
    ],
)
def test_gezin(diensten: Diensten, tekst: str, verwacht: dict[str, Any]) -> None:
    groep = diensten.vocabulaire.vraaggroepen["gezin"]
    lezing = lees_bericht(
        diensten, tekst, intent="inform", gevraagd=groep.leden[0], groep=groep, leden=groep.leden
    )
    assert lezing.waarden == verwacht


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "verwacht"),
    [
        (
            "jaren_op_wachtlijst_sociale_woning",
            "nee we zijn nog niet ingeschreven voor een sociale woning",
            {"jaren_op_wachtlijst_sociale_woning": 0},
        ),
        (
            None,
            "we wachten al 3 jaar op een sociale woning",
            {"jaren_op_wachtlijst_sociale_woning": 3},
        ),
        (
            None,
            "ik sta op de wachtlijst voor een sociale woning en huur nu privé",
            {"woonsituatie": "huurder_privaat"},
        ),
        (None, "ik huur een sociale woning", {"woonsituatie": "huurder_sociaal"}),
    ],
)
def test_wachten_op_een_sociale_woning_is_er_geen_huren(
    diensten: Diensten, gevraagd: str | None, tekst: str, verwacht: dict[str, Any]
) -> None:
    assert lees_bericht(diensten, tekst, intent="inform", gevraagd=gevraagd).waarden == verwacht


def test_een_bruto_bedrag_is_geen_netto_inkomen(diensten: Diensten) -> None:
    tekst = "we verdienen samen 48.000 euro bruto per jaar"
    lezing = lees_bericht(diensten, tekst, gevraagd="netto_maandinkomen_gezin")
    assert lezing.waarden == {}
    assert [b.tekst for b in lezing.berichten] == [
        "Dat is een bruto bedrag. Hoeveel komt er netto per maand binnen?"
    ]


def test_mantelzorger_geeft_leeftijd_en_adres_van_wie_zorg_krijgt(diensten: Diensten) -> None:
    lezing = lees_bericht(diensten, "ik zorg voor mijn grootmoeder van 93, ze woont bij ons")
    assert lezing.waarden == {
        "mantelzorger": True,
        "zorgbehoevende_leeftijd": 93,
        "zorgbehoevende_zelfde_adres": True,
    }


def test_geboortedatum() -> None:
    assert leeftijd_op(lees_geboortedatum("geboren op 1 juni 1960"), PEILDATUM) == 65
    assert leeftijd_op(lees_geboortedatum("geboren op 2 juni 1960"), PEILDATUM) == 64
    # only a year: the lower of the two possible ages (never a too high age for a limit)
    assert leeftijd_op(lees_geboortedatum("geboren in 1960"), PEILDATUM) == 64
    assert lees_geboortedatum("ik ben 65") is None
    assert lees_geboortedatum("31/02/1960") is None


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("nee, ik heb geen handicap", {"erkende_handicap": False}),
        ("niemand in mijn gezin heeft een erkende handicap", {"erkende_handicap": False}),
        ("ik ben toch geen mantelzorger", {"mantelzorger": False}),
        ("ik krijg geen leefloon", {"ontvangt_leefloon": False}),
        ("ik krijg wel een leefloon", {"ontvangt_leefloon": True}),
        ("ik heb toch een verhoogde tegemoetkoming", {"verhoogde_tegemoetkoming": True}),
        ("ik heb geen partner", {"samenwonend_met_partner": False}),
        ("wacht, mijn inkomen is 2.250", {"netto_maandinkomen_gezin": 2250}),
        ("nee wacht, we hebben 3 kinderen", {"aantal_kinderen": 3}),
    ],
)
def test_correcties_in_woorden(diensten: Diensten, tekst: str, verwacht: dict[str, Any]) -> None:
    """A correction outside a question ("nee, ik heb geen handicap") changes that fact."""
    assert lees_bericht(diensten, tekst, intent="correctie").waarden == verwacht


def test_lijstje_een_nee_bij_een_ander_feit_of_een_vraag_kruist_niets_aan(
    diensten: Diensten,
) -> None:
    """At the checklist, "nee, ik ben 43, niet 34" corrects the age (the "nee" belongs to
    it) and "wat is dat, een verhoogde tegemoetkoming?" is a question, not a tick."""
    groep = diensten.vocabulaire.vraaggroepen["situaties"]

    def lees(tekst: str):
        return lees_bericht(
            diensten,
            tekst,
            intent="inform",
            gevraagd=groep.leden[0],
            groep=groep,
            leden=groep.leden,
        )

    correctie = lees("nee, ik ben 43, niet 34")
    assert correctie.waarden == {"leeftijd": 43} and not correctie.groep_beantwoord
    vraag = lees("wat is dat, een verhoogde tegemoetkoming?")
    assert vraag.waarden == {} and not vraag.groep_beantwoord


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "verwacht"),
    [
        (
            "aantal_kinderen",
            "ik ben 33 en woon in aarschot",
            {"leeftijd": 33, "gemeente": "Aarschot"},
        ),
        ("gemeente", "sorry, Dendermonde", {"gemeente": "Dendermonde"}),
        ("leeftijd", "ben 40", {"leeftijd": 40}),
    ],
)
def test_rol_en_aanloop(diensten: Diensten, gevraagd: str, tekst: str, verwacht: dict) -> None:
    assert lees_bericht(diensten, tekst, intent="inform", gevraagd=gevraagd).waarden == verwacht


def test_een_knop_is_geen_tekst_om_te_lezen(diensten: Diensten) -> None:
    """The button "Alleen" sends JSON with a 0 in it: no other fact comes from that text."""
    groep = diensten.vocabulaire.vraaggroepen["gezin"]
    knop = '/inform{"samenwonend_met_partner": false, "aantal_kinderen": 0}'
    entiteiten = [
        {"entity": "samenwonend_met_partner", "value": False},
        {"entity": "aantal_kinderen", "value": 0},
    ]
    lezing = lees_bericht(
        diensten,
        knop,
        entiteiten=entiteiten,
        gevraagd=groep.leden[0],
        groep=groep,
        leden=groep.leden,
    )
    assert lezing.waarden == {"samenwonend_met_partner": False, "aantal_kinderen": 0}
