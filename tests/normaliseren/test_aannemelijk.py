"""Answers that are valid but hardly possible ("130 jaar", "1 euro", "20 kinderen") are
probably typing errors: the bot asks back in plain words and stores nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bereide_diensten import bereide_diensten

from actions.antwoorden import lees_bericht
from bot.diensten import Diensten
from bot.vocabulary import AttribuutType, laad_vocabulaire


@pytest.fixture(scope="module")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    with bereide_diensten(tmp_path_factory, "aannemelijk") as d:
        yield d


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "vraag_terug"),
    [
        ("leeftijd", "130", "Bent u echt 130 jaar?"),
        ("leeftijd", "0", "Bent u echt 0 jaar?"),
        ("leeftijd", "ik ben 2", "Bent u echt 2 jaar?"),
        ("netto_maandinkomen_gezin", "1 euro", "Is dat echt € 1 per maand"),
        ("netto_maandinkomen_gezin", "250000 euro", "Is dat echt € 250.000 per maand"),
        ("aantal_kinderen", "20", "Zorgt u echt voor 20 kinderen?"),
        ("jaren_op_wachtlijst_sociale_woning", "45", "Staat u echt al 45 jaar op de wachtlijst?"),
    ],
)
def test_onwaarschijnlijk_antwoord_krijgt_een_vriendelijke_vraag(
    diensten: Diensten, gevraagd: str, tekst: str, vraag_terug: str
) -> None:
    lezing = lees_bericht(diensten, tekst, intent="inform", gevraagd=gevraagd)
    assert gevraagd not in lezing.waarden
    (bericht,) = lezing.berichten
    assert bericht.tekst.startswith(vraag_terug), bericht.tekst
    assert "waarde" not in bericht.tekst.lower()


@pytest.mark.parametrize(
    ("gevraagd", "tekst", "waarde"),
    [
        ("netto_maandinkomen_gezin", "0", 0),
        ("netto_maandinkomen_gezin", "1.450 euro", 1450),
        ("leeftijd", "67", 67),
        ("aantal_kinderen", "geen", 0),
        ("jaren_op_wachtlijst_sociale_woning", "0", 0),
    ],
)
def test_gewone_antwoorden_blijven_gewoon(
    diensten: Diensten, gevraagd: str, tekst: str, waarde: float
) -> None:
    lezing = lees_bericht(diensten, tekst, intent="inform", gevraagd=gevraagd)
    assert lezing.waarden.get(gevraagd) == waarde and not lezing.berichten


def test_elk_getal_met_een_grens_heeft_een_vraag_terug() -> None:
    """Every number the vocabulary bounds has a plain question for a value outside it."""
    for a in laad_vocabulaire().attributen.values():
        if a.type in (AttribuutType.INT, AttribuutType.EURO) and a.aannemelijk is not None:
            tekst = a.nagaan_tekst(a.aannemelijk[1] * 10) or ""
            assert tekst.endswith((".", "?")) and "{" not in tekst, a.sleutel
