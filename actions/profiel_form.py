"""Het profielformulier: de motor kiest de volgende vraag, de code leest de antwoorden."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict

from actions.antwoorden import KNOP_WEET_NIET, VERWACHT_GROEP, lees_bericht, verwacht
from actions.diensten import ONBEKEND_SLOT, andere_taal, diensten, evalueer_gesprek, onbekend
from actions.genoteerd import genoteerd, nieuwe_feiten
from actions.gesprek import WAT_IS
from actions.samenvatting import WIJZIG_SLOT
from actions.vragen import BEANTWOORD_SLOT, GROEP_SLOT, openingsvraag, stel_vraag
from bot.diensten import Diensten
from bot.vocabulary import AttribuutType, GroepSoort

POGINGEN_SLOT = "mislukte_pogingen"

ZIJSTAPPEN = frozenset(
    {
        "waarom_vraag",
        "toon_resultaat",
        "opnieuw",
        "wil_iemand_spreken",
        "out_of_scope",
        "chitchat",
        "greet",
        "goodbye",
        "bedankt",
        "meer_uitleg",
        "waarom_niet",
        "wat_meebrengen",
        "vraag_over_recht",
        "hoeveel_vragen",
        "wijzig",
        "ontdek_rechten",
        "overdracht_vragen",
    }
)
"""Intenties die geen antwoord zijn: het formulier weigert, een regel neemt over."""
_ZEKER = 0.8


_BEDOEL = re.compile(
    r"\bbedoel(?:de)?\b|^\W*(?:sorry|oeps|oei|pardon|nee|neen)\W+(?:het is\s+)?\d",
    re.IGNORECASE,
)
"""'sorry, ik bedoel 43', '43 bedoel ik', 'oeps, 43': a correction of the last number."""


_OVER_EEN_RECHT = frozenset({"vraag_over_recht", "meer_uitleg", "waarom_niet", "wat_meebrengen"})
"""Zijstappen die een recht noemen: op het lijstje is "mantelzorg" dan toch een antwoord."""
_VRAAGWOORDEN = frozenset(
    """wat hoe waarom welke welk wie waar wanneer hoeveel kan kun kunt mag moet wil toon
    stop geef leg""".split()  # noqa: SIM905
)


def _is_vraag(tekst: str) -> bool:
    """Een vraag of verzoek ("wat is dat?", "toon mijn resultaat"), geen kort antwoord."""
    woorden = tekst.lower().split()
    return "?" in tekst or (bool(woorden) and woorden[0].strip(",.!") in _VRAAGWOORDEN)


def _laatst_genoteerd_getal(d: Diensten, tracker: Tracker) -> str | None:
    """Het getal-attribuut (leeftijd, aantal, bedrag) dat de bot het laatst noteerde,
    voor het huidige bericht."""
    getallen = {
        k
        for k, a in d.vocabulaire.attributen.items()
        if a.type in (AttribuutType.INT, AttribuutType.EURO)
    }
    voorbij_bericht = False
    for event in reversed(tracker.events):
        if event.get("event") == "user" and not voorbij_bericht:
            voorbij_bericht = True
            continue
        if (
            voorbij_bericht
            and event.get("event") == "slot"
            and event.get("name") in getallen
            and event.get("value") is not None
        ):
            return str(event["name"])
    return None


def gevraagd_voor_bericht(tracker: Tracker) -> tuple[str | None, dict[str, Any] | None]:
    """De vraag waarop het laatste bericht antwoordt: (``requested_slot``,
    ``gevraagde_groep``) toen de persoon schreef, als het formulier toen actief was
    (anders: None, bv. bij het starten)."""
    gevraagd: str | None = None
    groep: dict[str, Any] | None = None
    actief = False
    op_bericht: tuple[str | None, dict[str, Any] | None] = (None, None)
    for event in tracker.events:
        soort = event.get("event")
        if soort == "slot" and event.get("name") == REQUESTED_SLOT:
            gevraagd = event.get("value")
        elif soort == "slot" and event.get("name") == GROEP_SLOT:
            groep = event.get("value")
        elif soort == "active_loop":
            actief = event.get("name") == "profiel_form"
        elif soort == "user":
            op_bericht = (gevraagd, groep) if actief else (None, None)
        elif soort in ("restart", "reset_slots", "session_started"):
            gevraagd, groep, actief = None, None, False
    return op_bericht


_FORMULIER_ACTIES = frozenset({"action_listen", "profiel_form", "validate_profiel_form"})


def terug_na_zijstap(tracker: Tracker) -> bool:
    """Komt het formulier terug na een zijstap? Dan liep er sinds het laatste bericht een
    andere actie (bv. de uitleg bij "waarom vraag je dat?")."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") not in _FORMULIER_ACTIES:
            return True
    return False


class ValidateProfielForm(FormValidationAction):
    def name(self) -> str:
        return "validate_profiel_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Lees het antwoord, laat de motor de volgende vraag kiezen en stel ze meteen.

        Rasa vraagt dan niets meer (het domein heeft geen ``action_ask_*``). Weigert het
        formulier een bericht (een zijstap: een regel neemt over), dan vragen we nog niets;
        komt het formulier daarna terug, dan vragen we opnieuw.
        """
        events, geweigerd = self.lees(dispatcher, tracker)
        tracker.add_slots(events)
        evaluatie = evalueer_gesprek(tracker)
        te_wijzigen = tracker.get_slot(WIJZIG_SLOT)
        if te_wijzigen:
            gezet = {e.get("name"): e.get("value") for e in events if e.get("event") == "slot"}
            if te_wijzigen in gezet or te_wijzigen in (gezet.get(ONBEKEND_SLOT) or ()):
                events.append(SlotSet(WIJZIG_SLOT, None))  # het nieuwe antwoord is er
            else:  # wat de persoon wil wijzigen, vragen we eerst (opnieuw)
                evaluatie = replace(
                    evaluatie,
                    volgende_vraag=te_wijzigen,
                    volgende_groep=None,
                    volgende_leden=(te_wijzigen,),
                )
        events.append(SlotSet(REQUESTED_SLOT, evaluatie.volgende_vraag))
        if evaluatie.volgende_vraag and (not geweigerd or terug_na_zijstap(tracker)):
            events += stel_vraag(dispatcher, tracker, evaluatie)
        return events

    def lees(
        self, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> tuple[list[EventType], bool]:
        """(slot-events, geweigerd): geweigerd als het bericht geen antwoord is maar een
        zijstap, zodat een regel voor die intentie overneemt."""
        d = diensten()
        bericht: dict[str, Any] = tracker.latest_message or {}
        tekst = bericht.get("text") or ""
        intent = (bericht.get("intent") or {}).get("name")
        zekerheid = (bericht.get("intent") or {}).get("confidence") or 0.0
        gevraagd, groep_gevraagd = gevraagd_voor_bericht(tracker)
        groep = None
        leden: tuple[str, ...] = (gevraagd,) if gevraagd else ()
        eerste = False
        if groep_gevraagd and gevraagd in (groep_gevraagd.get("leden") or ()):
            groep = d.vocabulaire.vraaggroepen.get(groep_gevraagd.get("groep") or "")
            leden = tuple(groep_gevraagd["leden"]) if groep else leden
        elif not gevraagd and not tekst.lstrip().startswith("/"):
            # nog niets gevraagd (het eerste bericht): lees het als antwoord op de eerste
            # vraag, "55 jaar, ieper" of "41, eeklo"; niets ervan telt als beantwoord
            groep, leden = openingsvraag(d, tracker)
            eerste = True
        lezing = lees_bericht(
            d,
            tekst,
            intent=intent,
            entiteiten=bericht.get("entities") or [],
            gevraagd=gevraagd,
            groep=groep,
            leden=leden,
            opening=eerste,
        )
        if eerste:  # "ik weet niet waar ik recht op heb" zegt niet dat u uw leeftijd niet weet
            lezing.weet_niet = [a for a in lezing.weet_niet if a not in leden]
        vorig = None
        if not lezing.iets_gelezen and _BEDOEL.search(tekst):
            vorig = _laatst_genoteerd_getal(d, tracker)
        if vorig:
            # "sorry, ik bedoel 43" na "Genoteerd: 34 jaar": het vorige getal verbeteren
            verbeterd = lees_bericht(d, tekst, intent=intent, gevraagd=vorig)
            if vorig in verbeterd.waarden:
                lezing = verbeterd
        beantwoord = lezing.groep_beantwoord or any(
            a in lezing.waarden or a in lezing.weet_niet for a in leden
        )
        zijstap = gevraagd and intent in ZIJSTAPPEN
        # "mantelzorg" of "leefloon" op het lijstje is een antwoord, ook als de NLU er een
        # vraag over dat recht in ziet; een echte vraag heeft een vraagteken of vraagwoord
        zeker = zekerheid >= _ZEKER and (intent not in _OVER_EEN_RECHT or _is_vraag(tekst))
        # "wat is dat, een verhoogde tegemoetkoming?" is a question, however sure the NLU is
        zeker = zeker or bool(WAT_IS.search(tekst) and _is_vraag(tekst))
        if zijstap and (not beantwoord or zeker):
            return [], True
        for b in lezing.berichten:
            dispatcher.utter_message(text=b.tekst, buttons=b.knoppen or None)
        nieuw_gelezen = nieuwe_feiten(tracker, lezing.waarden)
        if groep is not None and groep.soort is GroepSoort.AANKRUISEN:
            # een lijstje: wat aangekruist is; de rest in één woord
            nieuw_gelezen = {a: w for a, w in nieuw_gelezen.items() if w or a not in leden}
            bevestiging = genoteerd(d.vocabulaire, nieuw_gelezen) or (
                "Genoteerd: geen van deze situaties." if lezing.groep_beantwoord else ""
            )
        else:
            bevestiging = genoteerd(d.vocabulaire, nieuw_gelezen)
        if bevestiging:
            dispatcher.utter_message(text=bevestiging)

        events: list[EventType] = [SlotSet(k, v) for k, v in lezing.waarden.items()]
        weg = onbekend(tracker)
        nieuw = [a for a in weg if a not in lezing.waarden]
        nieuw += [a for a in lezing.weet_niet if a not in nieuw]
        if nieuw != weg:
            events.append(SlotSet(ONBEKEND_SLOT, nieuw))
        if not gevraagd:
            return events, False

        if beantwoord:
            groepen = list(tracker.get_slot(BEANTWOORD_SLOT) or [])
            if groep is not None and groep.sleutel not in groepen:
                events.append(SlotSet(BEANTWOORD_SLOT, [*groepen, groep.sleutel]))
            if tracker.get_slot(POGINGEN_SLOT):
                events.append(SlotSet(POGINGEN_SLOT, 0))
            return events, False
        # De gestelde vraag is niet beantwoord: zeg wat we verwachten en vraag opnieuw.
        pogingen = int(tracker.get_slot(POGINGEN_SLOT) or 0) + 1
        if not lezing.berichten and not lezing.waarden:
            if groep is not None:
                uitleg = VERWACHT_GROEP[groep.soort]
            else:
                uitleg = verwacht(d.vocabulaire.attributen[gevraagd])
            if andere_taal(tracker):  # the note in that language came first
                dispatcher.utter_message(text=f"Ik begrijp alleen Nederlands. {uitleg}")
            else:
                dispatcher.utter_message(text=f"Sorry, dat begreep ik niet goed. {uitleg}")
        if pogingen >= 2:
            dispatcher.utter_message(
                text="U mag ook 'weet ik niet' antwoorden, dan gaan we verder. "
                "Of typ 'ik wil met iemand praten'.",
                buttons=[KNOP_WEET_NIET],
            )
        events.append(SlotSet(POGINGEN_SLOT, pogingen))
        return events, False
