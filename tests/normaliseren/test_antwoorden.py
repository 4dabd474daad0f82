"""Yes, no and "don't know" in Dutch and Flemish."""

from __future__ import annotations

import pytest

from actions.normaliseren.trefwoorden import Trefwoorden, is_weet_niet, lees_ja_nee
from bot.vocabulary import AttribuutType, Vocabulaire


@pytest.mark.parametrize(
    "tekst",
    [
        "ja",
        "Ja",
        "JA!",
        "jaaa",
        "jawel",
        "zeker",
        "klopt",
        "dat klopt",
        "ja hoor",
        "ja zeker",
        "inderdaad",
        "ok",
        "oké",
        "allez ja",
        "euh ja",
        "ja, maar niet altijd",
        "toch wel",
        "ik denk het wel",
    ],
)
def test_ja(tekst: str) -> None:
    assert lees_ja_nee(tekst) is True
    assert not is_weet_niet(tekst)


@pytest.mark.parametrize(
    "tekst",
    [
        "nee",
        "neen",
        "Neen.",
        "neeee",
        "niet",
        "nie",
        "nee hoor",
        "zeker niet",
        "helemaal niet",
        "dat klopt niet",
        "klopt niet",
        "niet echt",
        "nooit",
        "nee, zeker niet",
        "ik denk het niet",
        "geen",
    ],
)
def test_nee(tekst: str) -> None:
    assert lees_ja_nee(tekst) is False
    assert not is_weet_niet(tekst)


@pytest.mark.parametrize(
    "tekst",
    [
        "weet ik niet",
        "ik weet het niet",
        "'k weet het niet",
        "k weet het nie",
        "kweenie",
        "ik weet het niet zeker",
        "niet zeker",
        "geen idee",
        "Geen flauw idee!",
        "geen gedacht",
        "misschien",
        "ja en nee",
        "nee, ik weet het niet",
    ],
)
def test_weet_niet(tekst: str) -> None:
    assert is_weet_niet(tekst)
    assert lees_ja_nee(tekst) is None


@pytest.mark.parametrize("tekst", ["", "Gent", "34", "wat bedoelt u?"])
def test_geen_antwoord(tekst: str) -> None:
    assert lees_ja_nee(tekst) is None
    assert not is_weet_niet(tekst)


def test_knopteksten_van_ja_nee_vragen(vocabulaire: Vocabulaire, trefwoorden: Trefwoorden) -> None:
    ja_nee = [a for a in vocabulaire.attributen.values() if a.type is AttribuutType.BOOL]
    assert ja_nee, "de woordenlijst heeft ja/nee-vragen"
    for attribuut in ja_nee:
        opties = attribuut.opties or {}
        assert lees_ja_nee(opties["true"], trefwoorden) is True, opties["true"]
        assert lees_ja_nee(opties["false"], trefwoorden) is False, opties["false"]


def test_elk_kort_antwoord_geeft_zijn_soort(trefwoorden: Trefwoorden) -> None:
    verwacht = {"ja": True, "nee": False, "weet_niet": None}
    assert set(trefwoorden.antwoorden) == set(verwacht)
    for soort, woorden in trefwoorden.antwoorden.items():
        assert woorden, soort
        for woord in woorden:
            assert lees_ja_nee(woord, trefwoorden) is verwacht[soort], woord
            assert is_weet_niet(woord, trefwoorden) is (soort == "weet_niet"), woord
