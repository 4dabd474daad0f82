"""Gespreksbeheer: een correctie verwerken, opnieuw beginnen, doorverwijzen naar het OCMW."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.antwoorden import lees_bericht
from actions.diensten import (
    ONBEKEND_SLOT,
    RECHT_SLOT,
    andere_taal,
    diensten,
    evalueer_gesprek,
    nood_gemeld,
    onbekend,
)
from actions.genoteerd import genoteerd, nieuwe_feiten
from actions.uitleg import ActionKiesRecht, ActionLegRechtUit
from actions.vragen import openingsvraag
from bot.catalogue.repository import Contact
from bot.diensten import Diensten
from bot.gemeenten import GemeenteFout
from bot.rules import Evaluatie, Status

ZOEK_OP_WEBSITE = "zoek daar op 'OCMW' of 'Sociaal Huis'"


def gemeente_van(d: Diensten, naam: str | None) -> tuple[str | None, str | None]:
    """``(NIS code, official name)`` of the municipality in the slot; ``None`` when unknown."""
    if not naam:
        return None, None
    for nis, officieel in d.gemeenten.namen().items():
        if officieel == naam:
            return nis, officieel
    try:
        gevonden = d.gemeenten.resolve(naam, officieel_voorrang=True)
    except GemeenteFout:
        return None, naam
    return gevonden.nis, gevonden.naam


def algemene_lijn_zin(algemeen: Contact | None) -> str | None:
    """The sentence about the general line (e.g. 1700), from the contact file."""
    if algemeen is None:
        return None
    uitleg = f", {algemeen.omschrijving}" if algemeen.omschrijving else ""
    if algemeen.telefoon:
        return f"Weet u niet bij wie u terechtkunt? Bel dan {algemeen.telefoon}{uitleg}."
    if algemeen.website:
        return (
            f"Weet u niet bij wie u terechtkunt? Kijk dan op {algemeen.website} "
            f"({algemeen.naam}{uitleg})."
        )
    return None


def contacttekst(gemeente: str | None, contact: Contact | None, algemeen: Contact | None) -> str:
    """The answer to "ik wil met iemand praten": the OCMW or Sociaal Huis of the
    municipality (with the facts of the contact file), and the general line."""
    if gemeente and contact is not None:
        regels = [
            f"Het OCMW van {gemeente} helpt u graag persoonlijk verder, ook bij het aanvragen.",
            f"U kunt terecht bij: {contact.naam}",
        ]
        if contact.adres:
            regels.append(f"Adres: {contact.adres}")
        if contact.telefoon:
            regels.append(f"Telefoon: {contact.telefoon}")
        if contact.openingsuren:
            regels.append(f"Openingsuren: {contact.openingsuren}")
        # Without an address, the person looks it up (and the hours, unless we have them).
        op_te_zoeken = "het adres" if contact.openingsuren else "het adres en de openingsuren"
        if contact.website:
            regels.append(f"Website: {contact.website}")
            if not contact.adres:
                regels.append(f"Kijk op de website voor {op_te_zoeken}.")
        elif not contact.adres:
            regels.append(
                f"{op_te_zoeken.capitalize()} vindt u op de website van {gemeente}: "
                f"{ZOEK_OP_WEBSITE}."
            )
    else:
        waar = gemeente or "uw gemeente"
        regels = [
            f"Het OCMW of Sociaal Huis van {waar} helpt u graag persoonlijk verder, ook bij het "
            "aanvragen.",
            f"Het adres en de openingsuren vindt u op de website van {waar}: {ZOEK_OP_WEBSITE}.",
        ]
    lijn = algemene_lijn_zin(algemeen)
    if lijn:
        regels.append(lijn)
    return "\n".join(regels)


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
            if lezing.berichten:
                pass
            elif andere_taal(tracker):  # a message in another language read as a correction
                dispatcher.utter_message(response="utter_verder_in_het_nederlands")
            else:
                dispatcher.utter_message(
                    text="Wat wilt u aanpassen? Zeg het zo: 'ik ben 43' of 'ik huur'."
                )
            return []
        gewijzigd = nieuwe_feiten(tracker, lezing.waarden)
        dispatcher.utter_message(
            text=genoteerd(diensten().vocabulaire, gewijzigd, "Aangepast")
            if gewijzigd
            else "Dat had ik al zo genoteerd."
        )
        events: list[EventType] = [SlotSet(k, v) for k, v in lezing.waarden.items()]
        weg = onbekend(tracker)
        if any(a in lezing.waarden for a in weg):
            events.append(SlotSet(ONBEKEND_SLOT, [a for a in weg if a not in lezing.waarden]))
        if gewijzigd and resultaat_getoond(tracker):
            voor = evalueer_gesprek(tracker)
            tracker.add_slots(events)
            verschil = wat_verandert(voor, evalueer_gesprek(tracker))
            if verschil:
                dispatcher.utter_message(text="Daardoor verandert:\n" + "\n".join(verschil))
        return events


def resultaat_getoond(tracker: Tracker) -> bool:
    """Zag de persoon in dit gesprek al een resultaat?"""
    getoond = False
    for event in tracker.events:
        if event.get("event") in ("restart", "session_started"):
            getoond = False
        elif event.get("event") == "action" and event.get("name") == "action_toon_resultaat":
            getoond = True
    return getoond


_STAND = {
    Status.WAARSCHIJNLIJK: "waarschijnlijk recht",
    Status.MOGELIJK: "misschien recht (nog na te gaan)",
    Status.NIET: "geen recht",
    Status.NIET_GECONTROLEERD: "niet nagekeken",
}


def wat_verandert(voor: Evaluatie, na: Evaluatie) -> list[str]:
    """De rechten waarvan het oordeel verandert, in woorden: "• Huurpremie: nu
    waarschijnlijk recht (eerst misschien recht (nog na te gaan))"."""
    eerst = {u.recht.id: u.status for u in voor.uitkomsten}
    regels = []
    for u in na.uitkomsten:
        oud = eerst.get(u.recht.id)
        if oud is None or oud is u.status:
            continue
        if Status.WAARSCHIJNLIJK not in (oud, u.status) and Status.MOGELIJK not in (oud, u.status):
            continue  # van "niet" naar "niet nagekeken": niets voor deze persoon
        regels.append(f"• {u.recht.naam}: nu {_STAND[u.status]} (eerst {_STAND[oud]})")
    return regels


WAT_IS = re.compile(r"^\W*(?:wat\s+(?:is|zijn|betekent|bedoelt\s+u\s+met)|wat's|wa\s+is)\b", re.I)


class ActionVraagOverRechtInFormulier(Action):
    """Midden in de vragen: "wat is dat, een verhoogde tegemoetkoming?" krijgt uitleg ter
    plaatse en de vragen gaan verder waar ze waren; "heb ik recht op het sociaal tarief?"
    kijkt voortaan naar dat ene recht (met "ik wil alles weten" terug naar alles)."""

    def name(self) -> str:
        return "action_vraag_over_recht_in_formulier"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        tekst = (tracker.latest_message or {}).get("text") or ""
        if WAT_IS.search(tekst):
            return await ActionLegRechtUit().run(dispatcher, tracker, domain)
        return await ActionKiesRecht().run(dispatcher, tracker, domain)


class ActionOntdekAlles(Action):
    """ "Ik wil alles weten": van één recht terug naar alle rechten, met elk antwoord."""

    def name(self) -> str:
        return "action_ontdek_alles"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if not tracker.get_slot(RECHT_SLOT):
            return []
        dispatcher.utter_message(
            text="Goed, ik kijk nu naar al uw rechten. Wat u al zei, onthoud ik."
        )
        return [SlotSet(RECHT_SLOT, None)]


class ActionBeginOpnieuw(Action):
    def name(self) -> str:
        return "action_begin_opnieuw"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="Goed, ik begin opnieuw. Ik ben al uw antwoorden vergeten. Waarmee kan ik helpen?",
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
        d = diensten()
        nis, gemeente = gemeente_van(d, tracker.get_slot("gemeente"))
        contacten = d.contactpunten
        dispatcher.utter_message(
            text=contacttekst(gemeente, contacten.voor(nis), contacten.algemeen)
        )
        return []


class ActionHerformuleer(Action):
    """The intent was not recognised. After urgent help (the web app showed where to go
    now) the bot offers the check, without "sorry". A message that holds facts about the
    person ("ik zorg elke dag voor mijn zieke moeder") is information: the check starts
    with them. After a note in another language, go on in simple Dutch; else ask to say
    it otherwise."""

    def name(self) -> str:
        return "action_herformuleer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if nood_gemeld(tracker):
            # help first; the check only when the person wants it ("gas afgesloten" is
            # no answer to start from)
            dispatcher.utter_message(response="utter_na_noodhulp")
        elif _bevat_feiten(tracker):
            return [FollowupAction("profiel_form")]
        elif andere_taal(tracker):
            dispatcher.utter_message(response="utter_verder_in_het_nederlands")
        else:
            dispatcher.utter_message(response="utter_herformuleer")
        return []


def _bevat_feiten(tracker: Tracker) -> bool:
    """Facts about the person in a message outside the form, read as the form reads a
    first message (as an answer to the opening question: "55 jaar, ieper")."""
    tekst = (tracker.latest_message or {}).get("text") or ""
    if tracker.active_loop_name or not tekst.strip() or tekst.lstrip().startswith("/"):
        return False
    d = diensten()
    groep, leden = openingsvraag(d, tracker)
    return bool(lees_bericht(d, tekst, groep=groep, leden=leden, opening=True).waarden)


class ActionBegroet(Action):
    """A greeting. "Dag, ik zorg elke dag voor mijn zieke moeder" is a greeting with
    facts: the check starts with them, as after any message with facts."""

    def name(self) -> str:
        return "action_begroet"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if not nood_gemeld(tracker) and _bevat_feiten(tracker):
            return [FollowupAction("profiel_form")]
        if andere_taal(tracker):  # "Bonjour, ...": the note in that language came first
            dispatcher.utter_message(response="utter_verder_in_het_nederlands")
            return []
        dispatcher.utter_message(response="utter_begroeting")
        return []
