"""Trefwoorden lezen: welke woorden wijzen op welke waarde, en ja / nee / weet niet.

De woorden staan in ``trefwoorden.yaml`` naast dit bestand; de waarden komen uit de
woordenlijst (``bot/vocabulary/attributen.yaml``) en worden daartegen nagekeken.
Niets wordt gelezen bij het importeren: :func:`standaard_trefwoorden` leest de
bestanden de eerste keer dat een lezer ze nodig heeft.

Zo zoeken we (zie ook de uitleg bovenaan ``trefwoorden.yaml``):

- De tekst wordt gelijkgemaakt (:mod:`actions.normaliseren.tekst`): kleine letters,
  geen accenten, Vlaamse chatvormen voluit. Trefwoorden net zo.
- Een trefwoord telt als al zijn woorden na elkaar in de tekst staan. Langere
  trefwoorden gaan voor kortere die ermee overlappen.
- Een trefwoord telt niet als "niet", "geen" of "nooit" vlak ervoor staat, of "niet" of
  "nooit" vlak erna, in hetzelfde zinsdeel ("ik ben niet werkloos", "ik huur niet").
- Wijzen de treffers naar meer dan één waarde, dan vallen waarden weg die een andere
  gevonden waarde in haar ``gaat_voor`` noemt; blijft er niet precies één over, dan is
  het antwoord onduidelijk (``None``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from actions.normaliseren.getallen import KIND_PERSONEN
from actions.normaliseren.tekst import LEESTEKENS, woorden
from bot.vocabulary import AttribuutType, Vocabulaire, laad_vocabulaire

STANDAARD_PAD = Path(__file__).with_name("trefwoorden.yaml")
ANTWOORDEN = ("ja", "nee", "weet_niet")
"""De soorten korte antwoorden in het blok ``antwoorden``."""

_ONTKENNING_VOOR = frozenset({"niet", "geen", "nooit"})
_ONTKENNING_NA = frozenset({"niet", "nooit"})
_AANLOOP = frozenset({"allez", "ewel", "awel", "euh", "eh", "uhm", "hm", "tja", "nou", "oh", "o"})
"""Woordjes voor een ja of nee die niets zeggen: "allez ja", "euh nee"."""


class TrefwoordenFout(ValueError):
    """Het trefwoordenbestand klopt niet; de melding noemt bestand, regel en probleem."""


@dataclass(frozen=True)
class Keuze:
    """Eén waarde van een attribuut met de woorden die erop wijzen."""

    waarde: str
    trefwoorden: tuple[str, ...]
    gaat_voor: frozenset[str] = frozenset()
    als_antwoord: tuple[str, ...] = ()
    """Woorden die alleen tellen als antwoord op de vraag naar dit attribuut ("pensioen"
    op "waar komt uw inkomen vandaan?"): elders wijzen ze naar iets anders."""


@dataclass(frozen=True)
class Treffer:
    begin: int
    einde: int
    waarde: str
    trefwoord: str


@dataclass(frozen=True)
class Trefwoorden:
    attributen: Mapping[str, Mapping[str, Keuze]]
    """Attribuut -> waarde -> keuze. Voor ja/nee-attributen zijn de waarden "true" en "false"."""
    antwoorden: Mapping[str, tuple[str, ...]]
    """"ja", "nee" en "weet_niet" -> trefwoorden."""
    over: Mapping[str, str] = field(default_factory=dict)
    """Attribuut -> over wie het gaat (``persoon`` of ``gezin``), uit de woordenlijst."""
    aankruisen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Ja/nee-attribuut -> korte woorden die die situatie noemen in een antwoord op een
    aankruisvraag ("leefloon en mantelzorg"). Alleen dan: elders zeggen ze te weinig."""

    def genoemde_situaties(self, tekst: str, leden: Iterable[str]) -> set[str]:
        """De ja/nee-attributen uit ``leden`` die een antwoord op een aankruisvraag noemt."""
        tekstwoorden = woorden(tekst)
        genoemd = set()
        for attribuut in leden:
            if attribuut in self.attributen and self.keuze(attribuut, tekst) == "true":
                genoemd.add(attribuut)
                continue
            zinnen = [(w, attribuut) for w in self.aankruisen.get(attribuut, ())]
            over = self.over.get(attribuut)
            # "mijn moeder heeft de verhoogde tegemoetkoming, ik niet": niet aangekruist
            if any(
                not telt_niet_voor(over, tekstwoorden, t.begin)
                for t in _zoek(tekstwoorden, zinnen, ontkenning=True)
            ):
                genoemd.add(attribuut)
        return genoemd

    def ontkende_situaties(self, tekst: str, leden: Iterable[str]) -> set[str]:
        """De ja/nee-attributen uit ``leden`` die een antwoord op een aankruisvraag
        uitdrukkelijk ontkent ("geen handicap") en nergens bevestigt."""
        tekstwoorden = woorden(tekst)
        ontkend = set()
        for attribuut in leden:
            keuzes = self.attributen.get(attribuut, {})
            zinnen = [(w, "true") for w in self.aankruisen.get(attribuut, ())]
            zinnen += [(w, "true") for w in keuzes.get("true", Keuze("true", ())).trefwoorden]
            alle = _zoek(tekstwoorden, zinnen, ontkenning=False)
            alles_ontkend = bool(alle) and all(_ontkend(tekstwoorden, t) for t in alle)
            if alles_ontkend or (
                keuzes and self.keuze(attribuut, tekst, als_antwoord=True) == "false"
            ):
                ontkend.add(attribuut)
        return ontkend

    def zoek(self, attribuut: str, tekst: str, *, als_antwoord: bool = False) -> list[Treffer]:
        """Alle treffers van de trefwoorden van ``attribuut``, zonder ontkende; met
        ``als_antwoord`` (de bot vroeg naar dit attribuut) ook de woorden ``als_antwoord``."""
        keuzes = self.attributen[attribuut]
        zinnen = [(_zonder_vulwoorden(t), k.waarde) for k in keuzes.values() for t in k.trefwoorden]
        if als_antwoord:
            zinnen += [
                (_zonder_vulwoorden(t), k.waarde) for k in keuzes.values() for t in k.als_antwoord
            ]
        tekstwoorden = woorden(tekst)
        # "ik heb toch een verhoogde tegemoetkoming": vulwoorden tellen niet mee
        plaats = [i for i, w in enumerate(tekstwoorden) if w not in _VULWOORDEN]
        kern = [tekstwoorden[i] for i in plaats]
        treffers = [
            Treffer(plaats[t.begin], plaats[t.einde - 1] + 1, t.waarde, t.trefwoord)
            for t in _zoek(kern, zinnen, ontkenning=True)
        ]
        over = self.over.get(attribuut, "persoon" if attribuut in OVER_DE_PERSOON else None)
        return [t for t in treffers if not telt_niet_voor(over, tekstwoorden, t.begin)]

    def keuze(self, attribuut: str, tekst: str, *, als_antwoord: bool = False) -> str | None:
        """De ene waarde van ``attribuut`` waar de tekst op wijst, anders ``None``."""
        if attribuut not in self.attributen:
            raise KeyError(f"Geen trefwoorden voor het attribuut '{attribuut}'.")
        keuzes = self.attributen[attribuut]
        gevonden = {t.waarde for t in self.zoek(attribuut, tekst, als_antwoord=als_antwoord)}
        verslagen = {v for w in gevonden for v in keuzes[w].gaat_voor}
        over = gevonden - verslagen
        return next(iter(over)) if len(over) == 1 else None

    def alle_woorden(self) -> set[str]:
        """Every word of every keyword, short answer and checklist word."""
        zinnen = [
            t
            for keuzes in self.attributen.values()
            for k in keuzes.values()
            for t in (*k.trefwoorden, *k.als_antwoord)
        ]
        zinnen += [t for lijst in self.antwoorden.values() for t in lijst]
        zinnen += [t for lijst in self.aankruisen.values() for t in lijst]
        return {w for zin in zinnen for w in _zinwoorden(zin) if w not in LEESTEKENS}

    def antwoord_treffers(self, tekst: str) -> list[Treffer]:
        zinnen = [(t, soort) for soort in ANTWOORDEN for t in self.antwoorden.get(soort, ())]
        return _zoek(woorden(tekst), zinnen, ontkenning=False)


# -- zoeken --------------------------------------------------------------------------------

_VULWOORDEN = frozenset(
    {"toch", "wel", "eigenlijk", "gewoon", "opnieuw", "terug", "momenteel", "nu", "ook", "zelf"}
)
"""Words that add emphasis or time, not meaning, inside a statement ("ik krijg wel een
leefloon", "ik zoek gewoon werk", "ik zoek nu opnieuw werk"); left out of the text and of
the keywords before they are compared."""


@lru_cache(maxsize=8192)
def _zonder_vulwoorden(zin: str) -> str:
    return " ".join(w for w in _zinwoorden(zin) if w not in _VULWOORDEN) or zin


OVER_DE_PERSOON = frozenset({"verblijfsstatus", "werksituatie"})
"""Attributes about the person who chats, not the household: "mijne pa is Italiaan"
or "mijn man is werkloos" says nothing about them."""
_ANDER = frozenset(
    [
        "pa",
        "ma",
        "vader",
        "moeder",
        "papa",
        "mama",
        "man",
        "vrouw",
        "partner",
        "vent",
        "echtgenoot",
        "echtgenote",
        "vriend",
        "vriendin",
        "lief",
        "zoon",
        "dochter",
        "broer",
        "zus",
        "kind",
        "ouders",
        "schoonmoeder",
        "schoonvader",
        "oma",
        "opa",
        "grootmoeder",
        "grootvader",
        "buurman",
        "buurvrouw",
        "jongste",
        "oudste",
        "zoontje",
        "dochtertje",
        "kleinzoon",
        "kleindochter",
        "ex",
        "schoonzoon",
        "schoondochter",
        "nonkel",
        "tante",
        "oom",
        # people outside the household: "de buren stoken op mazout", "mijn schoonouders
        # zijn eigenaar"
        "buren",
        "bovenburen",
        "onderburen",
        "schoonouders",
        "grootouders",
        "schoonbroer",
        "schoonzus",
        "neef",
        "nicht",
        "broers",
        "zussen",
        "kleinkinderen",
        "collega",
        "baas",
        "stiefvader",
        "stiefmoeder",
    ]
)
ANDERE_PERSONEN = _ANDER
_BUITEN_HET_GEZIN = frozenset({"buren", "bovenburen", "onderburen", "buurman", "buurvrouw"})
_BEZIT = frozenset({"mijn", "ons", "onze", "zijn", "haar", "hun"})
_ZINSGRENS = frozenset({",", ";", ".", "!", "?", "maar", "en", "want", "terwijl", "omdat"})


_GEZIN = (
    frozenset(
        """man vrouw partner vent echtgenoot echtgenote vriend vriendin lief""".split()  # noqa: SIM905
    )
    | KIND_PERSONEN
)
"""The people whose facts count for a household attribute (``over: gezin``)."""


def ander_in_zinsdeel(tekstwoorden: Sequence[str], i: int) -> str | None:
    """The other person the clause around word ``i`` is about ("mijn pa is ..." -> "pa").
    Only with "mijn", "ons", ...: "mama van 3, alleen" is the person herself."""
    begin = i
    while begin > 0 and tekstwoorden[begin - 1] not in _ZINSGRENS:
        begin -= 1
    eerste = tekstwoorden[begin : begin + 2]
    if len(eerste) == 2 and eerste[0] in _BEZIT and eerste[1] in _ANDER:
        return eerste[1]
    if len(eerste) == 2 and eerste[0] == "de" and eerste[1] in _BUITEN_HET_GEZIN:
        return eerste[1]  # "de buren", "de buurman"
    return None


def over_een_ander(tekstwoorden: Sequence[str], i: int) -> bool:
    """Is the clause around word ``i`` about someone else ("mijn pa is ...")?"""
    return ander_in_zinsdeel(tekstwoorden, i) is not None


def telt_niet_voor(over: str | None, tekstwoorden: Sequence[str], i: int) -> bool:
    """Says the clause around word ``i`` something about someone the attribute is not
    about: anyone else for ``persoon``, someone outside the household for ``gezin``?"""
    if over is None:
        return False
    ander = ander_in_zinsdeel(tekstwoorden, i)
    return ander is not None and (over == "persoon" or ander not in _GEZIN)


def _zoek(
    tekstwoorden: Sequence[str], zinnen: Iterable[tuple[str, str]], *, ontkenning: bool
) -> list[Treffer]:
    tekstwoorden = tuple(tekstwoorden)
    kandidaten: list[Treffer] = []
    for zin, waarde in zinnen:
        zinwoorden = _zinwoorden(zin)
        n = len(zinwoorden)
        if n == 0:
            continue
        for i in range(len(tekstwoorden) - n + 1):
            if tekstwoorden[i : i + n] == zinwoorden:
                kandidaten.append(Treffer(i, i + n, waarde, zin))
    # Langste eerst; bij gelijke lengte de vroegste. Geen overlap.
    kandidaten.sort(key=lambda t: (-(t.einde - t.begin), t.begin, t.waarde))
    bezet: set[int] = set()
    gekozen: list[Treffer] = []
    for t in kandidaten:
        plaatsen = set(range(t.begin, t.einde))
        if plaatsen & bezet:
            continue
        bezet |= plaatsen  # ook ontkend: "geen erkenning als vluchteling" is geen "vluchteling"
        if ontkenning and _ontkend(tekstwoorden, t):
            continue
        gekozen.append(t)
    return sorted(gekozen, key=lambda t: t.begin)


@lru_cache(maxsize=8192)
def _zinwoorden(zin: str) -> tuple[str, ...]:
    """De woorden van een trefwoord, één keer genormaliseerd: een bericht wordt met
    honderden trefwoorden vergeleken, en normaliseren was 90% van het lezen."""
    return tuple(woorden(zin))


def _ontkend(tekstwoorden: Sequence[str], treffer: Treffer) -> bool:
    i = treffer.begin
    while i > 0 and tekstwoorden[i - 1] not in LEESTEKENS:
        i -= 1
        if tekstwoorden[i] == "niemand":  # "niemand in mijn gezin heeft een handicap"
            return True
    voor = []
    for w in reversed(tekstwoorden[max(0, treffer.begin - 2) : treffer.begin]):
        if w in LEESTEKENS:
            break
        voor.append(w)
    if _ONTKENNING_VOOR & set(voor):
        return True
    na = tekstwoorden[treffer.einde] if treffer.einde < len(tekstwoorden) else None
    return na in _ONTKENNING_NA


# -- laden ---------------------------------------------------------------------------------


def laad_trefwoorden(
    pad: Path = STANDAARD_PAD, vocabulaire: Vocabulaire | None = None
) -> Trefwoorden:
    """Lees en controleer het trefwoordenbestand; met ``vocabulaire`` ook de waarden."""
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError as fout:
        raise TrefwoordenFout(f"{pad}: kan het bestand niet lezen ({fout}).") from None
    return trefwoorden_uit_tekst(tekst, bron=str(pad), vocabulaire=vocabulaire)


@cache
def standaard_trefwoorden() -> Trefwoorden:
    """Het meegeleverde bestand, nagekeken tegen de meegeleverde woordenlijst (één keer gelezen)."""
    return laad_trefwoorden(STANDAARD_PAD, laad_vocabulaire())


def trefwoorden_uit_tekst(
    tekst: str, bron: str = "trefwoorden.yaml", vocabulaire: Vocabulaire | None = None
) -> Trefwoorden:
    try:
        knoop = yaml.compose(tekst, Loader=yaml.SafeLoader)
    except yaml.YAMLError as fout:
        regel = getattr(getattr(fout, "problem_mark", None), "line", None)
        waar = f"{bron}, regel {regel + 1}" if regel is not None else bron
        raise TrefwoordenFout(f"{waar}: geen geldige YAML ({fout}).") from None
    if not isinstance(knoop, yaml.MappingNode):
        raise TrefwoordenFout(f"{bron}: verwacht de blokken 'attributen' en 'antwoorden'.")
    lezer = _Lezer(bron, vocabulaire)
    blokken = lezer.mapping(knoop, "het bestand")
    onbekend = set(blokken) - {"attributen", "antwoorden", "aankruisen"}
    for naam in sorted(onbekend):
        lezer.fout(blokken[naam][0], f"onbekend blok '{naam}'")
    for verplicht in ("attributen", "antwoorden"):
        if verplicht not in blokken:
            raise TrefwoordenFout(f"{bron}: het blok '{verplicht}' ontbreekt.")
    attributen = lezer.attributen(blokken["attributen"][1])
    antwoorden = lezer.antwoorden(blokken["antwoorden"][1])
    lezer.controleer_dubbels(attributen, antwoorden)
    aankruisen = lezer.aankruisen(blokken["aankruisen"][1]) if "aankruisen" in blokken else {}
    over = (
        {k: a.over for k, a in vocabulaire.attributen.items() if a.over}
        if vocabulaire is not None
        else {}
    )
    return Trefwoorden(
        attributen=attributen, antwoorden=antwoorden, aankruisen=aankruisen, over=over
    )


class _Lezer:
    """Zet de YAML-knopen om en onthoudt voor elke fout de regel."""

    def __init__(self, bron: str, vocabulaire: Vocabulaire | None):
        self.bron = bron
        self.vocabulaire = vocabulaire
        self.regels: dict[tuple[str, str, str], int] = {}

    def fout(self, knoop: yaml.Node, bericht: str) -> None:
        raise TrefwoordenFout(f"{self.bron}, regel {knoop.start_mark.line + 1}: {bericht}.")

    def mapping(self, knoop: yaml.Node, wat: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(knoop, yaml.MappingNode):
            self.fout(knoop, f"{wat} moet een lijst van sleutels met waarden zijn")
        uit: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for sleutel, waarde in knoop.value:
            naam = _sleutel(sleutel)
            if naam in uit:
                self.fout(sleutel, f"'{naam}' staat twee keer in {wat}")
            uit[naam] = (sleutel, waarde)
        return uit

    def woordenlijst(self, knoop: yaml.Node, wat: str) -> tuple[str, ...]:
        if not isinstance(knoop, yaml.SequenceNode) or not knoop.value:
            self.fout(knoop, f"{wat}: geef een lijst met minstens één trefwoord")
        uit = []
        for item in knoop.value:
            if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
                self.fout(item, f"{wat}: een trefwoord moet een niet-lege tekst zijn")
            if not woorden(str(item.value)):
                self.fout(item, f"{wat}: '{item.value}' bevat geen woorden")
            uit.append(" ".join(str(item.value).split()))
        return tuple(uit)

    def attributen(self, knoop: yaml.Node) -> dict[str, dict[str, Keuze]]:
        uit: dict[str, dict[str, Keuze]] = {}
        for attribuut, (sleutel, waarden) in self.mapping(knoop, "'attributen'").items():
            opties = self._opties(sleutel, attribuut)
            keuzes: dict[str, Keuze] = {}
            for waarde, (wsleutel, velden) in self.mapping(waarden, f"'{attribuut}'").items():
                if opties is not None and waarde not in opties:
                    keuzes_tekst = ", ".join(opties)
                    self.fout(
                        wsleutel,
                        f"'{waarde}' is geen waarde van '{attribuut}' in de woordenlijst "
                        f"(kies uit {keuzes_tekst})",
                    )
                keuzes[waarde] = self._keuze(attribuut, waarde, wsleutel, velden)
            for waarde, keuze in keuzes.items():
                for verslagen in sorted(keuze.gaat_voor):
                    if verslagen not in keuzes:
                        self.fout(
                            self.mapping(waarden, attribuut)[waarde][0],
                            f"'{waarde}' gaat voor '{verslagen}', maar die waarde heeft "
                            f"geen trefwoorden in '{attribuut}'",
                        )
            uit[attribuut] = keuzes
        return uit

    def _opties(self, sleutel: yaml.Node, attribuut: str) -> Mapping[str, str] | None:
        if self.vocabulaire is None:
            return None
        gegeven = self.vocabulaire.attributen.get(attribuut)
        if gegeven is None:
            self.fout(sleutel, f"het attribuut '{attribuut}' staat niet in de woordenlijst")
            raise AssertionError  # pragma: no cover - fout() raises
        if gegeven.type not in (AttribuutType.ENUM, AttribuutType.BOOL):
            self.fout(
                sleutel,
                f"'{attribuut}' is van het type {gegeven.type}: trefwoorden kunnen alleen "
                "voor keuzes (enum) of ja/nee (bool)",
            )
        return gegeven.opties or {}

    def _keuze(self, attribuut: str, waarde: str, sleutel: yaml.Node, velden: Any) -> Keuze:
        wat = f"'{attribuut}: {waarde}'"
        onderdelen = self.mapping(velden, wat)
        for naam in sorted(set(onderdelen) - {"trefwoorden", "gaat_voor", "als_antwoord"}):
            self.fout(onderdelen[naam][0], f"{wat}: onbekend veld '{naam}'")
        if "trefwoorden" not in onderdelen and "als_antwoord" not in onderdelen:
            self.fout(sleutel, f"{wat}: het veld 'trefwoorden' ontbreekt")
        trefwoorden: tuple[str, ...] = ()
        if "trefwoorden" in onderdelen:
            trefwoorden = self.woordenlijst(onderdelen["trefwoorden"][1], wat)
        als_antwoord: tuple[str, ...] = ()
        if "als_antwoord" in onderdelen:
            als_antwoord = self.woordenlijst(onderdelen["als_antwoord"][1], wat)
        gaat_voor: frozenset[str] = frozenset()
        if "gaat_voor" in onderdelen:
            gaat_voor = frozenset(self.woordenlijst(onderdelen["gaat_voor"][1], wat))
            if waarde in gaat_voor:
                self.fout(onderdelen["gaat_voor"][1], f"{wat} kan niet voor zichzelf gaan")
        for veld in ("trefwoorden", "als_antwoord"):
            for knoop in onderdelen[veld][1].value if veld in onderdelen else ():
                self.regels[(attribuut, waarde, " ".join(str(knoop.value).split()))] = (
                    knoop.start_mark.line + 1
                )
        return Keuze(
            waarde=waarde, trefwoorden=trefwoorden, gaat_voor=gaat_voor, als_antwoord=als_antwoord
        )

    def aankruisen(self, knoop: yaml.Node) -> dict[str, tuple[str, ...]]:
        uit = {}
        for attribuut, (sleutel, lijst) in self.mapping(knoop, "'aankruisen'").items():
            if self.vocabulaire is not None:
                gegeven = self.vocabulaire.attributen.get(attribuut)
                if gegeven is None or gegeven.type is not AttribuutType.BOOL:
                    self.fout(sleutel, f"'aankruisen': '{attribuut}' is geen ja/nee-attribuut")
            uit[attribuut] = self.woordenlijst(lijst, f"'aankruisen: {attribuut}'")
        return uit

    def antwoorden(self, knoop: yaml.Node) -> dict[str, tuple[str, ...]]:
        soorten = self.mapping(knoop, "'antwoorden'")
        for naam in sorted(set(soorten) - set(ANTWOORDEN)):
            self.fout(
                soorten[naam][0], f"onbekende soort antwoord '{naam}' (kies uit ja, nee, weet_niet)"
            )
        uit = {}
        for soort in ANTWOORDEN:
            if soort not in soorten:
                self.fout(knoop, f"'antwoorden' mist '{soort}'")
            uit[soort] = self.woordenlijst(soorten[soort][1], f"'antwoorden: {soort}'")
            for item in soorten[soort][1].value:
                self.regels[("antwoorden", soort, " ".join(str(item.value).split()))] = (
                    item.start_mark.line + 1
                )
        return uit

    def controleer_dubbels(
        self, attributen: Mapping[str, Mapping[str, Keuze]], antwoorden: Mapping[str, Sequence[str]]
    ) -> None:
        """Eén trefwoord wijst naar één waarde: binnen een attribuut, over de keuze-attributen
        heen (Rasa kent maar één synoniemenlijst) en binnen de antwoorden. De woorden
        ``als_antwoord`` tellen alleen binnen hun attribuut: Rasa krijgt ze niet."""
        groepen: list[list[tuple[str, str, str]]] = []
        keuze_attributen = []
        for attribuut, keuzes in attributen.items():
            rijen = [(attribuut, k.waarde, t) for k in keuzes.values() for t in k.trefwoorden]
            antwoord = [(attribuut, k.waarde, t) for k in keuzes.values() for t in k.als_antwoord]
            groepen.append(rijen + antwoord)
            if not _is_bool(keuzes):
                keuze_attributen.extend(rijen)
        groepen.append(keuze_attributen)
        groepen.append([("antwoorden", s, t) for s, lijst in antwoorden.items() for t in lijst])
        for rijen in groepen:
            gezien: dict[tuple[str, ...], tuple[str, str, str]] = {}
            for rij in rijen:
                sleutel = tuple(woorden(rij[2]))
                eerder = gezien.get(sleutel)
                if eerder is None:
                    gezien[sleutel] = rij
                    continue
                regel = self.regels.get(rij)
                waar = f"{self.bron}, regel {regel}" if regel else self.bron
                if eerder[:2] == rij[:2]:
                    raise TrefwoordenFout(
                        f"{waar}: het trefwoord '{rij[2]}' staat twee keer bij {rij[0]}: {rij[1]}."
                    )
                raise TrefwoordenFout(
                    f"{waar}: het trefwoord '{rij[2]}' wijst naar {rij[0]}: {rij[1]}, maar "
                    f"ook al naar {eerder[0]}: {eerder[1]}."
                )


def _is_bool(keuzes: Mapping[str, Keuze]) -> bool:
    return set(keuzes) <= {"true", "false"}


def _sleutel(knoop: yaml.Node) -> str:
    waarde = knoop.value
    if knoop.tag == "tag:yaml.org,2002:bool":
        return "true" if str(waarde).lower() in ("true", "yes", "on") else "false"
    return str(waarde)


# -- lezers --------------------------------------------------------------------------------


def _tw(trefwoorden: Trefwoorden | None) -> Trefwoorden:
    return trefwoorden if trefwoorden is not None else standaard_trefwoorden()


def lees_keuze(
    attribuut: str,
    tekst: str,
    trefwoorden: Trefwoorden | None = None,
    *,
    als_antwoord: bool = False,
) -> str | None:
    """De waarde van een keuze-attribuut waar de tekst duidelijk op wijst, anders ``None``.

    ``als_antwoord``: de tekst antwoordt op de vraag naar dit attribuut, dus tellen ook de
    woorden die alleen dan iets zeggen ("pensioen" als soort inkomen)."""
    return _tw(trefwoorden).keuze(attribuut, tekst, als_antwoord=als_antwoord)


def lees_werksituatie(tekst: str, trefwoorden: Trefwoorden | None = None) -> str | None:
    """ "ik ben werkloos" -> "werkzoekend", "ik ben op pensioen" -> "gepensioneerd"."""
    return lees_keuze("werksituatie", tekst, trefwoorden)


def lees_woonsituatie(tekst: str, trefwoorden: Trefwoorden | None = None) -> str | None:
    """ "ik huur" -> "huurder_privaat", "sociale woning" -> "huurder_sociaal"."""
    return lees_keuze("woonsituatie", tekst, trefwoorden)


def lees_verblijfsstatus(tekst: str, trefwoorden: Trefwoorden | None = None) -> str | None:
    """ "ik ben Belg" -> "belg", "zonder papieren" -> "geen_verblijfsrecht"."""
    return lees_keuze("verblijfsstatus", tekst, trefwoorden)


def lees_samenwonend(tekst: str, trefwoorden: Trefwoorden | None = None) -> bool | None:
    """ "met mijn vrouw" -> True, "alleenstaande moeder" -> False, anders ``None``.

    Leest alleen woorden over de gezinsvorm, geen los ja of nee: daarvoor is
    :func:`lees_ja_nee`.
    """
    waarde = lees_keuze("samenwonend_met_partner", tekst, trefwoorden)
    return None if waarde is None else waarde == "true"


def is_weet_niet(tekst: str, trefwoorden: Trefwoorden | None = None) -> bool:
    """True als de persoon zegt dat hij het niet weet ("geen idee", "'k weet het niet")."""
    return any(t.waarde == "weet_niet" for t in _tw(trefwoorden).antwoord_treffers(tekst))


def lees_ja_nee(tekst: str, trefwoorden: Trefwoorden | None = None) -> bool | None:
    """Ja (True), nee (False) of onduidelijk (``None``).

    Begint het antwoord met ja of nee (eventueel na "allez", "euh"), dan beslist dat
    ("ja, maar niet altijd" -> True). Anders moeten alle treffers hetzelfde zeggen.
    "Weet ik niet", "ja en nee" en "misschien" geven ``None``.
    """
    treffers = _tw(trefwoorden).antwoord_treffers(tekst)
    if not treffers or any(t.waarde == "weet_niet" for t in treffers):
        return None
    tekstwoorden = woorden(tekst)
    eerste = treffers[0]
    if all(w in _AANLOOP or w in LEESTEKENS for w in tekstwoorden[: eerste.begin]):
        return eerste.waarde == "ja"
    soorten = {t.waarde for t in treffers}
    return soorten.pop() == "ja" if len(soorten) == 1 else None
