"""The fast evaluation gives the same results as a plain one, on the bundled catalogue.

``evalueer`` takes shortcuts: per reference date and municipality it plans every right
once (``Catalogus.plannen``), a local right of another municipality is "niet" without
being evaluated, and outcomes are remembered per right. The reference here takes none:
every right in turn, on a catalogue of its own, nothing remembered per right. Both
must agree on everything a caller sees: statuses, amounts, every condition (also those
worked out only when someone asks why), the reason, what is open and the next question.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from regelhulp import vocabulaire

from bot.rules import (
    ONBEKEND,
    Catalogus,
    Evaluatie,
    ProductZonderRegels,
    RechtUitkomst,
    Status,
    bouw_catalogus,
    evalueer,
)
from bot.rules.evaluatie import _AFWEZIG, _evalueer_recht, _parameters, sleuteldeel
from bot.rules.logica import Context
from bot.rules.volgende_vraag import kies_volgende_vraag
from bot.vocabulary import AttribuutType

REGELS = Path(__file__).resolve().parents[2] / "catalogus" / "regels"
DATUMS = (date(2024, 3, 1), date(2025, 6, 1), date(2027, 1, 1))
ANDERE_GEMEENTEN = ("11002", "23088", "71022")
"""Antwerpen, Vilvoorde, Hasselt: no local right of the bundled catalogue."""

ZONDER_REGELS = (
    ProductZonderRegels(
        id="buurtpremie-test",
        naam="Buurtpremie",
        niveau="lokaal",
        bron_url="https://www.vlaanderen.be/",
        gemeenten=frozenset(["44021", "31005"]),
    ),
)
"""A local product without rules: "niet gecontroleerd" where it applies, else "niet"."""


def _bouw() -> Catalogus:
    data = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(REGELS.glob("*.yaml"))]
    return bouw_catalogus(data, vocabulaire(), zonder_regels=ZONDER_REGELS)


@cache
def _snel() -> Catalogus:
    """One catalogue for every example: it remembers and plans as it goes."""
    return _bouw()


@cache
def _apart() -> Catalogus:
    """The reference's own catalogue: nothing the fast evaluation remembered."""
    return _bouw()


@cache
def _gemeenten() -> tuple[str, ...]:
    catalogus = _snel()
    lokaal = {g for r in catalogus.rechten for g in (r.gemeenten or ())}
    return (*sorted(lokaal), *ANDERE_GEMEENTEN)


# --- the reference ------------------------------------------------------------------


_WAARHEID = {Status.WAARSCHIJNLIJK: True, Status.NIET: False}


def referentie(
    profiel: dict[str, Any], catalogus: Catalogus, peildatum: date, *, met_open: bool = True
) -> tuple[list[RechtUitkomst], str | None]:
    """Every right evaluated in turn, with its conditions from the first: no plan, no
    outcome remembered per right. The sorted outcomes and the next question."""
    waarheden: dict[str, Any] = {}
    open_per_recht: dict[str, Any] = {}
    uitkomsten = []
    for recht in catalogus.rechten:
        parameters = _parameters(recht, peildatum, profiel.get("gemeente"))
        sleutel = [parameters.nummer, *(profiel.get(a, _AFWEZIG) for a in recht.invoer)]
        for d in recht.afhankelijk_volgorde:
            sleutel += sleuteldeel(waarheden[d], open_per_recht[d], {})
        ctx = Context(
            profiel=profiel,
            parameters=parameters.waarden,
            lokale_parameters=recht.lokale_parameters,
            rechten=waarheden,
            open_per_recht=open_per_recht,
        )
        uitkomst = _evalueer_recht(
            recht, ctx, parameters, tuple(sleutel), catalogus.keuzes, met_open
        )
        waarheden[recht.id] = _WAARHEID.get(uitkomst.status, ONBEKEND)
        open_per_recht[recht.id] = uitkomst.open_
        uitkomsten.append(uitkomst)
    uitkomsten.sort(key=lambda u: u.sorteersleutel)
    vraag = kies_volgende_vraag(uitkomsten, profiel, catalogus) if met_open else None
    return uitkomsten, vraag.attribuut if vraag else None


def _zicht(u: RechtUitkomst) -> tuple[Any, ...]:
    """Everything a caller sees of an outcome (the right by id: two catalogues)."""
    return (
        u.recht.id,
        u.status,
        u.bedrag,
        u.bedrag_tekst,
        u.open_attributen,
        u.open_,
        u.waarde_per_jaar,
        u.sorteersleutel,
        u.verouderd,
        u.via_rechten,
        u.reden,
        u.voorwaarden,  # all of them: also those worked out only when asked why
    )


def vergelijk(profiel: dict[str, Any], peildatum: date, *, met_open: bool = True) -> Evaluatie:
    evaluatie = evalueer(profiel, _snel(), peildatum, met_open=met_open)
    verwacht, vraag = referentie(dict(profiel), _apart(), peildatum, met_open=met_open)
    assert [_zicht(u) for u in evaluatie.uitkomsten] == [_zicht(u) for u in verwacht]
    assert evaluatie.volgende_vraag == vraag
    assert evaluatie.open_rechten == tuple(
        u.recht.id for u in verwacht if u.status is Status.MOGELIJK
    )
    return evaluatie


# --- profiles -----------------------------------------------------------------------


def _waarde(naam: str) -> st.SearchStrategy:
    attribuut = vocabulaire().attributen[naam]
    match attribuut.type:
        case AttribuutType.BOOL:
            return st.booleans()
        case AttribuutType.INT:
            klein = st.integers(int(attribuut.min), min(int(attribuut.max), 70))
            return st.one_of(klein, st.integers(int(attribuut.min), int(attribuut.max)))
        case AttribuutType.EURO:
            return st.one_of(
                st.integers(0, 4000).map(float),
                st.integers(0, 4_000_000).map(lambda c: round(c / 100, 2)),
            )
        case AttribuutType.ENUM:
            return st.sampled_from(sorted(attribuut.opties))
        case AttribuutType.GEMEENTE:
            return st.sampled_from(_gemeenten())
    raise AssertionError(attribuut.type)


@st.composite
def profielen(draw: st.DrawFn) -> dict[str, Any]:
    """Any subset of the vocabulary answered, some with "weet ik niet" (None); the
    municipality is mostly known, as in a conversation."""
    profiel: dict[str, Any] = {}
    for naam in vocabulaire().attributen:
        kans = 0.85 if naam == "gemeente" else draw(st.sampled_from((0.3, 0.6, 0.95)))
        keuze = draw(st.floats(0, 1))
        if keuze < kans * 0.93:
            profiel[naam] = draw(_waarde(naam))
        elif keuze < kans:
            profiel[naam] = None
    return vocabulaire().valideer_profiel(profiel)


VOORBEELDEN = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@VOORBEELDEN
@given(profielen(), st.sampled_from(DATUMS))
def test_zelfde_uitkomsten_als_de_referentie(profiel, peildatum):
    vergelijk(profiel, peildatum)


@VOORBEELDEN
@given(profielen(), st.sampled_from(DATUMS))
def test_zelfde_statussen_zonder_open_analyse(profiel, peildatum):
    vergelijk(profiel, peildatum, met_open=False)


# --- realistic households, in and outside each municipality with local rights ----------


@VOORBEELDEN
@given(profielen(), st.sampled_from(DATUMS))
def test_zonder_gemeente_komt_wat_open_is_later_en_is_het_gelijk(profiel, peildatum):
    """Without a municipality, what is open is worked out only when asked (see
    ``evalueer``): asked, it is the same."""
    vergelijk({k: v for k, v in profiel.items() if k != "gemeente"}, peildatum)


def test_zonder_gemeente_eerst_de_gemeente_en_wat_open_is_pas_als_het_gevraagd_wordt():
    catalogus = _bouw()  # its own: nothing remembered from other tests
    profiel = {"leeftijd": 40, "samenwonend_met_partner": False}
    evaluatie = evalueer(profiel, catalogus, DATUMS[1])
    assert evaluatie.volgende_vraag == "gemeente"
    mogelijk = [u for u in evaluatie.uitkomsten if u.status is Status.MOGELIJK]
    later = [u for u in mogelijk if not u.open_bekend]
    assert len(later) > len(mogelijk) / 2, "wat open is, werd toch al uitgewerkt"
    for u in mogelijk:  # asked: what an evaluation of that right alone gives
        apart = evalueer(profiel, _bouw(), DATUMS[1], alleen=frozenset([u.recht.id]))
        assert u.open_ == apart.uitkomst(u.recht.id).open_, u.recht.id
        assert u.open_bekend


def _gezin(gemeente: str | None, *, weet_niet: bool = False, **anders: Any) -> dict[str, Any]:
    """A couple with two children on a modest income, renting privately; ``gemeente``
    None: not answered (``weet_niet``: answered with "weet ik niet")."""
    profiel = {
        "leeftijd": 38,
        "samenwonend_met_partner": True,
        "aantal_kinderen": 2,
        "leeftijd_jongste_kind": 6,
        "woonsituatie": "huurder_privaat",
        "netto_maandinkomen_gezin": 1850.0,
        "werksituatie": "werknemer",
        "verblijfsstatus": "belg",
        "soort_inkomen": "loon",
        "verhoogde_tegemoetkoming": True,
        "erkende_handicap": False,
        "mantelzorger": True,
        "zorgbehoevende_leeftijd": 81,
        "zorgbehoevende_zelfde_adres": False,
        "ontvangt_leefloon": False,
        "nederlandstalige_school_of_opvang": True,
        "verwarming": "aardgas",
        **anders,
    }
    if gemeente is not None or weet_niet:
        profiel["gemeente"] = gemeente
    return vocabulaire().valideer_profiel(profiel)


def _huishoudens() -> list[tuple[str, dict[str, Any]]]:
    gevallen = []
    for gemeente in (*_gemeenten(), None):
        gevallen.append((f"gezin in {gemeente}", _gezin(gemeente)))
    gevallen.append(("gemeente: weet ik niet", _gezin(None, weet_niet=True)))
    gevallen.append(("alleen de gemeente", vocabulaire().valideer_profiel({"gemeente": "44021"})))
    gevallen.append(("leeg profiel", {}))
    gevallen.append(
        (
            "oudere alleen in Brugge",
            _gezin(
                "31005",
                leeftijd=79,
                samenwonend_met_partner=False,
                aantal_kinderen=0,
                leeftijd_jongste_kind=None,
                werksituatie="gepensioneerd",
                soort_inkomen="pensioen",
                netto_maandinkomen_gezin=1300.0,
            ),
        )
    )
    return gevallen


@pytest.mark.parametrize("peildatum", DATUMS, ids=str)
def test_echte_huishoudens(peildatum):
    for _naam, profiel in _huishoudens():
        vergelijk(profiel, peildatum)


def test_een_lokaal_recht_elders_is_niet_met_de_reden_en_de_rest():
    """Someone in Aartselaar (no local rights of its own): every right of another city is
    "niet" because of the municipality, and asking why still works out the other conditions
    for this profile."""
    evaluatie = vergelijk(_gezin("11001"), date(2025, 6, 1))
    lokaal = [
        u
        for u in evaluatie.uitkomsten
        if u.recht.gemeenten and "11001" not in u.recht.gemeenten and u.recht.heeft_regels
    ]
    assert lokaal
    for u in lokaal:
        assert u.status is Status.NIET
        assert u.reden is not None and u.reden.id == "gemeente"
        assert len(u.voorwaarden) == len(u.recht.voorwaarden)


def test_de_reden_volgt_het_profiel_van_toen():
    """The conditions after the municipality are worked out later, from the answers at
    evaluation time: a caller that changes its profile afterwards does not change them."""
    profiel = _gezin("11002")
    evaluatie = evalueer(profiel, _snel(), date(2025, 6, 1))
    verwacht, _ = referentie(dict(profiel), _apart(), date(2025, 6, 1))
    profiel["netto_maandinkomen_gezin"] = 99_000.0
    profiel["verhoogde_tegemoetkoming"] = False
    per_id = {u.recht.id: u for u in verwacht}
    for u in evaluatie.uitkomsten:
        assert u.voorwaarden == per_id[u.recht.id].voorwaarden, u.recht.id


def test_alleen_een_lokaal_recht():
    catalogus = _snel()
    recht = next(r for r in catalogus.rechten if r.gemeenten and r.afhankelijk_van)
    for gemeente in (*sorted(recht.gemeenten or ()), "11002"):
        profiel = _gezin(gemeente)
        alleen = evalueer(profiel, catalogus, date(2025, 6, 1), alleen=frozenset([recht.id]))
        verwacht, _ = referentie(dict(profiel), _apart(), date(2025, 6, 1))
        (u,) = alleen.uitkomsten
        assert _zicht(u) == next(_zicht(v) for v in verwacht if v.recht.id == recht.id)


def test_het_geheugen_kent_wat_open_is_van_een_gelezen_recht():
    """A right's memo key holds what is open of the rights it reads: one answer that only
    such a right reads ("weet ik niet" here, so it is never asked again) changes what is
    open of the reader too, though none of its own answers changed."""
    catalogus = _snel()
    lezers = [r for r in catalogus.rechten if r.afhankelijk_volgorde]
    gelezen = {
        a
        for r in lezers
        for d in r.afhankelijk_volgorde
        for a in catalogus.per_id[d].invoer
        if a not in r.invoer
    }
    assert gelezen
    for attribuut in sorted(gelezen):
        eerst = _bouw()
        evalueer({}, eerst, date(2025, 6, 1))  # the memo now knows the empty profile
        profiel = {attribuut: None}
        na = evalueer(profiel, eerst, date(2025, 6, 1))
        vers = evalueer(profiel, _bouw(), date(2025, 6, 1))
        assert [_zicht(u) for u in na.uitkomsten] == [_zicht(u) for u in vers.uitkomsten]
        assert na.volgende_vraag == vers.volgende_vraag
