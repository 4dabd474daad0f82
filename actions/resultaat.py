"""Het resultaat: rechten per status, met waarom, bedrag, aanvragen en vervolgknoppen."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.diensten import diensten, evalueer_gesprek, onbekend
from bot.rules import RechtUitkomst, Status, VoorwaardeStatus

MAX_PER_GROEP = 8


def eerste_zin(tekst: str | None) -> str | None:
    if not tekst:
        return None
    alinea = tekst.strip().split("\n\n")[0].strip()
    punt = alinea.find(". ")
    return alinea if punt < 0 else alinea[: punt + 1]


def namen(ids: tuple[str, ...]) -> str:
    """ "de inkomensgarantie voor ouderen of het leefloon": names of rights, in a sentence."""
    catalogus = diensten().catalogus
    delen = []
    for i in ids:
        recht = catalogus.recht(i)
        naam = recht.naam if recht else i
        if len(naam) > 1 and naam[1].islower():
            naam = naam[0].lower() + naam[1:]
        delen.append(naam)
    return " of ".join(delen)


def waarom_zin(u: RechtUitkomst) -> str:
    """Eén zin waarom: de voorwaarde die telt (de motor kiest ze, zie ``RechtUitkomst.reden``).

    Klopt het recht alleen als u een ander recht krijgt, dan zegt de zin dat.
    """
    if u.via_rechten:
        return f"Als u {namen(u.via_rechten)} krijgt, hebt u waarschijnlijk ook hier recht op."
    reden = u.reden
    if reden is None:
        return u.recht.samenvatting or ""
    if reden.status is not VoorwaardeStatus.ONBEKEND:
        return reden.tekst
    opmerking = " ".join(o for o in reden.opmerkingen if o not in reden.tekst)
    return f"Nog na te gaan: {reden.tekst}" + (f" {opmerking}" if opmerking else "")


def aanvragen(u: RechtUitkomst) -> str | None:
    if u.via_rechten:
        return f"Vraag eerst {namen(u.via_rechten)} aan. Daarna volgt dit recht meestal."
    teksten = diensten().rechtteksten.get(u.recht.id)
    return eerste_zin((teksten.aanvragen if teksten else None) or u.recht.aanvragen)


def regel(u: RechtUitkomst) -> str:
    delen = [f"• {u.recht.naam}: {waarom_zin(u)}"]
    if u.bedrag_tekst:
        delen.append(f"  Bedrag: {u.bedrag_tekst}.")
    hoe = aanvragen(u)
    if hoe:
        delen.append(f"  Aanvragen: {hoe}")
    return "\n".join(delen)


def groep(kop: str, uitkomsten: list[RechtUitkomst]) -> str:
    """De eerste rechten voluit (de grootste waarde eerst), de rest alleen bij naam."""
    regels = [kop, *(regel(u) for u in uitkomsten[:MAX_PER_GROEP])]
    rest = uitkomsten[MAX_PER_GROEP:]
    if rest:
        regels.append("En ook: " + "; ".join(u.recht.naam for u in rest) + ".")
    return "\n".join(regels)


class ActionToonResultaat(Action):
    def name(self) -> str:
        return "action_toon_resultaat"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        e = evalueer_gesprek(tracker)
        d = diensten()
        gekozen = tracker.get_slot("gekozen_recht")
        uitkomsten = [u for u in e.uitkomsten if not gekozen or u.recht.id in gekozen]
        waarschijnlijk = [u for u in uitkomsten if u.status is Status.WAARSCHIJNLIJK]
        mogelijk = [u for u in uitkomsten if u.status is Status.MOGELIJK]
        niet = [u for u in uitkomsten if u.status is Status.NIET]

        if waarschijnlijk:
            dispatcher.utter_message(text=groep("Waarschijnlijk hebt u recht op:", waarschijnlijk))
        if mogelijk:
            dispatcher.utter_message(text=groep("Mogelijk (nog na te gaan):", mogelijk))
        if gekozen and niet:
            dispatcher.utter_message(
                text="Volgens uw antwoorden hebt u geen recht op:\n"
                + "\n".join(f"• {u.recht.naam}: {waarom_zin(u)}" for u in niet)
            )
        if not waarschijnlijk and not mogelijk and not (gekozen and niet):
            dispatcher.utter_message(
                text="Met uw antwoorden vond ik geen recht dat past. Twijfelt u? "
                "Het OCMW van uw gemeente kijkt het graag samen met u na."
            )
        weet_niet = onbekend(tracker)
        if weet_niet:
            vragen = ", ".join(
                d.vocabulaire.attributen[a].vraag.split("?")[0] + "?" for a in weet_niet
            )
            dispatcher.utter_message(
                text=f"Dit weet ik nog niet: {vragen} Daardoor blijven sommige "
                "rechten nog na te gaan."
            )
        dispatcher.utter_message(
            text="Dit is een inschatting. De dienst die het recht geeft, beslist. "
            "Wat wilt u nog weten?",
            # "waarom niet?" only for rights that are not tied to another municipality
            buttons=knoppen(
                waarschijnlijk + mogelijk, [u for u in niet if u.recht.gemeenten is None]
            ),
        )
        return []


def knoppen(wel: list[RechtUitkomst], niet: list[RechtUitkomst]) -> list[dict[str, str]]:
    uit = [
        {
            "title": f"Meer uitleg over {u.recht.naam}",
            "payload": f'/meer_uitleg{{"recht": "{u.recht.id}"}}',
        }
        for u in wel[:3]
    ]
    uit += [
        {
            "title": f"Waarom niet {u.recht.naam}?",
            "payload": f'/waarom_niet{{"recht": "{u.recht.id}"}}',
        }
        for u in niet[:2]
    ]
    uit.append({"title": "Wat moet ik meebrengen?", "payload": "/wat_meebrengen"})
    uit.append({"title": "Opnieuw beginnen", "payload": "/opnieuw"})
    return uit
