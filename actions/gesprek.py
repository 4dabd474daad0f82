"""Gespreksbeheer: een correctie verwerken, opnieuw beginnen, doorverwijzen naar het OCMW."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.antwoorden import lees_bericht
from actions.diensten import ONBEKEND_SLOT, diensten, onbekend

ALGEMENE_LIJN = (
    "Weet u niet bij wie u terechtkunt? Bel gratis de Vlaamse infolijn op 1700 "
    "(op werkdagen van 9 tot 19 uur)."
)


class ActionVerwerkCorrectie(Action):
    def name(self) -> str:
        return "action_verwerk_correctie"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        bericht = tracker.latest_message or {}
        lezing = lees_bericht(
            diensten(),
            bericht.get("text") or "",
            intent=(bericht.get("intent") or {}).get("name"),
            entiteiten=bericht.get("entities") or [],
        )
        for b in lezing.berichten:
            dispatcher.utter_message(text=b.tekst, buttons=b.knoppen or None)
        if not lezing.waarden:
            if not lezing.berichten:
                dispatcher.utter_message(
                    text="Wat wilt u aanpassen? Zeg het zo: 'ik ben 43' of 'ik huur'."
                )
            return []
        dispatcher.utter_message(text="Ik heb uw antwoord aangepast.")
        events: list[EventType] = [SlotSet(k, v) for k, v in lezing.waarden.items()]
        weg = onbekend(tracker)
        if any(a in lezing.waarden for a in weg):
            events.append(SlotSet(ONBEKEND_SLOT, [a for a in weg if a not in lezing.waarden]))
        return events


class ActionBeginOpnieuw(Action):
    def name(self) -> str:
        return "action_begin_opnieuw"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="We beginnen opnieuw. Ik ben al uw antwoorden vergeten. Waarmee kan ik helpen?",
            buttons=[
                {"title": "Ontdek waar ik recht op heb", "payload": "/ontdek_rechten"},
                {"title": "Een vraag over één recht", "payload": "Heb ik recht op een huurpremie?"},
            ],
        )
        return [AllSlotsReset()]


class ActionVerwijsNaarOcmw(Action):
    def name(self) -> str:
        return "action_verwijs_naar_ocmw"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        gemeente = tracker.get_slot("gemeente")
        if gemeente:
            tekst = (
                f"Het OCMW van {gemeente} helpt u graag persoonlijk verder, ook bij het "
                f"aanvragen. U vindt het adres en de openingsuren op de website van "
                f"{gemeente} (zoek op 'OCMW' of 'Sociaal Huis'). {ALGEMENE_LIJN}"
            )
        else:
            tekst = (
                "Het OCMW van uw gemeente helpt u graag persoonlijk verder, ook bij het "
                f"aanvragen. {ALGEMENE_LIJN}"
            )
        dispatcher.utter_message(text=tekst)
        return []
