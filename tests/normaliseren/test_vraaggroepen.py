"""Answers to a question group: one message fills several attributes (actions.antwoorden)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bereide_diensten import bereide_diensten

from actions.antwoorden import lees_bericht
from bot.diensten import Diensten
from bot.vocabulary import laad_vocabulaire

SITUATIES = laad_vocabulaire().vraaggroepen["situaties"].leden
"""De leden van het lijstje, in de volgorde van de woordenlijst."""
LEEG_IS_NEE = laad_vocabulaire().vraaggroepen["situaties"].leeg_is_nee
"""Wat mensen zeker herkennen: niet aangekruist is nee. De rest blijft dan onbekend."""
ZEKER_LEEG_IS_NEE = {
    "ontvangt_leefloon",
    "ontvangt_igo",
    "ontvangt_tegemoetkoming_handicap",
    "erkende_handicap",
    "mantelzorger",
}
NIET_LEEG_IS_NEE = {"verhoogde_tegemoetkoming"}
"""Wie het kleefbriefje niet bekeek, weet vaak niet of hij een verhoogde tegemoetkoming
heeft: niet aangekruist is dan onbekend."""


def aangekruist(ja: set[str], nee: set[str] = frozenset()) -> dict[str, bool]:
    """De verwachte waarden: ``ja`` is ja; ``nee`` en de niet-aangekruiste leden met
    leeg_is_nee zijn nee; de andere leden blijven weg (onbekend)."""
    uit = {a: True for a in SITUATIES if a in ja}
    uit |= {a: False for a in SITUATIES if a not in ja and (a in nee or a in LEEG_IS_NEE)}
    return uit


def onbekend(ja: set[str], nee: set[str] = frozenset()) -> list[str]:
    """Niet aangekruist en geen ``leeg_is_nee``: onbekend, en niet opnieuw gevraagd."""
    return [a for a in SITUATIES if a not in ja and a not in nee and a not in LEEG_IS_NEE]


@pytest.fixture(scope="module")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    with bereide_diensten(tmp_path_factory, "vraaggroepen") as d:
        yield d


def lees(d: Diensten, groep: str, tekst: str, *, intent: str | None = "inform", **kw):
    g = d.vocabulaire.vraaggroepen[groep]
    leden = kw.pop("leden", g.leden)
    return lees_bericht(d, tekst, intent=intent, gevraagd=leden[0], groep=g, leden=leden, **kw)


def test_leeg_is_nee_staat_in_de_woordenlijst(diensten: Diensten) -> None:
    groep = diensten.vocabulaire.vraaggroepen["situaties"]
    assert ZEKER_LEEG_IS_NEE <= groep.leeg_is_nee <= set(groep.leden)
    assert not NIET_LEEG_IS_NEE & groep.leeg_is_nee
    assert set(groep.leden) >= NIET_LEEG_IS_NEE


@pytest.mark.parametrize(
    ("tekst", "ja", "nee"),
    [
        ("leefloon en mantelzorg", {"ontvangt_leefloon", "mantelzorger"}, set()),
        ("ik heb een handicap", {"erkende_handicap"}, set()),
        # wat de persoon uitdrukkelijk ontkent, is nee, ook zonder leeg_is_nee
        ("geen handicap, maar ik ben wel mantelzorger", {"mantelzorger"}, {"erkende_handicap"}),
        ("Ik krijg een leefloon van het OCMW", {"ontvangt_leefloon"}, set()),
        ("verhoogde tegemoetkoming", {"verhoogde_tegemoetkoming"}, set()),
        ("Geen van deze", set(), set()),
        ("nee", set(), set()),
        ("geen enkele", set(), set()),
        ("niks van da", set(), set()),
        ("niks van dat allemaal", set(), set()),
        ("IGO", {"ontvangt_igo"}, set()),
        ("mijn man krijgt de inkomensgarantie voor ouderen", {"ontvangt_igo"}, set()),
        ("integratietegemoetkoming", {"ontvangt_tegemoetkoming_handicap"}, set()),
        ("IVT en mantelzorg", {"ontvangt_tegemoetkoming_handicap", "mantelzorger"}, set()),
        # een tegemoetkoming voor een handicap veronderstelt een erkende handicap
        (
            "mijn zoon krijgt een tegemoetkoming voor een handicap",
            {"ontvangt_tegemoetkoming_handicap", "erkende_handicap"},
            set(),
        ),
        # "verhoogde tegemoetkoming" is geen tegemoetkoming voor een handicap
        ("ik heb de verhoogde tegemoetkoming", {"verhoogde_tegemoetkoming"}, set()),
    ],
)
def test_aankruisen_wat_genoemd_is_is_ja_leeg_is_nee_de_rest_onbekend(
    diensten: Diensten, tekst, ja, nee
) -> None:
    intent = "deny" if tekst == "nee" else "inform"
    lezing = lees(diensten, "situaties", tekst, intent=intent)
    # other facts in the answer are read too ("mijn man ...": a partner)
    assert {k: v for k, v in lezing.waarden.items() if k in SITUATIES} == aangekruist(ja, nee)
    assert set(lezing.waarden) - set(SITUATIES) <= {"samenwonend_met_partner"}
    assert lezing.groep_beantwoord
    assert lezing.weet_niet == onbekend(ja, nee)


def test_aankruisen_via_knop(diensten: Diensten) -> None:
    knop = [{"entity": "mantelzorger", "value": True}]
    knop += [{"entity": a, "value": False} for a in LEEG_IS_NEE if a != "mantelzorger"]
    lezing = lees(diensten, "situaties", "/inform", entiteiten=knop)
    assert lezing.waarden == aangekruist({"mantelzorger"})


def test_aankruisen_alleen_de_gevraagde_leden(diensten: Diensten) -> None:
    leden = ("verhoogde_tegemoetkoming", "mantelzorger")
    lezing = lees(diensten, "situaties", "mantelzorg", leden=leden)
    assert lezing.waarden == {"mantelzorger": True}  # de andere leden vroegen we niet
    assert lezing.weet_niet == ["verhoogde_tegemoetkoming"]


def test_geen_van_deze_zonder_leeg_is_nee_is_een_antwoord_dat_niets_invult(
    diensten: Diensten,
) -> None:
    """De knop "Geen van deze" stuurt /inform{} als geen gevraagd lid leeg_is_nee heeft:
    een antwoord (de bot zegt niet "dat begreep ik niet"); wat niet iedereen herkent, is
    daarna onbekend (en wordt niet opnieuw gevraagd)."""
    leden = ("verhoogde_tegemoetkoming",)
    for tekst in ("/inform{}", "Geen van deze"):
        lezing = lees(diensten, "situaties", tekst, leden=leden)
        assert lezing.waarden == {} and lezing.groep_beantwoord, tekst
        assert lezing.weet_niet == ["verhoogde_tegemoetkoming"], tekst


def test_aankruisen_onduidelijk_antwoord_vult_niets_in(diensten: Diensten) -> None:
    lezing = lees(diensten, "situaties", "hoezo?", intent=None)
    assert lezing.waarden == {} and not lezing.groep_beantwoord


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
        # alone or only with the partner: nobody else at home with an income
        (
            "alleen",
            {
                "samenwonend_met_partner": False,
                "aantal_kinderen": 0,
                "netto_maandinkomen_huisgenoten": 0,
            },
        ),
        (
            "Met mijn partner",
            {
                "samenwonend_met_partner": True,
                "aantal_kinderen": 0,
                "netto_maandinkomen_huisgenoten": 0,
            },
        ),
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
    assert any(b.tekst.startswith("Bent u echt 150 jaar?") for b in lezing.berichten)


def test_niks_van_mijn_zaken_is_geen_antwoord_op_het_lijstje(diensten: Diensten) -> None:
    lezing = lees(diensten, "situaties", "niks van mijn zaken")
    assert lezing.waarden == {} and not lezing.groep_beantwoord


def test_wat_een_ander_krijgt_kruist_niets_aan(diensten: Diensten) -> None:
    """ "mijn moeder heeft de verhoogde tegemoetkoming, ik niet" is not the person's."""
    lezing = lees(diensten, "situaties", "mijn moeder heeft de verhoogde tegemoetkoming, ik niet")
    assert lezing.waarden.get("verhoogde_tegemoetkoming") is not True


def test_een_situatie_die_de_bot_al_kende_beantwoordt_het_lijstje(diensten: Diensten) -> None:
    """The bot knew about the care already and asks the other situations: "mantelzorg"
    says that only that one fits."""
    groep = diensten.vocabulaire.vraaggroepen["situaties"]
    leden = [a for a in groep.leden if a != "mantelzorger"]
    lezing = lees(diensten, "situaties", "mantelzorg", leden=leden)
    assert lezing.groep_beantwoord
    assert {a: lezing.waarden[a] for a in groep.leeg_is_nee if a in leden} == dict.fromkeys(
        [a for a in groep.leeg_is_nee if a in leden], False
    )


def test_een_situatie_buiten_de_gevraagde_leden_wordt_toch_bewaard(diensten: Diensten) -> None:
    """The engine asked the other situations only; "verhoogde tegemoetkomming" is still
    the person's answer, with the typo."""
    groep = diensten.vocabulaire.vraaggroepen["situaties"]
    leden = [a for a in groep.leden if a != "verhoogde_tegemoetkoming"]
    lezing = lees(diensten, "situaties", "verhoogde tegemoetkomming", leden=leden)
    assert lezing.groep_beantwoord
    assert lezing.waarden["verhoogde_tegemoetkoming"] is True
