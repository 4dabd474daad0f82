"""Showing what the bot understood: "Genoteerd: …" after every answer, the overview with
"Klopt dit?" before the result, changing one line from it, and what a correction after
the result changes (real rasa-sdk tracker and dispatcher, real vocabulary and SQLite
catalogue; no Rasa server)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from bereide_diensten import bereide_diensten
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.diensten as actiediensten
from actions.genoteerd import genoteerd
from actions.gesprek import ActionBegroet, ActionVerwerkCorrectie, wat_verandert
from actions.profiel_form import ValidateProfielForm
from actions.samenvatting import WIJZIG_SLOT, ActionToonSamenvatting, ActionWijzigAntwoord
from bot.diensten import Diensten
from bot.herladen import Herlader
from bot.rules import evalueer
from bot.vocabulary import AttribuutType, laad_vocabulaire

PEILDATUM = date(2025, 6, 1)


@pytest.fixture(scope="module")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    with bereide_diensten(tmp_path_factory, "overzicht", PEILDATUM) as d:
        yield d


@pytest.fixture
def met_diensten(monkeypatch: pytest.MonkeyPatch, diensten: Diensten) -> Diensten:
    """The actions build their services once per process; here they get these."""
    monkeypatch.setattr(actiediensten, "_herlader", Herlader(diensten))
    return diensten


def _tracker(
    tekst: str,
    slots: dict[str, Any],
    *,
    gevraagd: str | None = None,
    intent: str = "inform",
    entiteiten: list[dict[str, Any]] | None = None,
    eerder: list[dict[str, Any]] | None = None,
) -> Tracker:
    bericht = {
        "text": tekst,
        "intent": {"name": intent, "confidence": 0.95},
        "entities": entiteiten or [],
    }
    events = list(eerder or [])
    if gevraagd:
        events += [
            {"event": "active_loop", "name": "profiel_form"},
            {"event": "slot", "name": "requested_slot", "value": gevraagd},
        ]
    events.append({"event": "user", "text": tekst, "parse_data": bericht})
    alle = {"requested_slot": gevraagd, **slots}
    loop = {"name": "profiel_form"} if gevraagd else {}
    return Tracker("test", alle, bericht, events, False, None, loop, "action_listen")


def _slots(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def _teksten(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("text") or "" for m in dispatcher.messages]


# --- the vocabulary's short texts ---------------------------------------------------------


def test_elk_antwoord_heeft_een_korte_tekst() -> None:
    """Every option of every attribute, and numbers, read as a few words (no raw keys)."""
    vocabulaire = laad_vocabulaire()
    for a in vocabulaire.attributen.values():
        if a.type in (AttribuutType.BOOL, AttribuutType.ENUM):
            waarden: list[Any] = [
                (k == "true") if a.type is AttribuutType.BOOL else k for k in a.opties or {}
            ]
        elif a.type is AttribuutType.GEMEENTE:
            waarden = ["Gent"]
        else:
            waarden = [0, 1, 7, 1450.5]
        for w in waarden:
            tekst = a.kort_tekst(w)
            assert tekst and "{" not in tekst and "_" not in tekst, (a.sleutel, w, tekst)
            assert len(tekst.split()) <= 12, (a.sleutel, tekst)


def test_genoteerd_in_de_volgorde_van_de_woordenlijst() -> None:
    vocabulaire = laad_vocabulaire()
    tekst = genoteerd(
        vocabulaire,
        {
            "aantal_kinderen": 1,
            "gemeente": "Leuven",
            "leeftijd": 67,
            "netto_maandinkomen_gezin": 1450,
        },
    )
    assert tekst == (
        "Genoteerd: woont in Leuven, 67 jaar, 1 kind, inkomen van u en uw partner € 1.450 "
        "netto per maand."
    )
    assert genoteerd(vocabulaire, {}) == ""


# --- every answer is confirmed ---------------------------------------------------------------


def test_het_formulier_bevestigt_wat_het_las_ook_feiten_voor_een_andere_vraag(
    met_diensten: Diensten,
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = _tracker("ik ben 67 en woon in Leuven", {}, gevraagd="leeftijd")
    events, _ = ValidateProfielForm().lees(dispatcher, tracker)
    assert _slots(events)["leeftijd"] == 67 and _slots(events)["gemeente"] == "Leuven"
    assert "Genoteerd: woont in Leuven, 67 jaar." in _teksten(dispatcher)


def test_wat_de_bot_al_wist_wordt_niet_opnieuw_bevestigd(met_diensten: Diensten) -> None:
    dispatcher = CollectingDispatcher()
    tracker = _tracker("67", {"leeftijd": 67}, gevraagd="leeftijd")
    ValidateProfielForm().lees(dispatcher, tracker)
    assert not any(t.startswith("Genoteerd") for t in _teksten(dispatcher))


# --- the overview before the result, and changing a line ------------------------------------


def test_overzicht_toont_alles_en_laat_elke_regel_wijzigen(met_diensten: Diensten) -> None:
    dispatcher = CollectingDispatcher()
    slots = {
        "leeftijd": 67,
        "gemeente": "Aalst",
        "samenwonend_met_partner": False,
        "onbekende_attributen": ["verhoogde_tegemoetkoming"],
    }
    asyncio.run(ActionToonSamenvatting().run(dispatcher, _tracker("nee", slots), {}))
    (bericht,) = dispatcher.messages
    assert "woont in Aalst" in bericht["text"] and "67 jaar" in bericht["text"]
    assert "zonder partner" in bericht["text"] and "Klopt dit?" in bericht["text"]
    assert "verhoogde tegemoetkoming" in bericht["text"]  # wat de persoon niet wist
    knoppen = {k["title"]: k["payload"] for k in bericht["buttons"]}
    assert knoppen["Ja, dat klopt"] == "/affirm"
    assert json.loads(knoppen["Wijzig: 67 jaar"][len("/wijzig") :]) == {"attribuut": "leeftijd"}
    assert len(knoppen) == 4


def test_wijzig_stelt_die_vraag_opnieuw_en_leest_het_nieuwe_antwoord(
    met_diensten: Diensten,
) -> None:
    slots = {"leeftijd": 67, "gemeente": "Aalst", "onbekende_attributen": []}
    knop = [{"entity": "attribuut", "value": "leeftijd"}]
    events = asyncio.run(
        ActionWijzigAntwoord().run(
            CollectingDispatcher(),
            _tracker('/wijzig{"attribuut": "leeftijd"}', slots, intent="wijzig", entiteiten=knop),
            {},
        )
    )
    assert _slots(events) == {WIJZIG_SLOT: "leeftijd", "leeftijd": None}

    # het formulier start: het vraagt eerst de leeftijd, ook al zou de motor iets anders kiezen
    slots = {**slots, **_slots(events)}
    dispatcher = CollectingDispatcher()
    tracker = _tracker('/wijzig{"attribuut": "leeftijd"}', slots, intent="wijzig")
    events = asyncio.run(ValidateProfielForm().run(dispatcher, tracker, {}))
    assert _slots(events)["requested_slot"] == "leeftijd"
    assert dispatcher.messages[-1]["text"] == met_diensten.vocabulaire.attributen["leeftijd"].vraag

    # het antwoord: genoteerd, en het formulier vraagt verder zoals de motor kiest
    slots = {**slots, "requested_slot": "leeftijd"}
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        ValidateProfielForm().run(dispatcher, _tracker("ik ben 45", slots, gevraagd="leeftijd"), {})
    )
    gezet = _slots(events)
    assert gezet["leeftijd"] == 45 and gezet[WIJZIG_SLOT] is None
    assert "Genoteerd: 45 jaar." in _teksten(dispatcher)


# --- a correction after the result ---------------------------------------------------------


def test_wat_verandert_noemt_alleen_rechten_die_ertoe_doen(diensten: Diensten) -> None:
    basis = {
        "gemeente": "44021",
        "leeftijd": 40,
        "samenwonend_met_partner": False,
        "aantal_kinderen": 0,
        "woonsituatie": "huurder_privaat",
        "verblijfsstatus": "belg",
        "werksituatie": "werknemer",
        "soort_inkomen": "loon",
    }
    rijk = evalueer({**basis, "netto_maandinkomen_gezin": 4500}, diensten.catalogus, PEILDATUM)
    arm = evalueer({**basis, "netto_maandinkomen_gezin": 900}, diensten.catalogus, PEILDATUM)
    regels = wat_verandert(rijk, arm)
    assert regels and all(r.startswith("• ") and " nu " in r for r in regels)
    assert any("Verhoogde tegemoetkoming" in r for r in regels), regels
    assert wat_verandert(arm, replace(arm)) == []


def test_correctie_na_het_resultaat_zegt_wat_verandert(met_diensten: Diensten) -> None:
    slots = {
        "gemeente": "Gent",
        "leeftijd": 40,
        "samenwonend_met_partner": False,
        "aantal_kinderen": 0,
        "woonsituatie": "huurder_privaat",
        "verblijfsstatus": "belg",
        "werksituatie": "werknemer",
        "soort_inkomen": "loon",
        "netto_maandinkomen_gezin": 4500,
    }
    getoond = [{"event": "action", "name": "action_toon_resultaat"}]
    dispatcher = CollectingDispatcher()
    tracker = _tracker("wacht, mijn inkomen is 900 euro", slots, intent="correctie", eerder=getoond)
    events = asyncio.run(ActionVerwerkCorrectie().run(dispatcher, tracker, {}))
    assert _slots(events)["netto_maandinkomen_gezin"] == 900
    teksten = _teksten(dispatcher)
    assert teksten[0] == "Aangepast: inkomen van u en uw partner € 900 netto per maand."
    assert teksten[1].startswith("Daardoor verandert:\n• "), teksten

    # zonder resultaat ervoor: alleen "Aangepast"
    dispatcher = CollectingDispatcher()
    tracker = _tracker("wacht, mijn inkomen is 900 euro", slots, intent="correctie")
    asyncio.run(ActionVerwerkCorrectie().run(dispatcher, tracker, {}))
    assert len(dispatcher.messages) == 1


def test_een_bericht_in_een_andere_taal_is_geen_correctie_of_groet(met_diensten: Diensten) -> None:
    """The NLU may read French as a correction or a greeting; after the web app's note in
    that language (message metadata ``taal``) the bot goes on in simple Dutch instead."""
    for actie, intent in ((ActionVerwerkCorrectie(), "correctie"), (ActionBegroet(), "greet")):
        dispatcher = CollectingDispatcher()
        tracker = _tracker("Bonjour, je ne parle pas néerlandais, pouvez-vous m'aider ?", {})
        tracker.latest_message["intent"]["name"] = intent
        tracker.latest_message["metadata"] = {"taal": "fr"}
        asyncio.run(actie.run(dispatcher, tracker, {}))
        assert [m.get("response") for m in dispatcher.messages] == [
            "utter_verder_in_het_nederlands"
        ], actie.name()
        # without the note: the usual answer
        dispatcher = CollectingDispatcher()
        tracker.latest_message["metadata"] = {}
        asyncio.run(actie.run(dispatcher, tracker, {}))
        assert [m.get("response") for m in dispatcher.messages] != [
            "utter_verder_in_het_nederlands"
        ], actie.name()
