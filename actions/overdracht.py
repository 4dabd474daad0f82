"""Het gesprek doorgeven aan een maatschappelijk werker, met toestemming.

De bot legt eerst uit wat bewaard wordt en tot wanneer, en vraagt ja of nee. Pas na ja zet
hij de slot ``overdracht_toestemming``; de widget vraagt dan de code aan de web-API
(``POST /api/v1/chat/{sessie}/overdracht``), die het profiel bewaart. Bij nee wordt niets
bewaard. Deze acties bewaren zelf niets en laden de catalogus niet.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.notatie import datum_tekst
from bot.settings import Settings
from bot.tijd import vandaag

TOESTEMMING_SLOT = "overdracht_toestemming"
"""Zoals ``bot.api.routes.overdracht.TOESTEMMING_SLOT``: ja gezegd, nog geen code gemaakt."""
GEVRAAGD_SLOT = "overdracht_gevraagd"
"""De uitleg is getoond en de vraag gesteld: pas dan telt een ja."""
ACTIE = "overdracht"
"""Wat de widget in ``custom.actie`` leest: vraag nu de code."""

KNOP_DOORGEVEN = {
    "title": "Doorgeven aan een maatschappelijk werker",
    "payload": "/overdracht_vragen",
}


def bewaartermijn() -> int:
    return Settings().overdracht_dagen


def uitleg(vandaag: date, dagen: int) -> str:
    tot = datum_tekst(vandaag + timedelta(days=dagen))
    return (
        "Ik kan uw antwoorden doorgeven aan een maatschappelijk werker, bijvoorbeeld van het "
        "OCMW. Dan krijgt u een code van 8 tekens. Die geeft u aan de maatschappelijk werker. "
        "Met die code ziet hij of zij uw antwoorden, zonder uw naam. "
        f"Ik bewaar uw antwoorden goed beveiligd tot en met {tot}. "
        "Na één keer gebruik of na die datum wis ik alles. Wilt u dat?"
    )


class ActionVraagOverdracht(Action):
    def name(self) -> str:
        return "action_vraag_overdracht"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text=uitleg(vandaag(), bewaartermijn()),
            buttons=[
                {"title": "Ja, geef door", "payload": "/affirm"},
                {"title": "Nee, liever niet", "payload": "/deny"},
            ],
        )
        return [SlotSet(GEVRAAGD_SLOT, True), SlotSet(TOESTEMMING_SLOT, False)]


class ActionGeefOverdrachtToestemming(Action):
    def name(self) -> str:
        return "action_geef_overdracht_toestemming"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if not tracker.get_slot(GEVRAAGD_SLOT):  # no yes without the explanation first
            dispatcher.utter_message(
                text="Ik geef niets door zonder eerst uit te leggen wat er bewaard wordt.",
                buttons=[KNOP_DOORGEVEN],
            )
            return []
        dispatcher.utter_message(
            text="Goed. Ik maak uw code. Schrijf de code op of maak er een foto van.",
            json_message={"actie": ACTIE},
        )
        return [SlotSet(GEVRAAGD_SLOT, False), SlotSet(TOESTEMMING_SLOT, True)]


class ActionWeigerOverdracht(Action):
    def name(self) -> str:
        return "action_weiger_overdracht"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(text="Goed, ik geef niets door. Kan ik nog iets voor u doen?")
        return [SlotSet(GEVRAAGD_SLOT, False), SlotSet(TOESTEMMING_SLOT, False)]
