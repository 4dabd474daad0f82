"""The next question: the attribute whose answer decides the most (and most valuable) rights."""

from __future__ import annotations

from dataclasses import replace

import regelhulp
from regelhulp import PEILDATUM, M, N, W, recht, statussen

from bot.rules import Catalogus, evalueer


def bouw(*rechten, **kw) -> Catalogus:
    """The choice by score alone: without the vocabulary's opening question."""
    return replace(regelhulp.bouw(*rechten, **kw), openingsgroep=None)


LEEFTIJD = {">=": [{"var": "leeftijd"}, 18]}
ZORG = {"var": "mantelzorger"}
INKOMEN = {"<": [{"var": "netto_maandinkomen_gezin"}, 2000]}


def test_kiest_het_attribuut_dat_de_meeste_rechten_beslist():
    catalogus = bouw(recht("a", LEEFTIJD), recht("b", LEEFTIJD), recht("c", ZORG))
    evaluatie = evalueer({}, catalogus, PEILDATUM)
    assert evaluatie.volgende_vraag == "leeftijd"
    assert set(evaluatie.open_rechten) == {"a", "b", "c"}


def test_geld_telt_mee():
    catalogus = bouw(
        recht("a", LEEFTIJD), recht("b", LEEFTIJD), recht("c", ZORG, waarde_per_jaar=5000)
    )
    assert evalueer({}, catalogus, PEILDATUM).volgende_vraag == "mantelzorger"


def test_geld_telt_mee_via_berekend_bedrag():
    catalogus = bouw(
        recht("a", LEEFTIJD),
        recht("b", LEEFTIJD),
        recht("c", ZORG, bedrag={"per": "maand", "regel": 250, "tekst": "{bedrag}"}),
    )
    assert evalueer({}, catalogus, PEILDATUM).volgende_vraag == "mantelzorger"


def test_gevoelige_vraag_komt_na_een_even_nuttige_neutrale():
    # netto_maandinkomen_gezin is sensitive; mantelzorger is not (and comes later in the
    # vocabulary, so it wins on the sensitivity weight alone)
    catalogus = bouw(recht("a", INKOMEN), recht("b", ZORG))
    assert evalueer({}, catalogus, PEILDATUM).volgende_vraag == "mantelzorger"


def test_gevoelige_vraag_gaat_voor_als_ze_duidelijk_meer_beslist():
    catalogus = bouw(recht("a", INKOMEN), recht("b", INKOMEN), recht("c", ZORG))
    assert evalueer({}, catalogus, PEILDATUM).volgende_vraag == "netto_maandinkomen_gezin"


def test_gelijke_stand_volgt_de_woordenlijst():
    # leeftijd comes before mantelzorger in attributen.yaml, in any rule order
    catalogus = bouw(recht("a", ZORG), recht("b", LEEFTIJD))
    assert evalueer({}, catalogus, PEILDATUM).volgende_vraag == "leeftijd"
    catalogus = bouw(recht("a", {"and": [ZORG, LEEFTIJD]}))
    assert evalueer({}, catalogus, PEILDATUM).volgende_vraag == "leeftijd"


def test_beantwoorde_vragen_worden_overgeslagen():
    catalogus = bouw(recht("a", {"and": [LEEFTIJD, ZORG, INKOMEN]}))
    assert evalueer({"leeftijd": 30}, catalogus, PEILDATUM).volgende_vraag == "mantelzorger"


def test_weet_ik_niet_wordt_nooit_opnieuw_gevraagd():
    catalogus = bouw(recht("a", {"and": [LEEFTIJD, ZORG]}))
    evaluatie = evalueer({"leeftijd": None}, catalogus, PEILDATUM)
    assert evaluatie.volgende_vraag == "mantelzorger"
    evaluatie = evalueer({"leeftijd": None, "mantelzorger": True}, catalogus, PEILDATUM)
    assert evaluatie.uitkomst("a").status == M
    assert evaluatie.volgende_vraag is None
    assert evaluatie.open_rechten == ("a",)


def test_nooit_achter_waar_of():
    catalogus = bouw(recht("a", {"or": [{"var": "ontvangt_leefloon"}, ZORG]}))
    evaluatie = evalueer({"ontvangt_leefloon": True}, catalogus, PEILDATUM)
    assert evaluatie.uitkomst("a").status == W
    assert evaluatie.volgende_vraag is None


def test_nooit_achter_constante_waar_of():
    catalogus = bouw(recht("a", {"or": [True, ZORG]}), recht("b", {"and": [False, LEEFTIJD]}))
    evaluatie = evalueer({}, catalogus, PEILDATUM)
    assert statussen(evaluatie) == {"a": W, "b": N}
    assert evaluatie.volgende_vraag is None
    assert evaluatie.open_rechten == ()


def test_nooit_een_vraag_voor_een_recht_dat_al_niet_is():
    catalogus = bouw(recht("a", LEEFTIJD, ZORG, INKOMEN))
    evaluatie = evalueer({"mantelzorger": False}, catalogus, PEILDATUM)
    assert evaluatie.uitkomst("a").status == N
    assert evaluatie.volgende_vraag is None


def test_enkel_het_onbekende_deel_telt_binnen_een_onbekende_of():
    # (leeftijd >= 18 and mantelzorger) or leefloon, with mantelzorger = false:
    # the first part is false, so leeftijd can no longer matter
    regel = {"or": [{"and": [LEEFTIJD, ZORG]}, {"var": "ontvangt_leefloon"}]}
    evaluatie = evalueer({"mantelzorger": False}, bouw(recht("a", regel)), PEILDATUM)
    assert evaluatie.uitkomst("a").open_attributen == {"ontvangt_leefloon"}
    assert evaluatie.volgende_vraag == "ontvangt_leefloon"


def test_een_antwoord_dat_alles_beslist_maakt_andere_vragen_nutteloos():
    # "you receive the IGO" is one condition, "IGO or 65" another: without the IGO the
    # right is "niet", with it the second holds anyway, so the age can never matter
    igo = {"var": "ontvangt_igo"}
    catalogus = bouw(recht("a", igo, {"or": [igo, LEEFTIJD]}, {"or": [igo, ZORG]}))
    evaluatie = evalueer({}, catalogus, PEILDATUM)
    assert evaluatie.uitkomst("a").open_attributen == {"ontvangt_igo"}
    assert evaluatie.volgende_vraag == "ontvangt_igo"


def test_een_keuze_die_een_voorwaarde_beslist_laat_de_rest_open_waar_het_kan():
    # status "belg" decides the first condition; only for "geen_verblijfsrecht" does the
    # second need the age (for the others it holds): the age stays open
    status = {"var": "verblijfsstatus"}
    geen = {"==": [status, "geen_verblijfsrecht"]}
    catalogus = bouw(recht("a", {"!=": [status, "eu_burger"]}, {"or": [{"!": geen}, LEEFTIJD]}))
    evaluatie = evalueer({}, catalogus, PEILDATUM)
    assert evaluatie.uitkomst("a").open_attributen == {"verblijfsstatus", "leeftijd"}


def test_if_met_bekende_voorwaarde_vraagt_alleen_de_gekozen_tak():
    regel = {"if": [{"var": "samenwonend_met_partner"}, ZORG, LEEFTIJD]}
    evaluatie = evalueer({"samenwonend_met_partner": True}, bouw(recht("a", regel)), PEILDATUM)
    assert evaluatie.volgende_vraag == "mantelzorger"


def test_afgeleid_attribuut_vraagt_de_gevraagde_attributen():
    regel = {">=": [{"var": "gezinsgrootte"}, 3]}
    evaluatie = evalueer({"aantal_kinderen": 2}, bouw(recht("a", regel)), PEILDATUM)
    assert evaluatie.uitkomst("a").open_attributen == {"samenwonend_met_partner"}
    assert evaluatie.volgende_vraag == "samenwonend_met_partner"


def test_none_als_alles_beslist_is():
    catalogus = bouw(recht("a", LEEFTIJD), recht("b", ZORG), recht("c", INKOMEN))
    evaluatie = evalueer(
        {"leeftijd": 10, "mantelzorger": True, "netto_maandinkomen_gezin": 1500},
        catalogus,
        PEILDATUM,
    )
    assert statussen(evaluatie) == {"a": N, "b": W, "c": W}
    assert evaluatie.volgende_vraag is None
    assert evaluatie.open_rechten == ()


def test_gesprek_tot_het_einde():
    """Answering the questions one by one ends with no question and no open right."""
    catalogus = bouw(
        recht("a", LEEFTIJD, ZORG),
        recht("b", {"or": [INKOMEN, {"var": "ontvangt_leefloon"}]}),
        recht("c", {"in": [{"var": "woonsituatie"}, ["huurder_privaat", "huurder_sociaal"]]}),
    )
    antwoorden = {
        "leeftijd": 40,
        "mantelzorger": True,
        "netto_maandinkomen_gezin": 2500,
        "ontvangt_leefloon": False,
        "woonsituatie": "huurder_sociaal",
    }
    profiel: dict = {}
    gevraagd = []
    for _ in range(10):
        vraag = evalueer(profiel, catalogus, PEILDATUM).volgende_vraag
        if vraag is None:
            break
        assert vraag not in profiel
        gevraagd.append(vraag)
        profiel[vraag] = antwoorden[vraag]
    evaluatie = evalueer(profiel, catalogus, PEILDATUM)
    assert evaluatie.volgende_vraag is None
    assert statussen(evaluatie) == {"a": W, "b": N, "c": W}
    assert len(gevraagd) == len(set(gevraagd)) == 5


def test_korter_gesprek_als_antwoorden_rechten_afsluiten():
    catalogus = bouw(recht("a", LEEFTIJD, ZORG, INKOMEN))
    evaluatie = evalueer({"leeftijd": 12}, catalogus, PEILDATUM)
    assert evaluatie.volgende_vraag is None


# --- question groups: several attributes in one question --------------------------------

HANDICAP = {"var": "erkende_handicap"}
LEEFLOON = {"var": "ontvangt_leefloon"}
PARTNER = {"var": "samenwonend_met_partner"}


def test_open_leden_van_een_groep_worden_samen_gevraagd():
    catalogus = bouw(recht("a", ZORG), recht("b", HANDICAP), recht("c", LEEFTIJD))
    evaluatie = evalueer({}, catalogus, PEILDATUM)
    assert evaluatie.volgende_groep == "situaties"
    # in the vocabulary's order; only the members that can change something
    assert evaluatie.volgende_leden == ("erkende_handicap", "mantelzorger")
    assert evaluatie.volgende_vraag == "erkende_handicap"


def test_groep_wint_op_de_som_van_haar_leden():
    # leeftijd decides two rights, each situation one: together the situations weigh 3
    catalogus = bouw(
        recht("a", LEEFTIJD),
        recht("b", LEEFTIJD),
        recht("c", ZORG),
        recht("d", HANDICAP),
        recht("e", LEEFLOON),
    )
    assert evalueer({}, catalogus, PEILDATUM).volgende_groep == "situaties"
    # with only two situations open, leeftijd (2, first in the vocabulary) goes first
    catalogus = bouw(
        recht("a", LEEFTIJD), recht("b", LEEFTIJD), recht("c", ZORG), recht("d", HANDICAP)
    )
    evaluatie = evalueer({}, catalogus, PEILDATUM)
    assert (evaluatie.volgende_vraag, evaluatie.volgende_groep) == ("leeftijd", None)


def test_een_enkel_open_lid_krijgt_de_gewone_vraag():
    catalogus = bouw(recht("a", ZORG), recht("b", HANDICAP))
    evaluatie = evalueer({"erkende_handicap": False}, catalogus, PEILDATUM)
    assert evaluatie.volgende_vraag == "mantelzorger"
    assert evaluatie.volgende_groep is None
    assert evaluatie.volgende_leden == ("mantelzorger",)


def test_weet_niet_op_een_lid_haalt_het_uit_de_groep():
    catalogus = bouw(recht("a", ZORG), recht("b", HANDICAP), recht("c", LEEFLOON))
    evaluatie = evalueer({"erkende_handicap": None}, catalogus, PEILDATUM)
    assert evaluatie.volgende_groep == "situaties"
    assert evaluatie.volgende_leden == ("mantelzorger", "ontvangt_leefloon")


def test_groepsvraag_is_korter_dan_een_vraag_per_attribuut():
    catalogus = bouw(
        recht("a", ZORG),
        recht("b", HANDICAP),
        recht("c", LEEFLOON),
        recht("d", PARTNER),
        recht("e", {">": [{"var": "aantal_kinderen"}, 0]}),
    )
    profiel: dict = {}
    vragen = 0
    while (evaluatie := evalueer(profiel, catalogus, PEILDATUM)).volgende_vraag:
        vragen += 1
        profiel.update(dict.fromkeys(evaluatie.volgende_leden, False))
        if "aantal_kinderen" in evaluatie.volgende_leden:
            profiel["aantal_kinderen"] = 0
    assert vragen == 2  # situaties, gezin


def test_de_openingsvraag_komt_eerst_zolang_geen_lid_beantwoord_is():
    """Age and municipality first (the vocabulary's ``eerst`` group), even when another
    question decides more; once one member is answered, the score decides again."""
    catalogus = regelhulp.bouw(
        recht("a", LEEFTIJD), recht("c", ZORG, waarde_per_jaar=5000), recht("d", ZORG)
    )
    assert catalogus.openingsgroep == "over_u"
    evaluatie = evalueer({}, catalogus, PEILDATUM)
    assert evaluatie.volgende_vraag == "leeftijd" and evaluatie.volgende_groep is None
    assert evaluatie.volgende_leden == ("leeftijd",)  # only the member that can matter
    assert evalueer({"gemeente": "44021"}, catalogus, PEILDATUM).volgende_vraag == "mantelzorger"


def test_na_de_leeftijd_eerst_de_gemeente_zolang_die_iets_verandert():
    """Once the age is known, the municipality comes first while it can still change a
    result (one answer settles the local rights of every other town), even when another
    question decides more; when it cannot, the score decides."""
    lokaal = recht("l", ZORG, niveau="lokaal", gemeenten=["44021"])
    catalogus = regelhulp.bouw(
        recht("a", LEEFTIJD), recht("c", ZORG, waarde_per_jaar=5000), recht("d", ZORG), lokaal
    )
    evaluatie = evalueer({"leeftijd": 40}, catalogus, PEILDATUM)
    assert (evaluatie.volgende_vraag, evaluatie.volgende_leden) == ("gemeente", ("gemeente",))
    zonder_lokaal = regelhulp.bouw(
        recht("a", LEEFTIJD), recht("c", ZORG, waarde_per_jaar=5000), recht("d", ZORG)
    )
    assert evalueer({"leeftijd": 40}, zonder_lokaal, PEILDATUM).volgende_vraag == "mantelzorger"
    # "weet ik niet" is never asked again
    geen_gemeente = {"leeftijd": 40, "gemeente": None}
    assert evalueer(geen_gemeente, catalogus, PEILDATUM).volgende_vraag == "mantelzorger"
