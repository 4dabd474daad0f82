"""Faults: a hung Rasa and a database that goes away give a Dutch 503 in time, never a
stack trace. (A hung or dead action server: tests/bot/test_actieserver_storing.py.)"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from pg_server import PostgresNotAvailable, find_bindir, running_postgres
from serverproces import api_proces, hangende_server

from bot.api.main import DATABANK_WEG, create_app
from bot.settings import Settings
from catalogus_loader.init import initialiseer

NIET_BEREIKBAAR = "De assistent is even niet bereikbaar. Probeer het over enkele minuten opnieuw."


def test_een_hangende_rasa_geeft_binnen_5_seconden_een_503(tmp_path: Path) -> None:
    with (
        hangende_server() as poort,
        api_proces(tmp_path, RASA_URL=f"http://127.0.0.1:{poort}") as url,
        httpx.Client(base_url=url, timeout=30) as api,
    ):
        for methode, pad, inhoud in (
            ("POST", "/api/v1/chat", {"sessie": "hangt12345", "bericht": "hallo"}),
            ("GET", "/api/v1/chat/hangt12345/geschiedenis", None),
        ):
            begin = time.monotonic()
            antwoord = api.request(methode, pad, json=inhoud)
            duur = time.monotonic() - begin
            assert antwoord.status_code == 503, antwoord.text
            assert antwoord.json() == {"detail": NIET_BEREIKBAAR}
            assert duur < 5.0, f"{pad}: {duur:.1f} s"


def test_een_databank_die_wegvalt_geeft_een_503_in_het_nederlands() -> None:
    """The catalogue stays in memory; what reads the database per request says in Dutch
    that it is away for a moment."""
    try:
        find_bindir()
    except PostgresNotAvailable as fout:
        pytest.skip(f"PostgreSQL-server niet beschikbaar: {fout}")
    with contextlib.ExitStack() as stapel:
        server = stapel.enter_context(running_postgres())
        instellingen = Settings(database_url=server.url)
        initialiseer(instellingen)
        with TestClient(create_app(instellingen), raise_server_exceptions=False) as api:
            assert api.get("/api/v1/rechten/leefloon").status_code == 200
            stapel.close()  # the server stops
            weg = api.get("/api/v1/rechten/leefloon")
            assert weg.status_code == 503
            assert weg.json() == DATABANK_WEG
            assert weg.headers["retry-after"] == "60"
            # what needs no database still works
            assert api.get("/api/v1/gezondheid").status_code == 200
            evaluatie = api.post(
                "/api/v1/evaluatie", json={"profiel": {"gemeente": "Gent", "leeftijd": 30}}
            )
            assert evaluatie.status_code == 200
