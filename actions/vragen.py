"""De vragen van het formulier (action_ask_<attribuut>) en "waarom vraagt u dat?".

Tekst, knoppen en uitleg komen uit de woordenlijst: één actieklasse per attribuut,
gemaakt uit de lijst van attribuutsleutels in het domein. Kiest de motor een vraaggroep
(enkele attributen in één vraag), dan stelt de vraag van haar eerste open lid de
groepsvraag en onthoudt ze de groep in het slot ``gevraagde_groep``.
"""

from __future__ import annotations

import json
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.types import DomainDict

from actions.antwoorden import KNOP_WEET_NIET
from actions.diensten import diensten, evalueer_gesprek
from bot.vocabulary import AttribuutType, GroepSoort, Vraaggroep

GROEP_SLOT = "gevraagde_groep"

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


def groepsknoppen(groep: Vraaggroep, leden: tuple[str, ...]) -> list[dict[str, str]]:
    """Aankruisen: één knop per situatie (die is ja, de rest nee) en "geen van deze";
    samen: de knoppen van de groep. Elke knop vult de waarden in via ``/inform{...}``."""
    if groep.soort is GroepSoort.AANKRUISEN:
        waarden = [{a: a == gekozen for a in leden} for gekozen in leden]
        titels = [groep.labels[a] for a in leden]
        waarden.append(dict.fromkeys(leden, False))
        titels.append(groep.geen or "Geen van deze")
    else:
        waarden = [dict(k.waarden) for k in groep.knoppen]
        titels = [k.titel for k in groep.knoppen]
    uit = [
        {"title": t, "payload": "/inform" + json.dumps(w, separators=(", ", ": "))}
        for t, w in zip(titels, waarden, strict=True)
    ]
    return [*uit, KNOP_WEET_NIET]


class _ActionStelVraag(Action):
    attribuut = ""

    def name(self) -> str:
        return f"action_ask_{self.attribuut}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        evaluatie = evalueer_gesprek(tracker)
        groep_sleutel = evaluatie.volgende_groep
        if groep_sleutel and evaluatie.volgende_vraag == self.attribuut:
            groep = diensten().vocabulaire.vraaggroepen[groep_sleutel]
            knoppen_ = groepsknoppen(groep, evaluatie.volgende_leden)
            dispatcher.utter_message(text=groep.vraag, buttons=knoppen_)
            gevraagd = {"groep": groep_sleutel, "leden": list(evaluatie.volgende_leden)}
            return [SlotSet(GROEP_SLOT, gevraagd)]
        vraag = diensten().vocabulaire.attributen[self.attribuut].vraag
        dispatcher.utter_message(text=vraag, buttons=knoppen(self.attribuut))
        return [SlotSet(GROEP_SLOT, None)] if tracker.get_slot(GROEP_SLOT) else []


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
        vocabulaire = diensten().vocabulaire
        attribuut = vocabulaire.attributen.get(gevraagd or "")
        groep = vocabulaire.vraaggroepen.get((tracker.get_slot(GROEP_SLOT) or {}).get("groep", ""))
        if groep is not None and gevraagd in groep.leden:
            dispatcher.utter_message(text=f"{groep.waarom} Ik bewaar niets over u.")
        elif attribuut is None:
            dispatcher.utter_message(
                text="Ik vraag alleen wat nodig is om te zien op welke rechten u recht hebt. "
                "Ik bewaar niets over u."
            )
        else:
            dispatcher.utter_message(text=f"{attribuut.waarom} Ik bewaar niets over u.")
        return []
