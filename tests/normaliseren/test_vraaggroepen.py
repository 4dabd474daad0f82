"""Answers to a question group: one message fills several attributes (actions.antwoorden)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actions.antwoorden import lees_bericht
from bot.diensten import Diensten, bouw_diensten
from bot.settings import Settings
from catalogus_loader.init import initialiseer

SITUATIES = ("ontvangt_leefloon", "verhoogde_tegemoetkoming", "erkende_handicap", "mantelzorger")


@pytest.fixture(scope="module")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Diensten:
    pad: Path = tmp_path_factory.mktemp("vraaggroepen") / "catalogus.db"
    settings = Settings(database_url=f"sqlite:///{pad}")
    initialiseer(settings)
    d = bouw_diensten(settings)
    yield d
    d.engine.dispose()


def lees(d: Diensten, groep: str, tekst: str, *, intent: str | None = "inform", **kw):
    g = d.vocabulaire.vraaggroepen[groep]
    leden = kw.pop("leden", g.leden)
    return lees_bericht(d, tekst, intent=intent, gevraagd=leden[0], groep=g, leden=leden, **kw)


@pytest.mark.parametrize(
    ("tekst", "ja"),
    [
        ("leefloon en mantelzorg", {"ontvangt_leefloon", "mantelzorger"}),
        ("ik heb een handicap", {"erkende_handicap"}),
        ("geen handicap, maar ik ben wel mantelzorger", {"mantelzorger"}),
        ("Ik krijg een leefloon van het OCMW", {"ontvangt_leefloon"}),
        ("verhoogde tegemoetkoming", {"verhoogde_tegemoetkoming"}),
        ("Geen van deze", set()),
        ("nee", set()),
        ("geen enkele", set()),
    ],
)
def test_aankruisen_wat_genoemd_is_is_ja_de_rest_nee(diensten: Diensten, tekst, ja) -> None:
    lezing = lees(diensten, "situaties", tekst)
    assert lezing.waarden == {a: a in ja for a in SITUATIES}


def test_aankruisen_via_knop(diensten: Diensten) -> None:
    knop = [{"entity": a, "value": a == "mantelzorger"} for a in SITUATIES]
    lezing = lees(diensten, "situaties", "/inform", entiteiten=knop)
    assert lezing.waarden == {a: a == "mantelzorger" for a in SITUATIES}


def test_aankruisen_alleen_de_gevraagde_leden(diensten: Diensten) -> None:
    leden = ("erkende_handicap", "mantelzorger")
    lezing = lees(diensten, "situaties", "mantelzorg", leden=leden)
    assert lezing.waarden == {"erkende_handicap": False, "mantelzorger": True}


def test_aankruisen_onduidelijk_antwoord_vult_niets_in(diensten: Diensten) -> None:
    assert lees(diensten, "situaties", "hoezo?", intent=None).waarden == {}


def test_weet_niet_geldt_voor_alle_leden(diensten: Diensten) -> None:
    lezing = lees(diensten, "situaties", "weet ik niet", intent="dont_know")
    assert lezing.weet_niet == list(SITUATIES) and not lezing.waarden


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("34, Gent", {"leeftijd": 34, "gemeente": "Gent"}),
        ("ik ben 34 en woon in Gent", {"leeftijd": 34, "gemeente": "Gent"}),
        ("Gent, 71 jaar", {"leeftijd": 71, "gemeente": "Gent"}),
        ("67 jaar en ik woon in Sint-Amandsberg", {"leeftijd": 67, "gemeente": "Gent"}),
        ("vijfenzestig, Brugge", {"leeftijd": 65, "gemeente": "Brugge"}),
        ("Leuven", {"gemeente": "Leuven"}),  # de leeftijd volgt als aparte vraag
        ("40", {"leeftijd": 40}),
    ],
)
def test_samen_leeftijd_en_gemeente(diensten: Diensten, tekst, verwacht) -> None:
    assert lees(diensten, "over_u", tekst).waarden == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("alleen", {"samenwonend_met_partner": False, "aantal_kinderen": 0}),
        ("Met mijn partner", {"samenwonend_met_partner": True, "aantal_kinderen": 0}),
        ("met mijn partner en 2 kinderen", {"samenwonend_met_partner": True, "aantal_kinderen": 2}),
        ("alleen met mijn 3 kinderen", {"samenwonend_met_partner": False, "aantal_kinderen": 3}),
        ("met mijn vrouw en twee kindjes", {"samenwonend_met_partner": True, "aantal_kinderen": 2}),
        ("Alleen met mijn kinderen", {"samenwonend_met_partner": False}),  # hoeveel: apart
    ],
)
def test_samen_gezin(diensten: Diensten, tekst, verwacht) -> None:
    assert lees(diensten, "gezin", tekst).waarden == verwacht


def test_samen_via_knop(diensten: Diensten) -> None:
    knop = [
        {"entity": "samenwonend_met_partner", "value": True},
        {"entity": "aantal_kinderen", "value": 0},
    ]
    lezing = lees(diensten, "gezin", "/inform", entiteiten=knop)
    assert lezing.waarden == {"samenwonend_met_partner": True, "aantal_kinderen": 0}


def test_onmogelijke_waarde_in_een_groep_geeft_een_bericht(diensten: Diensten) -> None:
    lezing = lees(diensten, "over_u", "ik ben 150 en woon in Gent")
    assert lezing.waarden == {"gemeente": "Gent"}
    assert any("120" in b.tekst for b in lezing.berichten)
