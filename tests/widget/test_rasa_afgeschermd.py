"""Rasa and the action server are shielded: loopback only, and Rasa's HTTP API needs a token.

The real Rasa and action server of ``tests/bot`` (started as ``make run`` starts them) and
the real API in its own process, over HTTP. Marked ``bot``.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from botproces import BotServer
from serverproces import start_server

pytestmark = pytest.mark.bot

LUISTERT = "0A"
"""TCP_LISTEN in /proc/net/tcp."""


def luisteradressen(poort: int) -> set[str]:
    """The local addresses (hex, as the kernel writes them) where ``poort`` is listened on."""
    adressen = set()
    for bestand in ("/proc/net/tcp", "/proc/net/tcp6"):
        pad = Path(bestand)
        if not pad.exists():
            continue
        for regel in pad.read_text().splitlines()[1:]:
            velden = regel.split()
            adres, poort_hex = velden[1].rsplit(":", 1)
            if int(poort_hex, 16) == poort and velden[3] == LUISTERT:
                adressen.add(adres)
    return adressen


LOOPBACK = {"0100007F", "00000000000000000000000001000000"}
"""127.0.0.1 and ::1 as /proc/net/tcp(6) write them (little-endian words)."""


@pytest.mark.parametrize("welke", ["url", "actions_url"])
def test_rasa_en_de_acties_luisteren_alleen_op_127_0_0_1(bot_server: BotServer, welke: str) -> None:
    poort = urlsplit(getattr(bot_server, welke)).port
    assert poort is not None
    adressen = luisteradressen(poort)
    assert adressen, f"niets luistert op poort {poort}"
    assert adressen <= LOOPBACK, f"poort {poort} luistert ook op {adressen - LOOPBACK}"


def test_de_http_api_van_rasa_vraagt_het_token(bot_server: BotServer) -> None:
    s = uuid.uuid4().hex
    gesprek = bot_server.gesprek(s)
    gesprek.zeg("Ik woon in Gent")  # the REST channel needs no token
    pad = f"{bot_server.url}/conversations/{s}/tracker"
    assert httpx.get(pad, timeout=30).status_code == 401
    assert httpx.get(pad, params={"token": "fout"}, timeout=30).status_code == 401
    assert httpx.put(f"{pad}/events", json=[], timeout=30).status_code == 401
    assert httpx.get(f"{bot_server.url}/status", timeout=30).status_code == 401
    met_token = httpx.get(pad, params={"token": bot_server.token}, timeout=30)
    assert met_token.status_code == 200
    assert met_token.json()["slots"]["gemeente"] == "Gent"  # refused above, not empty


def test_de_app_leest_en_wist_het_gesprek_met_het_token(api_met_bot: str) -> None:
    s = uuid.uuid4().hex
    with httpx.Client(base_url=api_met_bot, timeout=60) as api:
        assert api.post("/api/v1/chat", json={"sessie": s, "bericht": "Ik woon in Gent"}).is_success
        geschiedenis = api.get(f"/api/v1/chat/{s}/geschiedenis")
        assert geschiedenis.status_code == 200, geschiedenis.text
        assert geschiedenis.json()["berichten"][0]["tekst"] == "Ik woon in Gent"
        assert api.delete(f"/api/v1/chat/{s}").status_code == 204
        assert api.get(f"/api/v1/chat/{s}/geschiedenis").json() == {"berichten": []}


def test_een_verkeerd_token_geeft_503_en_een_melding_in_de_log(
    bot_server: BotServer, tmp_path: Path
) -> None:
    s = uuid.uuid4().hex
    with pytest.MonkeyPatch.context() as omgeving:
        omgeving.setenv("RASA_URL", bot_server.url)
        omgeving.setenv("RASA_TOKEN", "fout-token")
        proces, url = start_server(f"sqlite:///{tmp_path / 'api.db'}", tmp_path / "server.log")
    try:
        with httpx.Client(base_url=url, timeout=60) as api:
            assert api.post("/api/v1/chat", json={"sessie": s, "bericht": "hallo"}).is_success
            antwoord = api.get(f"/api/v1/chat/{s}/geschiedenis")
            assert antwoord.status_code == 503
            assert antwoord.json()["detail"].startswith("De assistent is even niet bereikbaar.")
    finally:
        proces.terminate()
        proces.wait(timeout=10)
    assert "RASA_TOKEN" in (tmp_path / "server.log").read_text()
