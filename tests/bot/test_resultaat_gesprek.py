"""The short result in a real conversation: real Rasa server, real action server, REST.

A single mother in Gent with little income answers every question. Her result begins with
the leefloon (it opens other rights), lists at most five rights to apply for, keeps what
comes automatically apart, and shows the rest after "meer rechten" (a button, or typed).
The action server evaluates at the fixed date of botproces.PEILDATUM.
"""

from __future__ import annotations

import itertools
import re

import pytest
from botproces import BotServer, Gesprek

from actions.indeling import MAX_AANVRAGEN
from actions.resultaat import (
    KNOP_MEER,
    KOP_AANVRAGEN,
    KOP_MEER_AANVRAGEN,
    KOP_MOGELIJK,
    KOP_VANZELF,
)
from bot.vocabulary import AttribuutType, laad_vocabulaire

pytestmark = pytest.mark.bot

VOCABULAIRE = laad_vocabulaire()
VRAAG_VAN = {a.vraag: sleutel for sleutel, a in VOCABULAIRE.attributen.items()}
VRAAG_VAN |= {g.vraag: sleutel for sleutel, g in VOCABULAIRE.vraaggroepen.items()}
SLOT = "Dit is een inschatting."
"""The closing message of a result (with its buttons)."""
_teller = itertools.count()

MOEDER_IN_GENT = {
    "over_u": "34, Gent",
    "leeftijd": "34",
    "gemeente": "Gent",
    "gezin": "alleen met mijn 2 kinderen",
    "samenwonend_met_partner": "nee",
    "aantal_kinderen": "2",
    "leeftijd_jongste_kind": "6",
    "inkomen": "900 euro, werkloosheidsuitkering",
    "netto_maandinkomen_gezin": "900 euro",
    "soort_inkomen": "werkloosheidsuitkering",
    "wonen": "ik huur van een private verhuurder, met aardgas",
    "woonsituatie": "ik huur van een private verhuurder",
    "verwarming": "aardgas",
    "werksituatie": "ik zoek werk",
    "verblijfsstatus": "ik ben Belg",
    "situaties": "Geen van deze",
    "jaren_op_wachtlijst_sociale_woning": "5",
    "belastbaar_inkomen_gezin_jaar": "12000 euro",
    "nederlandstalige_school_of_opvang": "ja",
}


def antwoord(gevraagd: str) -> str:
    if gevraagd in MOEDER_IN_GENT:
        return MOEDER_IN_GENT[gevraagd]
    a = VOCABULAIRE.attributen.get(gevraagd)
    return "nee" if a is not None and a.type is AttribuutType.BOOL else "weet ik niet"


def laatste_vraag(berichten: list[dict]) -> str | None:
    for b in reversed(berichten):
        if b.get("text") in VRAAG_VAN:
            return VRAAG_VAN[b["text"]]
    return None


def tot_het_resultaat(g: Gesprek) -> list[dict]:
    """Answer every question; confirm the overview if the bot shows one. The result's
    messages (from its first block to the closing message)."""
    nieuw = g.zeg("/ontdek_rechten")
    for _ in range(len(VOCABULAIRE.attributen) + 5):
        if any((b.get("text") or "").startswith(SLOT) for b in nieuw):
            break
        gevraagd = laatste_vraag(nieuw)
        if gevraagd is not None:
            nieuw = g.zeg(antwoord(gevraagd))
        elif any("Klopt dit?" in (b.get("text") or "") for b in nieuw):
            nieuw = g.zeg("/affirm")
        else:
            nieuw = g.zeg("/toon_resultaat")
    teksten = [b.get("text") or "" for b in nieuw]
    assert any(t.startswith(SLOT) for t in teksten), g.teksten()[-4:]
    return nieuw


def namen(tekst: str) -> list[str]:
    return re.findall(r"^• ([^:\n]+):", tekst, flags=re.MULTILINE)


def blok(berichten: list[dict], kop: str) -> list[str]:
    for b in berichten:
        if (b.get("text") or "").startswith(kop):
            return namen(b["text"])
    return []


def test_kort_resultaat_in_volgorde_en_meer_rechten(bot_server: BotServer) -> None:
    g = bot_server.gesprek(f"resultaat-{next(_teller)}")
    resultaat = tot_het_resultaat(g)
    teksten = [b.get("text") or "" for b in resultaat]

    # in order: begin here, then what to apply for, then what comes automatically
    begin = next(i for i, t in enumerate(teksten) if t.startswith("Begin hier:"))
    aanvragen = next(i for i, t in enumerate(teksten) if t.startswith(KOP_AANVRAGEN))
    vanzelf = next(i for i, t in enumerate(teksten) if t.startswith(KOP_VANZELF))
    slot = next(i for i, t in enumerate(teksten) if t.startswith(SLOT))
    assert begin < aanvragen < vanzelf < slot, teksten
    assert "Vraag eerst leefloon aan." in teksten[begin]
    eerst = blok(resultaat, KOP_AANVRAGEN) + blok(resultaat, KOP_MOGELIJK)
    assert eerst[0] == "Leefloon", eerst
    # at most five to apply for, each with where to apply; the rest behind "meer"
    assert len(eerst) <= MAX_AANVRAGEN, eerst
    assert teksten[aanvragen].count("  Aanvragen: ") == len(blok(resultaat, KOP_AANVRAGEN))
    assert not set(eerst) & set(blok(resultaat, KOP_VANZELF))
    knoppen = [k for k in resultaat[slot].get("buttons") or []]
    assert KNOP_MEER in knoppen, knoppen

    meer = g.zeg(KNOP_MEER["payload"])
    later = blok(meer, KOP_MEER_AANVRAGEN) + blok(meer, KOP_MOGELIJK)
    assert later and not set(later) & set(eerst), (eerst, later)
    assert KNOP_MEER not in [k for b in meer for k in b.get("buttons") or []]

    # typed, the same list
    getypt = g.zeg("toon meer rechten")
    assert blok(getypt, KOP_MEER_AANVRAGEN) + blok(getypt, KOP_MOGELIJK) == later
