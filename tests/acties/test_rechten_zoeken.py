"""Which right a message names (real bundled catalogue): names, synonyms, compounds and
small typos count; a general word inside another word does not."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from bereide_diensten import bereide_diensten

from actions.rechten import zoek_rechten
from bot.diensten import Diensten


@pytest.fixture(scope="module")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    with bereide_diensten(tmp_path_factory, "rechten_zoeken", date(2025, 6, 1)) as d:
        yield d


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("heb ik recht op de huurpremie?", ["vlaamse-huurpremie"]),
        ("wat is het leefloonn", ["leefloon"]),
        ("heb ik recht op het zorgbudget handicap?", ["zorgbudget-handicap"]),
        # a budget meter (prepaid energy) is no care budget
        ("ze hebben mijn gas afgesloten, de budgetmeter is leeg", []),
    ],
)
def test_welk_recht_een_bericht_noemt(diensten: Diensten, tekst: str, verwacht: list[str]) -> None:
    assert zoek_rechten(diensten.catalogus, tekst) == verwacht
