"""Het resultaat, kort en in de volgorde van wat u eerst doet.

Eerst wat u al krijgt, dan "begin hier" (een recht dat andere opent), dan hoogstens vijf
rechten om aan te vragen (elk met één zin waarom, het bedrag afgerond en één zin waar),
dan wat u vanzelf krijgt. De rest staat achter de knop "Meer rechten"
(``action_toon_meer_rechten``). De indeling zelf staat in ``actions.indeling``.

Een resultaatblok heeft de vorm die de widget als lijst toont: een kop die op ":"
eindigt en met "Waarschijnlijk" of "Mogelijk" begint, dan per recht "• Naam: waarom" met
ingesprongen regels "  Bedrag: …" en "  Aanvragen: …".
"""

from __future__ import annotations

from collections.abc import Sequence

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.diensten import diensten, evalueer_gesprek, gekozen_rechten, onbekend, profiel
from actions.indeling import Indeling, deel_in
from actions.inzicht import tel_getoond_resultaat
from actions.overdracht import KNOP_DOORGEVEN
from bot.klaretaal import zinnen
from bot.notatie import datum_tekst
from bot.rules import RechtUitkomst, Status, VoorwaardeStatus, euro

MAX_GEVOLGEN = 2
"""Rights named after "begin hier"; the others are counted."""

KOP_AANVRAGEN = "Waarschijnlijk hebt u recht op deze voordelen. Vraag ze aan in deze volgorde:"
KOP_MOGELIJK = "Mogelijk hebt u ook recht op dit. De dienst moet het nog nagaan:"
KOP_VANZELF = "Waarschijnlijk krijgt u dit vanzelf. U hoeft er niets voor te doen:"
KOP_MEER_AANVRAGEN = "Waarschijnlijk hebt u ook recht op dit. Vraag het aan:"
KOP_MISSCHIEN_VANZELF = "Mogelijk krijgt u dit ook vanzelf. De dienst gaat het na:"
KOP_NIET = "Volgens uw antwoorden hebt u geen recht op:"
KOP_AL = "Dit krijgt u of uw gezin al:"
KNOP_MEER = {"title": "Meer rechten", "payload": "/meer_rechten"}


def eerste_zin(tekst: str | None) -> str | None:
    """The first sentence of the first paragraph ("bv." does not end it)."""
    if not tekst:
        return None
    delen = zinnen(tekst.strip().split("\n\n")[0].replace("\n", " "))
    return delen[0] if delen else None


def naam_in_zin(naam: str) -> str:
    """ "Leefloon" -> "leefloon"; "UiTPAS met kansentarief" stays."""
    eerste = naam.split()[0]
    if len(eerste) > 1 and eerste[1:].islower():
        return naam[0].lower() + naam[1:]
    return naam


def namen(ids: Sequence[str], voegwoord: str = "of") -> str:
    """ "inkomensgarantie voor ouderen (IGO) of leefloon": names of rights, in a sentence."""
    catalogus = diensten().catalogus
    delen = [naam_in_zin(r.naam if (r := catalogus.recht(i)) else i) for i in ids]
    if len(delen) <= 1:
        return "".join(delen)
    return ", ".join(delen[:-1]) + f" {voegwoord} " + delen[-1]


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


def korte_waarom(u: RechtUitkomst) -> str:
    """The first sentence of ``waarom_zin`` (the whole reason is in "meer uitleg")."""
    zin = waarom_zin(u)
    delen = zinnen(zin)
    return delen[0] if delen else zin


def waar_aanvragen(u: RechtUitkomst) -> str | None:
    """Eén zin: waar u het aanvraagt (het regelbestand, anders de productcatalogus)."""
    teksten = diensten().rechtteksten.get(u.recht.id)
    return eerste_zin((teksten.aanvragen if teksten else None) or u.recht.aanvragen)


def aanvragen(u: RechtUitkomst) -> str | None:
    """Waar u het aanvraagt; volgt het recht uit een ander recht, dan eerst dat."""
    waar = waar_aanvragen(u)
    if u.via_rechten:
        eerst = f"Vraag eerst {namen(u.via_rechten)} aan."
        return f"{eerst} {waar}" if waar else f"{eerst} Daarna volgt dit recht meestal."
    return waar


def afgerond(bedrag: float) -> float:
    """1.314,20 -> 1.300; 173,20 -> 170; 20 -> 20."""
    stap = 100 if bedrag >= 1000 else 10 if bedrag >= 100 else 1
    return float(int(bedrag / stap + 0.5) * stap)


def kort_bedrag(u: RechtUitkomst) -> str | None:
    """ "tot ongeveer € 1.800 per maand voor uw gezin": the amount rounded, without the
    remarks between brackets (the full text is in "meer uitleg"). A stale amount keeps
    its note: "Bedrag van 1 mei 2024; het kan intussen hoger zijn." """
    if u.bedrag is None or u.recht.bedrag is None:
        return None
    sjabloon = u.recht.bedrag.tekst.split(" (")[0].strip()
    rond = afgerond(u.bedrag)
    waarde = f"€ {euro(rond)}"
    if rond != u.bedrag and "ongeveer" not in sjabloon:
        waarde = f"ongeveer {waarde}"
    tekst = sjabloon.replace("€ {bedrag}", waarde).replace("{bedrag}", euro(rond)) + "."
    v = u.oud_bedrag
    if v is not None:
        tekst += f" Bedrag van {datum_tekst(v.sinds)}; {v.raad}."
    return tekst


def regel(u: RechtUitkomst, *, met_waar: bool = True) -> str:
    delen = [f"• {u.recht.naam}: {korte_waarom(u)}"]
    bedrag = kort_bedrag(u)
    if bedrag:
        delen.append(f"  Bedrag: {bedrag}")
    hoe = aanvragen(u) if met_waar else None
    if hoe:
        delen.append(f"  Aanvragen: {hoe}")
    return "\n".join(delen)


def blok(kop: str, uitkomsten: Sequence[RechtUitkomst], *, met_waar: bool = True) -> str:
    return "\n".join([kop, *(regel(u, met_waar=met_waar) for u in uitkomsten)])


def begin_hier(indeling: Indeling) -> str | None:
    """ "Begin hier: 1. Vraag eerst leefloon aan. Dan krijgt u waarschijnlijk ook: …" """
    if not indeling.begin:
        return None
    regels = ["Begin hier:"]
    for n, u in enumerate(indeling.begin, start=1):
        gevolgen = [naam_in_zin(g.recht.naam) for g in indeling.geopend[u.recht.id]]
        rest = len(gevolgen) - MAX_GEVOLGEN
        if rest > 0:
            genoemd = ", ".join(gevolgen[:MAX_GEVOLGEN]) + f" en nog {rest} ander"
            genoemd += "e" if rest > 1 else ""
        elif len(gevolgen) > 1:
            genoemd = ", ".join(gevolgen[:-1]) + " en " + gevolgen[-1]
        else:
            genoemd = gevolgen[0]
        eerst = "Vraag eerst" if n == 1 else "Vraag ook"
        regels.append(
            f"{n}. {eerst} {naam_in_zin(u.recht.naam)} aan. "
            f"Dan krijgt u waarschijnlijk ook: {genoemd}."
        )
    return "\n".join(regels)


def al_ontvangen(indeling: Indeling) -> str | None:
    if not indeling.al:
        return None
    return "\n".join([KOP_AL, *(f"• {u.recht.naam}" for u in indeling.al)])


def indeling_van(tracker: Tracker) -> Indeling:
    e = evalueer_gesprek(tracker)
    return deel_in(e.uitkomsten, profiel(tracker), diensten().vocabulaire, gekozen_rechten(tracker))


def knoppen(indeling: Indeling, *, meer: bool) -> list[dict[str, str]]:
    uit = [KNOP_MEER] if meer and indeling.heeft_meer else []
    uit += [
        {
            "title": f"Meer uitleg over {u.recht.naam}",
            "payload": f'/meer_uitleg{{"recht": "{u.recht.id}"}}',
        }
        for u in indeling.eerst_aanvragen[:3]
    ]
    uit += [
        {
            "title": f"Waarom niet {u.recht.naam}?",
            "payload": f'/waarom_niet{{"recht": "{u.recht.id}"}}',
        }
        for u in indeling.waarom_niet
    ]
    uit.append({"title": "Wat moet ik meebrengen?", "payload": "/wat_meebrengen"})
    uit.append(KNOP_DOORGEVEN)
    uit.append({"title": "Opnieuw beginnen", "payload": "/opnieuw"})
    return uit


def slot(dispatcher: CollectingDispatcher, indeling: Indeling, *, meer: bool) -> None:
    dispatcher.utter_message(
        text="Dit is een inschatting. De dienst die het recht geeft, beslist. "
        "Wat wilt u nog weten?",
        buttons=knoppen(indeling, meer=meer),
    )


def resultaat_teksten(indeling: Indeling, weet_niet: Sequence[str] = ()) -> list[str]:
    """The short result, message by message; ``weet_niet``: the questions answered with
    "weet ik niet"."""
    eerst = indeling.eerst_aanvragen
    wel = [u for u in eerst if u.status is Status.WAARSCHIJNLIJK]
    mogelijk = [u for u in eerst if u.status is Status.MOGELIJK]
    berichten = [
        al_ontvangen(indeling),
        begin_hier(indeling),
        blok(KOP_AANVRAGEN, wel) if wel else None,
        blok(KOP_MOGELIJK, mogelijk) if mogelijk else None,
        blok(KOP_VANZELF, indeling.eerst_vanzelf, met_waar=False) if indeling.vanzelf else None,
        blok(KOP_NIET, indeling.niet_gekozen, met_waar=False) if indeling.niet_gekozen else None,
    ]
    uit = [t for t in berichten if t]
    iets = indeling.aanvragen or indeling.vanzelf or indeling.misschien_vanzelf
    if not (iets or indeling.niet_gekozen):
        uit.append(
            "Met uw antwoorden vond ik geen nieuw recht dat past. Twijfelt u? "
            "Het OCMW van uw gemeente kijkt het graag samen met u na."
        )
    if weet_niet:
        uit.append(
            f"Dit weet ik nog niet: {' '.join(weet_niet)} Daardoor blijven sommige "
            "rechten nog na te gaan."
        )
    return uit


def meer_teksten(indeling: Indeling) -> list[str]:
    """What the short result left out, in the same order."""
    later = indeling.later_aanvragen
    wel = [u for u in later if u.status is Status.WAARSCHIJNLIJK]
    mogelijk = [u for u in later if u.status is Status.MOGELIJK]
    berichten = [
        blok(KOP_MEER_AANVRAGEN, wel) if wel else None,
        blok(KOP_MOGELIJK, mogelijk) if mogelijk else None,
        blok(KOP_VANZELF, indeling.later_vanzelf, met_waar=False)
        if indeling.later_vanzelf
        else None,
        blok(KOP_MISSCHIEN_VANZELF, indeling.misschien_vanzelf, met_waar=False)
        if indeling.misschien_vanzelf
        else None,
    ]
    return [t for t in berichten if t] or ["Met uw antwoorden vond ik geen andere rechten."]


class ActionToonResultaat(Action):
    def name(self) -> str:
        return "action_toon_resultaat"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        indeling = indeling_van(tracker)
        vragen = diensten().vocabulaire.attributen
        weet_niet = [vragen[a].vraag.split("?")[0] + "?" for a in onbekend(tracker) if a in vragen]
        for tekst in resultaat_teksten(indeling, weet_niet):
            dispatcher.utter_message(text=tekst)
        slot(dispatcher, indeling, meer=True)
        return tel_getoond_resultaat(tracker, indeling)


class ActionToonMeerRechten(Action):
    """ "Meer rechten": what the main list left out, in the same order."""

    def name(self) -> str:
        return "action_toon_meer_rechten"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        indeling = indeling_van(tracker)
        for tekst in meer_teksten(indeling):
            dispatcher.utter_message(text=tekst)
        slot(dispatcher, indeling, meer=False)
        return []
