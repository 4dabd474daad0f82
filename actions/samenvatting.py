"""Voor het resultaat: wat de bot onthield, met "Klopt dit?" en een knop per regel.

Een knop "Wijzig: 67 jaar" stelt die ene vraag opnieuw (``action_wijzig_antwoord``); het
formulier leest het nieuwe antwoord en toont daarna het overzicht opnieuw.
"""

from __future__ import annotations

import json
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.diensten import ONBEKEND_SLOT, diensten, onbekend
from actions.genoteerd import kort

WIJZIG_SLOT = "te_wijzigen"
KNOP_KLOPT = {"title": "Ja, dat klopt", "payload": "/affirm"}


def profielwaarden(tracker: Tracker) -> dict[str, Any]:
    """De beantwoorde attributen, in de volgorde van de woordenlijst."""
    vocabulaire = diensten().vocabulaire
    return {
        a: tracker.get_slot(a) for a in vocabulaire.attributen if tracker.get_slot(a) is not None
    }


class ActionToonSamenvatting(Action):
    def name(self) -> str:
        return "action_toon_samenvatting"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        vocabulaire = diensten().vocabulaire
        waarden = profielwaarden(tracker)
        regels = [f"• {tekst}" for tekst in kort(vocabulaire, waarden)]
        niet_geweten = [
            vocabulaire.attributen[a].vraag.split("?")[0] + "?"
            for a in onbekend(tracker)
            if a in vocabulaire.attributen
        ]
        if niet_geweten:
            regels.append("• Nog niet geweten: " + " ".join(niet_geweten))
        knoppen = [KNOP_KLOPT] + [
            {
                "title": f"Wijzig: {vocabulaire.attributen[a].kort_tekst(w)}",
                "payload": "/wijzig" + json.dumps({"attribuut": a}),
            }
            for a, w in waarden.items()
        ]
        dispatcher.utter_message(
            text="Dit heb ik genoteerd:\n" + "\n".join(regels) + "\nKlopt dit? Tik op wat u "
            "wilt wijzigen, of typ het juiste antwoord.",
            buttons=knoppen,
        )
        return []


class ActionWijzigAntwoord(Action):
    def name(self) -> str:
        return "action_wijzig_antwoord"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        vocabulaire = diensten().vocabulaire
        entiteiten = (tracker.latest_message or {}).get("entities") or []
        attribuut = next(
            (str(e.get("value")) for e in entiteiten if e.get("entity") == "attribuut"), ""
        )
        if attribuut not in vocabulaire.attributen:
            dispatcher.utter_message(
                text="Wat wilt u wijzigen? Typ het juiste antwoord, bijvoorbeeld 'ik ben 45'."
            )
            return []
        # het formulier stelt deze vraag meteen (zie validate_profiel_form)
        events: list[EventType] = [SlotSet(WIJZIG_SLOT, attribuut), SlotSet(attribuut, None)]
        weg = onbekend(tracker)
        if attribuut in weg:
            events.append(SlotSet(ONBEKEND_SLOT, [a for a in weg if a != attribuut]))
        return events
