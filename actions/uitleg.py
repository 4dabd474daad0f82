"""Vragen over één recht: welk recht, uitleg, waarom niet, wat meebrengen."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.diensten import RECHT_SLOT, diensten, evalueer_gesprek, profiel
from actions.indeling import krijgt_al
from actions.inzicht import tel_gevraagde_rechten
from actions.rechten import gemeente_nis, recht_uit_bericht
from actions.resultaat import aanvragen, indeling_van, waarom_zin
from bot.rules import RechtUitkomst, Status, VoorwaardeStatus, VoorwaardeUitkomst

STATUS_ZIN = {
    Status.WAARSCHIJNLIJK: "Volgens uw antwoorden hebt u waarschijnlijk recht op {naam}.",
    Status.MOGELIJK: "U hebt mogelijk recht op {naam}, maar er is nog iets na te gaan.",
    Status.NIET: "Volgens uw antwoorden hebt u geen recht op {naam}.",
    Status.NIET_GECONTROLEERD: "Voor {naam} kan ik de voorwaarden nog niet zelf nagaan.",
}
TEKEN = {
    VoorwaardeStatus.VOLDAAN: "✓",
    VoorwaardeStatus.NIET_VOLDAAN: "✗",
    VoorwaardeStatus.ONBEKEND: "?",
}


def bedoelde_rechten(tracker: Tracker) -> list[str]:
    """Het recht uit dit bericht; anders het gekozen recht; anders leeg."""
    d = diensten()
    ids = recht_uit_bericht(
        d.catalogus, tracker.latest_message or {}, gemeente_nis(tracker), index=d.zoekindex
    )
    return ids or list(tracker.get_slot(RECHT_SLOT) or [])


def uitkomsten(tracker: Tracker, ids: list[str]) -> list[RechtUitkomst]:
    e = evalueer_gesprek(tracker, alleen=ids)
    return [u for u in e.uitkomsten if u.recht.id in ids]


def niet_gevonden(dispatcher: CollectingDispatcher) -> None:
    dispatcher.utter_message(
        text="Over welk recht gaat het? Noem het recht, bijvoorbeeld 'huurpremie', "
        "'leefloon' of 'sociaal tarief'."
    )


class ActionKiesRecht(Action):
    def name(self) -> str:
        return "action_kies_recht"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        d = diensten()
        ids = recht_uit_bericht(
            d.catalogus, tracker.latest_message or {}, gemeente_nis(tracker), index=d.zoekindex
        )
        if not ids:
            dispatcher.utter_message(
                text="Dat recht ken ik niet. Ik kijk daarom naar al uw rechten."
            )
            return [SlotSet(RECHT_SLOT, None)]
        recht = d.catalogus.recht(ids[0])
        assert recht is not None
        namen = " of ".join(r.naam for i in ids if (r := d.catalogus.recht(i)))
        tekst = f"U vraagt naar: {namen}."
        if len(ids) == 1 and recht.samenvatting:
            tekst += f" {recht.samenvatting}"
        dispatcher.utter_message(
            text=f"{tekst} Ik stel u alleen de vragen die nodig zijn voor dit recht."
        )
        return [SlotSet(RECHT_SLOT, ids), *tel_gevraagde_rechten(tracker, ids)]


class _OverRechten:
    """Mixin for an answer about the right(s) the person means: one message per right.

    Not an ``Action`` itself: rasa-sdk registers every Action subclass as an action.
    """

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        ids = bedoelde_rechten(tracker)
        if not ids:
            niet_gevonden(dispatcher)
            return []
        wat_u_krijgt = profiel(tracker)
        for u in uitkomsten(tracker, ids):
            al = krijgt_al(u, wat_u_krijgt)
            dispatcher.utter_message(text=self.tekst(u) if not al else self.al(u))
        return tel_gevraagde_rechten(tracker, ids)

    def tekst(self, u: RechtUitkomst) -> str:
        raise NotImplementedError

    def al(self, u: RechtUitkomst) -> str:
        """Your answers say you (or your household) already receive it."""
        return f"Volgens uw antwoorden krijgt u of uw gezin {u.recht.naam} al."


class ActionLegRechtUit(_OverRechten, Action):
    def name(self) -> str:
        return "action_leg_recht_uit"

    def tekst(self, u: RechtUitkomst) -> str:
        delen = [u.recht.naam + "."]
        if u.recht.samenvatting:
            delen.append(u.recht.samenvatting)
        delen.append(STATUS_ZIN[u.status].format(naam=u.recht.naam))
        if u.via_rechten:
            delen.append(waarom_zin(u))
        for v in u.voorwaarden:
            delen.append(f"{TEKEN[v.status]} {v.tekst}")
            delen += [f"   {o}" for o in _opmerkingen(v)]
        if u.bedrag_tekst:
            delen.append(f"Bedrag: {u.bedrag_tekst}.")
        hoe = aanvragen(u)
        if hoe:
            delen.append(f"Aanvragen: {hoe}")
        return "\n".join(delen)

    def al(self, u: RechtUitkomst) -> str:
        return f"{super().al(u)}\n{self.tekst(u)}"


def _opmerkingen(v: VoorwaardeUitkomst) -> list[str]:
    """Notes of a condition and of its deciding parts, once each."""
    alle = [
        *v.opmerkingen,
        *(o for d in v.onderdelen if d.status is v.status for o in d.opmerkingen),
    ]
    return list(dict.fromkeys(alle))


class ActionLegWaaromNietUit(_OverRechten, Action):
    def name(self) -> str:
        return "action_leg_waarom_niet_uit"

    def tekst(self, u: RechtUitkomst) -> str:
        if u.status is not Status.NIET:
            return f"{STATUS_ZIN[u.status].format(naam=u.recht.naam)} {waarom_zin(u)}"
        redenen = [v.tekst for v in u.voorwaarden if v.status is VoorwaardeStatus.NIET_VOLDAAN] or [
            waarom_zin(u)
        ]
        kop = "Dit is de reden:" if len(redenen) == 1 else "Dit zijn de redenen:"
        return "\n".join(
            [
                f"Volgens uw antwoorden hebt u geen recht op {u.recht.naam}. {kop}",
                *(f"• {r}" for r in redenen),
                "Klopt een antwoord niet? Typ dan het juiste antwoord, bijvoorbeeld 'ik ben 45'.",
            ]
        )


class ActionToonBewijsstukken(Action):
    def name(self) -> str:
        return "action_toon_bewijsstukken"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        d = diensten()
        ids = bedoelde_rechten(tracker)
        events = tel_gevraagde_rechten(tracker, ids) if ids else []
        if not ids:  # wat u volgens het resultaat eerst aanvraagt
            ids = [u.recht.id for u in indeling_van(tracker).eerst_aanvragen]
        if not ids:
            niet_gevonden(dispatcher)
            return []
        for rid in ids:
            recht = d.catalogus.recht(rid)
            teksten = d.rechtteksten.get(rid)
            stukken = teksten.bewijsstukken if teksten else None
            naam = recht.naam if recht else rid
            dispatcher.utter_message(
                text=f"{naam}: {stukken}"
                if stukken
                else f"{naam}: de dienst die het recht geeft, zegt u welke documenten nodig zijn."
            )
        return events
