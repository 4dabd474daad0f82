"""``krijgt_al``: the yes/no attribute that says you already receive a right."""

from __future__ import annotations

import pytest
from regelhulp import bouw, recht

from bot.rules import RegelFout

LEEFTIJD = {">=": [{"var": "leeftijd"}, 18]}


def test_krijgt_al_noemt_een_ja_nee_attribuut() -> None:
    catalogus = bouw(recht("r", LEEFTIJD, krijgt_al="ontvangt_leefloon"))
    assert catalogus.rechten[0].krijgt_al == "ontvangt_leefloon"
    assert bouw(recht("r", LEEFTIJD)).rechten[0].krijgt_al is None


@pytest.mark.parametrize("attribuut", ["ontvangt_leefloontje", "leeftijd", "Ontvangt"])
def test_krijgt_al_zonder_ja_nee_attribuut_wordt_geweigerd(attribuut: str) -> None:
    with pytest.raises(RegelFout) as info:
        bouw(recht("r", LEEFTIJD, krijgt_al=attribuut))
    assert info.value.recht_id == "r"
    assert info.value.pad[0] == "krijgt_al"
