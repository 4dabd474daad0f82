"""Play a persona against the real stack and judge every turn (issue 11, "Proof").

The persona talks to the web app (``POST /api/v1/chat``), so the safety net is part of
it; after each turn we read what the bot holds from Rasa's tracker
(``GET /conversations/{id}/tracker``).

A turn is *understood* when
- the profile slots after the turn are the slots before it, changed exactly as the
  persona file says a careful human understands the message (no fact missed, no other
  fact changed), and ``onbekende_attributen`` likewise;
- the reply is not a fallback ("Sorry, dat begreep ik niet");
- the kinds of reply, phrases and safety-net messages the turn expects are there.

Judging each turn against the bot's own state before it keeps one missed fact from
counting in every later turn; the final profile is compared as a whole separately.

Between scripted turns, and after them until the result, the persona answers the bot's
questions from its ``antwoorden`` table ("weet ik niet" for a question it has no answer
for); those turns count too (category "antwoord" unless the table says otherwise).
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
from persona_laden import (
    GEVRAAGD,
    ONBEKEND_SLOT,
    Antwoord,
    Beurt,
    EenVan,
    Persona,
    Tussen,
    Verwachting,
)

from bot.vocabulary import AttribuutType, GroepSoort, Vocabulaire

TERUGVAL_TEKST = "Sorry, dat begreep ik niet"
TERUGVAL_ACTIES = frozenset({"utter_default", "utter_herformuleer", "action_default_fallback"})
SOORT_ACTIES: dict[str, str] = {
    "resultaat": "action_toon_resultaat",
    "samenvatting": "action_toon_samenvatting",
    "ocmw": "action_verwijs_naar_ocmw",
    "uitleg": "action_leg_recht_uit",
    "waarom": "action_zeg_waarom_vraag",
    "hoeveel": "action_zeg_hoeveel_vragen",
    "afscheid": "utter_tot_ziens",
    "buiten_bereik": "utter_buiten_bereik",
}
"""Kind of reply -> the action (domain.yml) that gives it."""
STACKTRACE = re.compile(r"Traceback \(most recent call last\)|File \"[^\"]+\", line \d+")
METADATA = "rechtenverkenner"
"""Our key in a bot event's metadata (``bot.chat.vangnet.METADATA``)."""
WEET_NIET = "weet ik niet"
KLOPT = "ja, dat klopt"
MAX_BEURTEN = 45
"""At most this many turns per persona (scripted and answered): a bot that keeps asking
the same thing is stopped, not followed forever."""


@dataclass
class Fout:
    soort: str
    detail: str
    attribuut: str | None = None


@dataclass
class Stap:
    """One turn as played and judged."""

    persona: str
    nummer: int
    bron: str
    categorie: str
    tekst: str
    automatisch: bool
    gevraagd: str | None
    """The question the bot had asked before this turn (attribute or group)."""
    antwoord: list[str]
    verwacht: dict[str, Any]
    gehouden: dict[str, Any]
    fouten: list[Fout] = field(default_factory=list)

    @property
    def begrepen(self) -> bool:
        return not self.fouten


@dataclass
class Uitslag:
    persona: Persona
    sessie: str
    stappen: list[Stap] = field(default_factory=list)
    overgeslagen: list[str] = field(default_factory=list)
    """Scripted turns waiting for a question the bot never asked."""
    harde_fouten: list[str] = field(default_factory=list)
    lussen: list[str] = field(default_factory=list)
    """The bot kept asking the same (the persona stopped answering it)."""
    zonder_antwoord: list[str] = field(default_factory=list)
    """Questions the persona had no answer for (it said "weet ik niet")."""
    einde_gehaald: bool | None = None
    eindprofiel_verschil: list[str] = field(default_factory=list)

    @property
    def begrepen(self) -> int:
        return sum(s.begrepen for s in self.stappen)


@dataclass
class Toestand:
    """What the tracker says after a turn."""

    slots: dict[str, Any]
    events: list[dict[str, Any]]
    actief: bool

    @classmethod
    def uit(cls, tracker: Mapping[str, Any]) -> Toestand:
        loop = tracker.get("active_loop") or {}
        return cls(
            slots=dict(tracker.get("slots") or {}),
            events=list(tracker.get("events") or []),
            actief=loop.get("name") == "profiel_form",
        )


def gelijk(verwacht: Any, gehouden: Any) -> bool:
    if isinstance(verwacht, EenVan):
        return any(gelijk(w, gehouden) for w in verwacht.waarden)
    if isinstance(verwacht, Tussen):
        return (
            isinstance(gehouden, (int, float))
            and not isinstance(gehouden, bool)
            and verwacht.van <= gehouden <= verwacht.tot
        )
    if verwacht is None or gehouden is None:
        return verwacht is None and gehouden is None
    if isinstance(verwacht, bool) or isinstance(gehouden, bool):
        return verwacht is gehouden
    if isinstance(verwacht, (int, float)) and isinstance(gehouden, (int, float)):
        return abs(float(verwacht) - float(gehouden)) < 0.005
    return verwacht == gehouden


def toon(waarde: Any) -> str:
    if isinstance(waarde, EenVan):
        return " of ".join(toon(w) for w in waarde.waarden)
    if isinstance(waarde, Tussen):
        return f"{toon(waarde.van)} tot {toon(waarde.tot)}"
    if waarde is None:
        return "-"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde)


class Speler:
    """Plays one persona over HTTP: the web app for the messages, Rasa for the tracker."""

    def __init__(
        self, api_url: str, rasa_url: str, vocabulaire: Vocabulaire, rasa_token: str
    ) -> None:
        self.api_url = api_url
        self.rasa_url = rasa_url
        self.rasa_token = rasa_token
        self.vocabulaire = vocabulaire
        self.attributen = tuple(vocabulaire.attributen)
        lijst = vocabulaire.vraaggroepen.get("situaties")
        self.leeg_is_nee = lijst.leeg_is_nee if lijst else frozenset()

    # --- reading the tracker ------------------------------------------------------------
    def profiel(self, t: Toestand) -> dict[str, Any]:
        return {a: t.slots.get(a) for a in self.attributen}

    @staticmethod
    def onbekend(t: Toestand) -> frozenset[str]:
        return frozenset(t.slots.get(ONBEKEND_SLOT) or ())

    @staticmethod
    def gevraagd(t: Toestand) -> tuple[str, tuple[str, ...]] | None:
        """The question the bot waits for: (attribute or group, asked attributes)."""
        if not t.actief:
            return None
        slot = t.slots.get("requested_slot")
        if not slot:
            return None
        groep = t.slots.get("gevraagde_groep")
        if isinstance(groep, dict) and slot in (groep.get("leden") or ()):
            return str(groep.get("groep")), tuple(groep["leden"])
        return str(slot), (str(slot),)

    def zeg(self, attribuut: str, waarde: Any, in_groep: bool) -> str:
        """How a persona says again a fact it gave before: plainly ("52", "Aalst")."""
        a = self.vocabulaire.attributen[attribuut]
        if a.type is AttribuutType.BOOL:
            if in_groep and a.opties:
                return a.opties["true" if waarde else "false"]
            return "ja" if waarde else "nee"
        if a.type is AttribuutType.ENUM and a.opties:
            return a.opties[waarde]
        if a.type is AttribuutType.EURO:
            return f"{toon(waarde)} euro"
        if attribuut == "aantal_kinderen":
            return "geen kinderen" if waarde == 0 else f"{waarde} kinderen"
        return toon(waarde)

    # --- one persona --------------------------------------------------------------------
    def speel(self, persona: Persona) -> Uitslag:
        uitslag = Uitslag(persona, f"persona-{persona.id[:40]}-{uuid.uuid4().hex[:8]}")
        with httpx.Client(timeout=60.0) as client:
            spel = _Spel(self, client, uitslag)
            with contextlib.suppress(_Stop):
                spel.speel()
        return uitslag


class _Stop(Exception):
    """A hard failure: the persona cannot go on."""


class _Spel:
    def __init__(self, speler: Speler, client: httpx.Client, uitslag: Uitslag) -> None:
        self.s = speler
        self.client = client
        self.u = uitslag
        self.toestand = Toestand({}, [], False)
        self.knoppen: list[dict[str, str]] = []
        self.laatste_acties: list[str] = []
        self.cumulatief: dict[str, Any] = {}
        self.cumulatief_onbekend: set[str] = set()
        self.keer_gevraagd: dict[str, int] = {}
        self.vorige_vraag: str | None = None
        self.alle_acties: list[str] = []

    def speel(self) -> None:
        beurten = self.u.persona.beurten
        self.toestand = self.lees_tracker()
        i = 0
        while i < len(beurten):
            if beurten[i].op_vraag is None:
                self.beurt(beurten[i])
                self.vorige_vraag = None
                i += 1
                continue
            # consecutive turns that wait for a question: each is said when the bot asks
            # it, in whatever order the bot asks; meanwhile the persona answers the rest
            j = i
            while j < len(beurten) and beurten[j].op_vraag is not None:
                j += 1
            wachtend = list(beurten[i:j])
            self.beantwoord(wachtend)
            self.u.overgeslagen += [
                f"{b.bron}: de bot vroeg nooit '{b.op_vraag}' ({b.tekst!r})" for b in wachtend
            ]
            i = j
        if self.u.persona.einde == "resultaat" and not self.resultaat_getoond():
            self.beantwoord(None)
        self.afsluiten()

    def resultaat_getoond(self) -> bool:
        return SOORT_ACTIES["resultaat"] in self.alle_acties

    def afsluiten(self) -> None:
        einde = self.u.persona.einde
        if einde is not None:
            self.u.einde_gehaald = SOORT_ACTIES[einde] in self.alle_acties
        profiel = self.s.profiel(self.toestand)
        for a in self.s.attributen:
            verwacht = self.cumulatief.get(a)
            if not gelijk(verwacht, profiel[a]):
                self.u.eindprofiel_verschil.append(
                    f"{a}: verwacht {toon(verwacht)}, gehouden {toon(profiel[a])}"
                )
        onbekend = self.s.onbekend(self.toestand)
        vrij = {a for a, w in self.cumulatief.items() if isinstance(w, EenVan)}
        if (onbekend - vrij) != (self.cumulatief_onbekend - vrij):
            self.u.eindprofiel_verschil.append(
                f"{ONBEKEND_SLOT}: verwacht {sorted(self.cumulatief_onbekend)}, "
                f"gehouden {sorted(onbekend)}"
            )

    # --- answering the bot's questions ---------------------------------------------------
    def past(self, doel: str, vraag: tuple[str, tuple[str, ...]] | None) -> bool:
        """Is ``doel`` (an attribute, a question group or "samenvatting") what the bot asks?"""
        if doel == "samenvatting":
            return SOORT_ACTIES[doel] in self.laatste_acties
        if vraag is None:
            return False
        groep = self.s.vocabulaire.vraaggroepen.get(doel)
        leden = set(groep.leden) if groep else {doel}
        return doel == vraag[0] or bool(leden & set(vraag[1]))

    def beantwoord(self, wachtend: list[Beurt] | None) -> None:
        """Answer the bot's questions: with a waiting turn when the bot asks its question
        (played turns are removed from ``wachtend``), else from the table. Until every
        waiting turn is played, or (``wachtend`` None) until the result; or until the bot
        asks nothing more."""
        while True:
            if wachtend is not None and not wachtend:
                return
            if wachtend is None and self.resultaat_getoond():
                return
            if len(self.u.stappen) >= MAX_BEURTEN:
                self.u.lussen.append(f"gestopt na {MAX_BEURTEN} beurten")
                return
            vraag = self.s.gevraagd(self.toestand)
            klaar = next((b for b in wachtend or () if self.past(b.op_vraag or "", vraag)), None)
            if klaar is not None and wachtend is not None:
                wachtend.remove(klaar)
                self.beurt(klaar)
                self.vorige_vraag = None
                continue
            if SOORT_ACTIES["samenvatting"] in self.laatste_acties and not self.toestand.actief:
                if wachtend:
                    return  # the questions they wait for will not come any more
                if not self.antwoorden("samenvatting", None):
                    return
                continue
            if vraag is None or not self.antwoorden(vraag[0], vraag):
                return

    def uit_de_tabel(self, vraag: tuple[str, tuple[str, ...]]) -> Antwoord | None:
        """The persona's answer to a question: its own answer to the question (or the
        group), else its answers to the asked attributes, and what it said before,
        together ("52, Aalst")."""
        sleutel, leden = vraag
        tabel = self.u.persona.antwoorden
        if sleutel in tabel:
            return tabel[sleutel]
        groep = self.s.vocabulaire.vraaggroepen.get(sleutel)
        if groep is not None and groep.soort is GroepSoort.AANKRUISEN:
            return None  # a checklist: its own answer, or "weet ik niet"
        teksten: list[str] = []
        slots: dict[str, Any] = {}
        onbekend: list[str] = []
        categorie = "antwoord"
        for a in leden:
            if a in tabel:
                teksten.append(tabel[a].zeg[0])
                slots |= dict(tabel[a].verwachting.slots)
                onbekend += tabel[a].verwachting.onbekend
                categorie = tabel[a].categorie
            elif (gezegd := self.eerder_gezegd(a)) is not None:
                teksten.append(self.s.zeg(a, gezegd, in_groep=groep is not None))
                slots[a] = gezegd
        if not teksten:
            return None
        if len(teksten) > 1:
            categorie = "antwoord"
        return Antwoord("", (", ".join(teksten),), Verwachting(slots, tuple(onbekend)), categorie)

    def eerder_gezegd(self, attribuut: str) -> Any:
        """What the persona already said about ``attribuut`` (None: nothing certain)."""
        waarde = self.cumulatief.get(attribuut)
        if isinstance(waarde, EenVan):
            waarde = next(
                (w for w in waarde.waarden if w is not None and not isinstance(w, Tussen)), None
            )
        return None if isinstance(waarde, Tussen) else waarde

    def antwoorden(self, sleutel: str, vraag: tuple[str, tuple[str, ...]] | None) -> bool:
        # how often in a row the bot asked this: then the persona says it otherwise
        keer = self.keer_gevraagd.get(sleutel, 0) if self.vorige_vraag == sleutel else 0
        self.keer_gevraagd[sleutel] = keer + 1
        self.vorige_vraag = sleutel
        if sleutel == "samenvatting":
            if keer >= 2:
                self.u.lussen.append("het overzicht komt steeds terug")
                return False
            antwoord = self.u.persona.antwoorden.get("samenvatting") or Antwoord(
                "", (KLOPT,), Verwachting(), "antwoord"
            )
            tekst = antwoord.zeg[min(keer, len(antwoord.zeg) - 1)]
            beurt = Beurt(
                bron=f"{self.u.persona.bestand}, persona {self.u.persona.id}, overzicht",
                categorie=antwoord.categorie,
                zeg=tekst,
                verwachting=antwoord.verwachting,
                antwoord=("resultaat",) if tekst == KLOPT else (),
            )
            self.beurt(beurt, automatisch=True)
            return True
        assert vraag is not None
        antwoord = self.uit_de_tabel(vraag)
        if antwoord is None:
            if sleutel not in self.u.zonder_antwoord:
                self.u.zonder_antwoord.append(sleutel)
            antwoord = Antwoord("", (), Verwachting(onbekend=(GEVRAAGD,)), "antwoord")
        if keer < len(antwoord.zeg):
            tekst, verwachting = antwoord.zeg[keer], antwoord.verwachting
        elif keer == len(antwoord.zeg):
            tekst, verwachting = WEET_NIET, Verwachting(onbekend=(GEVRAAGD,))
        else:
            self.u.lussen.append(f"de bot blijft vragen naar '{sleutel}', na {keer} antwoorden")
            return False
        knop = antwoord.knop and tekst != WEET_NIET
        beurt = Beurt(
            bron=f"{self.u.persona.bestand}, persona {self.u.persona.id}, antwoorden.{sleutel}",
            categorie=antwoord.categorie if tekst != WEET_NIET else "antwoord",
            zeg=None if knop else tekst,
            knop=tekst if knop else None,
            verwachting=verwachting,
        )
        self.beurt(beurt, automatisch=True)
        return True

    # --- one turn ------------------------------------------------------------------------
    def lees_tracker(self) -> Toestand:
        try:
            r = self.client.get(
                f"{self.s.rasa_url}/conversations/{self.u.sessie}/tracker",
                params={"include_events": "ALL", "token": self.s.rasa_token},
            )
        except httpx.HTTPError as fout:
            self.u.harde_fouten.append(f"tracker niet leesbaar: {fout!r}")
            raise _Stop from fout
        if r.status_code != 200:
            self.u.harde_fouten.append(f"tracker: HTTP {r.status_code}")
            raise _Stop
        return Toestand.uit(r.json())

    def stuur(self, tekst: str) -> list[dict[str, Any]]:
        try:
            r = self.client.post(
                f"{self.s.api_url}/api/v1/chat", json={"sessie": self.u.sessie, "bericht": tekst}
            )
        except httpx.HTTPError as fout:
            self.u.harde_fouten.append(f"{tekst!r}: {fout!r}")
            raise _Stop from fout
        if r.status_code != 200:
            self.u.harde_fouten.append(f"{tekst!r}: HTTP {r.status_code} {r.text[:300]}")
            raise _Stop
        return list(r.json().get("berichten") or [])

    def beurt(self, beurt: Beurt, automatisch: bool = False) -> None:
        nummer = len(self.u.stappen) + 1
        voor = self.toestand
        vraag = self.s.gevraagd(voor)
        fouten: list[Fout] = []
        tekst = beurt.zeg
        if beurt.knop is not None:
            gevonden = [k for k in self.knoppen if _zelfde(k.get("titel", ""), beurt.knop)]
            if gevonden:
                tekst = gevonden[0]["payload"]
            else:
                titels = ", ".join(repr(k.get("titel")) for k in self.knoppen) or "geen"
                fouten.append(
                    Fout("knop ontbreekt", f"knop {beurt.knop!r} niet getoond ({titels})")
                )
                tekst = beurt.knop  # then the person types it
        assert tekst is not None
        berichten = self.stuur(tekst)
        na = self.lees_tracker()
        nieuw = na.events[len(voor.events) :]
        acties = [e.get("name", "") for e in nieuw if e.get("event") == "action"]
        vangnet = sorted(
            {
                str(k)
                for e in nieuw
                if e.get("event") == "bot"
                for k in ((e.get("metadata") or {}).get(METADATA) or {}).get("vangnet") or ()
            }
        )
        teksten = [str(b.get("tekst") or "") for b in berichten]
        self.knoppen = [k for b in berichten for k in (b.get("knoppen") or [])]
        self.laatste_acties = acties
        self.alle_acties += acties
        self.toestand = na

        # hard failures: the conversation cannot be trusted any more
        alles = "\n".join(teksten)
        if STACKTRACE.search(alles):
            self.u.harde_fouten.append(f"{beurt.bron}: stacktrace in het antwoord: {alles[:300]}")
        gebruikers = sum(e.get("event") == "user" for e in nieuw)
        if len(na.events) < len(voor.events):
            self.u.harde_fouten.append(f"{beurt.bron}: gesprek kwijt (tracker korter)")
        elif gebruikers == 0 and "privacy" not in vangnet:
            self.u.harde_fouten.append(f"{beurt.bron}: het bericht kwam niet bij de bot aan")

        verwacht, gehouden = self.vergelijk(beurt.verwachting, voor, na, vraag, fouten)
        self.bijwerken_cumulatief(beurt.verwachting, vraag)
        if not teksten:
            fouten.append(Fout("geen antwoord", "de bot zei niets"))
        if any(t.startswith(TERUGVAL_TEKST) for t in teksten) or TERUGVAL_ACTIES & set(acties):
            fouten.append(Fout("terugval (niet begrepen)", "het antwoord is een terugval"))
        for soort in beurt.antwoord:
            if soort == "vraag":
                if self.s.gevraagd(na) is None:
                    fouten.append(Fout("antwoord ontbreekt", "de bot stelt geen vraag meer"))
            elif SOORT_ACTIES[soort] not in acties:
                fouten.append(Fout("antwoord ontbreekt", f"geen {soort} ({SOORT_ACTIES[soort]})"))
        laag = alles.casefold()
        for zin in beurt.bevat:
            if zin.casefold() not in laag:
                fouten.append(Fout("tekst ontbreekt", f"het antwoord zegt niet {zin!r}"))
        for zin in beurt.bevat_niet:
            if zin.casefold() in laag:
                fouten.append(Fout("ongewenste tekst", f"het antwoord zegt {zin!r}"))
        if sorted(set(beurt.vangnet)) != vangnet:
            fouten.append(
                Fout("vangnet", f"vangnet verwacht {sorted(set(beurt.vangnet))}, kreeg {vangnet}")
            )
        for slot, waarde in beurt.gesprek.items():
            if not gelijk(waarde, na.slots.get(slot)):
                fouten.append(
                    Fout(
                        "gesprek",
                        f"{slot}: verwacht {toon(waarde)}, gehouden {toon(na.slots.get(slot))}",
                    )
                )
        self.u.stappen.append(
            Stap(
                persona=self.u.persona.id,
                nummer=nummer,
                bron=beurt.bron,
                categorie=beurt.categorie,
                tekst=beurt.tekst if beurt.knop is None else f"[knop] {beurt.knop}",
                automatisch=automatisch,
                gevraagd=vraag[0] if vraag else None,
                antwoord=teksten,
                verwacht=verwacht,
                gehouden=gehouden,
                fouten=fouten,
            )
        )
        if self.u.harde_fouten:
            raise _Stop

    # --- the expectation -----------------------------------------------------------------
    def doelslots(
        self, verwachting: Verwachting, vraag: tuple[str, tuple[str, ...]] | None
    ) -> tuple[dict[str, Any], set[str]]:
        """The slots this message sets, and the attributes it makes 'weet ik niet'."""
        slots = dict(verwachting.slots)
        gevraagde_leden = vraag[1] if vraag else ()
        if verwachting.aangekruist is not None:
            for a in verwachting.aangekruist:
                slots.setdefault(a, True)
        weet_niet: set[str] = set()
        if verwachting.aangekruist is not None and vraag and vraag[0] == "situaties":
            # as the vocabulary defines the checklist: what is not ticked is "nee" for
            # the members with leeg_is_nee, and unknown (not asked again) for the others
            for a in gevraagde_leden:
                if a in verwachting.aangekruist or a in slots:
                    continue
                if a in self.s.leeg_is_nee:
                    slots[a] = False
                else:
                    weet_niet.add(a)
        for a in verwachting.onbekend:
            weet_niet |= set(gevraagde_leden) if a == GEVRAAGD else {a}
        return slots, weet_niet

    def bijwerken_cumulatief(
        self, verwachting: Verwachting, vraag: tuple[str, tuple[str, ...]] | None
    ) -> None:
        slots, weet_niet = self.doelslots(verwachting, vraag)
        self.cumulatief.update(slots)
        self.cumulatief_onbekend |= weet_niet
        self.cumulatief_onbekend -= {a for a, w in slots.items() if w is not None}

    def vergelijk(
        self,
        verwachting: Verwachting,
        voor: Toestand,
        na: Toestand,
        vraag: tuple[str, tuple[str, ...]] | None,
        fouten: list[Fout],
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Compare the slots after the turn with the slots before it plus what the message
        says; add the differences to ``fouten``. Returns (expected, held) of the attributes
        that differ or that the message names."""
        slots, weet_niet = self.doelslots(verwachting, vraag)
        p_voor, p_na = self.s.profiel(voor), self.s.profiel(na)
        verwacht_toon: dict[str, Any] = {}
        gehouden_toon: dict[str, Any] = {}
        for a in self.s.attributen:
            doel = slots[a] if a in slots else p_voor[a]
            if a in slots:
                verwacht_toon[a], gehouden_toon[a] = doel, p_na[a]
            if gelijk(doel, p_na[a]):
                continue
            verwacht_toon[a], gehouden_toon[a] = doel, p_na[a]
            if a not in slots:
                soort = "feit kwijt" if p_na[a] is None else "ongevraagd feit"
                fouten.append(Fout(soort, f"{a}: was {toon(p_voor[a])}, nu {toon(p_na[a])}", a))
            elif gelijk(p_voor[a], p_na[a]):
                fouten.append(
                    Fout("feit gemist", f"{a}: verwacht {toon(doel)}, bleef {toon(p_na[a])}", a)
                )
            else:
                fouten.append(
                    Fout(
                        "verkeerde waarde",
                        f"{a}: verwacht {toon(doel)}, gehouden {toon(p_na[a])}",
                        a,
                    )
                )
        o_voor, o_na = self.s.onbekend(voor), self.s.onbekend(na)
        doel_onbekend = (set(o_voor) | weet_niet) - {
            a for a, w in slots.items() if w is not None and not isinstance(w, EenVan)
        }
        vrij = {a for a, w in slots.items() if isinstance(w, EenVan)}
        if (doel_onbekend - vrij) != (set(o_na) - vrij):
            te_veel = sorted(set(o_na) - doel_onbekend - vrij)
            te_weinig = sorted(doel_onbekend - set(o_na) - vrij)
            fouten.append(
                Fout(
                    "weet-niet verkeerd",
                    f"{ONBEKEND_SLOT}: onterecht {te_veel}, ontbreekt {te_weinig}",
                    ONBEKEND_SLOT,
                )
            )
            verwacht_toon[ONBEKEND_SLOT] = sorted(doel_onbekend)
            gehouden_toon[ONBEKEND_SLOT] = sorted(o_na)
        return verwacht_toon, gehouden_toon


def _zelfde(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def speel_alle(speler: Speler, personas: Sequence[Persona], werkers: int) -> dict[str, Uitslag]:
    """Every persona, ``werkers`` at a time (each its own conversation)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=werkers) as pool:
        uitslagen = list(pool.map(speler.speel, personas))
    return {u.persona.id: u for u in uitslagen}
