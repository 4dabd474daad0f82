"""Getallen en bedragen uit een chatbericht lezen, zonder de taalclassifier.

Alle lezers zijn zuiver: tekst erin, een waarde of ``None`` eruit. ``None`` betekent:
geen getal gevonden, of niet duidelijk welk getal bedoeld is (de bot vraagt dan opnieuw).
Het bereik (leeftijd 0-120 enz.) controleren de lezers niet: dat doet
``Vocabulaire.valideer_profiel`` met een Nederlandse melding.

Zo lezen we:

1. Tekst gelijkmaken (:func:`actions.normaliseren.tekst.normaliseer`): "'k ben" -> "ik ben".
2. Getallen in woorden naar cijfers met text2num (``alpha2digit``, taal "nl"):
   "vijfenzestig" -> 65, "drieënveertig" -> 43, "duizend tweehonderd" -> 1200. Vooraf
   vullen we aan wat text2num niet kent: "tweeentwintig" zonder trema, "vijf-en-zestig",
   "anderhalf", "eentje", "1,2 duizend". Het lidwoord "een" blijft een woord
   ("een student"), behalve voor een telwoord ("een kind", "een jaar"), voor "en"
   ("een en drie"), voor een leesteken of op het einde ("ik heb er een").
3. Cijfers in Belgische schrijfwijze lezen (:func:`ontleed_getal`): "1.250,50",
   "1.250", "1250,5", "1 450", "1,2k", "1250,-".
4. De rol van elk getal bepalen uit de woorden rond het getal: "34 jaar", "ik ben 34",
   "twee kinderen", "kinderen van 5 en 7 jaar", "1400 euro", "2000 per maand".

Negatieve getallen ("-200", "min 5") worden nooit gelezen: de lezers geven dan
``None``; :func:`is_negatief_bedrag` zegt of dat de reden was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, cast

from text_to_num import alpha2digit

from actions.normaliseren.tekst import normaliseer, zonder_accenten
from bot.notatie import MAANDEN

Periode = Literal["maand", "jaar", "week"]
Soort = Literal["bruto", "netto"]

# -- woordenlijsten ------------------------------------------------------------------------


def _set(woorden: str) -> frozenset[str]:
    return frozenset(woorden.split())


_JAAR = _set("jaar jaren jaartjes jaartje jr j jarig jarige")
_MAAND = _set("maand maanden maandjes maandje mnd")
_WEEK = _set("week weken weekjes weekje")
_DAG = _set("dag dagen dagjes")
_KIND_ALGEMEEN = _set(
    "kind kinderen kindje kindjes kinders kinder kids kid baby babys baby's pleegkind "
    "pleegkinderen pleegkindje zorgkind zorgkinderen mannekes manneke kleintjes tieners tiener "
    "kindeke kindekes"
)
_KIND_ZOON_DOCHTER = _set(
    "zoon zonen zoons zoontje zoontjes dochter dochters dochtertje dochtertjes jongen "
    "jongens meisje meisjes zoonke zoonken dochterke dochterken dochterkes meiske meisken "
    "meiskes"
)
"""With the Flemish diminutives: "ons dochterke", "mijn zoonke", "twee meiskes"."""
_KIND = _KIND_ALGEMEEN | _KIND_ZOON_DOCHTER
KIND_WOORDEN = _set("kinderen kindjes kinders kinder kids babys pleegkinderen zorgkinderen") | _set(
    "mannekes kleintjes tieners"
)
"""Plural words for children: "ons twee mannekes" says how many (one "zoon" does not)."""
KIND_PERSONEN = _KIND | _set("jongste oudste")
"""Every word for a child of the household ("mijn zoontje", "de jongste", "kinderen")."""
_KIND_ENKELVOUD = _set(
    "kind kindje baby pleegkind pleegkindje zorgkind zoon zoontje dochter dochtertje "
    "kindeke zoonke zoonken dochterke dochterken"
)
_KIND_BIJVOEGLIJK = _set(
    "kleine jonge minderjarige meerderjarige eigen thuiswonende inwonende schoolgaande "
    "studerende volwassen volwassene oudere jongere lieve mooie andere gezonde"
)
_KLEINE = _set("kleine kleinen")
_NA_KLEINE = _set(", . ; ! ? en in op te bij thuis van die met maar want")
"""After "twee kleine" these words say "kleine" is the noun (children), not an adjective."""
_ANDERE_EENHEID = _set(
    "keer maal uur uren minuten procent % km kg cm m meter kilo stuks personen mensen "
    "huizen kamers verdiepingen studenten student medestudenten kotgenoten huisgenoten "
    "medebewoners bewoners vrienden vriendinnen vriend vriendin broers zussen broer zus "
    "ouders kleinkinderen honden hond katten kat dieren wagens autos jobs lonen pensioenen "
    "uitkeringen inkomens generaties"
)
"""Nouns a number can belong to that are not children, years or euros: "met 4 andere
studenten" says nothing about children."""
_EURO = _set("€ euro euros eur euro's")
_INKOMENSWOORDEN = _set(
    "verdien verdienen verdient inkomen inkomsten loon lonen wedde salaris uitkering "
    "leefloon pensioen netto bruto maandloon maandinkomen gezinsinkomen werkloosheid "
    "werkloosheidsuitkering invaliditeitsuitkering ziekteuitkering"
)
_KOSTENWOORDEN = _set(
    "huur betaal betalen kost kosten schuld schulden factuur rekening lening afbetaling "
    "afbetalen spaargeld gespaard"
)
_BEDRAGWOORDEN = _INKOMENSWOORDEN | _KOSTENWOORDEN | {"ontvang", "ontvangen", "krijg", "bedrag"}
_NUL_WOORDEN = _set("niets niks nul")
_GELDWOORDEN = _set("inkomen inkomsten geld loon uitkering euro cent centen frank")
_GEEN_WOORDEN = _set("geen niemand gene genen")
_GEEN_NIET_TELLEN = _set("idee flauw gedacht benul zicht probleem")
_DUUR_VOOR = _set("al reeds sinds sedert voor na over binnen")
_NA_JAAR_LEEFTIJD = _set("oud jong en maar want dus geworden ik met woon &")
_NA_MET_DUUR = _set("pensioen verlof ziekteverlof loopbaanonderbreking brugpensioen werk")
_LEEFTIJD_OPVULLING = _set(
    "nu pas bijna al reeds ongeveer rond zowat net intussen inmiddels een circa ca nog"
)
_KIND_OPVULLING = _set("is zijn wordt worden werd heeft nu pas net bijna nog maar ongeveer :")
"""Woorden tussen een kind en zijn leeftijd: "mijn zoon is pas 5", "de jongste: 3"."""
_LEESTEKEN = frozenset(",.;:!?")
_STREEP = _set("- − –")

_TIENTALLEN = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
_EENHEDEN = "een|één|twee|drie|vier|vijf|zes|zeven|acht|negen"
_EEN_IS_GETAL_VOOR = _KIND_ENKELVOUD | _set(
    "jaar jaartje maand maandje week weekje dag euro honderd duizend miljoen keer en of"
)

# -- stap 2: woorden naar cijfers ----------------------------------------------------------

_HAAKJE_EEN = "xeenx"


def _een_als_woord(tekst: str) -> str:
    """Vervang het lidwoord "een" door een merkteken dat text2num laat staan."""
    uit: list[str] = []
    stukken = re.split(r"(\been\b)", tekst)
    for i, stuk in enumerate(stukken):
        if stuk != "een":
            uit.append(stuk)
            continue
        rest = "".join(stukken[i + 1 :]).lstrip()
        volgend = re.match(r"[^\W\d_]+|\d|[^\s]", rest)
        if volgend is None or volgend.group() in _LEESTEKEN:
            uit.append("een")  # op het einde of voor een leesteken: "ik heb er een"
        elif volgend.group() in _EEN_IS_GETAL_VOOR:
            uit.append("een")
        else:
            uit.append(_HAAKJE_EEN)
    return "".join(uit)


_VOORBEREIDING: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), v)
    for p, v in (
        (r"\banderhal(?:f|ve)\b", "1,5"),
        (r"\beentje\b", "1"),
        (r"\b(?:eén|éen)\b", "één"),  # "Eén" met hoofdletter
        (r"\bgeen enkel(e)?\b", "geen"),
        # "1,2 duizend" -> "1,2k"; text2num zou er "1,2 1000" van maken.
        (r"(\d+(?:[.,]\d+)?)\s*duizend\b", r"\1k"),
    )
)
_EEN_EN_TIENTAL = re.compile(rf"\b({_EENHEDEN})[-\s]?(?:en|ën)[-\s]?({_TIENTALLEN})\b")


def _samenvoegen(m: re.Match[str]) -> str:
    eenheid, tiental = m.group(1), m.group(2)
    return f"{eenheid}{'ën' if eenheid in ('twee', 'drie') else 'en'}{tiental}"


def naar_cijfers(tekst: str) -> str:
    """Gelijkgemaakte tekst met alle getallen in cijfers (text2num, taal "nl")."""
    schoon = normaliseer(tekst)
    for patroon, vervanging in _VOORBEREIDING:
        schoon = patroon.sub(vervanging, schoon)
    schoon = _EEN_EN_TIENTAL.sub(_samenvoegen, schoon)
    schoon = _een_als_woord(schoon)
    schoon = alpha2digit(schoon, "nl", threshold=0)
    schoon = _ONGEVEER_DUUR.sub(r"\2 \1", schoon)
    return schoon.replace(_HAAKJE_EEN, "een")


_ONGEVEER_DUUR = re.compile(r"\b(?:een|1)\s+(jaar|maand|week|dag)\s+of\s+(\d{1,2})\b(?!\s*[.,]?\d)")
"""Flemish for "about": "een jaar of zes" is about 6 years, "een maand of drie" 3 months."""


# -- stap 3: Belgische schrijfwijze ----------------------------------------------------------


def ontleed_getal(tekst: str) -> float | None:
    """Eén getal in cijfers, Belgisch of Engels geschreven; ``None`` als het niet klopt.

    - Punt en komma samen: het laatste teken is de decimale komma ("1.250,50" en
      "1,250.50" -> 1250.5); de groepen ervoor hebben 3 cijfers.
    - Eén soort teken, meer dan eens: duizendtallen ("1.250.000").
    - Eén teken, één keer: gevolgd door precies 3 cijfers is het een duizendtal
      ("1.250" en "1,250" -> 1250; een bedrag in euro heeft nooit 3 decimalen), tenzij
      ervoor een 0 staat ("0,250"); anders is het de decimale komma ("1250,5", "34.5").
    - Spaties tussen groepen van 3 cijfers: duizendtallen ("1 450").
    """
    schoon = tekst.strip()
    if not re.fullmatch(r"\d+(?:[ .,]\d+)*", schoon):
        return None
    if " " in schoon:
        groepen = schoon.split(" ")
        laatste, decimaal = groepen[-1], ""
        if "," in laatste or "." in laatste:
            laatste, decimaal = re.split(r"[.,]", laatste, maxsplit=1)
            if "," in decimaal or "." in decimaal:
                return None
        groepen[-1] = laatste
        if len(groepen[0]) > 3 or any(len(g) != 3 for g in groepen[1:]):
            return None
        return float("".join(groepen) + ("." + decimaal if decimaal else ""))
    tekens = [c for c in schoon if c in ".,"]
    if not tekens:
        return float(schoon)
    delen = re.split(r"[.,]", schoon)
    if len(set(tekens)) == 2:
        decimaal_teken = tekens[-1]
        if tekens.count(decimaal_teken) != 1:
            return None
        geheel, decimaal = delen[:-1], delen[-1]
        if len(geheel[0]) > 3 or any(len(g) != 3 for g in geheel[1:]):
            return None
        return float("".join(geheel) + "." + decimaal)
    if len(tekens) > 1:
        if len(delen[0]) > 3 or any(len(g) != 3 for g in delen[1:]):
            return None
        return float("".join(delen))
    geheel, decimaal = delen
    if len(decimaal) == 3 and geheel.lstrip("0"):
        return float(geheel + decimaal)
    return float(geheel + "." + decimaal)


# -- stap 4: woorden en getallen met hun rol ----------------------------------------------------


@dataclass(frozen=True)
class _Stuk:
    soort: Literal["getal", "woord", "teken"]
    tekst: str
    begin: int
    einde: int
    waarde: float | None = None


_STUK_SPATIES = re.compile(
    r"(?P<getal>\d{1,3}(?: \d{3})+(?:,\d{1,2})?(?![\d.,]\d)|\d+(?:[.,]\d+)*)"
    r"|(?P<woord>[^\W\d_]+(?:'s)?)|(?P<teken>[€%,.;:!?/&\-−–])"
)
_STUK = re.compile(
    r"(?P<getal>\d+(?:[.,]\d+)*)|(?P<woord>[^\W\d_]+(?:'s)?)|(?P<teken>[€%,.;:!?/&\-−–])"
)


def _knip(tekst: str, spatiegroepen: bool) -> list[_Stuk]:
    stukken = []
    patroon = _STUK_SPATIES if spatiegroepen else _STUK
    for m in patroon.finditer(tekst):
        soort = cast(Literal["getal", "woord", "teken"], m.lastgroup)
        waarde = ontleed_getal(m.group()) if soort == "getal" else None
        woord = zonder_accenten(m.group()) if soort == "woord" else m.group()
        stukken.append(_Stuk(soort, woord, m.start(), m.end(), waarde))
    return stukken


Eenheid = Literal["jaar", "maand", "week", "dag", "kind", "zoon_dochter", "ander", "euro"]


@dataclass
class _Getal:
    """Een getal in de tekst met wat de woorden eromheen erover zeggen."""

    index: int
    waarde: float
    negatief: bool = False
    rangtelwoord: bool = False
    euro: bool = False
    """Staat er euro of € bij, een "k" ("1,2k") of ",-"."""
    bedrag: bool = False
    """Het is een bedrag: euro, of woorden als "verdien", "huur", "per maand" staan erbij."""
    inkomen: bool = False
    """Woorden over inkomen ("verdien", "loon", "netto") staan erbij, geen over kosten."""
    eenheid: Eenheid | None = None
    kind_leeftijd: bool = False
    """Leeftijd van een kind: "kinderen van 5 en 7 jaar", "mijn jongste is 3"."""
    eigen_leeftijd: bool = False
    """Leeftijd van de persoon zelf: "ik ben 34", "mijn leeftijd is 34", "34 jaar oud"."""
    jongste: bool = False
    einde: int = 0
    """Index van het eerste stuk na het getal en zijn achtervoegsels."""


@dataclass
class _Lezing:
    stukken: list[_Stuk]
    getallen: list[_Getal]

    def woord(self, i: int) -> str | None:
        if 0 <= i < len(self.stukken):
            return self.stukken[i].tekst
        return None

    def woorden(self) -> list[str]:
        return [s.tekst for s in self.stukken]

    def bevat(self, woorden: frozenset[str]) -> bool:
        return any(s.tekst in woorden for s in self.stukken)


def _lees(tekst: str, spatiegroepen: bool = False) -> _Lezing:
    stukken = _knip(naar_cijfers(tekst), spatiegroepen)
    getallen: list[_Getal] = []
    for i, stuk in enumerate(stukken):
        if stuk.soort != "getal" or stuk.waarde is None:
            continue
        getallen.append(_duid(stukken, i, stuk.waarde))
    lezing = _Lezing(stukken, getallen)
    _opsommingen(lezing)
    _kindleeftijden(lezing)
    _eigen_leeftijd(lezing)
    return lezing


def _duid(stukken: Sequence[_Stuk], i: int, waarde: float) -> _Getal:
    g = _Getal(index=i, waarde=waarde)

    def tekst(j: int) -> str | None:
        return stukken[j].tekst if 0 <= j < len(stukken) else None

    j = i + 1
    if tekst(j) in ("e", "ste", "de") and stukken[j].begin == stukken[i].einde:
        g.rangtelwoord = True
    if tekst(j) == "k":
        g.waarde, g.euro, j = waarde * 1000, True, j + 1
    elif tekst(j) == "," and tekst(j + 1) in _STREEP and stukken[j].begin == stukken[i].einde:
        g.euro, j = True, j + 2
        if tekst(j) in _STREEP:
            j += 1
    if tekst(j) in _EURO:
        g.euro, j = True, j + 1
    g.einde = j
    # Wat ervoor staat: €, een minteken, "min".
    k = i - 1
    if tekst(k) in _EURO:
        g.euro, k = True, k - 1
    if (
        tekst(k) in _STREEP
        and stukken[k].einde == stukken[k + 1].begin
        and (k == 0 or stukken[k - 1].soort != "getal")
    ):
        g.negatief, k = True, k - 1
    elif tekst(k) == "min":
        g.negatief = True
    if not g.negatief and tekst(k) in _EURO:  # "-€200" en "€-200"
        g.euro = True
    # Wat erna staat: een eenheid, eventueel na een paar bijvoeglijke naamwoorden.
    volgend = tekst(j)
    if volgend in _JAAR:
        g.eenheid = "jaar"
    elif volgend in _MAAND:
        g.eenheid = "maand"
    elif volgend in _WEEK:
        g.eenheid = "week"
    elif volgend in _DAG:
        g.eenheid = "dag"
    elif volgend in _ANDERE_EENHEID:
        g.eenheid = "ander"
    else:
        n = j
        while tekst(n) in _KIND_BIJVOEGLIJK and n < j + 2:
            n += 1
        if tekst(n) in _KIND_ALGEMEEN or (
            tekst(n - 1) in _KLEINE and n > j and (tekst(n) is None or tekst(n) in _NA_KLEINE)
        ):  # "ons twee kleine": Flemish for two small children
            g.eenheid = "kind"
        elif tekst(n) in _KIND_ZOON_DOCHTER:
            g.eenheid = "zoon_dochter"
        elif tekst(n) in _ANDERE_EENHEID:  # "4 andere studenten"
            g.eenheid = "ander"
    if g.euro and g.eenheid is None:
        g.eenheid = "euro"
    # Bedrag: "ik verdien 1400", "loon van 1400", "2000 per maand", "1400 netto", "huur 600".
    if g.eenheid not in (None, "euro"):
        return g
    rond = {tekst(x) for x in range(max(0, i - 3), i)} | {tekst(j), tekst(j + 1)}
    per_periode = tekst(j) in ("per", "/", "elke", "iedere") and tekst(j + 1) in (
        _MAAND | _JAAR | _WEEK
    )
    g.bedrag = g.euro or per_periode or bool(rond & _BEDRAGWOORDEN)
    # Inkomen of kosten: het dichtste woord beslist ("ik betaal 600 huur en verdien 1400").
    for x in (i - 1, j, i - 2, j + 1, i - 3):
        if x < 0:
            continue
        if tekst(x) in _INKOMENSWOORDEN:
            g.inkomen = True
            break
        if tekst(x) in _KOSTENWOORDEN:
            break
    return g


_LEEFTIJD_EENHEDEN = (None, "jaar", "maand", "week", "dag")


def _opsommingen(lezing: _Lezing) -> None:
    """Getallen in een opsomming delen de eenheid van het laatste: "5 en 7 jaar", "1200 of
    1300 euro", "1200-1400 euro". Van rechts naar links, zodat "4, 7 en 9 jaar" ook werkt."""
    per_index = {g.index: g for g in lezing.getallen}
    for g in reversed(lezing.getallen):
        if g.eenheid is not None:
            continue
        scheiding = lezing.woord(g.einde)
        volgend = per_index.get(g.einde + 1)
        if volgend is None or scheiding not in (",", "en", "&", "of", "a", "tot", *_STREEP):
            continue
        if volgend.eenheid in ("jaar", "maand", "week", "dag"):
            g.eenheid = volgend.eenheid
        elif volgend.bedrag:
            g.eenheid = volgend.eenheid
            g.euro, g.bedrag, g.inkomen = volgend.euro, True, volgend.inkomen


def _kindleeftijden(lezing: _Lezing) -> None:
    """Leeftijden van kinderen: "2 kinderen van 5 en 7", "mijn zoon is 5", "mijn kinderen
    zijn 5 en 7", en die van het jongste: "mijn jongste is 3", "jongste kind: 6 maanden"."""
    per_index = {g.index: g for g in lezing.getallen}
    for g in lezing.getallen:
        if g.bedrag or g.eenheid not in _LEEFTIJD_EENHEDEN:
            continue
        k = g.index - 1
        if lezing.woord(k) == "van" and lezing.woord(k - 1) in _KIND:
            g.kind_leeftijd = True
        else:
            stappen = 0
            while lezing.woord(k) in _KIND_OPVULLING and stappen < 3:
                k, stappen = k - 1, stappen + 1
            if lezing.woord(k) in _KIND:
                g.kind_leeftijd = True
                k -= 1
            if lezing.woord(k) == "jongste":
                g.jongste = g.kind_leeftijd = True
        # Wie na een kinderleeftijd in de opsomming staat, is ook een kinderleeftijd.
        vorig = per_index.get(g.index - 2)
        if (
            vorig is not None
            and vorig.kind_leeftijd
            and lezing.woord(g.index - 1)
            in (
                ",",
                "en",
                "&",
            )
        ):
            g.kind_leeftijd = True


def _in_jaren(g: _Getal) -> float:
    return 0.0 if g.eenheid in ("maand", "week", "dag") else g.waarde


def _enig(waarden: Sequence[float]) -> float | None:
    verschillend = set(waarden)
    return verschillend.pop() if len(verschillend) == 1 else None


def _geheel(waarde: float | None) -> int | None:
    if waarde is None or not float(waarde).is_integer():
        return None
    return int(waarde)


def _bruikbaar(g: _Getal) -> bool:
    return not g.rangtelwoord and not g.negatief


def _zegt_geen(lezing: _Lezing, *, nee_telt: bool = False) -> bool:
    """ "geen", "niemand" (niet in "geen idee" en dergelijke); met ``nee_telt`` ook "nee"."""
    woorden = lezing.woorden()
    for i, w in enumerate(woorden):
        if w in _GEEN_WOORDEN:
            volgend = woorden[i + 1] if i + 1 < len(woorden) else None
            if volgend not in _GEEN_NIET_TELLEN:
                return True
        if nee_telt and w in ("nee", "neen"):
            return True
    return False


# -- publieke lezers -----------------------------------------------------------------------


def getalwoorden() -> frozenset[str]:
    """The nouns and words this reader binds numbers to ("kinderen", "maanden", "euro")."""
    return (
        frozenset(
            w
            for groep in (_JAAR, _MAAND, _WEEK, _DAG, _KIND, _ANDERE_EENHEID, _EURO)
            for w in groep
        )
        | _BEDRAGWOORDEN
        | _GELDWOORDEN
    )


def lees_getal(tekst: str) -> int | None:
    """Het ene gehele getal in het bericht: "34", "ik ben 34", "vijfenzestig", "twee
    kindjes" -> 2, "een kind" -> 1, "geen kinderen" -> 0, "'k ben 43" -> 43.

    ``None`` als er geen getal is, als er verschillende getallen staan ("tussen 30 en
    40"), als het getal negatief is of geen geheel getal ("2,5").
    """
    lezing = _lees(tekst)
    if any(g.negatief for g in lezing.getallen):
        return None
    # a number that belongs to another noun ("4 studenten", "3 uur") answers nothing here
    waarden = [g.waarde for g in lezing.getallen if _bruikbaar(g) and g.eenheid != "ander"]
    if waarden:
        return _geheel(_enig(waarden))
    if any(g.eenheid == "ander" for g in lezing.getallen):
        return None
    return 0 if _zegt_geen(lezing) else None


def lees_leeftijd(tekst: str) -> int | None:
    """Leeftijd van de persoon zelf, als antwoord op "Hoe oud bent u?".

    Eerst een duidelijke rol ("ik ben 34", "34 jaar oud", "mijn leeftijd is 34");
    anders het enige getal dat geen duur, telling of kinderleeftijd is ("34", "34
    jaar"). "Ik ben al 3 jaar werkloos" en "geboren in 1990" geven ``None``.
    """
    lezing = _lees(tekst)
    uitdrukkelijk = _leeftijd_uitdrukkelijk(lezing)
    if uitdrukkelijk is not None:
        return uitdrukkelijk
    if lezing.bevat(_set("geboren geboortejaar")):
        return None
    kandidaten = [g.waarde for g in lezing.getallen if _kan_leeftijd_zijn(lezing, g)]
    return _geheel(_enig(kandidaten))


def _kan_leeftijd_zijn(lezing: _Lezing, g: _Getal) -> bool:
    if not _bruikbaar(g) or g.bedrag or g.kind_leeftijd or _over_kind(lezing, g.index):
        return False
    if g.eenheid not in (None, "jaar"):
        return False
    if lezing.woord(g.index - 1) in _DUUR_VOOR:
        return False
    if g.eenheid == "jaar":
        na = lezing.woord(g.einde + 1)
        if na == "geleden":
            return False
        if na == "met" and lezing.woord(g.einde + 2) in _NA_MET_DUUR:
            return False
        if na is not None and na not in _LEESTEKEN and na not in _NA_JAAR_LEEFTIJD:
            return False
    return True


def _leeftijd_uitdrukkelijk(lezing: _Lezing) -> int | None:
    return _geheel(_enig([g.waarde for g in lezing.getallen if g.eigen_leeftijd]))


def _eigen_leeftijd(lezing: _Lezing) -> None:
    for g in lezing.getallen:
        if not _kan_leeftijd_zijn(lezing, g):
            continue
        k = g.index - 1
        stappen = 0
        while lezing.woord(k) in _LEEFTIJD_OPVULLING and stappen < 3:
            k, stappen = k - 1, stappen + 1
        paar = (lezing.woord(k - 1), lezing.woord(k))
        ik_ben = paar in (("ik", "ben"), ("ben", "ik"), ("ik", "word"), ("word", "ik"))
        leeftijd = "leeftijd" in paar
        jaar_oud = g.eenheid == "jaar" and lezing.woord(g.einde + 1) == "oud"
        g.eigen_leeftijd = ik_ben or leeftijd or jaar_oud


def _over_kind(lezing: _Lezing, i: int) -> bool:
    """Gaat het zinsdeel voor stuk ``i`` over een kind ("mijn zoon is 5 jaar oud")?"""
    for k in range(i - 1, max(-1, i - 6), -1):
        w = lezing.woord(k)
        if w in _LEESTEKEN or w == "ik":
            return False
        if w in _KIND or w in ("jongste", "oudste", "hij", "zij", "ze"):
            return True
    return False


def lees_aantal_kinderen(tekst: str) -> int | None:
    """Aantal kinderen, als antwoord op "Voor hoeveel kinderen zorgt u?".

    "twee kinderen" -> 2, "geen kinderen" -> 0, "een zoon en twee dochters" -> 3,
    "met mijn dochter" -> 1, "2 kinderen van 5 en 7 jaar" -> 2; als los antwoord ook
    "2", "ik heb er twee", "geen", "nee" -> 0.
    """
    lezing = _lees(tekst)
    uitdrukkelijk = _kinderen_uitdrukkelijk(lezing)
    if uitdrukkelijk is not None:
        return uitdrukkelijk
    kandidaten = [
        g.waarde
        for g in lezing.getallen
        if _bruikbaar(g)
        and not g.bedrag
        and g.eenheid is None
        and not g.kind_leeftijd
        and not g.eigen_leeftijd
    ]
    if kandidaten:
        return _geheel(_enig(kandidaten))
    if lezing.getallen:
        return None
    return 0 if _zegt_geen(lezing, nee_telt=True) else None


def _kinderen_uitdrukkelijk(lezing: _Lezing) -> int | None:
    woorden = lezing.woorden()
    algemeen: list[float] = []
    zoon_dochter = 0.0
    for g in lezing.getallen:
        if not _bruikbaar(g):
            continue
        if g.eenheid == "kind":
            algemeen.append(g.waarde)
        elif g.eenheid == "zoon_dochter":
            zoon_dochter += g.waarde
    for i, w in enumerate(woorden):
        if w in ("kinderloos", "kinderloze"):
            algemeen.append(0)
        if w in _GEEN_WOORDEN:
            n = i + 1
            while n < len(woorden) and woorden[n] in _KIND_BIJVOEGLIJK and n < i + 3:
                n += 1
            if n < len(woorden) and woorden[n] in _KIND:
                algemeen.append(0)
    if algemeen:
        return _geheel(_enig(algemeen))
    # "mijn zoon", "met onze dochter": telt als één kind, tenzij er een jongste of oudste is.
    if "jongste" in woorden or "oudste" in woorden:
        return _geheel(zoon_dochter) if zoon_dochter else None
    for i, w in enumerate(woorden):
        if w in _KIND_ENKELVOUD and i > 0 and woorden[i - 1] in ("mijn", "ons", "onze"):
            zoon_dochter += 1
    if zoon_dochter:
        return _geheel(zoon_dochter)
    # "mijn kinderen zijn 5 en 7", "kinderen van 3, 6 en 9 jaar": één kind per leeftijd.
    leeftijden = [g for g in lezing.getallen if g.kind_leeftijd and _bruikbaar(g)]
    return len(leeftijden) or None


def lees_leeftijd_jongste_kind(tekst: str) -> int | None:
    """Leeftijd van het jongste kind in jaren: "mijn jongste is 3" -> 3, "kinderen van 5
    en 7 jaar" -> 5, "6 maanden" -> 0; als los antwoord ook "4" of "5 en 7" (de kleinste).
    """
    lezing = _lees(tekst)
    uitdrukkelijk = _jongste_uitdrukkelijk(lezing)
    if uitdrukkelijk is not None:
        return uitdrukkelijk
    kandidaten = [
        g
        for g in lezing.getallen
        if _bruikbaar(g)
        and not g.bedrag
        and not g.eigen_leeftijd
        and g.eenheid in _LEEFTIJD_EENHEDEN
    ]
    # "drie, van 4, 7 en 9 jaar": getallen met een eenheid gaan voor.
    met_eenheid = [g for g in kandidaten if g.eenheid is not None]
    jaren = [_in_jaren(g) for g in (met_eenheid or kandidaten)]
    return _geheel(min(jaren)) if jaren else None


def _jongste_uitdrukkelijk(lezing: _Lezing) -> int | None:
    jongste = [_in_jaren(g) for g in lezing.getallen if g.jongste and _bruikbaar(g)]
    if jongste:
        return _geheel(_enig(jongste))
    leeftijden = [_in_jaren(g) for g in lezing.getallen if g.kind_leeftijd and _bruikbaar(g)]
    return _geheel(min(leeftijden)) if leeftijden else None


# -- bedragen --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bedrag:
    """Een bedrag in euro zoals de persoon het gaf."""

    waarde: float
    """Altijd 0 of meer, afgerond op de cent."""
    periode: Periode | None = None
    """"maand", "jaar" of "week" als de persoon dat zei, anders ``None``."""
    soort: Soort | None = None
    """"bruto" of "netto" als de persoon dat zei, anders ``None``."""

    def per_maand(self) -> float:
        """Het bedrag per maand: een jaarbedrag gedeeld door 12, een weekbedrag maal 52/12."""
        if self.periode == "jaar":
            return round(self.waarde / 12, 2)
        if self.periode == "week":
            return round(self.waarde * 52 / 12, 2)
        return self.waarde


def lees_bedrag_details(tekst: str) -> Bedrag | None:
    """Het bedrag met periode en bruto/netto; ``None`` zoals bij :func:`lees_bedrag`."""
    lezing = _lees(tekst, spatiegroepen=True)
    gekozen = _bedrag_getallen(lezing)
    if gekozen is None:
        if lezing.getallen or not _zegt_nul_euro(lezing):
            return None
        waarde = 0.0
    else:
        if any(g.negatief for g in gekozen):
            return None
        enig = _enig([g.waarde for g in gekozen])
        if enig is None:
            return None
        waarde = round(enig, 2)
    return Bedrag(waarde=waarde, periode=_periode(lezing), soort=_soort(lezing))


def lees_bedrag(tekst: str) -> float | None:
    """Een bedrag in euro: "€ 1.250,50" -> 1250.5, "1.250" -> 1250, "1250,5", "ongeveer
    1400 euro netto per maand" -> 1400, "1,2k" -> 1200, "duizend tweehonderd euro" ->
    1200, "€1450", "1 450 euro", "geen inkomen" -> 0.

    Staat er een bedrag met euro, €, "k" of ",-" bij, of een woord als "verdien" of "per
    maand", dan telt alleen dat bedrag; anders het enige getal zonder eenheid.
    ``None`` als er geen bedrag is, als er verschillende bedragen staan ("tussen 1200 en
    1400", "1200-1400") of als het bedrag negatief is ("-200", "min 200"). Het bedrag
    wordt niet omgerekend: zie :func:`lees_maandbedrag`.
    """
    bedrag = lees_bedrag_details(tekst)
    return None if bedrag is None else bedrag.waarde


def lees_maandbedrag(tekst: str) -> float | None:
    """Zoals :func:`lees_bedrag`, maar "24.000 per jaar" wordt 2000 per maand."""
    bedrag = lees_bedrag_details(tekst)
    return None if bedrag is None else bedrag.per_maand()


def is_negatief_bedrag(tekst: str) -> bool:
    """True als het bedrag in de tekst negatief is ("-200", "min 200 euro")."""
    lezing = _lees(tekst, spatiegroepen=True)
    gekozen = _bedrag_getallen(lezing) or []
    return any(g.negatief for g in gekozen)


_MENSEN_VOOR = _set("ons wij we jullie")
"""'pensioen van ons twee': a number after these counts people, it is no amount."""


def _bedrag_getallen(lezing: _Lezing) -> list[_Getal] | None:
    getallen = [
        g
        for g in lezing.getallen
        if not g.rangtelwoord and lezing.woord(g.index - 1) not in _MENSEN_VOOR
    ]
    gemerkt = [g for g in getallen if g.bedrag]
    if gemerkt:
        return gemerkt
    los = [g for g in getallen if g.eenheid is None and not g.kind_leeftijd]
    return los or None


def _zegt_nul_euro(lezing: _Lezing) -> bool:
    woorden = lezing.woorden()
    if woorden and all(w in _GEEN_WOORDEN | _NUL_WOORDEN | _LEESTEKEN for w in woorden):
        return True
    for i, w in enumerate(woorden):
        if w in _NUL_WOORDEN:
            return True
        if w in _GEEN_WOORDEN and i + 1 < len(woorden) and woorden[i + 1] in _GELDWOORDEN:
            return True
    return False


def _periode(lezing: _Lezing) -> Periode | None:
    woorden = lezing.woorden()
    gevonden: set[Periode] = set()
    for i, w in enumerate(woorden):
        if w in ("maandelijks", "maandbasis", "maandloon", "maandinkomen"):
            gevonden.add("maand")
        elif w in ("jaarlijks", "jaarbasis", "jaarloon", "jaarinkomen"):
            gevonden.add("jaar")
        elif w == "wekelijks":
            gevonden.add("week")
        elif w in ("per", "/", "elke", "iedere", "a") and i + 1 < len(woorden):
            volgend = woorden[i + 1]
            if volgend in _MAAND:
                gevonden.add("maand")
            elif volgend in _JAAR:
                gevonden.add("jaar")
            elif volgend in _WEEK:
                gevonden.add("week")
        elif w in ("in", "op") and woorden[i + 1 : i + 3] in (["de", "maand"], ["een", "maand"]):
            gevonden.add("maand")
    return gevonden.pop() if len(gevonden) == 1 else None


def _soort(lezing: _Lezing) -> Soort | None:
    woorden = set(lezing.woorden())
    if "bruto" in woorden and "netto" not in woorden:
        return "bruto"
    if "netto" in woorden and "bruto" not in woorden:
        return "netto"
    return None


# -- meer feiten uit één bericht -------------------------------------------------------------


def lees_getalfeiten(tekst: str) -> dict[str, int | float]:
    """De getallen uit één bericht waarvan de rol duidelijk is, per attribuut.

    "ik ben 34, woon in Gent met mijn twee kinderen en ben werkloos" ->
    ``{"leeftijd": 34, "aantal_kinderen": 2}``. Alleen uitdrukkelijke vormen tellen
    ("ik ben 34", "twee kinderen", "kinderen van 5 en 7 jaar", "1400 euro per maand"); een
    los getal zonder rol laten we liggen. Een bruto bedrag nemen we niet over als netto
    maandinkomen; een jaarbedrag wordt per maand.
    """
    lezing = _lees(tekst)
    feiten: dict[str, int | float] = {}
    leeftijd = _leeftijd_uitdrukkelijk(lezing)
    if leeftijd is not None:
        feiten["leeftijd"] = leeftijd
    kinderen = _kinderen_uitdrukkelijk(lezing)
    if kinderen is not None:
        feiten["aantal_kinderen"] = kinderen
    jongste = _jongste_uitdrukkelijk(lezing)
    if jongste is not None:
        feiten["leeftijd_jongste_kind"] = jongste
    bedrag = _bedrag_uitdrukkelijk(tekst)
    if bedrag is not None and bedrag.soort != "bruto":
        feiten["netto_maandinkomen_gezin"] = bedrag.per_maand()
    wachtlijst = _WACHTLIJST.search(naar_cijfers(tekst.lower()))
    if wachtlijst is not None:
        feiten["jaren_op_wachtlijst_sociale_woning"] = int(
            wachtlijst["jaren"] or wachtlijst["jaren2"]
        )
    elif _NIET_OP_WACHTLIJST.search(tekst.lower()):
        feiten["jaren_op_wachtlijst_sociale_woning"] = 0
    return feiten


_WACHTLIJST = re.compile(
    r"\b(?P<jaren>\d{1,2})\s+(?:jaar|jaren)\s+(?:al\s+)?(?:op\s+de|op\s+een)\s+wachtlijst"
    r"|\bwacht\w*\s+(?:al\s+|nu\s+)?(?P<jaren2>\d{1,2})\s+(?:jaar|jaren)\s+op\s+een\s+sociale"
)
"""'ik sta 3 jaar op de wachtlijst': the years, without being asked."""
_NIET_OP_WACHTLIJST = re.compile(
    r"\b(?:niet|nie|nog\s+niet|nooit)\s+(?:ingeschreven\s+)?op\s+(?:de|een|ne)\s+wachtlijst"
    r"|\bgeen\s+wachtlijst\b"
)
"""'ik sta niet op de wachtlijst', 'geen wachtlijst': zero years, without being asked."""


def _bedrag_uitdrukkelijk(tekst: str) -> Bedrag | None:
    lezing = _lees(tekst, spatiegroepen=True)
    gemerkt = [g for g in lezing.getallen if g.inkomen and not g.rangtelwoord]
    if not gemerkt or any(g.negatief for g in gemerkt):
        return None
    waarde = _enig([g.waarde for g in gemerkt])
    if waarde is None:
        return None
    return Bedrag(round(waarde, 2), _periode(lezing), _soort(lezing))


_SINDS_JAAR = re.compile(r"\b(?:sinds|sedert|vanaf|van|in)\s+(?:[^\W\d_]+\s+){0,2}?(\d{4})\b")
_NEE = _set("nee neen niet nooit geen niks niets")


def lees_jaren_sinds(tekst: str, dit_jaar: int) -> int | None:
    """ "sinds 2019 ingeschreven" -> the years since then (``dit_jaar`` - 2019)."""
    schoon = tekst.lower()
    if re.search(r"\b(?:vorig|verleden)\s+jaar\b", schoon):
        return 1  # "ingeschreven vorig jaar"
    if re.search(r"\b(?:dit\s+jaar|deze\s+maand|vorige\s+maand|pas\s+ingeschreven)\b", schoon):
        return 0
    m = _SINDS_JAAR.search(naar_cijfers(schoon))
    if m is None:
        return None
    jaren = dit_jaar - int(m.group(1))
    return jaren if 0 <= jaren <= 80 else None


def zegt_nee(tekst: str) -> bool:
    """ "nee", "ik sta er niet op", "nooit ingeschreven", "geen": a no without a number."""
    return bool(_NEE & set(_lees(tekst).woorden()))


_BEREIK = re.compile(
    r"\b(?:tussen\s+)?(?:de\s+)?(?:€\s*)?(?P<van>\d[\d.]*(?:,\d+)?)(?P<k1>k)?\s*(?:euro\s*)?"
    r"(?:en|tot|a|à|-|–|of)\s*(?:€\s*)?(?P<tot>\d[\d.]*(?:,\d+)?)(?P<k2>k)?\b"
)


def lees_bedragbereik(tekst: str) -> tuple[float, float] | None:
    """ "tussen 1800 en 2000", "1800 à 2000", "1.800-2.000 euro" -> (1800, 2000); the
    thousands said once count for both ends: "28 a 30 duizend", "28 à 30.000" ->
    (28000, 30000)."""
    schoon = naar_cijfers(tekst.lower())
    if not re.search(r"tussen|à|\ba\b|-|–|\btot\b|\bof\b", schoon):
        return None
    m = _BEREIK.search(schoon)
    if m is None:
        return None
    van, tot = ontleed_getal(m["van"]), ontleed_getal(m["tot"])
    if van is None or tot is None:
        return None
    van, tot = van * (1000 if m["k1"] else 1), tot * (1000 if m["k2"] else 1)
    if van < 1000 <= tot and van * 1000 < tot <= 3 * van * 1000:
        van *= 1000  # "28 a 30 duizend": the thousands go with both
    if not 0 < van < tot or tot > 3 * van:
        return None
    return van, tot


def lees_periode(tekst: str) -> Periode | None:
    """ "per maand", "per jaar", "wekelijks": the period the person gave, else ``None``."""
    return _periode(_lees(tekst))


_ANDER_IN_GEZIN = re.compile(
    r"\b(?:mijn|ons|onze)\s+(?:man|vrouw|partner|vent|echtgenoot|echtgenote|vriend|vriendin|"
    r"lief|zoon|dochter|ma|pa|moeder|vader)\b|\bhij\b|\bzij\b|\bwij\b|\bwe\b"
)


_INKOMENSBRON = _INKOMENSWOORDEN | _set(
    "werk werken job ivt integratietegemoetkoming tegemoetkoming alimentatie invaliditeit "
    "werkloosheid werkloosheidsuitkering ziekte mutualiteit ziekenfonds rente huurinkomsten"
)
_TELT_NIET_MEE = _set("kindergeld kinderbijslag groeipakket premie premies eenmalig eenmalige")
"""Family allowances and one-off premiums: not part of the net income we ask for."""
_ELK = _set("elk ieder")


def lees_gezinsbedragen(tekst: str) -> list[float]:
    """Several incomes of one household, to add up: "ik verdien 1.800 en mijn man 2.100"
    (another person of the household is named), "1250 euro ivt en 300 euro
    integratietegemoetkoming" or "deeltijds werk voor 1100 en een uitkering van 400" (each
    amount with where it comes from), "we hebben elk 1.200 pensioen" (twice). Amounts for
    costs ("700 huur") or family allowances ("320 kindergeld") do not count. Else empty."""
    schoon = tekst.lower()
    if lees_bedragbereik(tekst) is not None:
        return []
    lezing = _lees(tekst, spatiegroepen=True)
    getallen = [
        g
        for g in lezing.getallen
        if _bruikbaar(g) and g.eenheid in (None, "euro") and g.waarde >= 50
    ]
    stukken = _stukken_per_bedrag(lezing, getallen)
    if any(w in _KOSTENWOORDEN for stuk in stukken for w in stuk):
        return []
    bedragen = [
        g.waarde
        for g, stuk in zip(getallen, stukken, strict=True)
        if not _TELT_NIET_MEE & set(stuk)
    ]
    if len(bedragen) == 1 and _ELK & set(lezing.woorden()) and _ANDER_IN_GEZIN.search(schoon):
        return bedragen * 2
    if len(bedragen) == 1 and len(getallen) > 1:
        return bedragen  # "1100 leefloon en 320 kindergeld": alleen het leefloon
    if len(bedragen) < 2:
        return []
    if _ANDER_IN_GEZIN.search(schoon):
        return bedragen
    met_bron = [stuk for stuk in stukken if _INKOMENSBRON & set(stuk)]
    return bedragen if len(met_bron) == len(stukken) else []


_HUISGENOTEN = _set(
    "zoon zoontje dochter dochtertje kind kinderen ma pa mama papa moeder vader ouders "
    "broer zus zuster schoonmoeder schoonvader oma opa grootmoeder grootvader bomma bompa "
    "huisgenoot huisgenote huisgenoten kotgenoot kotgenote medebewoner neef nicht"
)
"""Mensen in huis die niet de partner zijn: hun inkomen telt voor de meeste rechten niet."""
_PERSOON_OF_PARTNER = _set(
    "ik ikzelf wij we man vrouw partner vent echtgenoot echtgenote vriend vriendin lief"
)


def bedragen_van_huisgenoten(tekst: str) -> list[float]:
    """The amounts in a message that belong to someone at home who is not the partner:
    "1300 pensioen en mijn zoon verdient 2400" -> [2400]. An amount belongs to the last
    person named before it since the previous amount ("ik 1200 en mijn man 1500": none)."""
    lezing = _lees(tekst, spatiegroepen=True)
    woorden = lezing.woorden()
    getallen = [
        g
        for g in lezing.getallen
        if _bruikbaar(g) and g.eenheid in (None, "euro") and g.waarde >= 50
    ]
    van_anderen = []
    begin = 0
    for g in getallen:
        voor = [w for w in woorden[begin : g.index] if w in _HUISGENOTEN | _PERSOON_OF_PARTNER]
        if voor and voor[-1] in _HUISGENOTEN:
            van_anderen.append(g.waarde)
        begin = g.index + 1
    return van_anderen


def _stukken_per_bedrag(lezing: _Lezing, getallen: Sequence[_Getal]) -> list[list[str]]:
    """The words that belong to each amount: from just after the previous amount (or the
    start) to just before the next one."""
    woorden = lezing.woorden()
    grenzen = [g.index for g in getallen]
    stukken = []
    for k, g in enumerate(getallen):
        begin = grenzen[k - 1] + 1 if k else 0
        einde = grenzen[k + 1] if k + 1 < len(grenzen) else len(woorden)
        stukken.append([w for i, w in enumerate(woorden[begin:einde], begin) if i != g.index])
    return stukken


_MAANDEN_NR = {m: i + 1 for i, m in enumerate(MAANDEN)}
_MAAND_NAAM = "|".join(_MAANDEN_NR)
_DATUM = (
    rf"(?:(?P<dag>\d{{1,2}})(?:[/.-](?P<maandnr>\d{{1,2}})[/.-]|\s+(?P<maand>{_MAAND_NAAM})\s+)"
    rf"|(?P<maand_alleen>{_MAAND_NAAM})\s+)?(?P<jaar>(?:19|20)\d\d)\b"
)
_GEBOREN = re.compile(
    r"\b(?:geboren|geboortedatum|geboortejaar|ik ben van|is van)\b"
    r"(?:\s+(?:is|op|in|:))*\s*"
    + _DATUM
    + r"|\b(?P<dag2>\d{1,2})[/.-](?P<maand2>\d{1,2})[/.-](?P<jaar2>(?:19|20)\d\d)\b"
)


@dataclass(frozen=True)
class Geboortedatum:
    """A date of birth as far as it was given (only the year, year and month, or all)."""

    jaar: int
    maand: int | None = None
    dag: int | None = None
    begin: int = 0
    """Where in the text it starts (to see whose date it is)."""
    getallen: tuple[int, ...] = ()
    """The numbers it was written with, which are no age of their own."""


def lees_geboortedatum(tekst: str) -> Geboortedatum | None:
    """ "geboren 30 juli 1985", "30/07/1985", "geboren in september 2021", "ik ben van 31
    december 1999", "geboren in 1985" -> the date as far as it was given."""
    m = _GEBOREN.search(tekst.lower())
    if m is None:
        return None
    jaar = int(m["jaar"] or m["jaar2"])
    dag = m["dag"] or m["dag2"]
    maand_tekst = m["maand"] or m["maandnr"] or m["maand2"] or m["maand_alleen"]
    maand = None
    if maand_tekst is not None:
        maand = int(maand_tekst) if maand_tekst.isdigit() else _MAANDEN_NR[maand_tekst]
    getallen = tuple(int(g) for g in (dag, m["maandnr"] or m["maand2"], jaar) if g)
    if maand is None or not 1 <= maand <= 12:
        return Geboortedatum(jaar, begin=m.start(), getallen=getallen)
    if dag is not None:
        try:
            date(jaar, maand, int(dag))
        except ValueError:
            return None
    return Geboortedatum(jaar, maand, int(dag) if dag else None, begin=m.start(), getallen=getallen)


def leeftijd_op(geboren: Geboortedatum, peildatum: date) -> int:
    """The age on ``peildatum``; without the day (or month), the lower of the ages it can be."""
    jaren = peildatum.year - geboren.jaar
    if geboren.maand is None:
        return jaren - 1
    if geboren.dag is None:
        return jaren if peildatum.month > geboren.maand else jaren - 1
    verjaard = (peildatum.month, peildatum.day) >= (geboren.maand, geboren.dag)
    return jaren if verjaard else jaren - 1


# -- met wie iemand woont --------------------------------------------------------------------

_PARTNER = _set(
    "man vrouw partner vent echtgenoot echtgenote vriend vriendin lief wederhelft madam"
)
_EIGEN_BEZIT = _set("mijn ons onze m'n")
_LIDWOORD = _set("de het een")
_ANDERMANS_BEZIT = _set("haar zijn hun")
_KIND_MEERVOUD = _KIND - _KIND_ENKELVOUD - _set("kid meisje jongen meiske meisken manneke")
_LEEFTIJD_EENHEID = _JAAR | _MAAND | _WEEK


@dataclass(frozen=True)
class Huisgenoten:
    """Who someone lists after "met" ("ik woon met mijn zoontje van 2", "met mijn vrouw en
    baby"): the children when they can be counted, and whether a partner is among them."""

    kinderen: int | None
    """Own children counted one by one; ``None`` if not countable ("met de kinderen") or
    if the list names someone else's child ("haar zoontje")."""
    partner: bool
    alleen_kinderen: bool
    """Only own children are listed (no partner, nobody else)."""


_MET = _set("met")


def lees_huisgenoten(tekst: str) -> Huisgenoten | None:
    """The list of people after the first "met" that starts a clause or follows "woon"
    ("ik woon met ...", "alleen met ...", "met mijn vrouw en ..."); ``None`` without one."""
    lezing = _lees(tekst)
    woorden = lezing.woorden()
    getal_op = {g.index: g for g in lezing.getallen}
    for start, w in enumerate(woorden):
        if w not in _MET:
            continue
        voor = [x for x in woorden[max(0, start - 4) : start] if x not in ("samen", "nu", "nog")]
        vooraan = (
            not voor
            or voor[-1] in _LEESTEKEN
            or voor[-1] in _set("alleen en zijn koppel gezin thuis")
            or start - 1 in getal_op  # "30 met mijn zoon"
        )
        wonen = bool(set(voor[-3:]) & _set("woon wonen woont leef leven"))
        if not (vooraan or wonen):
            continue
        gevonden = _lijst_na_met(woorden, getal_op, start + 1)
        if gevonden is not None:
            return gevonden
    return None


def _lijst_na_met(
    woorden: Sequence[str], getal_op: dict[int, _Getal], i: int
) -> Huisgenoten | None:
    kinderen: int | None = 0
    partner = ander = False
    bezit: str | None = None
    aantal: float | None = None
    personen = 0
    while i < len(woorden):
        w = woorden[i]
        if w in _EIGEN_BEZIT | _LIDWOORD | _ANDERMANS_BEZIT:
            bezit = w
        elif i in getal_op and aantal is None:
            aantal = getal_op[i].waarde
        elif w in _KIND_BIJVOEGLIJK and i + 1 < len(woorden) and woorden[i + 1] not in _NA_KLEINE:
            pass
        elif w in _KIND or (w in _KLEINE and aantal is not None):
            personen += 1
            if bezit in _ANDERMANS_BEZIT:
                ander = True
            elif kinderen is not None:
                if w in _KIND_MEERVOUD or w in _KLEINE:
                    kinderen = None if aantal is None else kinderen + int(aantal)
                else:
                    kinderen += int(aantal) if aantal is not None else 1
            bezit, aantal = None, None
            i = _na_leeftijd(woorden, getal_op, i + 1)
            continue
        elif w in _PARTNER:
            personen += 1
            if bezit in _ANDERMANS_BEZIT or aantal is not None:
                ander = True
            else:
                partner = True
            bezit, aantal = None, None
            i = _na_leeftijd(woorden, getal_op, i + 1)
            continue
        elif w in ("en", ",", "&") and bezit is None and aantal is None:
            pass
        else:
            ander = ander or bezit in _EIGEN_BEZIT  # "en mijn moeder": someone else too
            break
        i += 1
    if not personen:
        return None
    return Huisgenoten(
        kinderen=None if ander or not kinderen else kinderen,
        partner=partner,
        alleen_kinderen=not partner and not ander and kinderen != 0,
    )


def _na_leeftijd(woorden: Sequence[str], getal_op: dict[int, _Getal], i: int) -> int:
    """Past "van 2", "van 5 maanden", "(3)" after a person."""
    if i + 1 < len(woorden) and woorden[i] == "van" and i + 1 in getal_op:
        i += 2
        if i < len(woorden) and woorden[i] in _LEEFTIJD_EENHEID:
            i += 1
        if i < len(woorden) and woorden[i] == "oud":
            i += 1
    return i
