"""Which right a message names (real bundled catalogue): names and synonyms first, then the
plain-language search with compounds, synonyms and small typos; an ordinary answer or a
general word inside another word names no right."""

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
        # plain language: the same search as GET /api/v1/rechten?q=
        ("heb ik recht op iets voor de tandarts?", ["verhoogde-tegemoetkoming"]),
        ("krijg ik hulp voor mijn gehandicapte zoon?", ["zorgbudget-handicap"]),
        ("kan ik iets krijgen voor de stookolie", ["verwarmingstoelage"]),
        # ordinary answers name no right
        ("ja", []),
        ("34", []),
        ("ik weet het niet", []),
        ("mijn netto inkomen is 1500 euro", []),
        ("samen met mijn partner", []),
        ("ik heb 2 kinderen", []),
        ("waarom niet?", []),
    ],
)
def test_welk_recht_een_bericht_noemt(diensten: Diensten, tekst: str, verwacht: list[str]) -> None:
    assert zoek_rechten(diensten.catalogus, tekst, index=diensten.zoekindex) == verwacht


def test_een_lokaal_recht_van_een_andere_gemeente_valt_weg(diensten: Diensten) -> None:
    tekst = "korting op het zwembad"
    gent = diensten.los_gemeente_op("Gent")
    gevonden = zoek_rechten(diensten.catalogus, tekst, index=diensten.zoekindex, gemeente_nis=gent)
    assert gevonden == ["uitpas-kansentarief-gent"]
    brugge = diensten.los_gemeente_op("Brugge")
    gevonden = zoek_rechten(
        diensten.catalogus, tekst, index=diensten.zoekindex, gemeente_nis=brugge
    )
    assert not any(i.startswith("uitpas-") for i in gevonden)


def test_in_de_eigen_gemeente_telt_ook_het_lokale_recht(diensten: Diensten) -> None:
    tekst = "krijg ik hulp voor mijn gehandicapte zoon?"
    leuven = diensten.los_gemeente_op("Leuven")
    gevonden = zoek_rechten(
        diensten.catalogus, tekst, index=diensten.zoekindex, gemeente_nis=leuven
    )
    assert "toelage-kind-beperking-leuven" in gevonden
    # without a municipality, only the right for everyone (see the parametrized case)
    zonder = zoek_rechten(diensten.catalogus, tekst, index=diensten.zoekindex)
    assert "toelage-kind-beperking-leuven" not in zonder
