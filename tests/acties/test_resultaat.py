"""The result for people who read little: what you already get, where to begin, at most
five rights to apply for (why, amount rounded, where), what comes automatically, the rest
behind "Meer rechten", and "waarom niet?" only where it could matter.

Real engine and the real bundled catalogue (in SQLite, as the actions read it), evaluated
at a fixed date; the texts are those the actions send. No Rasa server: the conversation
test over REST is tests/bot/test_resultaat_gesprek.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from bereide_diensten import bereide_diensten
from profielen import ALLEENSTAANDE_MOEDER, ANTWOORDEN_NEE

import actions.diensten as actiediensten
from actions.indeling import MAX_AANVRAGEN, Indeling, deel_in, krijgt_al
from actions.resultaat import (
    KNOP_MEER,
    KOP_AANVRAGEN,
    KOP_AL,
    KOP_MEER_AANVRAGEN,
    KOP_MOGELIJK,
    KOP_VANZELF,
    afgerond,
    knoppen,
    kort_bedrag,
    meer_teksten,
    resultaat_teksten,
)
from actions.uitleg import ActionLegWaaromNietUit
from bot.diensten import Diensten
from bot.herladen import Herlader
from bot.klaretaal import MAX_WOORDEN, woorden, zinnen
from bot.rules import RechtUitkomst, Status, evalueer

PEILDATUM = date(2025, 6, 1)


GEZIN_IN_GENT: dict[str, Any] = {**ALLEENSTAANDE_MOEDER, "gemeente": "Gent"}
"""A single mother with two children and little income: many rights, leefloon first."""

MET_LEEFLOON = {**GEZIN_IN_GENT, "ontvangt_leefloon": True, "verhoogde_tegemoetkoming": True}

PENSIOEN_IN_LEUVEN: dict[str, Any] = {
    **ANTWOORDEN_NEE,
    "gemeente": "Leuven",
    "leeftijd": 72,
    "samenwonend_met_partner": True,
    "aantal_kinderen": 0,
    "woonsituatie": "eigenaar",
    "verwarming": "aardgas",
    "netto_maandinkomen_gezin": 2600,
    "soort_inkomen": "pensioen",
    "werksituatie": "gepensioneerd",
    "verblijfsstatus": "belg",
}
"""A couple with a fair pension: the income guarantee and the leefloon fail on the income
only; the rights for children, carers or other municipalities do not matter to them."""


@pytest.fixture(scope="module")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    with bereide_diensten(tmp_path_factory, "resultaat") as d:
        yield d


@pytest.fixture(autouse=True)
def met_diensten(monkeypatch: pytest.MonkeyPatch, diensten: Diensten) -> Diensten:
    """The actions build their services once per process; here they get these (for the
    names of rights and where to apply)."""
    monkeypatch.setattr(actiediensten, "_herlader", Herlader(diensten))
    return diensten


def _profiel(diensten: Diensten, slots: dict[str, Any]) -> dict[str, Any]:
    """The engine's profile, as actions.diensten.profiel makes it (municipality as NIS)."""
    return {**slots, "gemeente": diensten.gemeenten.resolve(slots["gemeente"]).nis}


def _uitkomsten(diensten: Diensten, slots: dict[str, Any]) -> list[RechtUitkomst]:
    return list(evalueer(_profiel(diensten, slots), diensten.catalogus, PEILDATUM).uitkomsten)


def _indeling(
    diensten: Diensten, slots: dict[str, Any], gekozen: frozenset[str] | None = None
) -> Indeling:
    profiel = _profiel(diensten, slots)
    return deel_in(_uitkomsten(diensten, slots), profiel, diensten.vocabulaire, gekozen)


def _namen(teksten: list[str], kop: str) -> list[str]:
    """The names in the result block with this heading ("• Naam: waarom")."""
    for tekst in teksten:
        if tekst.startswith(kop):
            return re.findall(r"^• ([^:\n]+):", tekst, flags=re.MULTILINE)
    return []


def _titels(indeling: Indeling, *, meer: bool = True) -> list[str]:
    return [k["title"] for k in knoppen(indeling, meer=meer)]


# --- the order: begin here, at most five to apply for, the rest behind "meer" --------------


def test_begin_hier_met_het_leefloon_dat_andere_rechten_opent(diensten: Diensten) -> None:
    teksten = resultaat_teksten(_indeling(diensten, GEZIN_IN_GENT))
    begin = next(t for t in teksten if t.startswith("Begin hier:"))
    assert begin.split("\n")[1].startswith("1. Vraag eerst leefloon aan.")
    # what it opens: rights that are likely only via the leefloon
    uitkomsten = {u.recht.id: u for u in _uitkomsten(diensten, GEZIN_IN_GENT)}
    energie = uitkomsten["sociaal-tarief-energie"]
    assert "leefloon" in energie.via_rechten
    assert energie.recht.naam.lower() in begin.split("\n")[1].lower()
    # and the list to apply for starts with it, before anything else
    assert _namen(teksten, KOP_AANVRAGEN)[0] == "Leefloon"
    assert teksten.index(begin) < next(
        i for i, t in enumerate(teksten) if t.startswith(KOP_AANVRAGEN)
    )


def test_wie_oud_genoeg_is_begint_bij_de_inkomensgarantie_niet_bij_het_leefloon(
    diensten: Diensten,
) -> None:
    """The leefloon is the last safety net: the OCMW first asks for the income guarantee
    for the elderly, which is higher. So a 72-year-old without income begins there."""
    weduwe = {
        **PENSIOEN_IN_LEUVEN,
        "samenwonend_met_partner": False,
        "woonsituatie": "huurder_privaat",
        "netto_maandinkomen_gezin": 900,
    }
    indeling = _indeling(diensten, weduwe)
    ids = [u.recht.id for u in indeling.aanvragen]
    assert ids[0] == "inkomensgarantie-ouderen"
    assert "leefloon" not in [u.recht.id for u in indeling.begin]
    leefloon = {u.recht.id: u for u in _uitkomsten(diensten, weduwe)}["leefloon"]
    assert leefloon.status is Status.MOGELIJK
    assert "eerst aan" in leefloon.reden.tekst


def test_hoogstens_vijf_om_aan_te_vragen_en_de_rest_achter_meer(diensten: Diensten) -> None:
    profiel = _profiel(diensten, GEZIN_IN_GENT)
    # what there is to apply for, worked out here from the engine's outcomes
    te_vragen = {
        u.recht.naam
        for u in _uitkomsten(diensten, GEZIN_IN_GENT)
        if u.status in (Status.WAARSCHIJNLIJK, Status.MOGELIJK)
        and not u.recht.automatisch
        and not krijgt_al(u, profiel)
    }
    assert len(te_vragen) > MAX_AANVRAGEN  # else this test shows nothing

    indeling = _indeling(diensten, GEZIN_IN_GENT)
    hoofd = resultaat_teksten(indeling)
    eerst = _namen(hoofd, KOP_AANVRAGEN) + _namen(hoofd, KOP_MOGELIJK)
    assert len(eerst) == MAX_AANVRAGEN
    assert KNOP_MEER["title"] in _titels(indeling)
    meer = meer_teksten(indeling)
    later = _namen(meer, KOP_MEER_AANVRAGEN) + _namen(meer, KOP_MOGELIJK)
    assert not set(eerst) & set(later)
    assert set(eerst) | set(later) == te_vragen
    assert KNOP_MEER["title"] not in _titels(indeling, meer=False)


def test_geen_knop_meer_als_alles_al_getoond_is(diensten: Diensten) -> None:
    indeling = _indeling(diensten, PENSIOEN_IN_LEUVEN)
    assert len(indeling.aanvragen) <= MAX_AANVRAGEN and not indeling.heeft_meer
    assert KNOP_MEER["title"] not in _titels(indeling)


def test_volgorde_eerst_wat_andere_opent_dan_waarschijnlijk_dan_mogelijk(
    diensten: Diensten,
) -> None:
    uitkomsten = _uitkomsten(diensten, GEZIN_IN_GENT)
    indeling = _indeling(diensten, GEZIN_IN_GENT)
    ids = [u.recht.id for u in indeling.aanvragen]
    begin = [u.recht.id for u in indeling.begin]
    assert ids[: len(begin)] == begin and begin[0] == "leefloon"
    statussen = [u.status for u in indeling.aanvragen]
    assert statussen == sorted(statussen, key=[Status.WAARSCHIJNLIJK, Status.MOGELIJK].index)
    # among the likely rights that open nothing: the engine's order (most money first)
    volgorde = [u.recht.id for u in uitkomsten]
    wel = [
        u.recht.id
        for u in indeling.aanvragen
        if u.recht.id not in begin and u.status is Status.WAARSCHIJNLIJK
    ]
    assert wel == sorted(wel, key=volgorde.index)


def test_elk_recht_om_aan_te_vragen_zegt_waarom_en_waar(diensten: Diensten) -> None:
    teksten = resultaat_teksten(_indeling(diensten, GEZIN_IN_GENT))
    blok = next(t for t in teksten if t.startswith(KOP_AANVRAGEN))
    items = blok.split("\n• ")[1:]
    assert items
    for item in items:
        regels = item.split("\n")
        _naam, waarom = regels[0].split(": ", 1)
        assert len(zinnen(waarom)) == 1, item  # one sentence of why
        assert len([r for r in regels if r.startswith("  Aanvragen: ")]) == 1, item
    leefloon = next(i for i in items if i.startswith("Leefloon:"))
    assert "OCMW" in leefloon


def test_wat_u_al_krijgt_staat_apart(diensten: Diensten) -> None:
    teksten = resultaat_teksten(_indeling(diensten, MET_LEEFLOON))
    al = next(t for t in teksten if t.startswith(KOP_AL))
    assert "• Leefloon" in al and "• Verhoogde tegemoetkoming" in al
    genoemd = [
        n for kop in (KOP_AANVRAGEN, KOP_MOGELIJK, KOP_VANZELF) for n in _namen(teksten, kop)
    ]
    assert genoemd and "Leefloon" not in genoemd and "Verhoogde tegemoetkoming" not in genoemd
    # nothing to begin with: the leefloon that opens the others is already there
    assert not any(t.startswith("Begin hier") for t in teksten)
    # without these answers, nothing is "already" received
    zonder = resultaat_teksten(_indeling(diensten, GEZIN_IN_GENT))
    assert not any(t.startswith(KOP_AL) for t in zonder)


def test_wat_vanzelf_komt_staat_apart_van_wat_u_aanvraagt(diensten: Diensten) -> None:
    teksten = resultaat_teksten(_indeling(diensten, GEZIN_IN_GENT))
    vanzelf = _namen(teksten, KOP_VANZELF)
    aanvragen = _namen(teksten, KOP_AANVRAGEN) + _namen(teksten, KOP_MOGELIJK)
    assert "Sociaal tarief voor elektriciteit en aardgas" in vanzelf
    per_naam = {u.recht.naam: u for u in _uitkomsten(diensten, GEZIN_IN_GENT)}
    assert all(per_naam[n].recht.automatisch for n in vanzelf)
    assert not any(per_naam[n].recht.automatisch for n in aanvragen)
    blok = next(t for t in teksten if t.startswith(KOP_VANZELF))
    assert "Aanvragen:" not in blok


# --- amounts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bedrag", "rond"),
    [(1314.20, 1300), (1776.07, 1800), (1249.99, 1200), (173.20, 170), (126, 130), (20, 20)],
)
def test_bedragen_afgerond(bedrag: float, rond: float) -> None:
    assert afgerond(bedrag) == rond


def test_bedrag_ongeveer_en_oud_bedrag_met_zijn_opmerking(diensten: Diensten) -> None:
    alleen = {**GEZIN_IN_GENT, "aantal_kinderen": 0, "leeftijd_jongste_kind": None}
    uitkomsten = {u.recht.id: u for u in _uitkomsten(diensten, alleen)}
    leefloon = uitkomsten["leefloon"]
    assert leefloon.bedrag == pytest.approx(1314.20)  # an alone person, February 2025
    assert kort_bedrag(leefloon) == "tot ongeveer € 1.300 per maand voor uw gezin."
    # the housing premium's newest amount is older than a year on the reference date
    huurpremie = uitkomsten["vlaamse-huurpremie"]
    assert huurpremie.verouderd
    tekst = kort_bedrag(huurpremie)
    assert tekst is not None and "ongeveer €" in tekst
    assert tekst.endswith("het kan intussen hoger zijn.")


# --- "waarom niet?" --------------------------------------------------------------------


def test_waarom_niet_alleen_voor_rechten_die_ertoe_doen(diensten: Diensten) -> None:
    waarom = {t for t in _titels(_indeling(diensten, PENSIOEN_IN_LEUVEN)) if "Waarom" in t}
    assert waarom == {"Waarom niet Inkomensgarantie voor ouderen (IGO)?", "Waarom niet Leefloon?"}
    niet = [u for u in _uitkomsten(diensten, PENSIOEN_IN_LEUVEN) if u.status is Status.NIET]
    assert len(niet) > len(waarom) + 5  # many "niet", few worth a question


def test_geen_waarom_niet_voor_wie_niets_mist(diensten: Diensten) -> None:
    assert not [t for t in _titels(_indeling(diensten, GEZIN_IN_GENT)) if "Waarom" in t]


def test_waarom_niet_geeft_de_redenen_en_hoe_u_verbetert(diensten: Diensten) -> None:
    leefloon = next(
        u for u in _uitkomsten(diensten, PENSIOEN_IN_LEUVEN) if u.recht.id == "leefloon"
    )
    tekst = ActionLegWaaromNietUit().tekst(leefloon)
    assert tekst.startswith("Volgens uw antwoorden hebt u geen recht op Leefloon.")
    assert "• Het inkomen van uw gezin is hoger dan het leefloon" in tekst
    assert "Typ dan het juiste antwoord" in tekst


def test_waarom_niet_voor_wat_u_al_krijgt(diensten: Diensten) -> None:
    leefloon = next(u for u in _uitkomsten(diensten, MET_LEEFLOON) if u.recht.id == "leefloon")
    assert krijgt_al(leefloon, _profiel(diensten, MET_LEEFLOON))
    tekst = ActionLegWaaromNietUit().al(leefloon)
    assert tekst == "Volgens uw antwoorden krijgt u of uw gezin Leefloon al."


def test_gevraagd_recht_dat_niet_past_krijgt_zijn_reden_en_knop(diensten: Diensten) -> None:
    indeling = _indeling(diensten, PENSIOEN_IN_LEUVEN, frozenset({"vlaamse-huurpremie"}))
    teksten = resultaat_teksten(indeling)
    assert _namen(teksten, "Volgens uw antwoorden hebt") == ["Vlaamse huurpremie"]
    assert "Waarom niet Vlaamse huurpremie?" in _titels(indeling)
    assert not any(t.startswith("Met uw antwoorden vond ik geen") for t in teksten)


def test_weet_ik_niet_wordt_genoemd(diensten: Diensten) -> None:
    teksten = resultaat_teksten(_indeling(diensten, GEZIN_IN_GENT), ["Hoe oud bent u?"])
    assert teksten[-1].startswith("Dit weet ik nog niet: Hoe oud bent u? Daardoor")


# --- short sentences in what the result says ----------------------------------------------

_LABEL = re.compile(r"^(• [^:\n]+: |\s+(Aanvragen|Bedrag): )(Nog na te gaan: )?", re.MULTILINE)
"""A right's name, "Aanvragen:", "Bedrag:" and "Nog na te gaan:" label the sentence after
them (the widget shows the name apart): they do not make that sentence longer."""


@pytest.mark.parametrize("slots", [GEZIN_IN_GENT, MET_LEEFLOON, PENSIOEN_IN_LEUVEN])
def test_het_resultaat_zelf_heeft_korte_zinnen(diensten: Diensten, slots: dict[str, Any]) -> None:
    indeling = _indeling(diensten, slots)
    teksten = resultaat_teksten(indeling) + meer_teksten(indeling)
    lang = [z for t in teksten for z in zinnen(_LABEL.sub("", t)) if len(woorden(z)) > MAX_WOORDEN]
    assert lang == []
