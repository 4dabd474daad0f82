"""Every operator of the rule language, with known and unknown operands."""

from __future__ import annotations

import pytest
from regelhulp import PEILDATUM, M, N, W, bouw, evalueer_een, parameter, recht

from bot.rules import evalueer

LEEFTIJD = {"var": "leeftijd"}
KINDEREN = {"var": "aantal_kinderen"}
INKOMEN = {"var": "netto_maandinkomen_gezin"}
WONEN = {"var": "woonsituatie"}
PARTNER = {"var": "samenwonend_met_partner"}


# --- var and derived attributes -------------------------------------------------------


def test_var_bekend_en_onbekend():
    assert evalueer_een({">=": [LEEFTIJD, 18]}, {"leeftijd": 18}) == W
    assert evalueer_een({">=": [LEEFTIJD, 18]}, {"leeftijd": 17}) == N
    assert evalueer_een({">=": [LEEFTIJD, 18]}, {}) == M


def test_var_met_naam_in_lijst():
    assert evalueer_een({">=": [{"var": ["leeftijd"]}, 18]}, {"leeftijd": 30}) == W


@pytest.mark.parametrize(
    ("regel", "profiel"),
    [
        ({"<": [LEEFTIJD, 18]}, {}),
        ({"==": [KINDEREN, 0]}, {}),
        ({"!": [KINDEREN]}, {}),
        ({"==": [INKOMEN, 0]}, {"netto_maandinkomen_gezin": None}),
        ({"!": {"var": "ontvangt_leefloon"}}, {}),
    ],
)
def test_ontbrekend_attribuut_wordt_nooit_0_of_onwaar(regel, profiel):
    """A missing answer is not 0 and not false: these would all hold for 0 / false."""
    assert evalueer_een(regel, profiel) == M


def test_0_en_onwaar_zijn_wel_bekend():
    assert evalueer_een({"==": [KINDEREN, 0]}, {"aantal_kinderen": 0}) == W
    assert evalueer_een({"!": {"var": "ontvangt_leefloon"}}, {"ontvangt_leefloon": False}) == W
    assert evalueer_een({"var": "ontvangt_leefloon"}, {"ontvangt_leefloon": False}) == N


def test_afgeleid_gezinsgrootte():
    regel = {">=": [{"var": "gezinsgrootte"}, 3]}
    assert evalueer_een(regel, {"samenwonend_met_partner": True, "aantal_kinderen": 1}) == W
    assert evalueer_een(regel, {"samenwonend_met_partner": False, "aantal_kinderen": 1}) == N
    assert evalueer_een(regel, {"aantal_kinderen": 1}) == M
    assert evalueer_een(regel, {"samenwonend_met_partner": True}) == M


def test_afgeleid_heeft_kinderen_en_personen_ten_laste():
    assert evalueer_een({"var": "heeft_kinderen"}, {"aantal_kinderen": 2}) == W
    assert evalueer_een({"var": "heeft_kinderen"}, {"aantal_kinderen": 0}) == N
    assert evalueer_een({"var": "heeft_kinderen"}, {}) == M
    assert evalueer_een({"==": [{"var": "personen_ten_laste"}, 2]}, {"aantal_kinderen": 2}) == W


# --- comparisons ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "waarde", "verwacht"),
    [
        ("==", 30, W),
        ("==", 31, N),
        ("===", 30, W),
        ("!=", 30, N),
        ("!=", 31, W),
        ("!==", 31, W),
        ("<", 31, W),
        ("<", 30, N),
        ("<=", 30, W),
        ("<=", 29, N),
        (">", 29, W),
        (">", 30, N),
        (">=", 30, W),
        (">=", 31, N),
    ],
)
def test_vergelijkingen(op, waarde, verwacht):
    assert evalueer_een({op: [LEEFTIJD, waarde]}, {"leeftijd": 30}) == verwacht
    assert evalueer_een({op: [LEEFTIJD, waarde]}, {}) == M


@pytest.mark.parametrize(("leeftijd", "verwacht"), [(17, N), (18, W), (24, W), (25, N), (None, M)])
def test_tussen_met_drie_argumenten(leeftijd, verwacht):
    regel = {"<": [17, LEEFTIJD, 25]}
    profiel = {} if leeftijd is None else {"leeftijd": leeftijd}
    assert evalueer_een(regel, profiel) == verwacht


def test_tussen_met_kleiner_of_gelijk():
    regel = {"<=": [18, LEEFTIJD, 25]}
    assert evalueer_een(regel, {"leeftijd": 18}) == W
    assert evalueer_een(regel, {"leeftijd": 25}) == W
    assert evalueer_een(regel, {"leeftijd": 26}) == N


def test_vergelijking_van_twee_onbekenden():
    regel = {"<": [LEEFTIJD, {"var": "leeftijd_jongste_kind"}]}
    assert evalueer_een(regel, {"leeftijd": 30}) == M
    assert evalueer_een(regel, {"leeftijd": 30, "leeftijd_jongste_kind": 3}) == N


def test_enum_vergelijking():
    assert evalueer_een({"==": [WONEN, "eigenaar"]}, {"woonsituatie": "eigenaar"}) == W
    assert evalueer_een({"==": [WONEN, "eigenaar"]}, {"woonsituatie": "dakloos"}) == N
    assert evalueer_een({"==": [WONEN, "eigenaar"]}, {}) == M


def test_tussen_volgt_kleene_als_een_deel_al_onwaar_is():
    """``a < b < c`` is ``a < b and b < c``; a known false pair decides it.

    The income (500) is below the lower bound (1000): the condition fails whatever the
    local upper bound is, so the municipality is not worth asking. (Regression: the
    engine used to return unknown as soon as any argument was unknown.)
    """
    catalogus = bouw(
        recht(
            "r",
            {"<": [1000, INKOMEN, {"param": "grens"}]},
            parameters={
                "grens": parameter(
                    ("2020-01-01", 2000), per_gemeente={"44021": [("2020-01-01", 3000)]}
                )
            },
        )
    )
    evaluatie = evalueer({"netto_maandinkomen_gezin": 500}, catalogus, PEILDATUM)
    assert evaluatie.uitkomst("r").status == N
    assert evaluatie.volgende_vraag is None


# --- in ------------------------------------------------------------------------------


def test_in_lijst():
    regel = {"in": [WONEN, ["huurder_privaat", "huurder_sociaal"]]}
    assert evalueer_een(regel, {"woonsituatie": "huurder_sociaal"}) == W
    assert evalueer_een(regel, {"woonsituatie": "eigenaar"}) == N
    assert evalueer_een(regel, {}) == M
    assert evalueer_een(regel, {"woonsituatie": None}) == M


def test_in_tekst_is_deeltekst():
    assert evalueer_een({"in": ["huurder", WONEN]}, {"woonsituatie": "huurder_privaat"}) == W
    assert evalueer_een({"in": ["huurder", WONEN]}, {"woonsituatie": "eigenaar"}) == N
    assert evalueer_een({"in": ["huurder", WONEN]}, {}) == M


def test_in_lijst_met_getallen():
    regel = {"in": [KINDEREN, [1, 2, 3]]}
    assert evalueer_een(regel, {"aantal_kinderen": 2}) == W
    assert evalueer_een(regel, {"aantal_kinderen": 0}) == N


def test_in_lijst_met_een_bekende_treffer_is_waar():
    """``x in [x, onbekend]`` is true whatever the unknown element is, so nothing is asked.

    (Regression: one unknown element used to make the whole list unknown.)
    """
    catalogus = bouw(recht("r", {"in": ["huurder_privaat", ["huurder_privaat", WONEN]]}))
    evaluatie = evalueer({}, catalogus, PEILDATUM)
    assert evaluatie.uitkomst("r").status == W
    assert evaluatie.volgende_vraag is None


# --- if ------------------------------------------------------------------------------


def test_if_kiest_tak():
    regel = {">=": [{"if": [PARTNER, 2000, 1500]}, INKOMEN]}
    profiel = {"netto_maandinkomen_gezin": 1800}
    assert evalueer_een(regel, {**profiel, "samenwonend_met_partner": True}) == W
    assert evalueer_een(regel, {**profiel, "samenwonend_met_partner": False}) == N
    assert evalueer_een(regel, profiel) == M


def test_if_onbekende_voorwaarde_met_gelijke_takken_geeft_die_waarde():
    regel = {"==": [{"if": [PARTNER, 7, 7]}, 7]}
    assert evalueer_een(regel, {}) == W
    catalogus = bouw(recht("r", regel))
    assert evalueer({}, catalogus, PEILDATUM).volgende_vraag is None


def test_if_onbekende_voorwaarde_maar_beide_takken_halen_de_grens():
    """Different branches, but both are above the income: still unknown in Kleene terms."""
    regel = {">=": [{"if": [PARTNER, 2000, 1500]}, INKOMEN]}
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 1000}) == M


def test_if_keten():
    # 0-17: 100, 18-64: 200, 65+: 300
    bedrag = {"if": [{"<": [LEEFTIJD, 18]}, 100, {"<": [LEEFTIJD, 65]}, 200, 300]}
    regel = {"==": [bedrag, 200]}
    assert evalueer_een(regel, {"leeftijd": 10}) == N
    assert evalueer_een(regel, {"leeftijd": 30}) == W
    assert evalueer_een(regel, {"leeftijd": 70}) == N
    assert evalueer_een(regel, {}) == M


def test_if_onbekende_tak_maakt_onbekend_alleen_als_gekozen():
    regel = {"if": [PARTNER, {"var": "mantelzorger"}, True]}
    assert evalueer_een(regel, {"samenwonend_met_partner": False}) == W
    assert evalueer_een(regel, {"samenwonend_met_partner": True}) == M


# --- arithmetic ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uitdrukking", "waarde"),
    [
        ({"+": [KINDEREN, 1, 2]}, 5),
        ({"+": [KINDEREN]}, 2),
        ({"-": [KINDEREN, 5]}, -3),
        ({"-": [KINDEREN]}, -2),
        ({"*": [KINDEREN, 1.5, 2]}, 6),
        ({"/": [KINDEREN, 4]}, 0.5),
        ({"min": [KINDEREN, 7, 10]}, 2),
        ({"max": [KINDEREN, 1, 0]}, 2),
    ],
)
def test_rekenen(uitdrukking, waarde):
    regel = {"==": [uitdrukking, waarde]}
    assert evalueer_een(regel, {"aantal_kinderen": 2}) == W
    assert evalueer_een(regel, {"aantal_kinderen": 3}) == N
    assert evalueer_een(regel, {}) == M


def test_rekenen_met_onbekende_geeft_onbekend_ook_bij_vermenigvuldigen():
    assert evalueer_een({"==": [{"*": [KINDEREN, 0]}, 0]}, {}) == M
    assert evalueer_een({">": [{"+": [KINDEREN, 100]}, 0]}, {}) == M


def test_delen_door_nul_is_onbekend():
    assert evalueer_een({">": [{"/": [10, KINDEREN]}, 1]}, {"aantal_kinderen": 0}) == M
    assert evalueer_een({">": [{"/": [10, KINDEREN]}, 1]}, {"aantal_kinderen": 5}) == W


def test_inkomen_schatting_is_een_bandbreedte():
    regel = {"<": [{"inkomen": "bruto_belastbaar_gezinsinkomen_jaar"}, 24000]}
    # soort onbekend: 0 tot 22 keer het netto maandinkomen (ook een niet belastbaar leefloon)
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 1000}) == W  # 0-22.000
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 2100}) == M  # 0-46.200
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 1500}) == M  # 0-33.000
    assert evalueer_een(regel, {}) == M


def test_inkomen_schatting_hangt_af_van_de_soort_inkomen():
    regel = {"<": [{"inkomen": "bruto_belastbaar_gezinsinkomen_jaar"}, 24000]}
    # loon: 14 tot 19 keer; pensioen: 12 tot 14,5 keer
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 1500, "soort_inkomen": "pensioen"}) == W
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 1800, "soort_inkomen": "loon"}) == N
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 1500, "soort_inkomen": "loon"}) == M


def test_inkomen_van_het_aanslagbiljet_is_precies():
    regel = {"<": [{"inkomen": "bruto_belastbaar_gezinsinkomen_jaar"}, 24000]}
    profiel = {"netto_maandinkomen_gezin": 1500, "belastbaar_inkomen_gezin_jaar": 23999}
    assert evalueer_een(regel, profiel) == W
    assert evalueer_een(regel, {**profiel, "belastbaar_inkomen_gezin_jaar": 24000}) == N
    # zonder maandinkomen ("weet ik niet") beslist het aanslagbiljet alleen
    assert (
        evalueer_een(regel, {"netto_maandinkomen_gezin": None, "belastbaar_inkomen_gezin_jaar": 1})
        == W
    )


# --- param and tabel -----------------------------------------------------------------


def test_param():
    extra = {"parameters": {"grens": parameter(("2020-01-01", 1500))}}
    regel = {"<=": [INKOMEN, {"param": "grens"}]}
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 1500}, **extra) == W
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 1501}, **extra) == N
    assert evalueer_een(regel, {}, **extra) == M


@pytest.mark.parametrize(
    ("kinderen", "grens"), [(0, 1000), (1, 1200), (2, 1400), (3, 1400), (20, 1400)]
)
def test_tabel_index_neemt_het_laatste_element_voorbij_het_einde(kinderen, grens):
    extra = {"parameters": {"grens": parameter(("2020-01-01", [1000, 1200, 1400]))}}
    regel = {"==": [{"tabel": ["grens", KINDEREN]}, grens]}
    assert evalueer_een(regel, {"aantal_kinderen": kinderen}, **extra) == W


def test_tabel_met_onbekende_index_is_onbekend():
    extra = {"parameters": {"grens": parameter(("2020-01-01", [1000, 1200, 1400]))}}
    regel = {">=": [{"tabel": ["grens", KINDEREN]}, 0]}
    assert evalueer_een(regel, {}, **extra) == M
    catalogus = bouw(recht("r", regel, **extra))
    assert evalueer({}, catalogus, PEILDATUM).volgende_vraag == "aantal_kinderen"


def test_tabel_met_afgeleide_index():
    extra = {"parameters": {"grens": parameter(("2020-01-01", [0, 1000, 1200, 1400]))}}
    regel = {"<=": [INKOMEN, {"tabel": ["grens", {"var": "gezinsgrootte"}]}]}
    profiel = {"netto_maandinkomen_gezin": 1300, "aantal_kinderen": 1}
    assert evalueer_een(regel, {**profiel, "samenwonend_met_partner": True}, **extra) == W
    assert evalueer_een(regel, {**profiel, "samenwonend_met_partner": False}, **extra) == N
    assert evalueer_een(regel, profiel, **extra) == M


def test_tabel_met_tekst_als_index_laat_de_evaluatie_niet_crashen():
    """A text index (an enum attribute) makes the condition unknown: no crash, no silent 0.

    (Regression: ``int("eigenaar")`` used to raise ValueError out of ``evalueer``.)
    """
    extra = {"parameters": {"grens": parameter(("2020-01-01", [1, 2, 3]))}}
    regel = {">": [{"tabel": ["grens", WONEN]}, 1]}
    assert evalueer_een(regel, {"woonsituatie": "eigenaar"}, **extra) == M


# --- recht ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("leeftijd", "verwacht_a", "verwacht_b"),
    [(30, W, W), (10, N, N), (None, M, M)],
)
def test_recht_verwijzing(leeftijd, verwacht_a, verwacht_b):
    catalogus = bouw(
        recht("b", {"recht": "a"}),
        recht("a", {">=": [LEEFTIJD, 18]}),
    )
    profiel = {} if leeftijd is None else {"leeftijd": leeftijd}
    evaluatie = evalueer(profiel, catalogus, PEILDATUM)
    assert evaluatie.uitkomst("a").status == verwacht_a
    assert evaluatie.uitkomst("b").status == verwacht_b


def test_niet_van_een_recht():
    catalogus = bouw(
        recht("a", {">=": [LEEFTIJD, 18]}),
        recht("b", {"!": {"recht": "a"}}),
    )
    assert evalueer({"leeftijd": 10}, catalogus, PEILDATUM).uitkomst("b").status == W
    assert evalueer({"leeftijd": 30}, catalogus, PEILDATUM).uitkomst("b").status == N
    assert evalueer({}, catalogus, PEILDATUM).uitkomst("b").status == M
