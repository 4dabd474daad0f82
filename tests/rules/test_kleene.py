"""Kleene's strong three-valued logic for and/or/!/!!, through the whole engine."""

from __future__ import annotations

import itertools

import pytest
from regelhulp import M, N, W, evalueer_een

from bot.rules import ONBEKEND
from bot.rules.waarheid import als_waarheid, kleene_en, kleene_niet, kleene_of

A, B = "mantelzorger", "erkende_handicap"
ONB = "onbekend"
WAARDEN = [True, False, ONB]
ALS_STATUS = {True: W, False: N, ONB: M}


def _profiel(a, b=ONB) -> dict:
    profiel = {}
    if a is not ONB:
        profiel[A] = a
    if b is not ONB:
        profiel[B] = b
    return profiel


def _en(x, y):
    if x is False or y is False:
        return False
    if x is True and y is True:
        return True
    return ONB


def _of(x, y):
    if x is True or y is True:
        return True
    if x is False and y is False:
        return False
    return ONB


def _niet(x):
    return ONB if x is ONB else not x


@pytest.mark.parametrize(("a", "b"), list(itertools.product(WAARDEN, WAARDEN)))
def test_and_waarheidstabel(a, b):
    regel = {"and": [{"var": A}, {"var": B}]}
    assert evalueer_een(regel, _profiel(a, b)) == ALS_STATUS[_en(a, b)]


@pytest.mark.parametrize(("a", "b"), list(itertools.product(WAARDEN, WAARDEN)))
def test_or_waarheidstabel(a, b):
    regel = {"or": [{"var": A}, {"var": B}]}
    assert evalueer_een(regel, _profiel(a, b)) == ALS_STATUS[_of(a, b)]


@pytest.mark.parametrize("a", WAARDEN)
def test_niet_waarheidstabel(a):
    assert evalueer_een({"!": [{"var": A}]}, _profiel(a)) == ALS_STATUS[_niet(a)]
    assert evalueer_een({"!": {"var": A}}, _profiel(a)) == ALS_STATUS[_niet(a)]


@pytest.mark.parametrize("a", WAARDEN)
def test_dubbel_niet_houdt_onbekend(a):
    assert evalueer_een({"!!": [{"var": A}]}, _profiel(a)) == ALS_STATUS[a]


@pytest.mark.parametrize(("a", "b"), list(itertools.product(WAARDEN, WAARDEN)))
def test_de_morgan(a, b):
    links = {"!": {"and": [{"var": A}, {"var": B}]}}
    rechts = {"or": [{"!": {"var": A}}, {"!": {"var": B}}]}
    assert evalueer_een(links, _profiel(a, b)) == evalueer_een(rechts, _profiel(a, b))


def test_weet_ik_niet_is_onbekend_en_niet_onwaar():
    """A key with None ("weet ik niet") is unknown: not false, not true."""
    assert evalueer_een({"var": A}, {A: None}) == M
    assert evalueer_een({"!": {"var": A}}, {A: None}) == M
    assert evalueer_een({"and": [{"var": A}, False]}, {A: None}) == N
    assert evalueer_een({"or": [{"var": A}, True]}, {A: None}) == W


def test_lege_and_en_or():
    assert evalueer_een({"and": []}, {}) == W
    assert evalueer_een({"or": []}, {}) == N


def test_and_or_met_drie_argumenten():
    regel = {"and": [{"var": A}, {"var": B}, {"var": "ontvangt_leefloon"}]}
    assert evalueer_een(regel, {A: True, B: True}) == M
    assert evalueer_een(regel, {A: True, "ontvangt_leefloon": False}) == N
    regel = {"or": [{"var": A}, {"var": B}, {"var": "ontvangt_leefloon"}]}
    assert evalueer_een(regel, {A: False, B: False}) == M
    assert evalueer_een(regel, {"ontvangt_leefloon": True}) == W


def test_waarheid_functies():
    assert kleene_en([True, ONBEKEND]) is ONBEKEND
    assert kleene_en([ONBEKEND, False]) is False
    assert kleene_of([ONBEKEND, True]) is True
    assert kleene_of([False, ONBEKEND]) is ONBEKEND
    assert kleene_niet(ONBEKEND) is ONBEKEND
    assert als_waarheid(ONBEKEND) is ONBEKEND
    assert als_waarheid(0) is False
    assert als_waarheid([1]) is True


def test_onbekend_weigert_python_bool():
    """ONBEKEND can never silently become False."""
    with pytest.raises(TypeError):
        bool(ONBEKEND)
    with pytest.raises(TypeError):
        if ONBEKEND:  # noqa: SIM108
            pass
