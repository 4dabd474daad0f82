"""Passing the conversation to a social worker: the bot explains what is kept and until when,
and only a yes after that explanation gives consent (real rasa-sdk tracker, no Rasa)."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.overdracht import (
    ACTIE,
    GEVRAAGD_SLOT,
    TOESTEMMING_SLOT,
    ActionGeefOverdrachtToestemming,
    ActionVraagOverdracht,
    ActionWeigerOverdracht,
    uitleg,
)
from bot.api.routes.chat import ACTIES
from bot.tijd import vandaag


def _voer_uit(actie: Action, slots: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Any]]:
    tracker = Tracker("test", slots, {"text": "ja"}, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(actie.run(dispatcher, tracker, {}))
    return dispatcher.messages, events


def _slots(events: list[Any]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def test_uitleg_zegt_wat_bewaard_wordt_en_tot_wanneer() -> None:
    tekst = uitleg(date(2026, 12, 7), 7)
    assert "tot en met 14 december 2026" in tekst
    assert "code van 8 tekens" in tekst
    assert "zonder uw naam" in tekst
    assert "wis ik alles" in tekst
    assert tekst.endswith("Wilt u dat?")


def test_vraag_stelt_ja_of_nee_en_bewaart_niets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OVERDRACHT_DAGEN", "3")
    (bericht,), events = _voer_uit(ActionVraagOverdracht(), {})
    assert uitleg(vandaag(), 3) == bericht["text"]
    assert [k["payload"] for k in bericht["buttons"]] == ["/affirm", "/deny"]
    assert _slots(events) == {GEVRAAGD_SLOT: True, TOESTEMMING_SLOT: False}
    assert not bericht.get("custom")


def test_ja_na_de_uitleg_geeft_toestemming_en_vraagt_de_code() -> None:
    (bericht,), events = _voer_uit(ActionGeefOverdrachtToestemming(), {GEVRAAGD_SLOT: True})
    assert bericht["custom"] == {"actie": ACTIE}
    assert ACTIE in ACTIES  # the chat route passes it on to the widget
    assert _slots(events) == {GEVRAAGD_SLOT: False, TOESTEMMING_SLOT: True}


def test_ja_zonder_uitleg_geeft_geen_toestemming() -> None:
    (bericht,), events = _voer_uit(ActionGeefOverdrachtToestemming(), {GEVRAAGD_SLOT: None})
    assert events == []
    assert not bericht.get("custom")
    assert bericht["buttons"][0]["payload"] == "/overdracht_vragen"


def test_nee_bewaart_niets() -> None:
    (bericht,), events = _voer_uit(ActionWeigerOverdracht(), {GEVRAAGD_SLOT: True})
    assert "ik geef niets door" in bericht["text"]
    assert not bericht.get("custom")
    assert _slots(events) == {GEVRAAGD_SLOT: False, TOESTEMMING_SLOT: False}
