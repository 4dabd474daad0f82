"""What makes an answer trustworthy: old figures, estimates near a limit, conditions the
bot cannot ask, rights that hold through another right, and the reason that is shown."""

from __future__ import annotations

from datetime import date

import pytest
from regelhulp import BRON, M, N, W, bouw, evalueer_een, parameter, recht, voorwaarde

from bot.rules import RegelFout, evalueer, verouderde_parameters
from bot.rules.evaluatie import DICHT_BIJ_GRENS
from bot.vocabulary.laden import VocabulaireFout, vocabulaire_uit_data

INKOMEN = {"var": "netto_maandinkomen_gezin"}
JAARINKOMEN = {"inkomen": "bruto_belastbaar_gezinsinkomen_jaar"}


def _geindexeerd(*waarden, marge=0.02, volgende=None):
    p = parameter(*waarden)
    p["indexering"] = {"marge_per_jaar": marge, "basis": "De spilindex: +2 % per stap."}
    if volgende:
        p["indexering"]["volgende"] = volgende
    return p


def _grensrecht(**indexering):
    return bouw(
        recht(
            "r",
            voorwaarde({"<=": [INKOMEN, {"param": "grens"}]}, id="inkomen", tekst="Laag inkomen."),
            parameters={"grens": _geindexeerd(("2024-05-01", 1000), **indexering)},
        )
    )


# --- old figures ---------------------------------------------------------------------


def test_een_vers_bedrag_beslist_precies():
    catalogus = _grensrecht()
    peil = date(2025, 4, 30)  # less than a year after 1 May 2024
    assert evalueer({"netto_maandinkomen_gezin": 1001}, catalogus, peil).uitkomsten[0].status == N
    assert evalueer({"netto_maandinkomen_gezin": 1000}, catalogus, peil).uitkomsten[0].status == W


def test_een_oud_bedrag_maakt_een_geval_dicht_bij_de_grens_mogelijk():
    catalogus = _grensrecht()
    peil = date(2025, 6, 1)  # 13 months: two begun years, 1.02 ** 2 = 1.0404
    dichtbij = evalueer({"netto_maandinkomen_gezin": 1015}, catalogus, peil).uitkomsten[0]
    assert dichtbij.status == M
    v = dichtbij.voorwaarden[0]
    assert DICHT_BIJ_GRENS in v.opmerkingen
    assert "Bedrag van 1 mei 2024; het kan intussen hoger zijn." in v.opmerkingen
    # far above even the widened limit: still "niet"
    assert evalueer({"netto_maandinkomen_gezin": 1041}, catalogus, peil).uitkomsten[0].status == N
    # a figure cannot be "too old" for a case clearly under it
    assert evalueer({"netto_maandinkomen_gezin": 900}, catalogus, peil).uitkomsten[0].status == W


def test_de_marge_groeit_per_begonnen_jaar():
    catalogus = _grensrecht()
    peil = date(2026, 6, 1)  # 25 months: three begun years, 1.02 ** 3 = 1.0612
    assert evalueer({"netto_maandinkomen_gezin": 1060}, catalogus, peil).uitkomsten[0].status == M
    assert evalueer({"netto_maandinkomen_gezin": 1062}, catalogus, peil).uitkomsten[0].status == N


def test_een_gekende_indexeringsdatum_maakt_het_bedrag_eerder_oud():
    catalogus = _grensrecht(volgende="2024-09-01")
    peil = date(2024, 10, 1)
    assert evalueer({"netto_maandinkomen_gezin": 1010}, catalogus, peil).uitkomsten[0].status == M
    assert (
        evalueer({"netto_maandinkomen_gezin": 1010}, catalogus, date(2024, 8, 1))
        .uitkomsten[0]
        .status
        == N
    )


def test_zonder_indexering_is_een_leeftijd_nooit_oud():
    catalogus = bouw(
        recht(
            "r",
            {">=": [{"var": "leeftijd"}, {"param": "leeftijd"}]},
            parameters={"leeftijd": parameter(("2000-01-01", 65))},
        )
    )
    uitkomst = evalueer({"leeftijd": 64}, catalogus, date(2030, 1, 1)).uitkomsten[0]
    assert uitkomst.status == N
    assert uitkomst.verouderd == ()


def test_een_oud_bedrag_toont_zijn_datum_en_het_midden_niet():
    catalogus = bouw(
        recht(
            "r",
            True,
            parameters={"bedrag": _geindexeerd(("2024-05-01", 100))},
            bedrag={"per": "maand", "regel": {"param": "bedrag"}, "tekst": "€ {bedrag} per maand"},
        )
    )
    uitkomst = evalueer({}, catalogus, date(2026, 1, 1)).uitkomsten[0]
    assert uitkomst.bedrag == 100  # the dated value, never a guess at the new one
    assert uitkomst.bedrag_tekst == (
        "€ 100 per maand (bedrag van 1 mei 2024; het kan intussen hoger zijn)"
    )


def _vast_bedrag(**extra):
    """A fixed amount of money (no indexation) from 1 January 2020, and an income limit."""
    vast = {**parameter(("2020-01-01", 25)), "eenheid": "euro per maand"}
    grens = {**parameter(("2020-01-01", 1000)), "eenheid": "euro per maand"}
    return bouw(
        recht(
            "r",
            voorwaarde({"<=": [INKOMEN, {"param": "grens"}]}, id="inkomen", tekst="Laag inkomen."),
            parameters={"bedrag": vast, "grens": grens},
            bedrag={"per": "maand", "regel": {"param": "bedrag"}, "tekst": "€ {bedrag} per maand"},
            **extra,
        )
    )


def test_een_oud_vast_bedrag_toont_zijn_datum_en_vraagt_het_na():
    catalogus = _vast_bedrag()
    vers = evalueer({"netto_maandinkomen_gezin": 900}, catalogus, date(2020, 12, 31))
    assert vers.uitkomsten[0].verouderd == ()
    assert vers.uitkomsten[0].bedrag_tekst == "€ 25 per maand"
    uitkomst = evalueer({"netto_maandinkomen_gezin": 900}, catalogus, date(2026, 1, 1)).uitkomsten[
        0
    ]
    assert {(v.parameter, v.geindexeerd, v.factor) for v in uitkomst.verouderd} == {
        ("bedrag", False, 1.0),
        ("grens", False, 1.0),
    }
    assert uitkomst.bedrag == 25
    assert uitkomst.bedrag_tekst == (
        "€ 25 per maand (bedrag van 1 januari 2020; vraag na of het nog klopt)"
    )
    assert (
        "Bedrag van 1 januari 2020; vraag na of het nog klopt."
        in uitkomst.voorwaarden[0].opmerkingen
    )


def test_een_oud_vast_bedrag_wordt_niet_verbreed():
    """Nothing says by how much a fixed amount may have changed: its limit still decides."""
    catalogus = _vast_bedrag()
    peil = date(2026, 1, 1)
    assert evalueer({"netto_maandinkomen_gezin": 1000}, catalogus, peil).uitkomsten[0].status == W
    assert evalueer({"netto_maandinkomen_gezin": 1001}, catalogus, peil).uitkomsten[0].status == N


def test_de_tekst_van_het_bedrag_dateert_alleen_wat_het_bedrag_leest():
    catalogus = bouw(
        recht(
            "r",
            voorwaarde({"<=": [INKOMEN, {"param": "grens"}]}, id="inkomen", tekst="Laag inkomen."),
            parameters={
                "grens": {**parameter(("2020-01-01", 1000)), "eenheid": "euro per maand"},
                "bedrag": _geindexeerd(("2025-09-01", 100)),
            },
            bedrag={"per": "maand", "regel": {"param": "bedrag"}, "tekst": "€ {bedrag} per maand"},
        )
    )
    uitkomst = evalueer({"netto_maandinkomen_gezin": 900}, catalogus, date(2026, 1, 1)).uitkomsten[
        0
    ]
    assert [v.parameter for v in uitkomst.verouderd] == ["grens"]  # the limit is old
    assert uitkomst.bedrag_tekst == "€ 100 per maand"  # the amount itself is not


def test_elke_peildatum_krijgt_zijn_eigen_opmerking():
    """A fixed amount keeps its value over the years, but not its note: the engine must
    not give one date the outcome it remembered for another."""
    catalogus = _vast_bedrag()
    profiel = {"netto_maandinkomen_gezin": 900}
    for peil, jaren in ((date(2026, 1, 1), 7), (date(2023, 1, 1), 4), (date(2026, 1, 1), 7)):
        [v] = [
            v
            for v in evalueer(profiel, catalogus, peil).uitkomsten[0].verouderd
            if v.parameter == "bedrag"
        ]
        assert v.jaren == jaren


def test_het_rapport_noemt_oude_bedragen_per_recht():
    catalogus = _grensrecht()
    assert verouderde_parameters(catalogus, date(2025, 1, 1)) == []
    [(r, v)] = verouderde_parameters(catalogus, date(2026, 1, 1))
    assert (r.id, v.parameter, v.sinds, v.jaren) == ("r", "grens", date(2024, 5, 1), 2)


def test_een_te_grote_marge_wordt_geweigerd():
    data = recht("r", True, parameters={"grens": _geindexeerd(("2024-01-01", 1), marge=0.5)})
    with pytest.raises(RegelFout, match="indexering"):
        bouw(data)


# --- estimated incomes ----------------------------------------------------------------


def test_een_geschat_inkomen_dicht_bij_de_grens_is_mogelijk_en_vraagt_iets_preciezers():
    catalogus = bouw(recht("r", voorwaarde({"<=": [JAARINKOMEN, 24000]}, id="inkomen")))
    e = evalueer({"netto_maandinkomen_gezin": 1500}, catalogus, date(2025, 6, 1))
    u = e.uitkomsten[0]
    assert u.status == M
    assert DICHT_BIJ_GRENS in u.voorwaarden[0].opmerkingen
    # the kind of income and the tax bill narrow it; the same income is never asked again
    assert u.open_attributen == {"soort_inkomen", "belastbaar_inkomen_gezin_jaar"}
    assert e.volgende_vraag == "soort_inkomen"
    e = evalueer(
        {"netto_maandinkomen_gezin": 1500, "soort_inkomen": "loon"}, catalogus, date(2025, 6, 1)
    )
    assert e.uitkomsten[0].open_attributen == {"belastbaar_inkomen_gezin_jaar"}
    assert e.volgende_vraag == "belastbaar_inkomen_gezin_jaar"


def test_weet_ik_niet_op_het_aanslagbiljet_laat_het_recht_mogelijk():
    catalogus = bouw(recht("r", voorwaarde({"<=": [JAARINKOMEN, 24000]}, id="inkomen")))
    profiel = {
        "netto_maandinkomen_gezin": 1500,
        "soort_inkomen": "loon",
        "belastbaar_inkomen_gezin_jaar": None,
    }
    e = evalueer(profiel, catalogus, date(2025, 6, 1))
    assert e.uitkomsten[0].status == M
    assert e.volgende_vraag is None


def test_rekenen_met_een_schatting():
    # half of the yearly estimate: 1000 a month of wages is 14.000-19.000, half 7.000-9.500
    loon = {"soort_inkomen": "loon"}
    regel = {"<=": [{"/": [JAARINKOMEN, 2]}, 10000]}
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 1000, **loon}) == W
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 1100, **loon}) == M
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 1500, **loon}) == N
    regel = {"<=": [{"-": [JAARINKOMEN, 5000]}, 6000]}
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 700, **loon}) == M  # 4.800-8.300
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 1000, "soort_inkomen": "bijstand"}) == M


def test_de_soort_inkomen_maakt_de_bandbreedte_alleen_smaller():
    """Without the kind of income, the range holds every kind (non-taxable allowances
    too): answering the kind never turns a "niet" into "mogelijk"."""
    regel = {"<=": [JAARINKOMEN, 24000]}
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 3000}) == M
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 3000, "soort_inkomen": "loon"}) == N
    assert evalueer_een(regel, {"netto_maandinkomen_gezin": 3000, "soort_inkomen": "bijstand"}) == M


def test_een_bedrag_uit_een_geschat_inkomen_toont_het_midden():
    catalogus = bouw(
        recht(
            "r",
            True,
            bedrag={
                "per": "jaar",
                "regel": {"-": [30000, JAARINKOMEN]},
                "tekst": "ongeveer € {bedrag} per jaar",
            },
        )
    )
    u = evalueer({"netto_maandinkomen_gezin": 1000}, catalogus, date(2025, 1, 1)).uitkomsten[0]
    assert u.bedrag == 30000 - 16000  # the middle factor for an unknown kind of income


def test_de_factoren_van_het_kookboek_worden_gecontroleerd():
    data = {
        "attributen": {
            "inkomen": {
                "type": "euro",
                "vraag": "Inkomen?",
                "waarom": "Daarom.",
                "kort": "inkomen {waarde}",
            },
            "soort": {
                "type": "enum",
                "vraag": "Soort?",
                "waarom": "Daarom.",
                "opties": {"loon": "Loon", "pensioen": "Pensioen"},
                "kort": {"loon": "loon", "pensioen": "pensioen"},
            },
        },
        "inkomen": {
            "jaar": {
                "schatting": {
                    "van": "inkomen",
                    "soort": "soort",
                    "factor": {"loon": [12, 14, 16], "onbekend": [12, 14, 16]},
                }
            }
        },
    }
    with pytest.raises(VocabulaireFout, match="ontbreekt: pensioen"):
        vocabulaire_uit_data(data, "test.yaml")
    data["inkomen"]["jaar"]["schatting"]["factor"]["pensioen"] = [14, 12, 16]
    with pytest.raises(VocabulaireFout, match="oplopend"):
        vocabulaire_uit_data(data, "test.yaml")


# --- conditions the bot cannot ask -----------------------------------------------------


def _met_na_te_gaan():
    return bouw(
        recht(
            "r",
            voorwaarde({">=": [{"var": "leeftijd"}, 65]}, id="leeftijd"),
            {"id": "zorgnood", "tekst": "Een onderzoek naar uw zorgnood.", "na_te_gaan": True},
        )
    )


def test_een_voorwaarde_om_na_te_gaan_geeft_hoogstens_mogelijk():
    catalogus = _met_na_te_gaan()
    e = evalueer({"leeftijd": 80}, catalogus, date(2025, 1, 1))
    assert e.uitkomsten[0].status == M
    assert e.uitkomsten[0].open_attributen == frozenset()
    assert e.volgende_vraag is None  # nothing to ask about it
    assert e.uitkomsten[0].reden.id == "zorgnood"


def test_een_voorwaarde_om_na_te_gaan_belet_geen_niet():
    e = evalueer({"leeftijd": 50}, _met_na_te_gaan(), date(2025, 1, 1))
    assert e.uitkomsten[0].status == N


def test_na_te_gaan_naast_een_regel_wordt_geweigerd():
    data = recht("r", {"id": "x", "tekst": "Iets.", "regel": True, "na_te_gaan": True})
    with pytest.raises(RegelFout, match="na_te_gaan"):
        bouw(data)


# --- a right through another right ---------------------------------------------------


def _afhankelijk():
    return bouw(
        recht(
            "igo", voorwaarde({">=": [{"var": "leeftijd"}, 66]}, id="leeftijd"), niveau="federaal"
        ),
        recht(
            "tarief",
            {
                "id": "groep",
                "tekst": "U hoort bij een groep met recht.",
                "een_van": [
                    voorwaarde({"var": "ontvangt_igo"}, id="krijgt", tekst="U krijgt de IGO."),
                    voorwaarde({"recht": "igo"}, id="kans", tekst="U krijgt wellicht de IGO."),
                ],
            },
        ),
    )


def test_een_recht_dat_alleen_via_een_ander_recht_klopt_zegt_dat():
    e = evalueer({"leeftijd": 70, "ontvangt_igo": False}, _afhankelijk(), date(2025, 1, 1))
    tarief = e.uitkomst("tarief")
    assert tarief.status == W
    assert tarief.via_rechten == ("igo",)


def test_wie_het_andere_recht_al_krijgt_hoeft_niets_te_doen():
    e = evalueer({"leeftijd": 70, "ontvangt_igo": True}, _afhankelijk(), date(2025, 1, 1))
    assert e.uitkomst("tarief").status == W
    assert e.uitkomst("tarief").via_rechten == ()


# --- the reason shown ------------------------------------------------------------------


def test_de_reden_is_de_kernvoorwaarde_niet_de_eerste():
    catalogus = bouw(
        recht(
            "r",
            voorwaarde(True, id="verblijf", tekst="U woont wettig in België."),
            voorwaarde(
                {"<=": [INKOMEN, 1500]}, id="inkomen", tekst="Uw inkomen is laag.", kern=True
            ),
        )
    )
    u = evalueer({"netto_maandinkomen_gezin": 900}, catalogus, date(2025, 1, 1)).uitkomsten[0]
    assert u.status == W
    assert u.reden.tekst == "Uw inkomen is laag."


def test_de_reden_van_een_groep_is_de_route_die_klopt():
    e = evalueer({"ontvangt_igo": True}, _afhankelijk(), date(2025, 1, 1))
    assert e.uitkomst("tarief").reden.tekst == "U krijgt de IGO."


# --- where you live ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gemeente", "verwacht"), [("21015", N), ("21001", N), ("44021", W), ("11002", W)]
)
def test_vlaamse_woonplaats(gemeente, verwacht):
    assert evalueer_een({"var": "woont_in_vlaanderen"}, {"gemeente": gemeente}) == verwacht


def test_zonder_gemeente_is_het_gewest_onbekend():
    assert evalueer_een({"var": "woont_in_vlaanderen"}, {}) == M
    catalogus = bouw(recht("r", {"var": "woont_in_brussel"}))
    assert evalueer({}, catalogus, date(2025, 1, 1)).volgende_vraag == "gemeente"


def test_bron_van_een_parameterwaarde_mag():
    p = _geindexeerd(("2024-05-01", 1000))
    p["waarden"][0]["bron"] = BRON
    bouw(recht("r", {"<=": [INKOMEN, {"param": "grens"}]}, parameters={"grens": p}))


def test_na_te_gaan_in_een_uitdrukking_laat_een_route_alleen_open_waar_ze_kan():
    regel = {"and": [{"!": {"var": "zorgbehoevende_zelfde_adres"}}, {"na_te_gaan": True}]}
    assert evalueer_een(regel, {"zorgbehoevende_zelfde_adres": True}) == N
    assert evalueer_een(regel, {"zorgbehoevende_zelfde_adres": False}) == M
    catalogus = bouw(recht("r", voorwaarde(regel, id="elders")))
    e = evalueer({"zorgbehoevende_zelfde_adres": False}, catalogus, date(2025, 1, 1))
    assert e.uitkomsten[0].voorwaarden[0].na_te_gaan
    assert e.volgende_vraag is None
    with pytest.raises(RegelFout, match="na_te_gaan"):
        bouw(recht("r", {"na_te_gaan": "ja"}))
