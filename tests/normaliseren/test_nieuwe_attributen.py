"""The bot reads the attributes added for issue 10 the way people type them.

Soort inkomen, verwarming, huren via een SVK, IGO and the allowance for a handicap, the
care question (age and address of the person cared for), the yearly taxable income, and
the checklist's ``leeg_is_nee`` buttons. Real vocabulary, keywords and catalogue; no mocks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from bereide_diensten import bereide_diensten

from actions.antwoorden import VERWACHT_JAARBEDRAG, lees_bericht, lees_jaarbedrag, verwacht
from actions.normaliseren import lees_feiten, lees_keuze
from actions.vragen import groepsknoppen
from bot.diensten import Diensten
from bot.vocabulary import Vocabulaire


@pytest.fixture(scope="module")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    with bereide_diensten(tmp_path_factory, "nieuwe_attributen") as d:
        yield d


def antwoord(d: Diensten, gevraagd: str, tekst: str, intent: str | None = None) -> dict:
    return lees_bericht(d, tekst, intent=intent, gevraagd=gevraagd).waarden


# -- keuzes als antwoord op hun vraag ---------------------------------------------------------


@pytest.mark.parametrize(
    ("attribuut", "tekst", "waarde"),
    [
        ("verwarming", "mazout", "stookolie"),
        ("verwarming", "met stookolie", "stookolie"),
        ("verwarming", "we hebben een mazouttank", "stookolie"),
        ("verwarming", "petroleumkachel", "stookolie"),
        ("verwarming", "aardgas", "aardgas"),
        ("verwarming", "gas", "aardgas"),
        ("verwarming", "op gas", "aardgas"),
        ("verwarming", "warmtepomp", "elektriciteit"),
        ("verwarming", "elektrisch", "elektriciteit"),
        ("verwarming", "houtkachel", "andere"),
        ("verwarming", "met pellets", "andere"),
        # gas in flessen is geen aardgas van het net (en geeft geen verwarmingstoelage)
        ("verwarming", "gasflessen", "andere"),
        ("verwarming", "met gas in flessen", "andere"),
        ("soort_inkomen", "pensioen", "pensioen"),
        ("soort_inkomen", "mijn pensioen", "pensioen"),
        ("soort_inkomen", "ik werk", "loon"),
        ("soort_inkomen", "loon", "loon"),
        ("soort_inkomen", "we werken allebei", "loon"),
        ("soort_inkomen", "werkloosheidsuitkering", "uitkering"),
        ("soort_inkomen", "ziekte-uitkering", "uitkering"),
        ("soort_inkomen", "ik ben werkloos", "uitkering"),
        ("soort_inkomen", "zelfstandige", "zelfstandige"),
        ("soort_inkomen", "leefloon", "bijstand"),
        ("soort_inkomen", "IGO", "bijstand"),
        ("soort_inkomen", "loon en pensioen", "gemengd"),
        ("soort_inkomen", "een mengeling", "gemengd"),
        ("woonsituatie", "SVK", "huurder_svk"),
        ("woonsituatie", "via het sociaal verhuurkantoor", "huurder_svk"),
        ("woonsituatie", "ik huur via een SVK", "huurder_svk"),
        ("woonsituatie", "ik huur een sociale woning", "huurder_sociaal"),
        ("woonsituatie", "ik huur", "huurder_privaat"),
    ],
)
def test_keuze_als_antwoord(diensten: Diensten, attribuut, tekst, waarde) -> None:
    assert lees_keuze(attribuut, tekst, als_antwoord=True) == waarde
    assert antwoord(diensten, attribuut, tekst) == {attribuut: waarde}


def test_knoptekst_getypt_is_de_keuze(diensten: Diensten, vocabulaire: Vocabulaire) -> None:
    for attribuut in ("soort_inkomen", "verwarming", "woonsituatie"):
        for waarde, knop in (vocabulaire.attributen[attribuut].opties or {}).items():
            assert antwoord(diensten, attribuut, knop).get(attribuut) == waarde, knop


@pytest.mark.parametrize(
    ("tekst", "werksituatie"),
    [("pensioen", "gepensioneerd"), ("ik werk", "werknemer"), ("werkloos", "werkzoekend")],
)
def test_korte_woorden_over_het_inkomen_alleen_als_antwoord(tekst, werksituatie) -> None:
    """Elders zegt "pensioen" iets over de werksituatie, niet over het gezinsinkomen."""
    feiten = lees_feiten(tekst)
    assert feiten.get("werksituatie") == werksituatie
    assert "soort_inkomen" not in feiten


def test_het_antwoord_op_de_gestelde_vraag_is_geen_ander_feit(diensten: Diensten) -> None:
    """ "pensioen" op de vraag naar het inkomen verandert de werksituatie niet (misschien
    is het het pensioen van de partner)."""
    assert antwoord(diensten, "soort_inkomen", "pensioen") == {"soort_inkomen": "pensioen"}
    assert antwoord(diensten, "soort_inkomen", "ik werk") == {"soort_inkomen": "loon"}
    waarden = antwoord(diensten, "kind_hoger_onderwijs", "mijn dochter zit op de unief")
    assert waarden == {"kind_hoger_onderwijs": True}  # geen student, geen "1 kind"


def test_een_zoon_of_dochter_noemen_is_geen_aantal_kinderen(diensten: Diensten) -> None:
    """Als antwoord op een andere vraag: "mijn dochter is 4" zegt niet dat er één kind is."""
    waarden = antwoord(diensten, "leeftijd_jongste_kind", "mijn dochter is 4")
    assert waarden == {"leeftijd_jongste_kind": 4}
    waarden = antwoord(diensten, "leeftijd_jongste_kind", "ik heb 2 zonen, de jongste is 4")
    assert waarden == {"aantal_kinderen": 2, "leeftijd_jongste_kind": 4}
    waarden = antwoord(diensten, "nederlandstalige_school_of_opvang", "ja, mijn zoon wel")
    assert waarden == {"nederlandstalige_school_of_opvang": True}


def test_svk_uit_een_eerste_bericht() -> None:
    assert lees_feiten("ik huur via een sociaal verhuurkantoor")["woonsituatie"] == "huurder_svk"
    assert lees_feiten("we verwarmen met mazout")["verwarming"] == "stookolie"
    assert lees_feiten("we hebben een warmtepomp")["verwarming"] == "elektriciteit"


# -- ja/nee-attributen -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "feiten"),
    [
        ("ik krijg een IGO", {"ontvangt_igo": True}),
        ("ik krijg de inkomensgarantie", {"ontvangt_igo": True}),
        ("ik krijg een integratietegemoetkoming", {"ontvangt_tegemoetkoming_handicap": True}),
        ("ik krijg een IVT", {"ontvangt_tegemoetkoming_handicap": True}),
        ("ik krijg het zorgbudget voor ouderen", {"ontvangt_zorgbudget_ouderen": True}),
        ("ik betaal de zorgpremie", {"aangesloten_vlaamse_zorgkas": True}),
        ("ze gaat naar een Nederlandstalige school", {"nederlandstalige_school_of_opvang": True}),
        ("hij zit in een Franstalige crèche", {"nederlandstalige_school_of_opvang": False}),
        ("ik ben zorgbehoevend", {"zelf_zorgbehoevend": True}),
    ],
)
def test_ja_nee_uit_een_bericht(tekst, feiten) -> None:
    gelezen = lees_feiten(tekst)
    assert {k: gelezen.get(k) for k in feiten} == feiten


def test_geen_ja_nee_feit_uit_een_vraag_over_een_recht() -> None:
    """ "heb ik recht op een IGO?" zegt niet dat u er een krijgt."""
    assert "ontvangt_igo" not in lees_feiten("heb ik recht op een IGO?")
    assert "ontvangt_igo" not in lees_feiten("wat is de inkomensgarantie voor ouderen?")


@pytest.mark.parametrize(
    ("attribuut", "tekst", "intent", "waarde"),
    [
        ("zorgbehoevende_zelfde_adres", "ja", "affirm", True),
        ("zorgbehoevende_zelfde_adres", "ze woont bij ons", None, True),
        ("zorgbehoevende_zelfde_adres", "nee, ze woont in het rusthuis", None, False),
        ("zorgbehoevende_zelfde_adres", "hij woont alleen", None, False),
        ("verhuisd_uit_slechte_woning", "ik was dakloos", None, True),
        ("verhuisd_uit_slechte_woning", "onze vorige woning was onbewoonbaar", None, True),
        ("verhuisd_uit_slechte_woning", "nee", "deny", False),
        ("aangesloten_vlaamse_zorgkas", "ik betaal geen zorgpremie", None, False),
        ("aangesloten_vlaamse_zorgkas", "ja, bij de Vlaamse zorgkas", None, True),
        ("kind_hoger_onderwijs", "ja, aan de hogeschool", None, True),
        ("ontvangt_igo", "neen", "deny", False),
    ],
)
def test_ja_nee_als_antwoord(diensten: Diensten, attribuut, tekst, intent, waarde) -> None:
    assert antwoord(diensten, attribuut, tekst, intent).get(attribuut) is waarde


def test_verhuisd_nee_blijft_nee(diensten: Diensten) -> None:
    """Een ontkend trefwoord telt niet: "niet dakloos" is geen ja."""
    waarden = antwoord(diensten, "verhuisd_uit_slechte_woning", "nee, ik was niet dakloos")
    assert waarden == {"verhuisd_uit_slechte_woning": False}


# -- getallen -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "leeftijd"),
    [("82", 82), ("ze is 82 jaar", 82), ("mijn vader is 85", 85), ("negenenzeventig", 79)],
)
def test_leeftijd_van_de_zorgbehoevende(diensten: Diensten, tekst, leeftijd) -> None:
    waarden = antwoord(diensten, "zorgbehoevende_leeftijd", tekst)
    assert waarden == {"zorgbehoevende_leeftijd": leeftijd}  # niet uw eigen leeftijd


@pytest.mark.parametrize(
    ("tekst", "bedrag"),
    [
        ("24000", 24000),
        ("24.000 euro", 24000),
        ("ongeveer 31 500 euro", 31500),
        ("24 duizend", 24000),
        ("€ 18.750,50", 18750.5),
        ("2000 per maand", 24000),  # een maandbedrag wordt per jaar
        ("ons belastbaar inkomen is 28000 euro per jaar", 28000),
    ],
)
def test_belastbaar_jaarinkomen(diensten: Diensten, tekst, bedrag) -> None:
    assert lees_jaarbedrag(tekst) == bedrag
    # per jaar, niet gedeeld door 12; en geen netto maandinkomen erbij
    assert antwoord(diensten, "belastbaar_inkomen_gezin_jaar", tekst) == {
        "belastbaar_inkomen_gezin_jaar": bedrag
    }


def test_belastbaar_jaarinkomen_weet_ik_niet_en_te_veel(diensten: Diensten) -> None:
    assert lees_jaarbedrag("geen inkomen") == 0
    lezing = lees_bericht(diensten, "weet ik niet", gevraagd="belastbaar_inkomen_gezin_jaar")
    assert lezing.weet_niet == ["belastbaar_inkomen_gezin_jaar"]
    lezing = lees_bericht(diensten, "5000000 euro", gevraagd="belastbaar_inkomen_gezin_jaar")
    assert lezing.waarden == {} and lezing.berichten


def test_wat_we_verwachten_bij_een_jaarbedrag(vocabulaire: Vocabulaire) -> None:
    assert verwacht(vocabulaire.attributen["belastbaar_inkomen_gezin_jaar"]) == (
        VERWACHT_JAARBEDRAG
    )
    assert "per maand" in verwacht(vocabulaire.attributen["netto_maandinkomen_gezin"])


# -- de vraaggroep zorg ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "verwacht_"),
    [
        ("82, niet bij mij", {"zorgbehoevende_leeftijd": 82, "zorgbehoevende_zelfde_adres": False}),
        (
            "mijn moeder van 79 woont bij ons",
            {"zorgbehoevende_leeftijd": 79, "zorgbehoevende_zelfde_adres": True},
        ),
        ("82, ja", {"zorgbehoevende_leeftijd": 82, "zorgbehoevende_zelfde_adres": True}),
        (
            "90 en ze woont in het rusthuis",
            {"zorgbehoevende_leeftijd": 90, "zorgbehoevende_zelfde_adres": False},
        ),
        ("hij woont bij ons", {"zorgbehoevende_zelfde_adres": True}),  # leeftijd: apart
        ("85", {"zorgbehoevende_leeftijd": 85}),
    ],
)
def test_vraaggroep_zorg(diensten: Diensten, tekst, verwacht_) -> None:
    groep = diensten.vocabulaire.vraaggroepen["zorg"]
    lezing = lees_bericht(
        diensten, tekst, intent="inform", gevraagd=groep.leden[0], groep=groep, leden=groep.leden
    )
    assert lezing.waarden == verwacht_
    assert lezing.groep_beantwoord


def test_vraaggroep_zorg_weet_ik_niet(diensten: Diensten) -> None:
    groep = diensten.vocabulaire.vraaggroepen["zorg"]
    lezing = lees_bericht(
        diensten,
        "geen idee",
        intent="dont_know",
        gevraagd=groep.leden[0],
        groep=groep,
        leden=groep.leden,
    )
    assert lezing.weet_niet == list(groep.leden) and not lezing.waarden


# -- de knoppen van de aankruisvraag ------------------------------------------------------------


def _payload(knop: dict[str, str]) -> dict:
    assert knop["payload"].startswith("/inform")
    return json.loads(knop["payload"][len("/inform") :])


def test_knoppen_maken_alleen_leeg_is_nee_leden_nee(vocabulaire: Vocabulaire) -> None:
    groep = vocabulaire.vraaggroepen["situaties"]
    knoppen = groepsknoppen(groep, groep.leden)
    per_titel = {k["title"]: k for k in knoppen}
    geen = _payload(per_titel[groep.geen])
    assert geen == {a: False for a in groep.leden if a in groep.leeg_is_nee}
    mantelzorg = _payload(per_titel[groep.labels["mantelzorger"]])
    assert mantelzorg == {a: a == "mantelzorger" for a in groep.leeg_is_nee | {"mantelzorger"}}
    leefloon = _payload(per_titel[groep.labels["ontvangt_leefloon"]])
    assert leefloon["ontvangt_leefloon"] is True
    assert leefloon == {
        "ontvangt_leefloon": True,
        **{a: False for a in groep.leeg_is_nee if a != "ontvangt_leefloon"},
    }
    assert knoppen[-1]["payload"] == "/dont_know"


def test_geen_van_deze_zonder_leeg_is_nee_leden(vocabulaire: Vocabulaire) -> None:
    groep = vocabulaire.vraaggroepen["situaties"]
    knoppen = groepsknoppen(groep, ("verhoogde_tegemoetkoming",))
    geen = next(k for k in knoppen if k["title"] == groep.geen)
    assert geen["payload"] == "/inform{}"


# -- de vraaggroep inkomen ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "verwacht_"),
    [
        ("1.800 euro, pensioen", {"netto_maandinkomen_gezin": 1800, "soort_inkomen": "pensioen"}),
        (
            "€ 1.250,50, uitkering",
            {"netto_maandinkomen_gezin": 1250.5, "soort_inkomen": "uitkering"},
        ),
        (
            "1200 euro per maand, ik werk",
            {"netto_maandinkomen_gezin": 1200, "soort_inkomen": "loon"},
        ),
        (
            "ongeveer 900 euro netto per maand, werkloosheidsuitkering",
            {"netto_maandinkomen_gezin": 900, "soort_inkomen": "uitkering"},
        ),
        # "loon en pensioen" is één antwoord (een mengeling), niet twee; en "pensioen"
        # zegt hier niets over de eigen werksituatie
        (
            "we hebben samen 1800 euro per maand, loon en pensioen",
            {"netto_maandinkomen_gezin": 1800, "soort_inkomen": "gemengd"},
        ),
        ("2000", {"netto_maandinkomen_gezin": 2000}),  # de soort: apart
        ("pensioen", {"soort_inkomen": "pensioen"}),  # het bedrag: apart
    ],
)
def test_vraaggroep_inkomen(diensten: Diensten, tekst, verwacht_) -> None:
    groep = diensten.vocabulaire.vraaggroepen.get("inkomen")
    if groep is None:
        pytest.skip("de woordenlijst heeft geen vraaggroep 'inkomen'")
    lezing = lees_bericht(
        diensten, tekst, intent="inform", gevraagd=groep.leden[0], groep=groep, leden=groep.leden
    )
    assert lezing.waarden == verwacht_


@pytest.mark.parametrize(
    ("tekst", "verwacht_"),
    [
        (
            "ik huur van een private verhuurder, met stookolie",
            {"woonsituatie": "huurder_privaat", "verwarming": "stookolie"},
        ),
        ("eigen huis, mazout", {"woonsituatie": "eigenaar", "verwarming": "stookolie"}),
        ("sociale woning, gas", {"woonsituatie": "huurder_sociaal", "verwarming": "aardgas"}),
        ("via het SVK, elektrisch", {"woonsituatie": "huurder_svk", "verwarming": "elektriciteit"}),
        (
            "ik ben eigenaar en we hebben een warmtepomp",
            {"woonsituatie": "eigenaar", "verwarming": "elektriciteit"},
        ),
        (
            "huurhuis met een pelletkachel",
            {"woonsituatie": "huurder_privaat", "verwarming": "andere"},
        ),
        ("ik woon bij mijn ouders", {"woonsituatie": "inwonend"}),  # de verwarming: apart
    ],
)
def test_vraaggroep_wonen(diensten: Diensten, tekst, verwacht_) -> None:
    groep = diensten.vocabulaire.vraaggroepen.get("wonen")
    if groep is None:
        pytest.skip("de woordenlijst heeft geen vraaggroep 'wonen'")
    lezing = lees_bericht(
        diensten, tekst, intent="inform", gevraagd=groep.leden[0], groep=groep, leden=groep.leden
    )
    assert lezing.waarden == verwacht_


def test_een_getal_met_een_rol_is_geen_antwoord_op_een_andere_soort_vraag(
    diensten: Diensten,
) -> None:
    """ "nee, ik ben 43" (een correctie) op de vraag naar het inkomen: een leeftijd, geen
    inkomen van 43 euro; en de vraag is niet beantwoord."""
    groep = diensten.vocabulaire.vraaggroepen["inkomen"]
    lezing = lees_bericht(
        diensten,
        "nee, ik ben 43",
        intent="deny",
        gevraagd=groep.leden[0],
        groep=groep,
        leden=groep.leden,
    )
    assert lezing.waarden == {"leeftijd": 43}
    assert not lezing.groep_beantwoord


# -- de vraaggroep huurwoning ----------------------------------------------------------------------

_WACHT, _VERHUISD = "jaren_op_wachtlijst_sociale_woning", "verhuisd_uit_slechte_woning"


@pytest.mark.parametrize(
    ("tekst", "verwacht_"),
    [
        ("3 jaar, nee", {_WACHT: 3, _VERHUISD: False}),
        ("nee", {_WACHT: 0, _VERHUISD: False}),
        ("neen, geen van beide", {_WACHT: 0, _VERHUISD: False}),
        ("Nee, geen van beide", {_WACHT: 0, _VERHUISD: False}),
        ("nee, nee", {_WACHT: 0, _VERHUISD: False}),
        ("0, ja", {_WACHT: 0, _VERHUISD: True}),
        ("5 jaar en ja", {_WACHT: 5, _VERHUISD: True}),
        ("nee, ja", {_WACHT: 0, _VERHUISD: True}),
        ("ik sta er al 6 jaar op, maar ik ben niet verhuisd", {_WACHT: 6, _VERHUISD: False}),
        ("niet op de wachtlijst, ik was dakloos", {_WACHT: 0, _VERHUISD: True}),
        ("nee, ik ben verhuisd uit een onbewoonbare woning", {_WACHT: 0, _VERHUISD: True}),
        ("allebei niet", {_WACHT: 0, _VERHUISD: False}),
        # "ja" next to the years answers the first question, not the second: asked apart
        ("ja, 3 jaar", {_WACHT: 3}),
        ("ja 4 jaar", {_WACHT: 4}),
        ("4 jaar", {_WACHT: 4}),
        ("ingeschreven vorig jaar, nee", {_WACHT: 1, _VERHUISD: False}),
        ("2 jaar, ja", {_WACHT: 2, _VERHUISD: True}),
    ],
)
def test_vraaggroep_huurwoning(diensten: Diensten, tekst, verwacht_) -> None:
    groep = diensten.vocabulaire.vraaggroepen["huurwoning"]
    lezing = lees_bericht(
        diensten, tekst, intent="inform", gevraagd=groep.leden[0], groep=groep, leden=groep.leden
    )
    assert lezing.waarden == verwacht_
    assert lezing.groep_beantwoord
