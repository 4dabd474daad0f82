"""Classes of reader errors (issue 11), each fixed in general and shown here with our own
development sentences: written the way Flemish people type (dialect, typos, several facts
in one message, corrections), never copied from the held-out sentences.

Each case lists the facts a careful reader takes and the facts that must not be stored
(a false fact is worse than a missing one: the bot then simply asks).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from bereide_diensten import bereide_diensten

from actions.antwoorden import Lezing, lees_bericht
from actions.normaliseren.tikfouten import Verbeteraar, standaard_verbeteraar
from bot.diensten import Diensten

PEILDATUM = date(2025, 6, 1)


@pytest.fixture(scope="module")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    with bereide_diensten(tmp_path_factory, "lezer_klassen", PEILDATUM) as d:
        yield d


def _lees(d: Diensten, gevraagd: str | None, tekst: str) -> Lezing:
    """As the bot reads it: an answer to ``gevraagd``, or a first message."""
    if gevraagd:
        return lees_bericht(d, tekst, intent="inform", gevraagd=gevraagd)
    opening = d.vocabulaire.vraaggroepen[d.catalogus.openingsgroep or ""]
    return lees_bericht(d, tekst, intent="inform", groep=opening, leden=opening.leden, opening=True)


def _controleer(
    d: Diensten, gevraagd: str | None, tekst: str, verwacht: dict[str, Any], niet: tuple = ()
) -> None:
    gelezen = _lees(d, gevraagd, tekst).waarden
    fout = {a: gelezen.get(a) for a, w in verwacht.items() if gelezen.get(a) != w}
    assert not fout, (tekst, gelezen)
    bewaard = [a for a in niet if a in gelezen]
    assert not bewaard, (tekst, gelezen)


# -- typos: a tie goes to the word with a letter left out, a word without vowel is a typo -----


def test_een_vergeten_letter_beslist_een_gelijkspel() -> None:
    verbeteraar = Verbeteraar(["maand", "maanden", "kaarten", "kaarsen"])
    assert verbeteraar.woord("maandn") == "maanden"
    assert verbeteraar.woord("kaaren") == "kaaren"  # two forgotten letters: still a tie


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("mijn dochtertje is 7 maandn", "mijn dochtertje is 7 maanden"),
        ("ik krjg een uitkering", "ik krijg een uitkering"),
        ("ik wrk niet", "ik wrk niet"),  # two candidates or none: stays
        ("hmmm, brrr", "hmmm, brrr"),
    ],
)
def test_tikfouten(tekst: str, verwacht: str) -> None:
    assert standaard_verbeteraar().tekst(tekst) == verwacht


# -- numbers: ranges in thousands, "een jaar of zes", a number in a list of its own -----------


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "verwacht"),
    [
        ("belastbaar_inkomen_gezin_jaar", "allebei samen zo'n 31 à 33 duizend", 32000),
        ("belastbaar_inkomen_gezin_jaar", "ergens tussen 40.000 en 44.000 denk ik", 42000),
        ("belastbaar_inkomen_gezin_jaar", "2100 a 2300 per maand", 26400),
        ("netto_maandinkomen_gezin", "tss de 1400 en 1600 euro", 1500),
        ("netto_maandinkomen_gezin", "1,5 a 1,7 duizend", 1600),
        ("netto_maandinkomen_gezin", "30 tot 32 duizend per jaar", 2583),
    ],
)
def test_bereik_met_duizendtallen(
    diensten: Diensten, gevraagd: str, tekst: str, verwacht: int
) -> None:
    _controleer(diensten, gevraagd, tekst, {gevraagd: verwacht})


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "verwacht"),
    [
        ("jaren_op_wachtlijst_sociale_woning", "ik sta er nu een jaar of vier op", 4),
        ("jaren_op_wachtlijst_sociale_woning", "toch al een jaar of 3", 3),
    ],
)
def test_een_jaar_of_zes_is_ongeveer_zes_jaar(
    diensten: Diensten, gevraagd: str, tekst: str, verwacht: int
) -> None:
    _controleer(diensten, gevraagd, tekst, {gevraagd: verwacht})


@pytest.mark.parametrize(
    ("tekst", "verwacht", "niet"),
    [
        ("poetsvrouw, 49, weduwe, 2 kinders waarvan de jongste 15", {"leeftijd": 49}, ()),
        ("ik ben alleenstaande papa van 2, 38 jaar", {"leeftijd": 38, "aantal_kinderen": 2}, ()),
        ("mama van 4 en 41 jaar oud", {"aantal_kinderen": 4, "leeftijd": 41}, ()),
        ("ik zorg voor mijn mama van 79", {}, ("aantal_kinderen", "leeftijd")),
    ],
)
def test_getal_in_een_opsomming(
    diensten: Diensten, tekst: str, verwacht: dict[str, Any], niet: tuple
) -> None:
    _controleer(diensten, None, tekst, verwacht, niet)


# -- who someone lives with: children from singular and Flemish nouns, no partner listed ------


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "verwacht", "niet"),
    [
        (
            None,
            "'k woon alleen met mijn dochterke van 6 in een appartementje",
            {"aantal_kinderen": 1, "samenwonend_met_partner": False, "leeftijd_jongste_kind": 6},
            (),
        ),
        (
            None,
            "met mijne man en ons zoonke",
            {"aantal_kinderen": 1, "samenwonend_met_partner": True},
            (),
        ),
        (None, "wij wonen met ons drie kleine in een rijhuis", {"aantal_kinderen": 3}, ()),
        (
            "samenwonend_met_partner",
            "ik woon met mijn twee zonen",
            {"samenwonend_met_partner": False, "aantal_kinderen": 2},
            (),
        ),
        # someone else's child, or we: no count and no "alone"
        (
            None,
            "ik woon bij mijn lief en haar dochter",
            {},
            ("aantal_kinderen",),
        ),
        (
            None,
            "we zijn met een baby van 3 maand",
            {"aantal_kinderen": 1},
            ("samenwonend_met_partner",),
        ),
        ("aantal_kinderen", "ik woon met 3 medestudenten", {}, ("aantal_kinderen",)),
        (None, "ik woon met mijn zoon en mijn schoonmoeder", {}, ("samenwonend_met_partner",)),
    ],
)
def test_met_wie_iemand_woont(
    diensten: Diensten,
    gevraagd: str | None,
    tekst: str,
    verwacht: dict[str, Any],
    niet: tuple,
) -> None:
    _controleer(diensten, gevraagd, tekst, verwacht, niet)


# -- words that only add emphasis or time, and the verb before "ik" -------------------------


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "verwacht", "niet"),
    [
        (None, "'k ben nie ziek hoor, 'k zoek gewoon ne job", {"werksituatie": "werkzoekend"}, ()),
        (None, "contract gedaan, nu zoek ik terug werk", {"werksituatie": "werkzoekend"}, ()),
        (
            None,
            "sinds vorige zomer huur ik een studio in mechelen",
            {"woonsituatie": "huurder_privaat", "gemeente": "Mechelen"},
            (),
        ),
        (None, "sinds maart krijg ik leefloon", {"ontvangt_leefloon": True}, ()),
        # a question is no statement
        (None, "nu krijg ik een leefloon?", {}, ("ontvangt_leefloon",)),
    ],
)
def test_vulwoorden_en_omgekeerde_zin(
    diensten: Diensten, gevraagd: str | None, tekst: str, verwacht: dict[str, Any], niet: tuple
) -> None:
    _controleer(diensten, gevraagd, tekst, verwacht, niet)


# -- whose fact it is: people outside the household, "bij hen in", the partner is no child -----


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "verwacht", "niet"),
    [
        (None, "de onderburen hebben mazout, wij stoken op gas", {"verwarming": "aardgas"}, ()),
        (
            "woonsituatie",
            "mijn grootouders zijn eigenaar en ik woon bij hen in",
            {"woonsituatie": "inwonend"},
            (),
        ),
        (
            None,
            "22 jaar, woon nog thuis in tienen",
            {"woonsituatie": "inwonend", "leeftijd": 22},
            (),
        ),
        (None, "mijn schoonzus is werkloos, ik niet", {}, ("werksituatie",)),
        (None, "ik deel een huis met 2 andere studenten", {"werksituatie": "student"}, ()),
        (
            None,
            "mijne man en ik zijn allebei gepensioneerd",
            {"soort_inkomen": "pensioen", "samenwonend_met_partner": True},
            (),
        ),
        (None, "onze zoon van 9 heeft een erkende handicap", {"erkende_handicap": True}, ()),
        (None, "de buurman heeft een erkende handicap", {}, ("erkende_handicap",)),
        (
            None,
            "mijn man heeft MS en krijgt een integratietegemoetkoming",
            {"ontvangt_tegemoetkoming_handicap": True},
            (),
        ),
        (None, "mijne nonkel krijgt een ivt", {}, ("ontvangt_tegemoetkoming_handicap",)),
        # "..., ik niet": a no for the person when the other is outside the household
        (
            None,
            "mijn ma heeft de verhoogde tegemoetkoming maar ik zelf niet",
            {"verhoogde_tegemoetkoming": False},
            (),
        ),
        (None, "mijne pa krijgt een IGO, ik niet", {"ontvangt_igo": False}, ()),
        # a child's handicap is the household's: no "no" from "ik niet"
        (
            None,
            "ons dochter heeft een erkende handicap, ik niet",
            {"erkende_handicap": True},
            (),
        ),
    ],
)
def test_wiens_feit(
    diensten: Diensten, gevraagd: str | None, tekst: str, verwacht: dict[str, Any], niet: tuple
) -> None:
    _controleer(diensten, gevraagd, tekst, verwacht, niet)


# -- situations in one's own words -----------------------------------------------------------


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "verwacht", "niet"),
    [
        (None, "ons oudste doet een master aan de uhasselt", {"kind_hoger_onderwijs": True}, ()),
        (None, "ik ben 19 en zit op de hogeschool in kortrijk", {"kind_hoger_onderwijs": True}, ()),
        (None, "mijn lief studeert aan de kul", {}, ("kind_hoger_onderwijs",)),
        (None, "mijn nicht zit op de unief", {}, ("kind_hoger_onderwijs",)),
        (
            "kind_hoger_onderwijs",
            "neen, niemand zit op een hogeschool of universiteit",
            {"kind_hoger_onderwijs": False},
            (),
        ),
        (
            None,
            "ik heb reuma en heb 's morgens hulp nodig om mij te wassen",
            {"zelf_zorgbehoevend": True},
            (),
        ),
        (
            None,
            "de thuisverpleging komt elke dag, ik heb ze nodig bij het douchen",
            {"zelf_zorgbehoevend": True},
            (),
        ),
        (None, "mijn moeder heeft hulp nodig bij het aankleden", {}, ("zelf_zorgbehoevend",)),
        (None, "ik heb geen hulp nodig bij het wassen", {"zelf_zorgbehoevend": False}, ()),
        (
            None,
            "ik zorg voor mijn tante, ik rij er elke dag naartoe",
            {"mantelzorger": True, "zorgbehoevende_zelfde_adres": False},
            (),
        ),
        (
            None,
            "ik verzorg mijn schoonvader, we wonen onder hetzelfde dak",
            {"mantelzorger": True, "zorgbehoevende_zelfde_adres": True},
            (),
        ),
        (None, "ik zorg voor mijn kinderen", {}, ("mantelzorger",)),
        (
            None,
            "vorige winter zijn we uit een vochtige rotte woning verhuisd",
            {"verhuisd_uit_slechte_woning": True},
            (),
        ),
    ],
)
def test_situaties_in_eigen_woorden(
    diensten: Diensten, gevraagd: str | None, tekst: str, verwacht: dict[str, Any], niet: tuple
) -> None:
    _controleer(diensten, gevraagd, tekst, verwacht, niet)


# -- the municipality: not where one no longer lives, a year is no postcode, "X bij Y" ----------


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "verwacht", "niet"),
    [
        (None, "ik woon niet meer in hasselt, nu in genk", {"gemeente": "Genk"}, ()),
        (None, "'k woon nie in gent zelf maar in merelbeke", {"gemeente": "Merelbeke-Melle"}, ()),
        (
            "gemeente",
            "neen, daar woon ik niet meer, ik ben verhuisd naar zottegem",
            {"gemeente": "Zottegem"},
            (),
        ),
        (None, "geboren in 1990 en woon in kortrijk", {"gemeente": "Kortrijk"}, ()),
        (None, "sinds 2018 werkloos", {}, ("gemeente",)),  # 2018 is also a postcode
        (None, "ik woon in deurne, ge weet wel bij diest", {"gemeente": "Diest"}, ()),
        ("gemeente", "deurne bij antwerpen", {"gemeente": "Antwerpen"}, ()),
        (None, "we huren een rijhuis in kortrjik", {"gemeente": "Kortrijk"}, ()),
        ("gemeente", "hasselt, samen met mijn man", {"gemeente": "Hasselt"}, ()),
    ],
)
def test_gemeente(
    diensten: Diensten, gevraagd: str | None, tekst: str, verwacht: dict[str, Any], niet: tuple
) -> None:
    _controleer(diensten, gevraagd, tekst, verwacht, niet)


# -- the income answer: two kinds of income are mixed, a benefit named with its amount -------


@pytest.mark.parametrize(
    ("tekst", "verwacht", "niet"),
    [
        (
            "1900 samen: mijn loon en het pensioen van mijn man",
            {"netto_maandinkomen_gezin": 1900, "soort_inkomen": "gemengd"},
            ("werksituatie",),
        ),
        (
            "ik krijg ongeveer 1250 leefloon",
            {"soort_inkomen": "bijstand", "ontvangt_leefloon": True},
            (),
        ),
        ("1300 igo", {"ontvangt_igo": True}, ()),
        (
            "geen leefloon, 1200 uitkering",
            {"ontvangt_leefloon": False, "soort_inkomen": "uitkering"},
            (),
        ),
        # what came in before is no source of today
        (
            "1400 euro, vroeger had ik leefloon",
            {"netto_maandinkomen_gezin": 1400},
            ("ontvangt_leefloon", "soort_inkomen"),
        ),
        (
            "ik ben op pensioen, 1600 euro",
            {"soort_inkomen": "pensioen", "werksituatie": "gepensioneerd"},
            (),
        ),
    ],
)
def test_inkomen(diensten: Diensten, tekst: str, verwacht: dict[str, Any], niet: tuple) -> None:
    _controleer(diensten, "netto_maandinkomen_gezin", tekst, verwacht, niet)
