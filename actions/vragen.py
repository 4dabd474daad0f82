"""De vragen van het formulier en "waarom vraagt u dat?".

Tekst, knoppen en uitleg komen uit de woordenlijst. Kiest de motor een vraaggroep
(enkele attributen in één vraag), dan stellen we de groepsvraag en onthouden we de groep
in het slot ``gevraagde_groep``.
"""

from __future__ import annotations

import json

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.types import DomainDict

from actions.antwoorden import KNOP_WEET_NIET
from actions.diensten import diensten, evalueer_gesprek, profiel
from bot.diensten import Diensten
from bot.gesprekken.tekst import bewaarzin
from bot.rules import Evaluatie
from bot.rules.volgende_vraag import hoogstens_nog
from bot.settings import Settings
from bot.vocabulary import AttribuutType, GroepSoort, Vraaggroep

GROEP_SLOT = "gevraagde_groep"
BEANTWOORD_SLOT = "beantwoorde_groepen"


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
    """Aankruisen: één knop per situatie (die is ja; de leden met ``leeg_is_nee`` die niet
    gekozen zijn, nee) en "geen van deze" (alleen die leden nee);
    samen: de knoppen van de groep. Elke knop vult de waarden in via ``/inform{...}``."""
    if groep.soort is GroepSoort.AANKRUISEN:
        # wat niet aangeklikt is, wordt alleen nee voor de leden met leeg_is_nee
        nee = [a for a in leden if a in groep.leeg_is_nee]
        waarden = [{gekozen: True, **{a: False for a in nee if a != gekozen}} for gekozen in leden]
        titels = [groep.labels[a] for a in leden]
        waarden.append(dict.fromkeys(nee, False))  # leeg: /inform{} (niets is nee)
        titels.append(groep.geen or "Geen van deze")
    else:
        waarden = [dict(k.waarden) for k in groep.knoppen]
        titels = [k.titel for k in groep.knoppen]
    uit = [
        {"title": t, "payload": "/inform" + json.dumps(w, separators=(", ", ": "))}
        for t, w in zip(titels, waarden, strict=True)
    ]
    return [*uit, KNOP_WEET_NIET]


def openingsvraag(d: Diensten, tracker: Tracker) -> tuple[Vraaggroep | None, tuple[str, ...]]:
    """De vraaggroep die het gesprek opent (wie en waar), met de leden die nog open zijn."""
    groep = d.vocabulaire.vraaggroepen.get(d.catalogus.openingsgroep or "")
    if groep is None:
        return None, ()
    leden = tuple(a for a in groep.leden if tracker.get_slot(a) is None)
    return (groep, leden) if leden else (None, ())


def stel_vraag(
    dispatcher: CollectingDispatcher, tracker: Tracker, evaluatie: Evaluatie
) -> list[EventType]:
    """Stel de vraag die de motor koos: de groepsvraag, of de vraag van één attribuut.

    Een vraaggroep die al een antwoord kreeg, stellen we niet opnieuw: dan vragen we het
    eerste open lid apart. Het formulier vraagt zelf (in ``validate_profiel_form``): zo
    kost een vraag geen tweede oproep van de actieserver en geen tweede evaluatie.
    """
    vocabulaire = diensten().vocabulaire
    groep_sleutel = evaluatie.volgende_groep
    if groep_sleutel in (tracker.get_slot(BEANTWOORD_SLOT) or ()):
        # Deze groep kreeg al een antwoord (bv. "geen van deze"): wat nog open is, vragen
        # we apart, anders zou dezelfde vraag terugkomen.
        groep_sleutel = None
    if groep_sleutel:
        groep = vocabulaire.vraaggroepen[groep_sleutel]
        dispatcher.utter_message(
            text=groep.vraag, buttons=groepsknoppen(groep, evaluatie.volgende_leden)
        )
        gevraagd = {"groep": groep_sleutel, "leden": list(evaluatie.volgende_leden)}
        return [SlotSet(GROEP_SLOT, gevraagd)]
    attribuut = evaluatie.volgende_vraag or ""
    dispatcher.utter_message(
        text=vocabulaire.attributen[attribuut].vraag, buttons=knoppen(attribuut)
    )
    return [SlotSet(GROEP_SLOT, None)] if tracker.get_slot(GROEP_SLOT) else []


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
        bewaren = bewaarzin(Settings().gesprekken_bewaren)
        if groep is not None and gevraagd in groep.leden:
            dispatcher.utter_message(text=f"{groep.waarom} {bewaren}")
        elif attribuut is None:
            dispatcher.utter_message(
                text="Ik vraag alleen wat nodig is om te zien op welke rechten u recht hebt. "
                f"{bewaren}"
            )
        else:
            dispatcher.utter_message(text=f"{attribuut.waarom} {bewaren}")
        return []


class ActionZegHoeveelVragen(Action):
    def name(self) -> str:
        return "action_zeg_hoeveel_vragen"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """ "Hoeveel vragen nog?": an honest bound (never fewer than then come)."""
        d = diensten()
        evaluatie = evalueer_gesprek(tracker)
        aantal = hoogstens_nog(
            evaluatie.uitkomsten,
            profiel(tracker),
            d.catalogus,
            tracker.get_slot(BEANTWOORD_SLOT) or (),
        )
        if evaluatie.volgende_vraag is None or aantal == 0:
            tekst = "Ik heb geen vragen meer. Zeg 'toon resultaat' om het resultaat te zien."
        elif aantal == 1:
            tekst = "Nog één vraag."
        else:
            tekst = (
                f"Nog hoogstens {aantal} vragen, meestal minder. "
                "Wilt u nu al een resultaat? Zeg dan 'toon resultaat'."
            )
        dispatcher.utter_message(text=tekst)
        return []
