"""Property: the advice never contradicts the engine's status for the leefloon, for any
profile (attributes missing, "weet ik niet" or any valid value) on any date.

- engine "niet" <=> advice "geen_recht";
- advice "toekenning" => engine "waarschijnlijk", with a category and amounts and no
  point left to check;
- advice "verder_sociaal_onderzoek" => at least one point, each with a reason.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.advies import Advies, AdviesRegels, geef_advies
from bot.rules import Catalogus, Status, evalueer
from bot.vocabulary import AttribuutType, Vocabulaire, laad_vocabulaire

_VOCABULAIRE = laad_vocabulaire()
_BEDRAGEN = st.one_of(
    st.sampled_from([0, 300, 600, 876, 1180, 1250, 1300, 1314, 1500, 1700, 1776, 2000, 3500]),
    st.floats(min_value=0, max_value=5000, allow_nan=False).map(lambda x: round(x, 2)),
)


def _waarde(naam: str) -> st.SearchStrategy[Any]:
    a = _VOCABULAIRE.attributen[naam]
    if a.type is AttribuutType.BOOL:
        return st.booleans()
    if a.type is AttribuutType.ENUM:
        return st.sampled_from(list(a.opties or {}))
    if a.type is AttribuutType.EURO:
        return _BEDRAGEN
    if a.type is AttribuutType.GEMEENTE:
        return st.sampled_from(["44021", "11002", "21004"])
    if naam == "leeftijd":
        return st.one_of(st.sampled_from([16, 17, 18, 24, 25, 64, 65, 67]), st.integers(0, 120))
    return st.integers(int(a.min or 0), int(min(a.max or 20, 20)))


def _profielen() -> st.SearchStrategy[dict[str, Any]]:
    """Each attribute: absent, null ("weet ik niet") or a value; mostly a value."""
    delen = {
        naam: st.one_of(st.just(_AFWEZIG), st.none(), _waarde(naam), _waarde(naam))
        for naam in _VOCABULAIRE.attributen
    }
    return st.fixed_dictionaries(delen).map(
        lambda d: {k: v for k, v in d.items() if v is not _AFWEZIG}
    )


_AFWEZIG = object()

_DUIDELIJK = {
    "gemeente": "44021",
    "leeftijd": 35,
    "samenwonend_met_partner": False,
    "aantal_kinderen": 0,
    "samenwonend_met_anderen": False,
    "woonsituatie": "huurder_privaat",
    "verblijfsstatus": "belg",
    "werkelijk_verblijf": True,
    "werksituatie": "werkzoekend",
    "netto_maandinkomen_gezin": 0,
    "ontvangt_leefloon": False,
    "ontvangt_igo": False,
    "werkbereid": "ja",
    "onroerend_goed_naast_woning": False,
}
"""A situation that gets "toekenning" (the first case of leefloon_gevallen.yaml)."""


def _bijna_duidelijk() -> st.SearchStrategy[dict[str, Any]]:
    """The clear situation with one to four attributes changed, dropped or unknown: near
    the border between the three advices, where a contradiction would show."""
    namen = st.sampled_from(sorted(_VOCABULAIRE.attributen))

    def wijzig(profiel: dict[str, Any], naam: str, waarde: Any) -> dict[str, Any]:
        nieuw = dict(profiel)
        if waarde is _AFWEZIG:
            nieuw.pop(naam, None)
        else:
            nieuw[naam] = waarde
        return nieuw

    wijziging = namen.flatmap(
        lambda n: st.tuples(st.just(n), st.one_of(st.just(_AFWEZIG), st.none(), _waarde(n)))
    )
    return st.lists(wijziging, min_size=0, max_size=4).map(
        lambda ws: _pas_toe(_DUIDELIJK, ws, wijzig)
    )


def _pas_toe(profiel: dict[str, Any], wijzigingen: list[tuple[str, Any]], wijzig: Any):
    for naam, waarde in wijzigingen:
        profiel = wijzig(profiel, naam, waarde)
    return profiel


_DATUMS = st.sampled_from(
    [date(2022, 6, 1), date(2024, 6, 1), date(2025, 1, 31), date(2025, 6, 1), date(2027, 3, 1)]
)


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(profiel=st.one_of(_profielen(), _bijna_duidelijk()), datum=_DATUMS)
def test_advies_spreekt_de_evaluatie_nooit_tegen(
    profiel: dict[str, Any],
    datum: date,
    catalogus: Catalogus,
    regels: AdviesRegels,
    vocabulaire: Vocabulaire,
) -> None:
    profiel = vocabulaire.valideer_profiel(profiel)
    status = evalueer(profiel, catalogus, datum).uitkomst("leefloon").status  # type: ignore[union-attr]
    advies = geef_advies(profiel, catalogus, regels, datum)
    assert (advies.advies is Advies.GEEN_RECHT) == (status is Status.NIET)
    if advies.advies is Advies.TOEKENNING:
        assert status is Status.WAARSCHIJNLIJK
        assert advies.categorie is not None
        assert advies.bedrag_maand is not None and advies.bedrag_na_middelen is not None
        assert 0 <= advies.bedrag_na_middelen <= advies.bedrag_maand
        assert not advies.te_onderzoeken
    if advies.advies is Advies.VERDER_SOCIAAL_ONDERZOEK:
        assert advies.te_onderzoeken
        assert all(p.punt and p.waarom for p in advies.te_onderzoeken)
    assert advies.uitleg


@settings(max_examples=300, deadline=None)
@given(profiel=st.one_of(_profielen(), _bijna_duidelijk()))
def test_toekenning_vraagt_elk_gegeven_van_het_sociaal_onderzoek(
    profiel: dict[str, Any], catalogus: Catalogus, regels: AdviesRegels
) -> None:
    """A "toekenning" only when willingness to work, property, actual residence and
    cohabitation are known and in order (the engine itself does not read them)."""
    profiel = _VOCABULAIRE.valideer_profiel(profiel)
    advies = geef_advies(profiel, catalogus, regels, date(2025, 6, 1))
    if advies.advies is Advies.TOEKENNING:
        assert profiel.get("werkbereid") in (
            "ja",
            "vrijgesteld_gezondheid",
            "vrijgesteld_billijkheid",
        )
        assert profiel.get("onroerend_goed_naast_woning") is False
        assert profiel.get("werkelijk_verblijf") is True
        assert profiel.get("samenwonend_met_anderen") is False
