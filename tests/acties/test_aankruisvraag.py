"""The checklist question in the form: "Geen van deze" is an answer, ``leeg_is_nee`` decides
what becomes "no", and an answered group is not asked again (real rasa-sdk tracker and
dispatcher, real vocabulary and SQLite catalogue; no Rasa server)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from bereide_diensten import bereide_diensten
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import profiel_form, vragen
from actions.profiel_form import ValidateProfielForm
from actions.vragen import BEANTWOORD_SLOT, GROEP_SLOT, stel_vraag
from bot.diensten import Diensten
from bot.rules import Evaluatie


@pytest.fixture(scope="module")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    with bereide_diensten(tmp_path_factory, "aankruisvraag") as d:
        yield d


@pytest.fixture
def met_diensten(monkeypatch: pytest.MonkeyPatch, diensten: Diensten) -> Diensten:
    monkeypatch.setattr(profiel_form, "diensten", lambda: diensten)
    monkeypatch.setattr(vragen, "diensten", lambda: diensten)
    return diensten


def _tracker(tekst: str, leden: list[str], slots: dict[str, Any] | None = None) -> Tracker:
    """The form asked the group ``situaties`` with ``leden``; the person answers ``tekst``."""
    groep = {"groep": "situaties", "leden": leden}
    bericht = {"text": tekst, "intent": {"name": "inform", "confidence": 0.95}, "entities": []}
    events = [
        {"event": "active_loop", "name": "profiel_form"},
        {"event": "slot", "name": "requested_slot", "value": leden[0]},
        {"event": "slot", "name": GROEP_SLOT, "value": groep},
        {"event": "user", "text": tekst, "parse_data": bericht},
    ]
    alle_slots = {"requested_slot": leden[0], GROEP_SLOT: groep, **(slots or {})}
    return Tracker(
        "test", alle_slots, bericht, events, False, None, {"name": "profiel_form"}, "action_listen"
    )


def _slots(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def test_geen_van_deze_maakt_alleen_leeg_is_nee_leden_nee(met_diensten: Diensten) -> None:
    groep = met_diensten.vocabulaire.vraaggroepen["situaties"]
    dispatcher = CollectingDispatcher()
    events, geweigerd = ValidateProfielForm().lees(
        dispatcher, _tracker("Geen van deze", list(groep.leden))
    )
    assert not geweigerd
    slots = _slots(events)
    assert {a: slots[a] for a in groep.leeg_is_nee} == dict.fromkeys(groep.leeg_is_nee, False)
    onbekend = [a for a in groep.leden if a not in groep.leeg_is_nee]
    for open_lid in onbekend:
        assert open_lid not in slots  # onbekend, niet "nee"
    # en niet opnieuw gevraagd: het resultaat noemt het bij wat nog na te gaan is
    assert slots["onbekende_attributen"] == onbekend
    assert slots[BEANTWOORD_SLOT] == ["situaties"]
    assert [m["text"] for m in dispatcher.messages] == ["Genoteerd: geen van deze situaties."]


def test_geen_van_deze_zonder_leeg_is_nee_is_toch_een_antwoord(met_diensten: Diensten) -> None:
    dispatcher = CollectingDispatcher()
    tracker = _tracker("/inform{}", ["verhoogde_tegemoetkoming"])
    events, _ = ValidateProfielForm().lees(dispatcher, tracker)
    slots = _slots(events)
    assert slots == {
        BEANTWOORD_SLOT: ["situaties"],
        "onbekende_attributen": ["verhoogde_tegemoetkoming"],
    }
    # geen "Sorry, dat begreep ik niet"
    assert [m["text"] for m in dispatcher.messages] == ["Genoteerd: geen van deze situaties."]


def test_onduidelijk_antwoord_is_geen_antwoord(met_diensten: Diensten) -> None:
    dispatcher = CollectingDispatcher()
    events, _ = ValidateProfielForm().lees(
        dispatcher, _tracker("hoezo dan?", ["verhoogde_tegemoetkoming", "mantelzorger"])
    )
    assert BEANTWOORD_SLOT not in _slots(events)
    assert any("begreep ik niet" in (m.get("text") or "") for m in dispatcher.messages)


def _stel(tracker_slots: dict[str, Any]) -> tuple[CollectingDispatcher, list[Any]]:
    evaluatie = Evaluatie(
        peildatum=date.today(),
        uitkomsten=(),
        volgende_vraag="verhoogde_tegemoetkoming",
        open_rechten=(),
        volgende_groep="situaties",
        volgende_leden=("verhoogde_tegemoetkoming", "erkende_handicap", "mantelzorger"),
    )
    tracker = Tracker("test", tracker_slots, {}, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    return dispatcher, stel_vraag(dispatcher, tracker, evaluatie)


def test_een_beantwoorde_groep_wordt_niet_opnieuw_gesteld(met_diensten: Diensten) -> None:
    vocabulaire = met_diensten.vocabulaire
    dispatcher, events = _stel({})
    assert dispatcher.messages[0]["text"] == vocabulaire.vraaggroepen["situaties"].vraag

    dispatcher, events = _stel({BEANTWOORD_SLOT: ["situaties"], GROEP_SLOT: {"groep": "x"}})
    (bericht,) = dispatcher.messages
    assert bericht["text"] == vocabulaire.attributen["verhoogde_tegemoetkoming"].vraag
    assert [b["payload"] for b in bericht["buttons"]] == ["/affirm", "/deny", "/dont_know"]
    assert events == [SlotSet(GROEP_SLOT, None)]


def test_sorry_ik_bedoel_verbetert_het_laatst_genoteerde_getal(met_diensten: Diensten) -> None:
    """After "Genoteerd: 34 jaar", "sorry, ik bedoel 43" at the checklist corrects the age."""
    groep = met_diensten.vocabulaire.vraaggroepen["situaties"]
    tekst = "sorry, ik bedoel 43"
    bericht = {"text": tekst, "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    vraag = {"groep": "situaties", "leden": list(groep.leden)}
    events = [
        {"event": "active_loop", "name": "profiel_form"},
        {"event": "user", "text": "34, lier", "parse_data": {}},
        {"event": "slot", "name": "leeftijd", "value": 34},
        {"event": "slot", "name": "gemeente", "value": "Lier"},
        {"event": "slot", "name": "requested_slot", "value": groep.leden[0]},
        {"event": "slot", "name": GROEP_SLOT, "value": vraag},
        {"event": "user", "text": tekst, "parse_data": bericht},
    ]
    slots = {
        "leeftijd": 34,
        "gemeente": "Lier",
        "requested_slot": groep.leden[0],
        GROEP_SLOT: vraag,
    }
    tracker = Tracker(
        "test", slots, bericht, events, False, None, {"name": "profiel_form"}, "action_listen"
    )
    dispatcher = CollectingDispatcher()
    events_uit, _ = ValidateProfielForm().lees(dispatcher, tracker)
    assert _slots(events_uit).get("leeftijd") == 43
    assert "Genoteerd: 43 jaar." in [m["text"] for m in dispatcher.messages]
    # zonder "bedoel" of "sorry" is een los getal op het lijstje geen verbetering
    bericht["text"] = "43"
    events[-1] = {"event": "user", "text": "43", "parse_data": bericht}
    tracker = Tracker(
        "test", slots, bericht, events, False, None, {"name": "profiel_form"}, "action_listen"
    )
    events_uit, _ = ValidateProfielForm().lees(CollectingDispatcher(), tracker)
    assert "leeftijd" not in _slots(events_uit)


def test_een_woord_op_het_lijstje_is_een_antwoord_ook_als_de_nlu_een_vraag_ziet(
    met_diensten: Diensten,
) -> None:
    """ "mantelzorg" with the intent vraag_over_recht (0.9) ticks mantelzorg; "wat is
    mantelzorg?" is a question the form leaves to its rule."""
    groep = met_diensten.vocabulaire.vraaggroepen["situaties"]
    for tekst, vraag in (("mantelzorg", False), ("wat is mantelzorg?", True)):
        tracker = _tracker(tekst, list(groep.leden))
        tracker.latest_message["intent"] = {"name": "vraag_over_recht", "confidence": 0.9}
        events, geweigerd = ValidateProfielForm().lees(CollectingDispatcher(), tracker)
        assert geweigerd is vraag, tekst
        if not vraag:
            assert _slots(events)["mantelzorger"] is True


def test_wie_iemand_wil_spreken_wordt_doorverwezen_ook_met_een_antwoord_erin(
    met_diensten: Diensten,
) -> None:
    """ "ik wil met iemand praten van 't ocmw" at the income question is a side step, even
    though "ocmw" could be read as the source of the income."""
    groep = met_diensten.vocabulaire.vraaggroepen["inkomen"]
    tekst = "ik wil met iemand praten van 't ocmw"
    bericht = {"text": tekst, "intent": {"name": "wil_iemand_spreken", "confidence": 0.95}}
    vraag = {"groep": "inkomen", "leden": list(groep.leden)}
    events = [
        {"event": "active_loop", "name": "profiel_form"},
        {"event": "slot", "name": "requested_slot", "value": groep.leden[0]},
        {"event": "slot", "name": GROEP_SLOT, "value": vraag},
        {"event": "user", "text": tekst, "parse_data": bericht},
    ]
    slots = {"requested_slot": groep.leden[0], GROEP_SLOT: vraag}
    tracker = Tracker(
        "test", slots, bericht, events, False, None, {"name": "profiel_form"}, "action_listen"
    )
    _, geweigerd = ValidateProfielForm().lees(CollectingDispatcher(), tracker)
    assert geweigerd
