"""The chat's safety net over the real stack: the API process, the real Rasa server and the
action server, over HTTP. The bot's own tracker (Rasa's HTTP API) proves what it kept."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from botproces import BotServer

from bot.chat.nood import laad_noodhulp
from bot.chat.taal import laad_talen

pytestmark = pytest.mark.bot

NOODHULP = laad_noodhulp().bestand
FRANS = laad_talen().per_taal["fr"].tekst
IDENTIFICATIE = ("85.07.30-033.28", "0475 12 34 56", "an.peeters@skynet.be", "BE68 5390 0754 7034")
SPOREN = ("85.07.30", "033.28", "85073003328", "0475", "12 34 56", "an.peeters", "5390 0754")
"""Pieces of the identifiers above, in any form Rasa or a log could keep them."""


_KENMERKEN = frozenset(
    {"sender_id", "message_id", "timestamp", "latest_event_time", "model_id", "assistant_id"}
)
"""Random ids and clock times in a tracker: a uuid or a time can hold "0475" by chance."""


def _zonder_kenmerken(waarde: Any) -> Any:
    if isinstance(waarde, dict):
        return {k: _zonder_kenmerken(v) for k, v in waarde.items() if k not in _KENMERKEN}
    if isinstance(waarde, list):
        return [_zonder_kenmerken(v) for v in waarde]
    return waarde


def sessie() -> str:
    return uuid.uuid4().hex


def zeg(api: httpx.Client, s: str, tekst: str) -> list[dict[str, Any]]:
    antwoord = api.post("/api/v1/chat", json={"sessie": s, "bericht": tekst})
    assert antwoord.status_code == 200, antwoord.text
    return antwoord.json()["berichten"]


def tracker(bot: BotServer, s: str) -> dict[str, Any]:
    antwoord = httpx.get(bot.tracker_url(s), timeout=30)
    antwoord.raise_for_status()
    return antwoord.json()


def geschiedenis(api: httpx.Client, s: str) -> list[dict[str, Any]]:
    return api.get(f"/api/v1/chat/{s}/geschiedenis").json()["berichten"]


def gebruiker(tekst: str) -> dict[str, Any]:
    return {"van": "gebruiker", "tekst": tekst, "knoppen": []}


@pytest.fixture()
def api(api_met_bot: str) -> httpx.Client:
    with httpx.Client(base_url=api_met_bot, timeout=60) as client:
        yield client


def test_identificatie_bereikt_de_bot_nooit(
    api: httpx.Client, bot_server: BotServer, api_met_bot_map: Path
) -> None:
    s = sessie()
    eerste = zeg(api, s, "Ik woon in Gent")
    bericht = f"mijn rijksregisternummer is {IDENTIFICATIE[0]} en mijn gsm {IDENTIFICATIE[1]}"
    tweede = zeg(api, s, bericht)
    # the note first, once, kindly; then the bot's own answer to what was left
    assert tweede[0]["tekst"].startswith("Dank u, maar dat heb ik niet nodig.")
    assert "uw rijksregisternummer en uw telefoonnummer weggelaten" in tweede[0]["tekst"]
    assert "niets over u opzoeken" in tweede[0]["tekst"]
    assert len(tweede) > 1
    # later: an identifier with more text goes without a word; one alone is not forwarded
    derde = zeg(api, s, f"mail maar naar {IDENTIFICATIE[2]}")
    assert not any("weggelaten" in b["tekst"] for b in derde)
    vierde = zeg(api, s, IDENTIFICATIE[3])
    assert [b["tekst"] for b in vierde] == [
        "Ik heb uw rekeningnummer weggelaten. Dat heb ik niet nodig. "
        "U kunt gewoon verder antwoorden op mijn vraag."
    ]

    # the bot's memory: none of it, in no form; what it got is the text without them
    bewaard = tracker(bot_server, s)
    alles = json.dumps(_zonder_kenmerken(bewaard), ensure_ascii=False)
    for spoor in SPOREN:
        assert spoor not in alles, spoor
    door = [e["text"] for e in bewaard["events"] if e["event"] == "user"]
    assert door == ["Ik woon in Gent", "mijn rijksregisternummer is en mijn gsm", "mail maar naar"]
    notities = [
        e["metadata"]["rechtenverkenner"]
        for e in bewaard["events"]
        if e["event"] == "bot" and "rechtenverkenner" in (e.get("metadata") or {})
    ]
    assert notities == [
        {"vangnet": ["privacy"], "voor_antwoord": True},
        {"vangnet": ["privacy"], "voor_antwoord": False},
    ]

    # after a reload: each message in its place, as the person saw it
    assert geschiedenis(api, s) == [
        gebruiker("Ik woon in Gent"),
        *eerste,
        gebruiker("mijn rijksregisternummer is en mijn gsm"),
        *tweede,
        gebruiker("mail maar naar"),
        *derde,
        *vierde,
    ]
    # nothing of it in the web app's log either
    log = (api_met_bot_map / "server.log").read_text(errors="replace")
    for spoor in SPOREN:
        assert spoor not in log, spoor

    # a new conversation: the note comes again
    assert api.delete(f"/api/v1/chat/{s}").status_code == 204
    opnieuw = zeg(api, s, IDENTIFICATIE[1])
    assert opnieuw[0]["tekst"].startswith("Dank u, maar dat heb ik niet nodig.")


def test_nood_eerst_dan_gaat_het_gesprek_verder(api: httpx.Client, bot_server: BotServer) -> None:
    s = sessie()
    bericht = "ik slaap al 3 maand in mijn auto in Oostende"
    antwoord = zeg(api, s, bericht)
    hulp = antwoord[0]["tekst"].splitlines()
    assert hulp[0] == NOODHULP.situaties["geen_slaapplaats"].zeg
    # the address and phone of the contact file follow on the same line
    assert any(r.startswith("- Ga naar Sociaal Huis Oostende. Adres: ") for r in hulp)
    assert "- " + NOODHULP.hulplijnen["112"].zin in hulp
    assert hulp[-1] == NOODHULP.slot
    assert len(antwoord) > 1  # the bot answered the message too
    assert [e["text"] for e in tracker(bot_server, s)["events"] if e["event"] == "user"] == [
        bericht
    ]
    assert geschiedenis(api, s) == [gebruiker(bericht), *antwoord]
    # once per conversation ...
    assert not any(NOODHULP.slot in b["tekst"] for b in zeg(api, s, "ik slaap in mijn auto"))
    # ... but thoughts of suicide get the lines every time
    for _ in range(2):
        zwaar = zeg(api, s, "ik zie het niet meer zitten")
        assert "1813" in zwaar[0]["tekst"] and "106" in zwaar[0]["tekst"]
        assert len(zwaar) > 1


def test_nood_met_de_gemeente_van_het_gesprek(api: httpx.Client, bot_server: BotServer) -> None:
    s = sessie()
    zeg(api, s, "Ik woon in Brugge")
    assert tracker(bot_server, s)["slots"]["gemeente"] == "Brugge"
    antwoord = zeg(api, s, "we hebben geen eten meer voor de kinderen")
    assert "Bent u in Brugge? Dan is dat OCMW Brugge." in antwoord[0]["tekst"]
    assert "Hoogstraat 9, Brugge" in antwoord[0]["tekst"]


def test_andere_taal_kort_in_die_taal_daarna_nederlands(api: httpx.Client) -> None:
    s = sessie()
    bericht = "Bonjour, je ne parle pas néerlandais, pouvez-vous m'aider ?"
    antwoord = zeg(api, s, bericht)
    assert antwoord[0]["tekst"] == FRANS
    assert len(antwoord) > 1 and antwoord[1]["tekst"] != FRANS  # the bot, in Dutch
    # not "sorry, not understood" after the note: it goes on in simple Dutch, with buttons
    assert not any(b["tekst"].startswith("Sorry") for b in antwoord)
    assert "Ik begrijp alleen Nederlands" in antwoord[1]["tekst"]
    assert [k["titel"] for k in antwoord[1]["knoppen"]][:1] == ["Ontdek mijn rechten"]
    nog_eens = zeg(api, s, "je cherche une aide pour le loyer, j'habite à Gand")
    assert FRANS not in [b["tekst"] for b in nog_eens]
    assert geschiedenis(api, s)[:2] == [gebruiker(bericht), antwoord[0]]
    # Flemish is Dutch: no note
    for vlaams in ("mijne vent is werkloos", "'k weet het nie", "ja", "9300"):
        assert all(b["tekst"] != FRANS for b in zeg(api, sessie(), vlaams))
