"""Every reader takes any text without crashing and answers with the promised type."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from actions.normaliseren import (
    is_negatief_bedrag,
    is_weet_niet,
    lees_aantal_kinderen,
    lees_bedrag,
    lees_feiten,
    lees_getal,
    lees_ja_nee,
    lees_leeftijd,
    lees_leeftijd_jongste_kind,
    lees_maandbedrag,
    lees_werksituatie,
    lees_woonsituatie,
)

_ZINSDELEN = (
    "ik ben 'k een één geen twee vijfenzestig jaar kinderen van en , . - € euro 1.250,50 "
    "1,2k 34 7 min per maand jongste is werkloos huur niet ja nee weet k ,- 0 1|450"
)
_WOORDEN = _ZINSDELEN.split()


def _spaties(tekst: str) -> str:
    return tekst.replace("|", " ")


zinnen = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(_WOORDEN), max_size=12).map(" ".join).map(_spaties),
)


@settings(max_examples=300, deadline=None)
@given(zinnen)
def test_lezers_crashen_nooit(tekst: str) -> None:
    for lezer in (lees_getal, lees_leeftijd, lees_aantal_kinderen, lees_leeftijd_jongste_kind):
        waarde = lezer(tekst)
        assert waarde is None or (isinstance(waarde, int) and waarde >= 0)
    for lezer in (lees_bedrag, lees_maandbedrag):
        bedrag = lezer(tekst)
        assert bedrag is None or (isinstance(bedrag, float) and bedrag >= 0)
    assert isinstance(is_negatief_bedrag(tekst), bool)
    assert lees_ja_nee(tekst) in (True, False, None)
    assert isinstance(is_weet_niet(tekst), bool)
    assert lees_werksituatie(tekst) is None or isinstance(lees_werksituatie(tekst), str)
    assert lees_woonsituatie(tekst) is None or isinstance(lees_woonsituatie(tekst), str)
    assert isinstance(lees_feiten(tekst), dict)
