"""The income of others at home (issue 10): most rights count only the income of the person
and the partner; the housing premiums and the heating allowance count everyone at home. The
reader keeps the two apart (real reader, real vocabulary)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from bereide_diensten import bereide_diensten

from actions.antwoorden import lees_bericht
from actions.normaliseren.getallen import bedragen_van_huisgenoten
from bot.diensten import Diensten

PEILDATUM = date(2025, 6, 1)
ANDEREN = "netto_maandinkomen_huisgenoten"
GEZIN = "netto_maandinkomen_gezin"


@pytest.fixture(scope="module")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    with bereide_diensten(tmp_path_factory, "huisgenoten", PEILDATUM) as d:
        yield d


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("1300 pensioen en mijn zoon verdient 2400", [2400]),
        ("mijn dochter heeft 1100 en ik 900 van de mutualiteit", [1100]),
        ("ik 1200 en mijn man 1500", []),
        ("mijne vent 1500, ik 1200 en onze zoon 800", [800]),
        ("1800 euro", []),
    ],
)
def test_bedragen_van_wie_niet_de_partner_is(tekst: str, verwacht: list[float]) -> None:
    assert bedragen_van_huisgenoten(tekst) == verwacht


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "verwacht"),
    [
        # at the income question: the son's wage is not the mother's income
        (GEZIN, "1300 pensioen en mijn zoon verdient 2400", {GEZIN: 1300, ANDEREN: 2400}),
        (GEZIN, "ik 1200 en mijn man 1500", {GEZIN: 2700}),
        (GEZIN, "ik heb 950 en mijn moeder die bij mij woont 1400", {GEZIN: 950, ANDEREN: 1400}),
        # at the question about the others
        (ANDEREN, "nee", {ANDEREN: 0}),
        (ANDEREN, "neen niemand", {ANDEREN: 0}),
        (ANDEREN, "0", {ANDEREN: 0}),
        (ANDEREN, "mijn zoon verdient 2400", {ANDEREN: 2400}),
        (ANDEREN, "weet ik niet", {}),
        # someone who lives alone has nobody else at home; alone with mother is not alone
        (None, "ik ben 72 en woon alleen", {ANDEREN: 0}),
        (None, "ik woon alleen bij mijn moeder", {}),
    ],
)
def test_het_inkomen_van_anderen_in_huis_apart(
    diensten: Diensten, gevraagd: str | None, tekst: str, verwacht: dict[str, Any]
) -> None:
    lezing = lees_bericht(diensten, tekst, gevraagd=gevraagd)
    gelezen = {k: v for k, v in lezing.waarden.items() if k in (GEZIN, ANDEREN)}
    assert gelezen == verwacht


def test_de_bot_zegt_dat_hij_het_apart_noteert(diensten: Diensten) -> None:
    lezing = lees_bericht(diensten, "1300 pensioen en mijn zoon verdient 2400", gevraagd=GEZIN)
    tekst = " ".join(b.tekst for b in lezing.berichten)
    assert "€ 1.300" in tekst and "€ 2.400" in tekst and "apart" in tekst
