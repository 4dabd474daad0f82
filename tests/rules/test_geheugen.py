"""The engine remembers outcomes inside a catalogue; that must never change an answer.

A catalogue that has already answered many other profiles (warm memo) must give exactly
what a freshly built catalogue gives, for any profile and date, and evaluations from
several threads at once must not fail.
"""

from __future__ import annotations

import random
import sys
import threading
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from regelhulp import PEILDATUM, M, N, W, bouw, parameter, recht, vocabulaire
from test_eigenschappen import DATUMS, SNEL, VOORBEELDEN, _recht, _waarde, profielen

from bot.rules import Catalogus, Evaluatie, bouw_catalogus, evalueer

GENT, BRUGGE = "44021", "31005"
INKOMEN = {"var": "netto_maandinkomen_gezin"}


def _alles(evaluatie: Evaluatie) -> Any:
    """Everything a caller can see of an evaluation."""
    return (
        [
            (
                u.recht.id,
                u.status,
                u.bedrag,
                u.bedrag_tekst,
                u.open_attributen,
                [(v.id, v.status, v.tekst, v.benaderingen, v.onderdelen) for v in u.voorwaarden],
            )
            for u in evaluatie.uitkomsten
        ],
        evaluatie.volgende_vraag,
        evaluatie.open_rechten,
    )


# --- the same catalogue, asked again -------------------------------------------------


def test_zelfde_catalogus_andere_peildatum():
    catalogus = bouw(
        recht(
            "r",
            {"<=": [INKOMEN, {"param": "grens"}]},
            parameters={"grens": parameter(("2024-01-01", 1000), ("2025-01-01", 1300))},
            bedrag={"per": "maand", "regel": {"param": "grens"}, "tekst": "{bedrag}"},
        )
    )
    profiel = {"netto_maandinkomen_gezin": 1200}
    for _ in range(2):  # the second round comes from the memo
        assert evalueer(profiel, catalogus, date(2023, 6, 1)).uitkomst("r").status == M
        assert evalueer(profiel, catalogus, date(2024, 6, 1)).uitkomst("r").status == N
        uitkomst = evalueer(profiel, catalogus, date(2025, 6, 1)).uitkomst("r")
        assert (uitkomst.status, uitkomst.bedrag) == (W, 1300)


def test_zelfde_catalogus_andere_gemeente():
    catalogus = bouw(
        recht(
            "r",
            {"<=": [INKOMEN, {"param": "grens"}]},
            parameters={
                "grens": parameter(
                    ("2024-01-01", 1000), per_gemeente={GENT: [("2024-01-01", 1500)]}
                )
            },
        )
    )
    for _ in range(2):
        for gemeente, verwacht, vraag in [
            (GENT, W, None),
            (BRUGGE, N, None),
            (None, M, None),
            ("afwezig", M, "gemeente"),
        ]:
            profiel: dict[str, Any] = {"netto_maandinkomen_gezin": 1200}
            if gemeente != "afwezig":
                profiel["gemeente"] = gemeente
            evaluatie = evalueer(profiel, catalogus, PEILDATUM)
            assert evaluatie.uitkomst("r").status == verwacht, gemeente
            assert evaluatie.volgende_vraag == vraag, gemeente


def test_weet_ik_niet_en_afwezig_worden_niet_verward():
    catalogus = bouw(recht("a", {"var": "mantelzorger"}), recht("b", {"recht": "a"}))
    for _ in range(2):
        assert evalueer({}, catalogus, PEILDATUM).volgende_vraag == "mantelzorger"
        evaluatie = evalueer({"mantelzorger": None}, catalogus, PEILDATUM)
        assert evaluatie.volgende_vraag is None
        assert evaluatie.uitkomst("b").open_attributen == frozenset()


def test_sleutelrecht_uit_het_geheugen_volgt_het_profiel():
    catalogus = bouw(
        recht("a", {">=": [{"var": "leeftijd"}, 18]}),
        recht("b", {"and": [{"recht": "a"}, {"var": "mantelzorger"}]}),
    )
    for _ in range(2):
        for leeftijd, verwacht in [(30, W), (10, N), (None, M)]:
            profiel = {"mantelzorger": True}
            if leeftijd is not None:
                profiel["leeftijd"] = leeftijd
            assert evalueer(profiel, catalogus, PEILDATUM).uitkomst("b").status == verwacht


def test_veel_verschillende_profielen_na_elkaar():
    """More distinct inputs than the memo holds: old entries go, answers stay right."""
    catalogus = bouw(recht("r", {"<": [INKOMEN, 2000]}))
    rng = random.Random(3)
    for _ in range(5000):
        inkomen = round(rng.uniform(0, 4000), 2)
        status = evalueer({"netto_maandinkomen_gezin": inkomen}, catalogus, PEILDATUM).uitkomsten[0]
        assert status.status == (W if inkomen < 2000 else N)


def test_gelijktijdige_evaluaties_uit_meerdere_threads():
    """evalueer is safe to call from a thread pool, also when a right's memo is full.

    (Regression: two threads could evict the same oldest memo entry and the second
    ``pop`` raised KeyError out of evalueer.)
    """
    catalogus = bouw(recht("r", {"<": [INKOMEN, 2000]}))
    fouten: list[str] = []

    def werk(seed: int) -> None:
        rng = random.Random(seed)
        try:
            for _ in range(6000):
                inkomen = round(rng.uniform(0, 5000), 2)
                evalueer({"netto_maandinkomen_gezin": inkomen}, catalogus, PEILDATUM)
        except Exception as fout:  # noqa: BLE001 - any exception is the failure
            fouten.append(repr(fout))

    oud = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, as under load
    try:
        threads = [threading.Thread(target=werk, args=(i,)) for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(oud)
    assert fouten == []


# --- warm memo versus a fresh catalogue, on random rules ---------------------------


@st.composite
def _regelsets(draw) -> list[dict[str, Any]]:
    ids: list[str] = []
    rechten = []
    for i in range(draw(st.integers(1, 4))):
        recht_id = f"recht-{i}"
        rechten.append(draw(_recht(recht_id, tuple(ids))))
        ids.append(recht_id)
    return rechten


@st.composite
def _gesprek(draw) -> list[tuple[dict[str, Any], date]]:
    """Profiles as a conversation produces them: answers added, "weet ik niet", changes."""
    profiel = draw(profielen())
    stappen = [(profiel, draw(st.sampled_from(DATUMS)))]
    for _ in range(draw(st.integers(2, 8))):
        naam = draw(st.sampled_from(sorted(vocabulaire().attributen)))
        actie = draw(st.sampled_from(["antwoord", "antwoord", "weet_niet", "weg", "nieuw"]))
        profiel = dict(profiel)
        if actie == "antwoord":
            profiel[naam] = draw(_waarde(vocabulaire().attributen[naam]))
        elif actie == "weet_niet":
            profiel[naam] = None
        elif actie == "weg":
            profiel.pop(naam, None)
        else:
            profiel = draw(profielen())
        stappen.append((profiel, draw(st.sampled_from(DATUMS))))
    return stappen


@settings(SNEL, max_examples=max(10, VOORBEELDEN // 2))
@given(_regelsets(), _gesprek())
def test_warm_geheugen_geeft_hetzelfde_als_een_nieuwe_catalogus(regels, gesprek):
    warm: Catalogus = bouw_catalogus(regels, vocabulaire())
    # the same steps twice: the second round is answered from the memo
    for profiel, datum in gesprek + gesprek:
        vers = bouw_catalogus(regels, vocabulaire())
        assert _alles(evalueer(profiel, warm, datum)) == _alles(evalueer(profiel, vers, datum)), (
            profiel,
            datum,
        )


# --- work the engine leaves out or shares ----------------------------------------------


def test_een_niet_legt_later_alle_voorwaarden_uit_ook_als_het_profiel_intussen_verandert():
    """A "niet" stops at the first condition that fails; the others are worked out when
    someone asks why, from the answers of that evaluation (not the caller's dict now)."""
    catalogus = bouw(
        recht(
            "r",
            {">=": [{"var": "leeftijd"}, 65]},
            {"<=": [INKOMEN, 1500]},
            {"var": "heeft_kinderen"},
        )
    )
    profiel: dict[str, Any] = {"leeftijd": 40, "netto_maandinkomen_gezin": 1200}
    uitkomst = evalueer(profiel, catalogus, PEILDATUM).uitkomsten[0]
    profiel["netto_maandinkomen_gezin"] = 9000  # the caller reuses its dict
    profiel["heeft_kinderen"] = True
    assert uitkomst.status == N
    assert uitkomst.reden is not None and uitkomst.reden.id == "v0"
    assert [(v.id, v.status.value) for v in uitkomst.voorwaarden] == [
        ("v0", "niet_voldaan"),
        ("v1", "voldaan"),
        ("v2", "onbekend"),
    ]


def test_een_herhaalde_deeluitdrukking_wordt_gedeeld_en_geeft_dezelfde_uitkomst():
    """A route repeated in a group is compiled to one shared node, computed once per
    evaluation of the right; the outcomes are those of the expression written out."""
    laag = {"<=": [INKOMEN, {"+": [1000, {"*": [200, {"var": "aantal_kinderen"}]}]}]}
    data = recht(
        "r",
        {"or": [{"var": "ontvangt_leefloon"}, laag]},
        {
            "id": "groep",
            "tekst": "Een van beide.",
            "een_van": [
                {"id": "a", "tekst": "Laag inkomen.", "regel": laag},
                {"id": "b", "tekst": "Oud.", "regel": {">=": [{"var": "leeftijd"}, 65]}},
            ],
        },
    )
    gedeeld = bouw(data)
    v0, groep = gedeeld.rechten[0].voorwaarden
    deel = groep.een_van[0].regel
    assert deel is v0.regel.args[1], "the repeated expression is one node"
    for profiel, verwacht in [
        ({"netto_maandinkomen_gezin": 1300, "aantal_kinderen": 2}, W),
        ({"netto_maandinkomen_gezin": 1500, "aantal_kinderen": 2, "ontvangt_leefloon": False}, N),
        ({"netto_maandinkomen_gezin": 1500, "aantal_kinderen": 2, "leeftijd": 70}, M),
        ({"netto_maandinkomen_gezin": 1500, "aantal_kinderen": 2, "ontvangt_leefloon": True}, M),
        ({"aantal_kinderen": 2, "leeftijd": 30, "ontvangt_leefloon": False}, M),
    ]:
        uitkomst = evalueer(profiel, gedeeld, PEILDATUM).uitkomsten[0]
        assert uitkomst.status == verwacht, profiel
    open_ = evalueer({"aantal_kinderen": 2, "leeftijd": 30}, gedeeld, PEILDATUM).uitkomsten[0]
    assert {"netto_maandinkomen_gezin", "ontvangt_leefloon"} <= open_.open_attributen


# --- the same condition in several rights ----------------------------------------------


def _lokaal(id: str, gemeente: str, grens: int, tekst: str = "U krijgt de basis.") -> dict:
    """A local right made from one regulation: the same conditions, its own limit."""
    return recht(
        id,
        {"id": "basis", "tekst": tekst, "regel": {"recht": "basis"}},
        {
            "id": "zorg",
            "tekst": "U zorgt voor iemand of u bent 65.",
            "een_van": [
                {"id": "mz", "tekst": "Mantelzorger.", "regel": {"var": "mantelzorger"}},
                {"id": "oud", "tekst": "65 of ouder.", "regel": {">=": [{"var": "leeftijd"}, 65]}},
            ],
        },
        {"id": "inkomen", "tekst": "Laag inkomen.", "regel": {"<=": [INKOMEN, {"param": "grens"}]}},
        niveau="lokaal",
        gemeenten=[gemeente],
        parameters={"grens": parameter(("2024-01-01", grens))},
    )


def _basis() -> dict:
    return recht("basis", {"or": [{"var": "ontvangt_leefloon"}, {"<=": [INKOMEN, 1500]}]})


def test_dezelfde_voorwaarde_zonder_parameters_deelt_haar_geheugen_en_geeft_dezelfde_uitkomsten():
    """Local rights made from one regulation share what they remember of a condition that
    reads no parameter and is written the same; every right still gets its own outcome,
    the same as in a catalogue of its own."""
    rechten = [
        _basis(),
        _lokaal("gent", GENT, 1800),
        _lokaal("brugge", BRUGGE, 2000),
        _lokaal("ander", "11002", 1800, tekst="U krijgt de basistoelage."),
    ]
    catalogus = bouw(*rechten)
    gent, brugge, ander = (catalogus.per_id[i] for i in ("gent", "brugge", "ander"))
    per_id = {r.id: {v.id: v for v in r.voorwaarden} for r in (gent, brugge, ander)}
    assert per_id["gent"]["basis"].geheugen is per_id["brugge"]["basis"].geheugen
    assert per_id["gent"]["zorg"].uitkomsten is per_id["brugge"]["zorg"].uitkomsten
    assert (
        per_id["gent"]["zorg"].een_van[1].geheugen is per_id["brugge"]["zorg"].een_van[1].geheugen
    )
    assert per_id["gent"]["inkomen"].geheugen is not per_id["brugge"]["inkomen"].geheugen
    assert per_id["ander"]["basis"].geheugen is not per_id["gent"]["basis"].geheugen
    assert per_id["ander"]["zorg"].geheugen is per_id["gent"]["zorg"].geheugen

    rng = random.Random(7)
    for _ in range(300):
        profiel: dict[str, Any] = {}
        for naam, waarden in (
            ("gemeente", [GENT, BRUGGE, "11002", None]),
            ("ontvangt_leefloon", [True, False, None]),
            ("netto_maandinkomen_gezin", [1000, 1600, 1900, 2500, None]),
            ("mantelzorger", [True, False, None]),
            ("leeftijd", [30, 70, None]),
        ):
            if rng.random() < 0.7:
                profiel[naam] = rng.choice(waarden)
        samen = {u.recht.id: u for u in evalueer(profiel, catalogus, PEILDATUM).uitkomsten}
        for data in rechten[1:]:
            alleen = evalueer(profiel, bouw(_basis(), data), PEILDATUM)
            verwacht = next(u for u in alleen.uitkomsten if u.recht.id == data["id"])
            u = samen[data["id"]]
            assert (u.status, u.open_attributen, u.voorwaarden) == (
                verwacht.status,
                verwacht.open_attributen,
                verwacht.voorwaarden,
            ), (data["id"], profiel)
