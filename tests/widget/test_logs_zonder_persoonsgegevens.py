"""No personal data in any log: whole conversations through the app, with distinctive
values, and then every line that the app, Rasa and the action server logged meanwhile is
searched for those values, the message texts and the conversation's id."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import httpx
import pytest
from botproces import BotServer

pytestmark = pytest.mark.bot

BERICHTEN = (
    "Ik woon in Zoersel en ik ben 47 jaar",
    "ik woon samen met mijn vriendin Jozefien en haar 3 kinderen",
    "we hebben samen netto 1873 euro per maand",
    "ik huur bij een private verhuurder voor 912 euro",
    "wat is het leefloon?",
)
SPOREN = ("Zoersel", "Jozefien", "1873", "912 euro", "47 jaar")
"""The distinctive values: none may be in a log, in any line."""


def _logs(bot_server: BotServer, api_map: Path) -> dict[str, Path]:
    map_ = bot_server.endpoints.parent  # where the bot fixture keeps its logs
    return {
        "web-app": api_map / "server.log",
        "Rasa": map_ / "rasa.log",
        "acties": map_ / "acties.log",
    }


def test_geen_bericht_of_gegeven_in_een_log(
    api_met_bot: str, api_met_bot_map: Path, bot_server: BotServer
) -> None:
    logs = _logs(bot_server, api_met_bot_map)
    vooraf = {naam: pad.stat().st_size for naam, pad in logs.items()}
    sessies = [uuid.uuid4().hex for _ in range(2)]
    with httpx.Client(base_url=api_met_bot, timeout=60) as api:
        for s in sessies:
            for bericht in BERICHTEN:
                antwoord = api.post("/api/v1/chat", json={"sessie": s, "bericht": bericht})
                assert antwoord.status_code == 200, antwoord.text
            assert api.get(f"/api/v1/chat/{s}/geschiedenis").status_code == 200
            assert api.get(f"/api/v1/chat/{s}/overzicht.pdf").status_code == 200
        # a wrong request and a deleted conversation log nothing personal either
        fout = api.post("/api/v1/chat", json={"sessie": "x", "bericht": "Zoersel"})
        assert fout.status_code == 422
        assert api.delete(f"/api/v1/chat/{sessies[0]}").status_code == 204
    time.sleep(1.0)  # let the processes write what they log
    gezocht = (*SPOREN, *BERICHTEN, *sessies)
    for naam, pad in logs.items():
        with pad.open("rb") as bestand:
            bestand.seek(vooraf[naam])
            nieuw = bestand.read().decode("utf-8", errors="replace")
        for spoor in gezocht:
            regels = [r for r in nieuw.splitlines() if spoor in r]
            assert not regels, f"{naam}: {spoor!r} in {regels[:2]}"
