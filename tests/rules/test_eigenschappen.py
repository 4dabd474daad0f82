"""Properties of the engine over random rule sets and random partial profiles (hypothesis).

The information order: an absent key (or "weet ik niet") is below every known value.
The engine must be monotone in it: learning a fact can settle an open right, never
overturn a settled one. With every asked attribute known nothing stays open, and the
next question is always one that can still change something.
"""

from __future__ import annotations

import os
import random
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from regelhulp import BRON, vocabulaire

from bot.rules import (
    Catalogus,
    Evaluatie,
    ProductZonderRegels,
    RegelFout,
    Status,
    VoorwaardeStatus,
    bouw_catalogus,
    evalueer,
)
from bot.rules.evaluatie import DICHT_BIJ_GRENS
from bot.rules.volgende_vraag import hoogstens_nog
from bot.vocabulary import Attribuut, AttribuutType

REGELS = Path(__file__).resolve().parents[2] / "catalogus" / "regels"
GEMEENTEN = ("44021", "31005", "24062")  # Gent, Brugge, Leuven
DATUMS = (date(2023, 6, 1), date(2024, 3, 1), date(2024, 9, 1), date(2025, 6, 1))
OPS = ("==", "!=", "<", "<=", ">", ">=")

VOORBEELDEN = int(os.environ.get("EIGENSCHAPPEN_VOORBEELDEN", "50"))
"""Examples per property; raise it for a thorough run (EIGENSCHAPPEN_VOORBEELDEN=2000)."""

SNEL = settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- the vocabulary's attributes, by kind ---------------------------------------------


def _soort(t: AttribuutType) -> list[str]:
    return [n for n, a in vocabulaire().attributen.items() if a.type is t]


@cache
def _attributen() -> dict[str, list[str]]:
    return {
        "bool": _soort(AttribuutType.BOOL),
        "int": _soort(AttribuutType.INT),
        "euro": _soort(AttribuutType.EURO),
        "enum": _soort(AttribuutType.ENUM),
    }


def _getal_tussen(attribuut: Attribuut) -> st.SearchStrategy[int]:
    return st.integers(int(attribuut.min), int(attribuut.max))


def _waarde(attribuut: Attribuut, gemeenten: tuple[str, ...] = GEMEENTEN) -> st.SearchStrategy:
    """A valid, known value for this attribute, from the vocabulary's types and ranges."""
    return _waarde_van(attribuut.sleutel, gemeenten)


@cache
def _waarde_van(naam: str, gemeenten: tuple[str, ...]) -> st.SearchStrategy:
    attribuut = vocabulaire().attributen[naam]
    match attribuut.type:
        case AttribuutType.BOOL:
            return st.booleans()
        case AttribuutType.INT:
            # keep most values small, where the thresholds are
            klein = st.integers(int(attribuut.min), min(int(attribuut.max), 70))
            return st.one_of(klein, _getal_tussen(attribuut))
        case AttribuutType.EURO:
            centen = st.integers(0, 400_000).map(lambda c: round(c / 100, 2))
            return st.one_of(st.integers(0, 4000).map(float), centen)
        case AttribuutType.ENUM:
            return st.sampled_from(sorted(attribuut.opties))
        case AttribuutType.GEMEENTE:
            return st.sampled_from((*gemeenten, "11002"))
    raise AssertionError(attribuut.type)


# --- random rule files ----------------------------------------------------------------


Params = tuple[tuple[str, bool], ...]
"""A right's parameters: (name, is a list), hashable so the strategies below can be cached."""


@cache
def _kies(*keuzes: Any) -> st.SearchStrategy:
    return st.sampled_from(keuzes)


@cache
def _getal_uitdrukking(rechtsparams: Params, diepte: int) -> st.SearchStrategy:
    return _getal_uitdrukking_(rechtsparams, diepte)


@cache
def _bool_uitdrukking(rechtsparams: Params, eerdere: tuple[str, ...], diepte: int):
    return _bool_uitdrukking_(rechtsparams, eerdere, diepte)


@st.composite
def _getal_uitdrukking_(draw, rechtsparams: Params, diepte: int) -> Any:
    a = _attributen()
    keuzes = ["int", "euro", "afgeleid", "inkomen"]
    if any(not tabel for _, tabel in rechtsparams):
        keuzes.append("param")
    if any(tabel for _, tabel in rechtsparams):
        keuzes.append("tabel")
    if diepte > 0:
        keuzes += ["if", "som", "minmax"]
    soort = draw(_kies(*keuzes))
    if soort in ("int", "euro"):
        return {"var": draw(_kies(*a[soort]))}
    if soort == "afgeleid":
        return {"var": draw(_kies("gezinsgrootte", "personen_ten_laste"))}
    if soort == "inkomen":
        return {"inkomen": draw(_kies(*sorted(vocabulaire().inkomen)))}
    if soort == "param":
        return {"param": draw(_kies(*(n for n, t in rechtsparams if not t)))}
    if soort == "tabel":
        naam = draw(_kies(*(n for n, t in rechtsparams if t)))
        return {"tabel": [naam, {"var": draw(_kies("aantal_kinderen", "gezinsgrootte"))}]}
    deel = _getal_uitdrukking(rechtsparams, diepte - 1)
    if soort == "if":
        voorwaarde = draw(_bool_uitdrukking(rechtsparams, (), diepte - 1))
        return {"if": [voorwaarde, draw(deel), draw(deel)]}
    if soort == "som":
        return {"+": [draw(deel), draw(st.integers(-3, 3))]}
    return {draw(_kies("min", "max")): [draw(deel), draw(deel)]}


@cache
def _drempel() -> st.SearchStrategy[int | float]:
    return st.one_of(
        st.integers(0, 6),
        st.sampled_from([18, 25, 65, 1000, 1500, 2000, 20000, 30000]),
        st.integers(0, 40000),
    )


def _ops_voor(uitdrukking: Any) -> tuple[str, ...]:
    """Equality only on whole numbers: an income notion (netto x 12 / 0,75) or an amount
    in cents rarely hits a given number exactly, so ``==`` on it would make conditions that
    no answer can satisfy; the engine cannot know that, and need not."""
    tekst = repr(uitdrukking)
    if "inkomen" in tekst or "netto_maandinkomen_gezin" in tekst or "param" in tekst:
        return ("<", "<=", ">", ">=")
    return OPS


@cache
def _vergelijking(rechtsparams: Params, diepte: int) -> st.SearchStrategy:
    return _vergelijking_(rechtsparams, diepte)


@st.composite
def _vergelijking_(draw, rechtsparams: Params, diepte: int) -> Any:
    getal = _getal_uitdrukking(rechtsparams, min(diepte, 1))
    vorm = draw(_kies("drempel", "drempel", "twee", "tussen"))
    if vorm == "drempel":
        links = draw(getal)
        return {draw(_kies(*_ops_voor(links))): [links, draw(_drempel())]}
    if vorm == "twee":
        links, rechts = draw(getal), draw(getal)
        return {draw(_kies(*_ops_voor([links, rechts]))): [links, rechts]}
    laag = draw(_drempel())
    return {draw(_kies("<", "<=")): [laag, draw(getal), laag + draw(_drempel())]}


@cache
def _atoom(rechtsparams: Params, eerdere: tuple[str, ...], diepte: int) -> st.SearchStrategy:
    return _atoom_(rechtsparams, eerdere, diepte)


@st.composite
def _atoom_(draw, rechtsparams: Params, eerdere: tuple[str, ...], diepte: int):
    a = _attributen()
    keuzes = ["bool", "heeft_kinderen", "vergelijking", "vergelijking", "enum", "gemeente"]
    if eerdere:
        keuzes.append("recht")
    soort = draw(_kies(*keuzes))
    if soort == "bool":
        return {"var": draw(_kies(*a["bool"]))}
    if soort == "heeft_kinderen":
        return {"var": "heeft_kinderen"}
    if soort == "vergelijking":
        return draw(_vergelijking(rechtsparams, min(diepte, 1)))
    if soort == "enum":
        naam = draw(_kies(*a["enum"]))
        opties = sorted(vocabulaire().attributen[naam].opties)
        if draw(st.booleans()):
            return {draw(_kies("==", "!=")): [{"var": naam}, draw(_kies(*opties))]}
        return {"in": [{"var": naam}, draw(st.lists(_kies(*opties), max_size=3))]}
    if soort == "gemeente":
        lijst = draw(st.lists(_kies(*GEMEENTEN), min_size=1, max_size=2, unique=True))
        return {"in": [{"var": "gemeente"}, lijst]}
    return {"recht": draw(_kies(*eerdere))}


@st.composite
def _bool_uitdrukking_(draw, rechtsparams: Params, eerdere: tuple[str, ...], diepte: int):
    if diepte <= 0 or draw(st.integers(0, 2)) == 0:
        return draw(_atoom(rechtsparams, eerdere, min(diepte, 1)))
    deel = _bool_uitdrukking(rechtsparams, eerdere, diepte - 1)
    soort = draw(_kies("and", "or", "!", "if", "constante"))
    if soort in ("and", "or"):
        return {soort: draw(st.lists(deel, min_size=1, max_size=3))}
    if soort == "!":
        return {"!": [draw(deel)]}
    if soort == "if":
        return {"if": [draw(deel), draw(deel), draw(deel)]}
    return {draw(_kies("and", "or")): [draw(st.booleans()), draw(deel)]}


@cache
def _parameter(tabel: bool) -> st.SearchStrategy:
    return _parameter_(tabel)


@st.composite
def _parameter_(draw, tabel: bool) -> dict[str, Any]:
    def waarde():
        if tabel:
            return draw(st.lists(st.integers(0, 40000), min_size=1, max_size=4))
        return draw(st.integers(0, 40000))

    waarden = [{"vanaf": "2024-01-01", "waarde": waarde()}]
    if draw(st.booleans()):
        waarden.append({"vanaf": "2025-01-01", "waarde": waarde()})
    data: dict[str, Any] = {"omschrijving": "Een grens.", "bron": BRON, "waarden": waarden}
    if draw(st.booleans()):
        data["per_gemeente"] = {
            GEMEENTEN[0]: [{"vanaf": draw(_kies("2024-01-01", "2024-07-01")), "waarde": waarde()}]
        }
    return data


@st.composite
def _recht(draw, recht_id: str, eerdere: tuple[str, ...]) -> dict[str, Any]:
    parameters = {}
    if draw(st.booleans()):
        parameters["grens"] = draw(_parameter(tabel=False))
    if draw(st.integers(0, 3)) == 0:
        parameters["schaal"] = draw(_parameter(tabel=True))
    soorten = tuple((naam, naam == "schaal") for naam in parameters)
    voorwaarden = []
    for i in range(draw(st.integers(1, 3))):
        regel = _bool_uitdrukking(soorten, eerdere, 2)
        if draw(st.integers(0, 4)) == 0:
            voorwaarden.append(
                {
                    "id": f"v{i}",
                    "tekst": "Een van deze.",
                    "een_van": [
                        {"id": f"v{i}_{j}", "tekst": "Onderdeel.", "regel": draw(regel)}
                        for j in range(draw(st.integers(2, 3)))
                    ],
                }
            )
        else:
            voorwaarden.append({"id": f"v{i}", "tekst": "Voorwaarde.", "regel": draw(regel)})
    data: dict[str, Any] = {
        "id": recht_id,
        "product": recht_id,
        "naam": f"Recht {recht_id}",
        "niveau": "vlaams",
        "bron_url": BRON,
        "voorwaarden": voorwaarden,
    }
    if parameters:
        data["parameters"] = parameters
    if draw(st.integers(0, 3)) == 0:
        data["gemeenten"] = draw(st.lists(_kies(*GEMEENTEN), min_size=1, max_size=2, unique=True))
    if draw(st.booleans()):
        data["waarde_per_jaar"] = draw(st.integers(0, 5000))
    if draw(st.integers(0, 3)) == 0:
        data["bedrag"] = {
            "per": draw(_kies("maand", "jaar", "eenmalig")),
            "regel": draw(_getal_uitdrukking(soorten, 1)),
            "tekst": "{bedrag} euro",
        }
    return data


@st.composite
def catalogi(draw) -> Catalogus:
    ids: list[str] = []
    rechten = []
    for i in range(draw(st.integers(1, 4))):
        recht_id = f"recht-{i}"
        rechten.append(draw(_recht(recht_id, tuple(ids))))
        ids.append(recht_id)
    zonder = []
    if draw(st.integers(0, 3)) == 0:
        gemeenten = draw(st.none() | st.frozensets(_kies(*GEMEENTEN), min_size=1))
        zonder.append(
            ProductZonderRegels(
                "zonder-regels", "Zonder regels", "lokaal", BRON, gemeenten=gemeenten
            )
        )
    draw(st.randoms(use_true_random=False)).shuffle(rechten)  # file order must not matter
    return bouw_catalogus(rechten, vocabulaire(), zonder_regels=zonder)


# --- random profiles ------------------------------------------------------------------

_AFWEZIG = object()


@st.composite
def profielen(draw, gemeenten: tuple[str, ...] = GEMEENTEN, volledig: bool = False) -> dict:
    """A validated profile: each attribute absent, "weet ik niet" (None) or a value."""
    profiel = {}
    for naam, attribuut in vocabulaire().attributen.items():
        keuze = "waarde" if volledig else draw(_kies("waarde", "waarde", "leeg", "weet_niet"))
        if keuze == "waarde":
            profiel[naam] = draw(_waarde(attribuut, gemeenten))
        elif keuze == "weet_niet":
            profiel[naam] = None
    return vocabulaire().valideer_profiel(profiel)


# --- comparing evaluations ------------------------------------------------------------

_BESLIST = {Status.WAARSCHIJNLIJK, Status.NIET}


def _statussen(evaluatie: Evaluatie) -> dict[str, Status]:
    return {u.recht.id: u.status for u in evaluatie.uitkomsten}


def _uitleg(evaluatie: Evaluatie) -> str:
    regels = []
    for u in evaluatie.uitkomsten:
        regels.append(f"{u.recht.id}: {u.status} open={sorted(u.open_attributen)}")
        regels += [f"    [{v.status}] {v.id}" for v in u.voorwaarden]
    return "\n".join(regels + [f"volgende vraag: {evaluatie.volgende_vraag}"])


def _precies() -> frozenset[str]:
    """Attributes that give an estimated income notion exactly (the tax-bill income)."""
    return frozenset(b.precies for b in vocabulaire().inkomen.values() if b.precies)


def _controleer_monotoon(voor: Evaluatie, na: Evaluatie, wat: str) -> None:
    """Everything settled before is settled the same way after learning more.

    Except one thing by design: an outcome settled on an estimated income (clearly above
    or under a limit) may change when the exact figure from the tax bill comes in. The
    bot never asks for it then, but a person may give it anyway, and the document wins.
    """
    na_per_id = {u.recht.id: u for u in na.uitkomsten}
    verfijnd = wat.split("=")[0] in _precies()
    for u in voor.uitkomsten:
        later = na_per_id[u.recht.id]
        if verfijnd and any(v.benaderingen for v in u.voorwaarden):
            continue
        toegelaten = {u.status}
        if u.status is Status.MOGELIJK:
            toegelaten |= _BESLIST
        if u.status is Status.NIET_GECONTROLEERD:
            toegelaten.add(Status.NIET)  # a local product in another municipality
        assert later.status in toegelaten, (
            f"{wat}: {u.recht.id} ging van {u.status} naar {later.status}\n"
            f"voor:\n{_uitleg(voor)}\nna:\n{_uitleg(na)}"
        )
        for v_voor, v_na in zip(u.voorwaarden, later.voorwaarden, strict=True):
            if v_voor.status is not VoorwaardeStatus.ONBEKEND:
                assert v_na.status is v_voor.status, f"{wat}: voorwaarde {u.recht.id}.{v_voor.id}"
        # What is still open afterwards need not have been open before: a question can
        # become useful by the answer (once the income is known, the kind of income and
        # the tax bill can settle a case near a limit; once a condition only a service can
        # check is the last one left, the others no longer matter, and the other way
        # round). What stays is that no settled outcome flips (above) and that the next
        # question is open and unanswered (test_d_...).


def _eigenschap_monotoon(catalogus: Catalogus, profiel: dict, data, gemeenten=GEMEENTEN) -> None:
    datum = data.draw(st.sampled_from(DATUMS), label="datum")
    onbekend = [n for n in catalogus.vraagbare_attributen if profiel.get(n) is None]
    if not onbekend:
        return
    naam = data.draw(st.sampled_from(onbekend), label="nieuw feit")
    waarde = data.draw(_waarde(vocabulaire().attributen[naam], gemeenten), label="waarde")
    voor = evalueer(profiel, catalogus, datum)
    na = evalueer({**profiel, naam: waarde}, catalogus, datum)
    _controleer_monotoon(voor, na, f"{naam}={waarde!r}")


def _eigenschap_volledig(catalogus: Catalogus, profiel: dict, data) -> None:
    """A full profile leaves nothing to ask, and "mogelijk" only for a reason it names.

    What the vocabulary can know: a condition only a service can check (``na_te_gaan``),
    an estimated income or an old limit that straddles a limit ("dicht bij de grens"),
    or another right that is itself still "mogelijk" for one of those reasons.
    """
    begin = catalogus.eerste_peildatum or date(2000, 1, 1)
    datum = data.draw(st.sampled_from([d for d in DATUMS if d >= begin] or [begin]), label="datum")
    evaluatie = evalueer(profiel, catalogus, datum)
    assert evaluatie.volgende_vraag is None, _uitleg(evaluatie)
    statussen = _statussen(evaluatie)
    assert evaluatie.open_rechten == tuple(
        u.recht.id for u in evaluatie.uitkomsten if u.status is Status.MOGELIJK
    )
    for u in evaluatie.uitkomsten:
        if u.status is not Status.MOGELIJK:
            continue
        assert u.open_attributen == frozenset(), _uitleg(evaluatie)
        redenen = [r for v in u.voorwaarden for r in _redenen_onbekend(v)]
        via_mogelijk = any(statussen.get(r) is Status.MOGELIJK for r in u.recht.afhankelijk_van)
        assert redenen or via_mogelijk, f"{u.recht.id} blijft mogelijk zonder reden\n" + (
            _uitleg(evaluatie)
        )


def _redenen_onbekend(v) -> list[str]:
    """Why an unknown condition of a full profile is unknown, as far as it says."""
    if v.status is not VoorwaardeStatus.ONBEKEND:
        return []
    eigen = ["na te gaan"] if v.na_te_gaan else []
    eigen += [o for o in v.opmerkingen if o == DICHT_BIJ_GRENS]
    return eigen + [r for o in v.onderdelen for r in _redenen_onbekend(o)]


def _eigenschap_volgende_vraag(catalogus: Catalogus, profiel: dict, data) -> str | None:
    datum = data.draw(st.sampled_from(DATUMS), label="datum")
    evaluatie = evalueer(profiel, catalogus, datum)
    vraag = evaluatie.volgende_vraag
    open_rechten = [u for u in evaluatie.uitkomsten if u.status is Status.MOGELIJK]
    assert evaluatie.open_rechten == tuple(u.recht.id for u in open_rechten)
    for u in evaluatie.uitkomsten:
        if u.status is not Status.MOGELIJK:
            assert u.open_attributen == frozenset(), u.recht.id
        assert u.open_attributen <= set(catalogus.vraagbare_attributen)
    # the chat (evalueer's default) never asks what the vocabulary keeps for a social worker
    vraagbaar = {
        a
        for u in open_rechten
        for a in u.open_attributen
        if a not in profiel and a not in catalogus.niet_in_chat
    }
    if vraag is None:
        assert not vraagbaar, _uitleg(evaluatie)
        return None
    assert vraag not in profiel
    assert vraag in catalogus.vraagbare_attributen
    assert vraag in vraagbaar, _uitleg(evaluatie)
    leden = evaluatie.volgende_leden
    assert leden[0] == vraag and set(leden) <= vraagbaar
    if evaluatie.volgende_groep is None:
        assert leden == (vraag,)
    else:  # a group question only while two or more of its members are open
        groep = catalogus.vraaggroepen[evaluatie.volgende_groep]
        assert len(leden) >= 2 and set(leden) <= set(groep)
    return vraag


def _eigenschap_volgorde(catalogus: Catalogus, profiel: dict, data) -> None:
    datum = data.draw(st.sampled_from(DATUMS), label="datum")
    sleutels = list(profiel)
    data.draw(st.randoms(use_true_random=False), label="schudden").shuffle(sleutels)
    geschud = {k: profiel[k] for k in sleutels}
    a = evalueer(profiel, catalogus, datum)
    b = evalueer(geschud, catalogus, datum)
    assert [(u.recht.id, u.status, u.bedrag, u.open_attributen) for u in a.uitkomsten] == [
        (u.recht.id, u.status, u.bedrag, u.open_attributen) for u in b.uitkomsten
    ]
    assert a.volgende_vraag == b.volgende_vraag
    assert a.open_rechten == b.open_rechten


# --- properties over random rule sets -------------------------------------------------


@SNEL
@given(catalogi(), profielen(), st.data())
def test_a_b_een_feit_erbij_keert_geen_besliste_uitkomst_om(catalogus, profiel, data):
    _eigenschap_monotoon(catalogus, profiel, data)


@SNEL
@given(catalogi(), profielen(), st.data())
def test_monotoon_over_een_reeks_antwoorden(catalogus, profiel, data):
    """Answering the open attributes one by one: each step only settles, never overturns."""
    datum = data.draw(st.sampled_from(DATUMS), label="datum")
    vorige = evalueer(profiel, catalogus, datum)
    for naam in catalogus.vraagbare_attributen:
        if naam in profiel:
            continue
        profiel = {**profiel, naam: data.draw(_waarde(vocabulaire().attributen[naam]), label=naam)}
        volgende = evalueer(profiel, catalogus, datum)
        _controleer_monotoon(vorige, volgende, f"{naam}={profiel[naam]!r}")
        vorige = volgende


@SNEL
@given(catalogi(), profielen(volledig=True), st.data())
def test_c_volledig_profiel_laat_niets_open(catalogus, profiel, data):
    _eigenschap_volledig(catalogus, profiel, data)


@SNEL
@given(catalogi(), profielen(), st.data())
def test_d_volgende_vraag_is_open_en_onbeantwoord(catalogus, profiel, data):
    _eigenschap_volgende_vraag(catalogus, profiel, data)


@SNEL
@given(catalogi(), profielen(), st.data())
def test_e_volgorde_van_sleutels_doet_er_niet_toe(catalogus, profiel, data):
    _eigenschap_volgorde(catalogus, profiel, data)


@SNEL
@given(catalogi(), profielen(volledig=True), st.data())
def test_e_volledig_profiel_in_andere_volgorde(catalogus, profiel, data):
    _eigenschap_volgorde(catalogus, profiel, data)


@SNEL
@given(catalogi(), profielen())
def test_weet_ik_niet_is_hetzelfde_als_onbekend_behalve_voor_de_vraag(catalogus, profiel):
    """None and an absent key give the same outcomes; only the next question differs."""
    zonder_none = {k: v for k, v in profiel.items() if v is not None}
    a = evalueer(profiel, catalogus, DATUMS[-1])
    b = evalueer(zonder_none, catalogus, DATUMS[-1])
    assert _statussen(a) == _statussen(b)
    assert [u.bedrag for u in a.uitkomsten] == [u.bedrag for u in b.uitkomsten]
    if a.volgende_vraag is not None:
        assert profiel.get(a.volgende_vraag, _AFWEZIG) is _AFWEZIG


# --- the next question can change something ------------------------------------------


def _kandidaten(naam: str, catalogus_data: list, rng: random.Random) -> list[Any]:
    """A finite set of values for one attribute that covers the thresholds in the rules."""
    attribuut = vocabulaire().attributen[naam]
    match attribuut.type:
        case AttribuutType.BOOL:
            return [True, False]
        case AttribuutType.ENUM:
            return sorted(attribuut.opties)
        case AttribuutType.GEMEENTE:
            return [*GEMEENTEN, "11002"]
        case AttribuutType.INT:
            return list(range(int(attribuut.min), int(attribuut.max) + 1))
    getallen = set()
    for g in _getallen(catalogus_data):
        for x in (g, g / 12, g * 0.75 / 12):
            getallen |= {round(x - 0.01, 2), round(x, 2), round(x + 0.01, 2)}
    return sorted({0.0, float(attribuut.max)} | {g for g in getallen if 0 <= g <= attribuut.max})


def _getallen(data: Any):
    if isinstance(data, bool):
        return
    if isinstance(data, (int, float)):
        yield data
    elif isinstance(data, dict):
        for w in data.values():
            yield from _getallen(w)
    elif isinstance(data, list):
        for w in data:
            yield from _getallen(w)


def _eigenschap_vraag_verandert_iets(bronnen: list, catalogus: Catalogus, profiel: dict, data):
    """Some answer to the next question changes some right's status, now or once the
    other unanswered questions are answered too (a question that cannot change any
    outcome for this person is never asked).

    Only on dates when every parameter has a value: before that, a parameter is stuck
    unknown like a "weet ik niet", and the engine's structural analysis cannot see that,
    say, ``1 + (partner ? 1 : 0) + 1 == 1`` is false whatever the partner answer is.
    """
    begin = catalogus.eerste_peildatum or DATUMS[0]
    datum = data.draw(st.sampled_from([d for d in DATUMS if d >= begin] or [begin]), label="datum")
    evaluatie = evalueer(profiel, catalogus, datum)
    if evaluatie.volgende_vraag is None:
        return
    # a group question is one question: it is useful when one of its members is
    rng = data.draw(st.randoms(use_true_random=False), label="rng")
    for vraag in evaluatie.volgende_leden:
        if _vraag_verandert_iets(vraag, bronnen, catalogus, profiel, datum, rng):
            return
    pytest.fail(f"De vraag {evaluatie.volgende_leden} verandert niets.\n{_uitleg(evaluatie)}")


def _vraag_verandert_iets(vraag, bronnen, catalogus, profiel, datum, rng) -> bool:
    waarden = _kandidaten(vraag, bronnen, rng)
    andere = [n for n in catalogus.vraagbare_attributen if n not in profiel and n != vraag]
    aanvullingen: list[dict] = [{}]
    for _ in range(40):
        aanvulling = {}
        for naam in andere:
            if rng.random() < 0.7:
                aanvulling[naam] = rng.choice(_kandidaten(naam, bronnen, rng))
        aanvullingen.append(aanvulling)
    for aanvulling in aanvullingen:
        zonder = _statussen(evalueer({**profiel, **aanvulling}, catalogus, datum))
        for waarde in waarden:
            met = _statussen(evalueer({**profiel, **aanvulling, vraag: waarde}, catalogus, datum))
            if met != zonder:
                return True
    return False


# --- the same properties over the bundled catalogue ----------------------------------


@cache
def _echte_catalogus() -> tuple[Catalogus | None, tuple[str, ...]]:
    bestanden = sorted(REGELS.glob("*.yaml"))
    if not bestanden:
        return None, ()
    data = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in bestanden]
    try:
        catalogus = bouw_catalogus(data, vocabulaire())
    except RegelFout as fout:
        pytest.fail(f"De meegeleverde regelbestanden bouwen niet: {fout}")
    gemeenten = {nis for r in catalogus.rechten for nis in (r.gemeenten or ())}
    gemeenten |= {
        nis for r in catalogus.rechten for p in r.parameters.values() for nis in p.per_gemeente
    }
    return catalogus, tuple(sorted(gemeenten | set(GEMEENTEN)))


def _echte_regeldata() -> list:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(REGELS.glob("*.yaml"))]


def _echt() -> tuple[Catalogus, tuple[str, ...]]:
    catalogus, gemeenten = _echte_catalogus()
    if catalogus is None:
        pytest.skip("catalogus/regels/ bevat nog geen regelbestanden")
    return catalogus, gemeenten


@st.composite
def _echte_profielen(draw, volledig: bool = False):
    _, gemeenten = _echte_catalogus()
    return draw(profielen(gemeenten or GEMEENTEN, volledig=volledig))


ECHT = settings(SNEL, max_examples=max(10, VOORBEELDEN * 2 // 3))


@ECHT
@given(_echte_profielen(), st.data())
def test_echte_catalogus_monotoon(profiel, data):
    catalogus, gemeenten = _echt()
    _eigenschap_monotoon(catalogus, profiel, data, gemeenten)


@ECHT
@given(_echte_profielen(volledig=True), st.data())
def test_echte_catalogus_volledig_profiel_laat_niets_open(profiel, data):
    catalogus, _ = _echt()
    _eigenschap_volledig(catalogus, profiel, data)


@ECHT
@given(_echte_profielen(), st.data())
def test_echte_catalogus_volgende_vraag(profiel, data):
    catalogus, _ = _echt()
    _eigenschap_volgende_vraag(catalogus, profiel, data)


@settings(SNEL, max_examples=max(5, VOORBEELDEN // 4))
@given(_echte_profielen(), st.data())
def test_echte_catalogus_volgende_vraag_kan_een_uitkomst_veranderen(profiel, data):
    """On the real rules the next question is never useless. (On random rules the engine's
    structural analysis can miss value-level facts such as "inkomen < 0 never holds";
    the structural property is checked there by test_d_volgende_vraag_is_open_en_onbeantwoord.)"""
    catalogus, _ = _echt()
    # Only profiles without "weet ik niet": with a stuck answer, whether another question
    # still matters can hinge on values (an income of 0.28 is under every threshold), which
    # the structural analysis does not see; those cases are covered structurally above.
    beantwoord = {k: v for k, v in profiel.items() if v is not None}
    _eigenschap_vraag_verandert_iets(_echte_regeldata(), catalogus, beantwoord, data)


@ECHT
@given(_echte_profielen(), st.data())
def test_echte_catalogus_volgorde_van_sleutels(profiel, data):
    catalogus, _ = _echt()
    _eigenschap_volgorde(catalogus, profiel, data)


def test_echte_catalogus_gesprek_eindigt():
    """Following the next question with random answers always ends, without repeats."""
    catalogus, gemeenten = _echt()
    rng = random.Random(7)
    for _ in range(30):
        profiel: dict = {}
        gevraagd: list[str] = []
        while True:
            evaluatie = evalueer(profiel, catalogus, date(2025, 6, 1))
            if evaluatie.volgende_vraag is None:
                break
            vraag = evaluatie.volgende_vraag
            assert vraag not in gevraagd
            gevraagd.append(vraag)
            attribuut = vocabulaire().attributen[vraag]
            profiel[vraag] = None if rng.random() < 0.1 else _willekeurig(attribuut, gemeenten, rng)
        assert len(gevraagd) <= len(catalogus.vraagbare_attributen)


def _willekeurig(attribuut: Attribuut, gemeenten: tuple[str, ...], rng: random.Random) -> Any:
    match attribuut.type:
        case AttribuutType.BOOL:
            return rng.random() < 0.5
        case AttribuutType.INT:
            return rng.randint(int(attribuut.min), min(int(attribuut.max), 90))
        case AttribuutType.EURO:
            return round(rng.uniform(0, 4000), 2)
        case AttribuutType.ENUM:
            return rng.choice(sorted(attribuut.opties))
    return rng.choice(gemeenten)


# Found by hypothesis: the income group counted once while its amount was asked first
# and the kind of income only later, on its own.
INKOMEN_LATER = {
    "gemeente": "11001",
    "leeftijd": 0,
    "samenwonend_met_partner": False,
    "aantal_kinderen": 0,
    "leeftijd_jongste_kind": 0,
    "woonsituatie": "dakloos",
    "netto_maandinkomen_gezin": 0.0,
    "werksituatie": "arbeidsongeschikt",
    "verblijfsstatus": "ander_verblijfsrecht",
    "soort_inkomen": "bijstand",
    "belastbaar_inkomen_gezin_jaar": 0.0,
    "netto_maandinkomen_huisgenoten": 1307.0,
    "verhoogde_tegemoetkoming": False,
    "erkende_handicap": False,
    "ontvangt_tegemoetkoming_handicap": False,
    "ontvangt_igo": False,
    "ontvangt_zorgbudget_ouderen": False,
    "zelf_zorgbehoevend": False,
    "mantelzorger": False,
    "zorgbehoevende_leeftijd": 0,
    "zorgbehoevende_zelfde_adres": False,
    "schuldhulp": False,
    "medische_afvalnood": False,
    "zorgtoeslag_kind": False,
    "ontvangt_leefloon": True,
    "jaren_op_wachtlijst_sociale_woning": 0,
    "kind_hoger_onderwijs": False,
    "nederlandstalige_school_of_opvang": False,
    "aangesloten_vlaamse_zorgkas": False,
    "verwarming": "stookolie",
    "verhuisd_uit_slechte_woning": False,
    "werkelijk_verblijf": False,
    "samenwonend_met_anderen": False,
    "werkbereid": "ja",
    "onroerend_goed_naast_woning": False,
}


# Found by hypothesis: a wage of 1,522 a month puts the estimated taxable income above the
# studietoelage's limit ("niet"); a tax bill of 0.09 then opened the right again and
# brought questions the bound had not counted. Such a tax bill contradicts the monthly
# income: the bound does not promise anything then (see ``_belastingbrief_past``).
BELASTINGBRIEF_HEROPENT = {
    "gemeente": "11001",
    "leeftijd": 0,
    "samenwonend_met_partner": False,
    "aantal_kinderen": 0,
    "leeftijd_jongste_kind": 0,
    "woonsituatie": "huurder_privaat",
    "netto_maandinkomen_gezin": 1522.0,
    "werksituatie": "arbeidsongeschikt",
    "verblijfsstatus": "erkend_vluchteling",
    "soort_inkomen": "loon",
    "belastbaar_inkomen_gezin_jaar": 0.09,
    "netto_maandinkomen_huisgenoten": 1.55,
    "verhoogde_tegemoetkoming": False,
    "erkende_handicap": False,
    "ontvangt_tegemoetkoming_handicap": False,
    "ontvangt_igo": False,
    "ontvangt_zorgbudget_ouderen": False,
    "zelf_zorgbehoevend": False,
    "mantelzorger": False,
    "zorgbehoevende_leeftijd": 0,
    "zorgbehoevende_zelfde_adres": False,
    "schuldhulp": False,
    "medische_afvalnood": False,
    "zorgtoeslag_kind": False,
    "ontvangt_leefloon": False,
    "jaren_op_wachtlijst_sociale_woning": 4,
    "kind_hoger_onderwijs": False,
    "nederlandstalige_school_of_opvang": False,
    "aangesloten_vlaamse_zorgkas": False,
    "verwarming": "aardgas",
    "verhuisd_uit_slechte_woning": False,
    "werkelijk_verblijf": False,
    "samenwonend_met_anderen": False,
    "werkbereid": "ja",
    "onroerend_goed_naast_woning": False,
}


def _belastingbrief_past(waarheid: dict) -> dict:
    """The household with its tax-bill income inside the range the vocabulary estimates
    from its monthly income and kind of income.

    Only such a tax bill keeps every settled right settled (``_controleer_monotoon``); one
    that contradicts the estimate may open a "niet" again, with new questions. The bound
    of ``hoogstens_nog`` holds for households whose answers agree with each other."""
    waarheid = dict(waarheid)
    for begrip in vocabulaire().inkomen.values():
        schatting = begrip.schatting
        if begrip.precies is None or schatting is None:
            continue
        basis, precies = waarheid.get(schatting.van), waarheid.get(begrip.precies)
        if basis is None or precies is None:
            continue
        soort = waarheid.get(schatting.soort) if schatting.soort else None
        laag, _, hoog = schatting.factor.get(soort or "onbekend") or schatting.factor["onbekend"]
        waarheid[begrip.precies] = min(max(precies, basis * laag), basis * hoog)
    return waarheid


@ECHT
@given(_echte_profielen(volledig=True))
@example(waarheid=INKOMEN_LATER)
@example(waarheid=BELASTINGBRIEF_HEROPENT)
def test_echte_catalogus_hoogstens_nog_is_nooit_te_weinig(waarheid):
    """ "Hoeveel vragen nog?": at every step of a conversation that follows the engine's
    questions (a group once, each question answered from a full household), the bound is
    never below the number of questions that then come."""
    catalogus, _ = _echt()
    waarheid = _belastingbrief_past(waarheid)
    profiel: dict = {}
    groepen: set[str] = set()
    grenzen: list[int] = []
    while True:
        evaluatie = evalueer(profiel, catalogus, date(2025, 6, 1))
        grenzen.append(hoogstens_nog(evaluatie.uitkomsten, profiel, catalogus, groepen))
        if evaluatie.volgende_vraag is None:
            break
        groep = evaluatie.volgende_groep
        if groep is not None and groep not in groepen:
            groepen.add(groep)
            profiel.update({a: waarheid.get(a) for a in evaluatie.volgende_leden})
        else:
            profiel[evaluatie.volgende_vraag] = waarheid.get(evaluatie.volgende_vraag)
        assert len(grenzen) < 60, "de vragen lopen rond"
    gesteld = len(grenzen) - 1
    for stap, grens in enumerate(grenzen):
        assert grens >= gesteld - stap, (stap, grenzen)
