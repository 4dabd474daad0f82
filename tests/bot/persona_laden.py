"""Personas for the conversation measurement (issue 11): read and check the YAML files.

A persona is data: what a person types (or clicks), turn by turn, and after each turn
which facts a careful human would have understood. See ``tests/bot/personas/README.md``
for the format. Every problem is reported with the file, the persona and the turn.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.vocabulary import AttribuutType, Vocabulaire, laad_vocabulaire

REPO = Path(__file__).resolve().parents[2]
MAP = Path(__file__).with_name("personas")
GEMEENTEN_CSV = REPO / "catalogus" / "gemeenten" / "gemeenten-2025.csv"

ONBEKEND_SLOT = "onbekende_attributen"

CATEGORIEEN: dict[str, str] = {
    "antwoord": "een gewoon antwoord op de gestelde vraag",
    "meerdere_feiten": "meerdere feiten in één bericht",
    "spreektaal": "Vlaams, dialect en spreektaal ('mijne pa', 'ons tweetjes')",
    "tikfouten": "tikfouten, geen hoofdletters, afkortingen",
    "getallen": "bedragen, bereiken, geboortedatums, aantallen met hun woord, 'niet/nooit'",
    "gemeente": "deelgemeenten, postcodes, dubbelzinnige en Franse plaatsnamen",
    "correctie": "een eerder antwoord verbeteren",
    "zijvraag": "een vraag tussendoor: wat is dat, waarom, hoeveel nog, iets anders",
    "andere_taal": "Frans, Engels of een andere taal",
    "nood": "dringende nood: geen slaapplaats, geen eten, geweld ...",
    "privacy": "persoonsgegevens die de bot niet nodig heeft",
    "knop": "een knop aanklikken",
    "beleefdheid": "groeten, bedanken, afscheid nemen, stoppen",
}
"""The categories a turn can have; the report gives the share understood per category."""

ANTWOORDSOORTEN: dict[str, str] = {
    "vraag": "de bot stelt (nog) een vraag van het profiel",
    "resultaat": "het resultaat: de rechten",
    "samenvatting": "het overzicht met 'Klopt dit?'",
    "ocmw": "doorverwezen naar het OCMW",
    "uitleg": "uitleg over een recht of woord",
    "waarom": "waarom de bot iets vraagt",
    "hoeveel": "hoeveel vragen er nog komen",
    "afscheid": "een beleefd afscheid",
    "buiten_bereik": "'daar kan ik u niet mee helpen'",
}
EINDES: dict[str, str] = {
    "resultaat": "het resultaat werd getoond",
    "ocmw": "doorverwezen naar het OCMW",
    "afscheid": "het gesprek eindigde met een afscheid",
}
VANGNET_SLEUTELS = ("nood:", "taal:", "privacy")
"""What the web app's safety net can say (``bot.chat.vangnet``): "nood:geen_slaapplaats",
"taal:fr", "privacy"."""
GEVRAAGD = "gevraagd"
"""``onbekend: gevraagd``: the attributes the bot asked in this turn's question."""


class PersonaFout(ValueError):
    """A persona file is wrong; the message names the file, the persona and the turn."""


@dataclass(frozen=True)
class EenVan:
    """One of several values is right (``None``: the bot holds nothing, e.g. it asks)."""

    waarden: tuple[Any, ...]


@dataclass(frozen=True)
class Tussen:
    """A number from ``van`` to ``tot`` (both included): an estimate."""

    van: float
    tot: float


@dataclass(frozen=True)
class Verwachting:
    """What a careful human understands from one message."""

    slots: Mapping[str, Any] = field(default_factory=dict)
    """Attribute -> the value it must hold after the turn (``None``: empty, ``EenVan``).
    Every attribute that is not named must be as it was before the turn."""
    onbekend: tuple[str, ...] = ()
    """Attributes that become 'weet ik niet' (``("gevraagd",)``: the asked ones)."""
    aangekruist: tuple[str, ...] | None = None
    """An answer to the checklist: these are yes; the asked members with ``leeg_is_nee``
    that are not named become no (as the vocabulary defines the checklist)."""


@dataclass(frozen=True)
class Beurt:
    bron: str
    """"file, persona, turn n" for messages."""
    categorie: str
    zeg: str | None = None
    knop: str | None = None
    """The title of a button of the bot's last message: its payload is sent."""
    op_vraag: str | None = None
    """Send this turn only when the bot asks this attribute or question group."""
    verwachting: Verwachting = Verwachting()
    antwoord: tuple[str, ...] = ()
    bevat: tuple[str, ...] = ()
    bevat_niet: tuple[str, ...] = ()
    vangnet: tuple[str, ...] = ()
    gesprek: Mapping[str, Any] = field(default_factory=dict)
    """Other tracker slots after the turn (e.g. ``gekozen_recht: null``)."""
    opmerking: str = ""

    @property
    def tekst(self) -> str:
        return self.zeg if self.zeg is not None else f"[knop] {self.knop}"


@dataclass(frozen=True)
class Antwoord:
    """How the persona answers a question of the bot when no scripted turn is waiting."""

    bron: str
    zeg: tuple[str, ...]
    """The answer, and what the persona types when the bot asks the same again."""
    verwachting: Verwachting
    categorie: str = "antwoord"
    knop: bool = False
    """``zeg`` holds the titles of buttons the persona clicks."""


@dataclass(frozen=True)
class Persona:
    id: str
    bestand: str
    wie: str
    categorie: str
    beurten: tuple[Beurt, ...]
    antwoorden: Mapping[str, Antwoord]
    einde: str | None


def officiele_gemeenten() -> frozenset[str]:
    with GEMEENTEN_CSV.open(encoding="utf-8") as f:
        return frozenset(rij["naam"] for rij in csv.DictReader(f))


class _Lezer:
    def __init__(self, vocabulaire: Vocabulaire, gemeenten: frozenset[str]) -> None:
        self.vocabulaire = vocabulaire
        self.gemeenten = gemeenten

    def fout(self, bron: str, tekst: str) -> PersonaFout:
        return PersonaFout(f"{bron}: {tekst}")

    def sleutels(self, data: Mapping[str, Any], toegelaten: set[str], bron: str) -> None:
        onbekend = sorted(set(data) - toegelaten)
        if onbekend:
            raise self.fout(
                bron,
                f"onbekend veld {', '.join(onbekend)} "
                f"(toegelaten: {', '.join(sorted(toegelaten))})",
            )

    def tekstlijst(self, waarde: Any, bron: str, veld: str) -> tuple[str, ...]:
        if waarde is None:
            return ()
        if isinstance(waarde, str):
            return (waarde,)
        if isinstance(waarde, list) and all(isinstance(w, str) and w for w in waarde):
            return tuple(waarde)
        raise self.fout(bron, f"'{veld}' moet een tekst of een lijst van teksten zijn")

    def vraagsleutel(self, sleutel: Any, bron: str) -> str:
        if sleutel == "samenvatting" or sleutel in self.vocabulaire.attributen:
            return str(sleutel)
        if sleutel in self.vocabulaire.vraaggroepen:
            return str(sleutel)
        raise self.fout(
            bron,
            f"'{sleutel}' is geen attribuut of vraaggroep van bot/vocabulary/attributen.yaml",
        )

    def waarde(self, attribuut: str, waarde: Any, bron: str) -> Any:
        if waarde is None:
            return None
        a = self.vocabulaire.attributen[attribuut]
        if isinstance(waarde, dict) and set(waarde) == {"tussen"}:
            grenzen = waarde["tussen"]
            if (
                a.type not in (AttribuutType.INT, AttribuutType.EURO)
                or not isinstance(grenzen, list)
                or len(grenzen) != 2
                or not all(isinstance(g, (int, float)) and not isinstance(g, bool) for g in grenzen)
                or grenzen[0] > grenzen[1]
            ):
                raise self.fout(bron, f"{attribuut}: tussen: [van, tot] kan alleen bij getallen")
            return Tussen(float(grenzen[0]), float(grenzen[1]))
        if isinstance(waarde, dict):
            if set(waarde) != {"een_van"} or not isinstance(waarde["een_van"], list):
                raise self.fout(
                    bron,
                    f"{attribuut}: schrijf een waarde, {{een_van: [...]}} "
                    "of {tussen: [van, tot]}",
                )
            return EenVan(tuple(self.waarde(attribuut, w, bron) for w in waarde["een_van"]))
        fout = None
        if a.type is AttribuutType.BOOL and not isinstance(waarde, bool):
            fout = "ja/nee: schrijf true of false"
        elif a.type is AttribuutType.INT and (
            isinstance(waarde, bool) or not isinstance(waarde, int)
        ):
            fout = "een geheel getal"
        elif a.type is AttribuutType.EURO and (
            isinstance(waarde, bool) or not isinstance(waarde, (int, float))
        ):
            fout = "een bedrag (getal)"
        elif a.type is AttribuutType.ENUM and waarde not in (a.opties or {}):
            fout = f"een van {', '.join(a.opties or {})}"
        elif a.type is AttribuutType.GEMEENTE and waarde not in self.gemeenten:
            fout = "de officiële naam van een gemeente (catalogus/gemeenten/gemeenten-2025.csv)"
        getal = fout is None and a.type in (AttribuutType.INT, AttribuutType.EURO)
        if getal and (
            (a.min is not None and waarde < a.min) or (a.max is not None and waarde > a.max)
        ):
            fout = f"tussen {a.min} en {a.max}"
        if fout:
            raise self.fout(bron, f"{attribuut}: {waarde!r} klopt niet, verwacht {fout}")
        return waarde

    def verwachting(self, data: Mapping[str, Any], bron: str) -> Verwachting:
        slots: dict[str, Any] = {}
        for attribuut, waarde in (data.get("verwacht") or {}).items():
            if attribuut not in self.vocabulaire.attributen:
                raise self.fout(
                    bron, f"verwacht: '{attribuut}' is geen attribuut van attributen.yaml"
                )
            slots[attribuut] = self.waarde(attribuut, waarde, bron)
        if not isinstance(data.get("verwacht") or {}, dict):
            raise self.fout(bron, "'verwacht' moet attribuut: waarde zijn")
        onbekend = self.tekstlijst(data.get("onbekend"), bron, "onbekend")
        for a in onbekend:
            if a != GEVRAAGD and a not in self.vocabulaire.attributen:
                raise self.fout(bron, f"onbekend: '{a}' is geen attribuut")
        aangekruist = None
        if "aangekruist" in data:
            aangekruist = self.tekstlijst(data["aangekruist"], bron, "aangekruist")
            lijst = self.vocabulaire.vraaggroepen.get("situaties")
            leden = set(lijst.leden) if lijst else set()
            for a in aangekruist:
                if a not in leden:
                    raise self.fout(
                        bron, f"aangekruist: '{a}' staat niet in de vraaggroep situaties"
                    )
        return Verwachting(slots=slots, onbekend=onbekend, aangekruist=aangekruist)

    def beurt(self, data: Any, bron: str, categorie: str) -> Beurt:
        if not isinstance(data, dict):
            raise self.fout(bron, "een beurt is een blok met minstens 'zeg' of 'knop'")
        self.sleutels(
            data,
            {
                "zeg", "knop", "op_vraag", "verwacht", "onbekend", "aangekruist", "antwoord",
                "bevat", "bevat_niet", "vangnet", "gesprek", "categorie", "opmerking",
            },
            bron,
        )  # fmt: skip
        if ("zeg" in data) == ("knop" in data):
            raise self.fout(bron, "schrijf 'zeg' (wat de persoon typt) of 'knop' (de knoptekst)")
        for veld in ("zeg", "knop"):
            if veld in data and not (isinstance(data[veld], str) and data[veld].strip()):
                raise self.fout(bron, f"'{veld}' moet een niet-lege tekst zijn")
        categorie = data.get("categorie", categorie)
        if categorie not in CATEGORIEEN:
            raise self.fout(
                bron, f"categorie '{categorie}' bestaat niet ({', '.join(CATEGORIEEN)})"
            )
        antwoord = self.tekstlijst(data.get("antwoord"), bron, "antwoord")
        for soort in antwoord:
            if soort not in ANTWOORDSOORTEN:
                raise self.fout(
                    bron, f"antwoord '{soort}' bestaat niet ({', '.join(ANTWOORDSOORTEN)})"
                )
        vangnet = self.tekstlijst(data.get("vangnet"), bron, "vangnet")
        for sleutel in vangnet:
            if not sleutel.startswith(VANGNET_SLEUTELS):
                raise self.fout(bron, f"vangnet '{sleutel}': begin met nood:, taal: of privacy")
        gesprek = data.get("gesprek") or {}
        if not isinstance(gesprek, dict):
            raise self.fout(bron, "'gesprek' moet slot: waarde zijn")
        op_vraag = data.get("op_vraag")
        return Beurt(
            bron=bron,
            categorie=categorie,
            zeg=data.get("zeg"),
            knop=data.get("knop"),
            op_vraag=self.vraagsleutel(op_vraag, bron) if op_vraag is not None else None,
            verwachting=self.verwachting(data, bron),
            antwoord=antwoord,
            bevat=self.tekstlijst(data.get("bevat"), bron, "bevat"),
            bevat_niet=self.tekstlijst(data.get("bevat_niet"), bron, "bevat_niet"),
            vangnet=vangnet,
            gesprek=gesprek,
            opmerking=str(data.get("opmerking") or ""),
        )

    def antwoord(self, sleutel: str, data: Any, bron: str) -> Antwoord:
        if isinstance(data, str):
            data = {"zeg": data}
        if not isinstance(data, dict):
            raise self.fout(bron, "een antwoord is een tekst of een blok met 'zeg'")
        self.sleutels(
            data,
            {"zeg", "knop", "verwacht", "onbekend", "aangekruist", "categorie", "opmerking"},
            bron,
        )
        if ("zeg" in data) == ("knop" in data):
            raise self.fout(bron, "schrijf 'zeg' (wat de persoon typt) of 'knop' (de knoptekst)")
        knop = "knop" in data
        zeg = self.tekstlijst(data.get("knop" if knop else "zeg"), bron, "knop" if knop else "zeg")
        if not zeg:
            raise self.fout(bron, "'zeg' is leeg")
        categorie = data.get("categorie", "knop" if knop else "antwoord")
        if categorie not in CATEGORIEEN:
            raise self.fout(bron, f"categorie '{categorie}' bestaat niet")
        return Antwoord(bron, zeg, self.verwachting(data, bron), categorie, knop)

    def persona(self, data: Any, bestand: str, nummer: int) -> Persona:
        bron = f"{bestand}, persona {nummer}"
        if not isinstance(data, dict):
            raise self.fout(bron, "een persona is een blok met id, wie, beurten")
        self.sleutels(data, {"id", "wie", "categorie", "beurten", "antwoorden", "einde"}, bron)
        pid = data.get("id")
        if not isinstance(pid, str) or not pid.replace("_", "").isalnum():
            raise self.fout(bron, "'id' moet een woord zijn (letters, cijfers en _)")
        bron = f"{bestand}, persona {pid}"
        wie = data.get("wie")
        if not isinstance(wie, str) or not wie.strip():
            raise self.fout(bron, "'wie' (wie is deze persoon?) ontbreekt")
        categorie = data.get("categorie", "antwoord")
        if categorie not in CATEGORIEEN:
            raise self.fout(bron, f"categorie '{categorie}' bestaat niet")
        ruwe_beurten = data.get("beurten")
        if not isinstance(ruwe_beurten, list) or not ruwe_beurten:
            raise self.fout(bron, "'beurten' moet een lijst van minstens één beurt zijn")
        beurten = tuple(
            self.beurt(b, f"{bron}, beurt {i}", categorie) for i, b in enumerate(ruwe_beurten, 1)
        )
        ruwe_antwoorden = data.get("antwoorden") or {}
        if not isinstance(ruwe_antwoorden, dict):
            raise self.fout(bron, "'antwoorden' moet vraag: antwoord zijn")
        antwoorden = {
            self.vraagsleutel(k, f"{bron}, antwoorden"): self.antwoord(
                str(k), v, f"{bron}, antwoorden.{k}"
            )
            for k, v in ruwe_antwoorden.items()
        }
        einde = data.get("einde")
        if einde is not None and einde not in EINDES:
            raise self.fout(bron, f"einde '{einde}' bestaat niet ({', '.join(EINDES)})")
        return Persona(pid, bestand, wie.strip(), categorie, beurten, antwoorden, einde)


def lees_personas(
    tekst: str, bestand: str, vocabulaire: Vocabulaire, gemeenten: frozenset[str]
) -> list[Persona]:
    try:
        data = yaml.safe_load(tekst)
    except yaml.YAMLError as fout:
        raise PersonaFout(f"{bestand}: geen geldige YAML: {fout}") from fout
    if not isinstance(data, dict) or not isinstance(data.get("personas"), list):
        raise PersonaFout(f"{bestand}: het bestand moet een lijst 'personas' hebben")
    lezer = _Lezer(vocabulaire, gemeenten)
    return [lezer.persona(p, bestand, i) for i, p in enumerate(data["personas"], 1)]


def laad_personas(map_: Path = MAP) -> list[Persona]:
    """Every persona in ``map_/*.yaml``; ids are unique over all files."""
    vocabulaire = laad_vocabulaire()
    gemeenten = officiele_gemeenten()
    personas: list[Persona] = []
    gezien: dict[str, str] = {}
    for pad in sorted(map_.glob("*.yaml")):
        naam = str(pad.relative_to(REPO)) if pad.is_relative_to(REPO) else str(pad)
        for persona in lees_personas(pad.read_text(encoding="utf-8"), naam, vocabulaire, gemeenten):
            if persona.id in gezien:
                raise PersonaFout(
                    f"{naam}: persona {persona.id} bestaat al in {gezien[persona.id]}"
                )
            gezien[persona.id] = naam
            personas.append(persona)
    return personas
