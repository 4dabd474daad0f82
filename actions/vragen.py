"""De vragen van het formulier (action_ask_<attribuut>) en "waarom vraagt u dat?".

Tekst, knoppen en uitleg komen uit de woordenlijst: één actieklasse per attribuut,
gemaakt uit de lijst van attribuutsleutels in het domein.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.types import DomainDict

from actions.antwoorden import KNOP_WEET_NIET
from actions.diensten import diensten
from bot.vocabulary import AttribuutType

ATTRIBUTEN = (
    "gemeente",
    "leeftijd",
    "samenwonend_met_partner",
    "aantal_kinderen",
    "leeftijd_jongste_kind",
    "woonsituatie",
    "netto_maandinkomen_gezin",
    "werksituatie",
    "verblijfsstatus",
    "verhoogde_tegemoetkoming",
    "erkende_handicap",
    "mantelzorger",
    "ontvangt_leefloon",
    "jaren_op_wachtlijst_sociale_woning",
)
"""De gevraagde attributen van de woordenlijst (een test controleert dat ze kloppen)."""


def knoppen(attribuut: str) -> list[dict[str, str]]:
    a = diensten().vocabulaire.attributen[attribuut]
    uit: list[dict[str, str]] = []
    if a.type is AttribuutType.BOOL and a.opties:
        uit = [
            {"title": a.opties["true"], "payload": "/affirm"},
            {"title": a.opties["false"], "payload": "/deny"},
        ]
    elif a.type is AttribuutType.ENUM and a.opties:
        uit = [
            {"title": label, "payload": f'/inform{{"{attribuut}": "{waarde}"}}'}
            for waarde, label in a.opties.items()
        ]
    return [*uit, KNOP_WEET_NIET]


class _ActionStelVraag(Action):
    attribuut = ""

    def name(self) -> str:
        return f"action_ask_{self.attribuut}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        vraag = diensten().vocabulaire.attributen[self.attribuut].vraag
        dispatcher.utter_message(text=vraag, buttons=knoppen(self.attribuut))
        return []


def _maak_vraagactie(attribuut: str) -> type[Action]:
    naam = "ActionAsk" + "".join(deel.title() for deel in attribuut.split("_"))
    return type(naam, (_ActionStelVraag,), {"attribuut": attribuut})


VRAAGACTIES: dict[str, Any] = {a: _maak_vraagactie(a) for a in ATTRIBUTEN}
# Module attributes, so that the action server's worker processes can find them by name.
globals().update({klasse.__name__: klasse for klasse in VRAAGACTIES.values()})


class ActionZegWaaromVraag(Action):
    def name(self) -> str:
        return "action_zeg_waarom_vraag"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        gevraagd = tracker.get_slot(REQUESTED_SLOT)
        attribuut = diensten().vocabulaire.attributen.get(gevraagd or "")
        if attribuut is None:
            dispatcher.utter_message(
                text="Ik vraag alleen wat nodig is om te zien op welke rechten u recht hebt. "
                "Ik bewaar niets over u."
            )
        else:
            dispatcher.utter_message(text=f"{attribuut.waarom} Ik bewaar niets over u.")
        return []
