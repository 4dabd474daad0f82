"""The app sets Python's garbage collector for a big catalogue once it has started, and
undoes that when it stops (see ``bot/afvalophaling.py``)."""

from __future__ import annotations

import gc

from fastapi.testclient import TestClient

from bot.afvalophaling import DREMPELS, na_het_opstarten
from bot.api.main import create_app
from bot.diensten import Diensten


def test_bevriest_wat_er_is_en_zet_alles_terug():
    vooraf = gc.get_threshold()
    assert vooraf != DREMPELS
    with na_het_opstarten():
        assert gc.get_threshold() == DREMPELS
        assert gc.get_freeze_count() > 0
        nieuw = [[]]  # made after start-up: the collector still sees it
        assert gc.is_tracked(nieuw)
    assert gc.get_threshold() == vooraf
    assert gc.get_freeze_count() == 0


def test_ook_na_een_fout():
    vooraf = gc.get_threshold()
    try:
        with na_het_opstarten():
            raise RuntimeError("stuk")
    except RuntimeError:
        pass
    assert gc.get_threshold() == vooraf
    assert gc.get_freeze_count() == 0


def test_de_app_doet_het_bij_het_opstarten(diensten: Diensten):
    vooraf = gc.get_threshold()
    with TestClient(create_app(diensten=diensten)) as client:
        assert gc.get_threshold() == DREMPELS
        assert gc.get_freeze_count() > 0
        assert client.get("/api/v1/gezondheid").json() == {"status": "ok"}
    assert gc.get_threshold() == vooraf
