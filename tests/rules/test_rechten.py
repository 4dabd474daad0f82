"""Rights as a whole: local rights, groups, key rights, explanation, amounts, order."""

from __future__ import annotations

import pytest
from regelhulp import NG, PEILDATUM, M, N, W, bouw, parameter, recht, statussen, voorwaarde

from bot.rules import (
    ProductZonderRegels,
    RegelFout,
    VoorwaardeStatus,
    euro,
    evalueer,
)

GENT, BRUGGE, LEUVEN = "44021", "31005", "24062"
NAMEN = {GENT: "Gent", BRUGGE: "Brugge", LEUVEN: "Leuven"}
LEEFTIJD = {"var": "leeftijd"}
INKOMEN = {"var": "netto_maandinkomen_gezin"}


# --- local rights --------------------------------------------------------------------


def _mantelzorgpremie(gemeenten=(BRUGGE,)):
    return bouw(
        recht(
            "mantelzorgpremie",
            {"var": "mantelzorger"},
            niveau="lokaal",
            gemeenten=list(gemeenten),
        ),
        gemeentenamen=NAMEN,
    )


def test_lokaal_recht_in_de_eigen_gemeente():
    evaluatie = evalueer({"gemeente": BRUGGE, "mantelzorger": True}, _mantelzorgpremie(), PEILDATUM)
    uitkomst = evaluatie.uitkomst("mantelzorgpremie")
    assert uitkomst.status == W
    assert uitkomst.voorwaarden[0].id == "gemeente"
    assert uitkomst.voorwaarden[0].tekst == "U woont in Brugge."


def test_lokaal_recht_in_een_andere_gemeente_is_niet_met_nederlandse_zin():
    evaluatie = evalueer({"gemeente": GENT, "mantelzorger": True}, _mantelzorgpremie(), PEILDATUM)
    uitkomst = evaluatie.uitkomst("mantelzorgpremie")
    assert uitkomst.status == N
    eerste = uitkomst.voorwaarden[0]
    assert eerste.status == VoorwaardeStatus.NIET_VOLDAAN
    assert eerste.tekst == "Dit recht geldt alleen voor inwoners van Brugge."
    assert evaluatie.volgende_vraag is None


def test_lokaal_recht_met_meer_gemeenten_noemt_ze_allemaal():
    catalogus = _mantelzorgpremie((LEUVEN, BRUGGE, GENT))
    evaluatie = evalueer({"gemeente": "11002"}, catalogus, PEILDATUM)
    tekst = evaluatie.uitkomst("mantelzorgpremie").voorwaarden[0].tekst
    assert tekst == "Dit recht geldt alleen voor inwoners van Brugge, Gent of Leuven."


def test_lokaal_recht_zonder_gemeentenamen_noemt_nis_code():
    catalogus = bouw(recht("r", True, gemeenten=[GENT]))
    uitkomst = evalueer({"gemeente": BRUGGE}, catalogus, PEILDATUM).uitkomst("r")
    assert uitkomst.voorwaarden[0].tekst == f"Dit recht geldt alleen voor inwoners van {GENT}."


def test_lokaal_recht_met_onbekende_gemeente_vraagt_de_gemeente():
    evaluatie = evalueer({"mantelzorger": True}, _mantelzorgpremie(), PEILDATUM)
    assert evaluatie.uitkomst("mantelzorgpremie").status == M
    assert evaluatie.volgende_vraag == "gemeente"
    assert evaluatie.open_rechten == ("mantelzorgpremie",)


# --- een_van -------------------------------------------------------------------------


def _groep():
    return bouw(
        recht(
            "r",
            {
                "id": "route",
                "tekst": "U krijgt een leefloon of u hebt een laag inkomen.",
                "niet_tekst": "U krijgt geen leefloon en uw inkomen is te hoog.",
                "een_van": [
                    voorwaarde(
                        {"var": "ontvangt_leefloon"}, id="leefloon", tekst="U krijgt leefloon."
                    ),
                    voorwaarde(
                        # an estimate: 1000 net a month is at most 22.000 a year
                        {"<": [{"inkomen": "bruto_belastbaar_gezinsinkomen_jaar"}, 23000]},
                        id="inkomen",
                        tekst="Uw inkomen is laag.",
                    ),
                ],
            },
        )
    )


@pytest.mark.parametrize(
    ("profiel", "verwacht"),
    [
        ({"ontvangt_leefloon": True}, W),
        ({"netto_maandinkomen_gezin": 1000}, W),
        ({"ontvangt_leefloon": False, "netto_maandinkomen_gezin": 1000}, W),
        (
            {"ontvangt_leefloon": False, "netto_maandinkomen_gezin": 3000, "soort_inkomen": "loon"},
            N,
        ),
        ({"ontvangt_leefloon": False}, M),
        ({"netto_maandinkomen_gezin": 3000}, M),
        ({}, M),
    ],
)
def test_een_van(profiel, verwacht):
    assert evalueer(profiel, _groep(), PEILDATUM).uitkomst("r").status == verwacht


def test_een_van_uitleg_en_onderdelen():
    profiel = {
        "ontvangt_leefloon": False,
        "netto_maandinkomen_gezin": 3000,
        "soort_inkomen": "loon",
    }
    groep = evalueer(profiel, _groep(), PEILDATUM).uitkomst("r").voorwaarden[0]
    assert groep.tekst == "U krijgt geen leefloon en uw inkomen is te hoog."
    assert [o.id for o in groep.onderdelen] == ["leefloon", "inkomen"]
    assert {o.status for o in groep.onderdelen} == {VoorwaardeStatus.NIET_VOLDAAN}


def test_een_van_open_attributen():
    evaluatie = evalueer({"ontvangt_leefloon": False}, _groep(), PEILDATUM)
    assert evaluatie.uitkomst("r").open_attributen == {"netto_maandinkomen_gezin"}
    assert evaluatie.volgende_vraag == "netto_maandinkomen_gezin"


# --- income approximation notes ------------------------------------------------------


def test_benadering_alleen_als_de_voorwaarde_beslist_is():
    catalogus = bouw(recht("r", {"<": [{"inkomen": "bruto_belastbaar_gezinsinkomen_jaar"}, 23000]}))
    onbekend = evalueer({}, catalogus, PEILDATUM).uitkomst("r").voorwaarden[0]
    assert onbekend.status == VoorwaardeStatus.ONBEKEND
    assert onbekend.benaderingen == ()
    for inkomen, status in [
        (1000, VoorwaardeStatus.VOLDAAN),
        (3000, VoorwaardeStatus.NIET_VOLDAAN),
    ]:
        profiel = {"netto_maandinkomen_gezin": inkomen, "soort_inkomen": "loon"}
        v = evalueer(profiel, catalogus, PEILDATUM).uitkomst("r")
        assert v.voorwaarden[0].status == status
        assert len(v.voorwaarden[0].benaderingen) == 1
        assert "aanslagbiljet" in v.voorwaarden[0].benaderingen[0]
        assert "\n" not in v.voorwaarden[0].benaderingen[0]


def test_geen_benadering_voor_het_opgegeven_inkomen():
    catalogus = bouw(recht("r", {"<": [{"inkomen": "netto_maandinkomen_gezin"}, 2000]}))
    v = evalueer({"netto_maandinkomen_gezin": 1000}, catalogus, PEILDATUM).uitkomst("r")
    assert v.voorwaarden[0].status == VoorwaardeStatus.VOLDAAN
    assert v.voorwaarden[0].benaderingen == ()


def test_benadering_in_groep_alleen_van_het_beslissende_onderdeel():
    by_leefloon = evalueer({"ontvangt_leefloon": True}, _groep(), PEILDATUM).uitkomst("r")
    assert by_leefloon.voorwaarden[0].benaderingen == ()
    by_inkomen = evalueer(
        {"ontvangt_leefloon": False, "netto_maandinkomen_gezin": 1000}, _groep(), PEILDATUM
    ).uitkomst("r")
    assert len(by_inkomen.voorwaarden[0].benaderingen) == 1


def test_benadering_een_keer_ook_bij_dubbel_gebruik():
    regel = {
        "and": [
            {">": [{"inkomen": "netto_jaarinkomen_gezin"}, 1000]},
            {"<": [{"inkomen": "netto_jaarinkomen_gezin"}, 30000]},
        ]
    }
    v = evalueer({"netto_maandinkomen_gezin": 1000}, bouw(recht("r", regel)), PEILDATUM)
    assert len(v.uitkomst("r").voorwaarden[0].benaderingen) == 1


# --- explanation ---------------------------------------------------------------------


def test_uitleg_per_voorwaarde_met_status_en_zin():
    catalogus = bouw(
        recht(
            "r",
            voorwaarde({">=": [LEEFTIJD, 18]}, id="leeftijd", tekst="U bent 18 jaar of ouder."),
            voorwaarde(
                {"var": "mantelzorger"},
                id="zorg",
                tekst="U bent mantelzorger.",
                niet_tekst="U bent geen mantelzorger.",
                bron="https://www.vlaanderen.be/mantelzorg",
            ),
            voorwaarde({"<": [INKOMEN, 2000]}, id="inkomen", tekst="Uw inkomen is laag."),
        )
    )
    uitkomst = evalueer({"leeftijd": 30, "mantelzorger": False}, catalogus, PEILDATUM).uitkomst("r")
    assert uitkomst.status == N
    assert [(v.id, v.status, v.tekst) for v in uitkomst.voorwaarden] == [
        ("leeftijd", VoorwaardeStatus.VOLDAAN, "U bent 18 jaar of ouder."),
        ("zorg", VoorwaardeStatus.NIET_VOLDAAN, "U bent geen mantelzorger."),
        ("inkomen", VoorwaardeStatus.ONBEKEND, "Uw inkomen is laag."),
    ]
    assert uitkomst.voorwaarden[1].bron == "https://www.vlaanderen.be/mantelzorg"
    # a failed right has nothing left to ask
    assert uitkomst.open_attributen == frozenset()


def test_zonder_niet_tekst_blijft_de_tekst():
    catalogus = bouw(recht("r", voorwaarde({"var": "mantelzorger"}, tekst="U bent mantelzorger.")))
    uitkomst = evalueer({"mantelzorger": False}, catalogus, PEILDATUM).uitkomst("r")
    assert uitkomst.voorwaarden[0].tekst == "U bent mantelzorger."


# --- key rights ----------------------------------------------------------------------


def test_sleutelrecht_wordt_eerst_geevalueerd_wat_de_volgorde_in_de_bestanden_ook_is():
    catalogus = bouw(
        recht("c", {"recht": "b"}),
        recht("b", {"and": [{"recht": "a"}, {"var": "mantelzorger"}]}),
        recht("a", {">=": [LEEFTIJD, 18]}),
    )
    volgorde = [r.id for r in catalogus.rechten]
    assert volgorde.index("a") < volgorde.index("b") < volgorde.index("c")
    assert catalogus.recht("b").afhankelijk_van == {"a"}
    evaluatie = evalueer({"leeftijd": 40, "mantelzorger": True}, catalogus, PEILDATUM)
    assert statussen(evaluatie) == {"a": W, "b": W, "c": W}


def test_sleutelrecht_geeft_zijn_open_vragen_door():
    catalogus = bouw(
        recht("b", {"recht": "a"}, waarde_per_jaar=5000),
        recht("a", {">=": [LEEFTIJD, 18]}),
    )
    evaluatie = evalueer({}, catalogus, PEILDATUM)
    assert evaluatie.uitkomst("b").open_attributen == {"leeftijd"}
    assert evaluatie.volgende_vraag == "leeftijd"


def test_sleutelrecht_in_bedrag():
    catalogus = bouw(
        recht(
            "b",
            True,
            bedrag={
                "per": "jaar",
                "regel": {"if": [{"recht": "a"}, 200, 100]},
                "tekst": "{bedrag}",
            },
        ),
        recht("a", {"var": "mantelzorger"}),
    )
    assert evalueer({"mantelzorger": True}, catalogus, PEILDATUM).uitkomst("b").bedrag == 200
    assert evalueer({"mantelzorger": False}, catalogus, PEILDATUM).uitkomst("b").bedrag == 100
    assert evalueer({}, catalogus, PEILDATUM).uitkomst("b").bedrag is None


@pytest.mark.parametrize(
    ("rechten", "kring"),
    [
        ([recht("a", {"recht": "a"})], "a → a"),
        ([recht("a", {"recht": "b"}), recht("b", {"recht": "a"})], "a → b → a"),
        (
            [
                recht("a", {"recht": "b"}),
                recht("b", {"!": {"recht": "c"}}),
                recht("c", {"or": [False, {"recht": "a"}]}),
            ],
            "a → b → c → a",
        ),
        (
            [
                recht("x", True),
                recht(
                    "a",
                    True,
                    bedrag={
                        "per": "jaar",
                        "regel": {"if": [{"recht": "b"}, 1, 2]},
                        "tekst": "{bedrag}",
                    },
                ),
                recht("b", {"recht": "a"}),
            ],
            "a → b → a",
        ),
    ],
)
def test_kring_wordt_geweigerd_en_genoemd(rechten, kring):
    with pytest.raises(RegelFout) as fout:
        bouw(*rechten)
    assert kring in str(fout.value)
    assert "kring" in str(fout.value)


def test_alleen_evalueert_ook_de_afhankelijkheden():
    catalogus = bouw(
        recht("b", {"recht": "a"}),
        recht("a", {">=": [LEEFTIJD, 18]}),
        recht("c", {"var": "mantelzorger"}),
    )
    evaluatie = evalueer({"leeftijd": 30}, catalogus, PEILDATUM, alleen=frozenset({"b"}))
    assert statussen(evaluatie) == {"b": W}


# --- amounts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bedrag", "tekst"),
    [
        (1288.46, "1.288,46"),
        (1288.0, "1.288"),
        (1288, "1.288"),
        (0.5, "0,50"),
        (12.3, "12,30"),
        (999.99, "999,99"),
        (1234567.891, "1.234.567,89"),
        (0, "0"),
    ],
)
def test_euro_belgische_notatie(bedrag, tekst):
    assert euro(bedrag) == tekst


def _leefloon():
    return bouw(
        recht(
            "leefloon",
            {">=": [LEEFTIJD, 18]},
            parameters={"bedrag": parameter(("2024-05-01", 1288.46))},
            bedrag={
                "per": "maand",
                "regel": {"param": "bedrag"},
                "tekst": "U krijgt € {bedrag} per maand.",
            },
        )
    )


def test_bedrag_en_bedrag_tekst():
    uitkomst = evalueer({"leeftijd": 30}, _leefloon(), PEILDATUM).uitkomst("leefloon")
    assert uitkomst.bedrag == 1288.46
    assert uitkomst.bedrag_tekst == "U krijgt € 1.288,46 per maand."
    assert uitkomst.waarde_per_jaar == pytest.approx(1288.46 * 12)


def test_bedrag_ook_bij_mogelijk_maar_niet_bij_niet():
    assert evalueer({}, _leefloon(), PEILDATUM).uitkomst("leefloon").bedrag == 1288.46
    uitkomst = evalueer({"leeftijd": 10}, _leefloon(), PEILDATUM).uitkomst("leefloon")
    assert uitkomst.bedrag is None
    assert uitkomst.bedrag_tekst is None


def test_bedrag_afgerond_op_cent_en_onbekend_blijft_none():
    catalogus = bouw(
        recht(
            "r",
            True,
            bedrag={"per": "jaar", "regel": {"/": [INKOMEN, 3]}, "tekst": "{bedrag} euro"},
        )
    )
    uitkomst = evalueer({"netto_maandinkomen_gezin": 1000}, catalogus, PEILDATUM).uitkomst("r")
    assert uitkomst.bedrag == 333.33
    assert uitkomst.bedrag_tekst == "333,33 euro"
    assert evalueer({}, catalogus, PEILDATUM).uitkomst("r").bedrag is None


def test_waarde_per_jaar_eenmalig_en_zonder_bedrag():
    catalogus = bouw(
        recht("a", True, bedrag={"per": "eenmalig", "regel": 500, "tekst": "{bedrag}"}),
        recht("b", True, waarde_per_jaar=300),
        recht("c", True),
    )
    evaluatie = evalueer({}, catalogus, PEILDATUM)
    assert evaluatie.uitkomst("a").waarde_per_jaar == 500
    assert evaluatie.uitkomst("b").waarde_per_jaar == 300
    assert evaluatie.uitkomst("c").waarde_per_jaar == 0


# --- products without rules and sorting ----------------------------------------------


def _zonder_regels(gemeenten=None):
    return ProductZonderRegels(
        id="schoolpremie",
        naam="Schoolpremie",
        niveau="lokaal",
        bron_url="https://www.vlaanderen.be/",
        gemeenten=gemeenten,
    )


def test_product_zonder_regels_is_niet_gecontroleerd():
    catalogus = bouw(recht("a", True), zonder_regels=[_zonder_regels()])
    evaluatie = evalueer({}, catalogus, PEILDATUM)
    uitkomst = evaluatie.uitkomst("schoolpremie")
    assert uitkomst.status == NG
    assert uitkomst.voorwaarden == ()
    assert not uitkomst.recht.heeft_regels
    assert "schoolpremie" not in evaluatie.open_rechten


@pytest.mark.parametrize(
    ("profiel", "verwacht"),
    [({"gemeente": GENT}, NG), ({"gemeente": BRUGGE}, N), ({}, NG), ({"gemeente": None}, NG)],
)
def test_lokaal_product_zonder_regels(profiel, verwacht):
    catalogus = bouw(zonder_regels=[_zonder_regels(frozenset({GENT}))], gemeentenamen=NAMEN)
    evaluatie = evalueer(profiel, catalogus, PEILDATUM)
    assert evaluatie.uitkomst("schoolpremie").status == verwacht
    if verwacht == N:
        tekst = evaluatie.uitkomst("schoolpremie").voorwaarden[0].tekst
        assert tekst == "Dit recht geldt alleen voor inwoners van Gent."


def test_product_zonder_regels_met_zelfde_id_wordt_geweigerd():
    p = _zonder_regels()
    with pytest.raises(RegelFout, match="al een recht"):
        bouw(recht("schoolpremie", True), zonder_regels=[p])


def test_product_zonder_regels_is_geen_sleutelrecht():
    with pytest.raises(RegelFout, match="schoolpremie"):
        bouw(recht("a", {"recht": "schoolpremie"}), zonder_regels=[_zonder_regels()])


def test_sortering():
    catalogus = bouw(
        recht("w-laag", True, waarde_per_jaar=100),
        recht("n-hoog", False, waarde_per_jaar=99999),
        recht("m-hoog", {"var": "mantelzorger"}, waarde_per_jaar=5000),
        recht("m-laag", {"var": "mantelzorger"}, waarde_per_jaar=10),
        recht(
            "w-hoog",
            True,
            bedrag={"per": "maand", "regel": 100, "tekst": "{bedrag}"},  # 1200 per year
        ),
        zonder_regels=[_zonder_regels()],
    )
    evaluatie = evalueer({}, catalogus, PEILDATUM)
    assert [u.recht.id for u in evaluatie.uitkomsten] == [
        "w-hoog",
        "w-laag",
        "m-hoog",
        "m-laag",
        "schoolpremie",
        "n-hoog",
    ]
    assert evaluatie.open_rechten == ("m-hoog", "m-laag")


def test_sortering_bij_gelijke_waarde_op_naam():
    catalogus = bouw(recht("b", True, naam="Bpremie"), recht("a", True, naam="Apremie"))
    assert [u.recht.id for u in evalueer({}, catalogus, PEILDATUM).uitkomsten] == ["a", "b"]


def test_evaluatie_laat_het_profiel_ongemoeid():
    profiel = {"leeftijd": 30, "mantelzorger": None}
    kopie = dict(profiel)
    evalueer(profiel, _leefloon(), PEILDATUM)
    assert profiel == kopie
