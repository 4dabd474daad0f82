"""Eén bericht lezen: welke profielwaarden noemt het, en wat zeggen we terug als het niet lukt.

Gebruikt door het formulier (``validate_profiel_form``) en door correcties buiten het
formulier. De waarden zelf leest ``actions.normaliseren``; de controle (bereik, gemeente
in Vlaanderen of Brussel) doet de woordenlijst (``Vocabulaire.valideer_profiel``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from actions.normaliseren import (
    is_negatief_bedrag,
    is_weet_niet,
    lees_aantal_kinderen,
    lees_bedrag,
    lees_feiten,
    lees_gemeente,
    lees_getal,
    lees_ja_nee,
    lees_keuze,
    lees_leeftijd,
    lees_leeftijd_jongste_kind,
    lees_maandbedrag,
)
from actions.normaliseren.tekst import woorden
from actions.normaliseren.trefwoorden import standaard_trefwoorden
from bot.diensten import Diensten
from bot.gemeenten import GemeenteDubbelzinnig, GemeenteFout
from bot.vocabulary import AttribuutType, GroepSoort, Vraaggroep
from bot.vocabulary.model import ProfielFout

KNOP_WEET_NIET = {"title": "Weet ik niet", "payload": "/dont_know"}

VERWACHT = {
    AttribuutType.INT: "Antwoord met een getal, bijvoorbeeld 3.",
    AttribuutType.EURO: "Geef een bedrag in euro per maand, bijvoorbeeld 1400.",
    AttribuutType.BOOL: "Antwoord met ja of nee.",
    AttribuutType.ENUM: "Kies een van de knoppen, of zeg het in uw eigen woorden.",
    AttribuutType.GEMEENTE: "Geef de naam of de postcode van uw gemeente.",
}
VERWACHT_GROEP = {
    GroepSoort.SAMEN: "Zeg het in uw eigen woorden, zoals in het voorbeeld bij de vraag.",
    GroepSoort.AANKRUISEN: "Kies een knop, of typ welke situaties bij u passen.",
}
_DELEN = re.compile(r",|;|\ben\b|\bmaar\b")


@dataclass
class Bericht:
    tekst: str
    knoppen: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Lezing:
    waarden: dict[str, Any] = field(default_factory=dict)
    """Attribuut -> gecontroleerde waarde (gemeente: officiële naam)."""
    weet_niet: list[str] = field(default_factory=list)
    berichten: list[Bericht] = field(default_factory=list)

    @property
    def iets_gelezen(self) -> bool:
        return bool(self.waarden or self.weet_niet)


def lees_bericht(
    d: Diensten,
    tekst: str,
    *,
    intent: str | None = None,
    entiteiten: Sequence[Mapping[str, Any]] = (),
    gevraagd: str | None = None,
    groep: Vraaggroep | None = None,
    leden: Sequence[str] = (),
) -> Lezing:
    """Alle feiten uit ``tekst``; ``gevraagd`` is het attribuut waarop we een antwoord wachten,
    of met ``groep`` de vraaggroep die de attributen ``leden`` samen vroeg."""
    lezing = Lezing()
    ruw: dict[str, Any] = dict(lees_feiten(tekst, d.gemeenten))
    if "gemeente" in ruw:
        ruw["gemeente"] = d.gemeenten.gemeente(ruw["gemeente"]).naam
    for entiteit in entiteiten:
        attribuut = d.vocabulaire.attributen.get(str(entiteit.get("entity")))
        waarde = entiteit.get("value")
        if attribuut is None:
            continue
        if attribuut.type is AttribuutType.ENUM and waarde in (attribuut.opties or {}):
            # een knop (/inform{"woonsituatie": "huurder_privaat"}) of een entiteit van de
            # NLU; wat de trefwoorden in de tekst lazen (met "gaat_voor") gaat voor
            ruw.setdefault(attribuut.sleutel, waarde)
        elif isinstance(waarde, (bool, int)) and attribuut.type in (
            AttribuutType.BOOL,
            AttribuutType.INT,
        ):
            ruw[attribuut.sleutel] = waarde  # knop van een vraaggroep: {"mantelzorger": true}

    if groep is not None and leden:
        _lees_groep(d, tekst, intent, groep, leden, ruw, lezing)
    elif gevraagd and gevraagd not in ruw:
        if intent == "dont_know" or is_weet_niet(tekst):
            lezing.weet_niet.append(gevraagd)
        elif gevraagd == "gemeente":
            _lees_gemeente(d, tekst, ruw, lezing)
        else:
            waarde = _los_antwoord(d, gevraagd, tekst, intent, heeft_andere=bool(ruw))
            if waarde is not None:
                ruw[gevraagd] = waarde
            elif d.vocabulaire.attributen[gevraagd].type is AttribuutType.EURO and (
                is_negatief_bedrag(tekst)
            ):
                lezing.berichten.append(Bericht("Een bedrag kan niet negatief zijn."))

    for sleutel, waarde in ruw.items():
        try:
            geldig = d.vocabulaire.valideer_profiel({sleutel: waarde}, d.los_gemeente_op)
        except ProfielFout as fout:
            for veldfout in fout.fouten:
                lezing.berichten.append(Bericht(_zin(veldfout.bericht)))
            continue
        lezing.waarden[sleutel] = waarde if sleutel == "gemeente" else geldig[sleutel]
    return lezing


def _lees_groep(
    d: Diensten,
    tekst: str,
    intent: str | None,
    groep: Vraaggroep,
    leden: Sequence[str],
    ruw: dict[str, Any],
    lezing: Lezing,
) -> None:
    """Het antwoord op een vraaggroep: wat het noemt, vult de leden in."""
    if not any(a in ruw for a in leden) and (intent == "dont_know" or is_weet_niet(tekst)):
        lezing.weet_niet.extend(leden)
        return
    schoon = woorden(tekst)
    for knop in groep.knoppen:  # "alleen" getypt is de knop "Alleen"
        if schoon == woorden(knop.titel):
            for attribuut, waarde in knop.waarden.items():
                ruw.setdefault(attribuut, waarde)
    if groep.soort is GroepSoort.AANKRUISEN:
        if any(a in ruw for a in leden):
            genoemd = {a for a in leden if ruw.get(a) is True}
        else:
            genoemd = standaard_trefwoorden().genoemde_situaties(tekst, leden)
        geen = schoon == woorden(groep.geen or "") or "geen van" in " ".join(schoon)
        nee = intent == "deny" or lees_ja_nee(tekst) is False
        if genoemd or geen or nee:
            for attribuut in leden:  # wat de persoon noemt is ja, de rest nee
                ruw[attribuut] = attribuut in genoemd
        return
    # samen: per deel van het antwoord ("34, Gent") de losse lezer van elk open lid
    delen = [deel.strip() for deel in _DELEN.split(tekst) if deel and deel.strip()]
    for attribuut in leden:
        if attribuut in ruw:
            continue
        soort = d.vocabulaire.attributen[attribuut].type
        gevonden = []
        for deel in delen:
            if soort is AttribuutType.GEMEENTE:
                kandidaten = lees_gemeente(deel, d.gemeenten)
                if len(kandidaten) == 1:
                    gevonden.append(kandidaten[0].gemeente.naam)
            elif soort is not AttribuutType.BOOL:
                waarde = _los_antwoord(d, attribuut, deel, None, heeft_andere=True)
                if waarde is not None:
                    gevonden.append(waarde)
        if len(gevonden) == 1:
            ruw[attribuut] = gevonden[0]


def _lees_gemeente(d: Diensten, tekst: str, ruw: dict[str, Any], lezing: Lezing) -> None:
    try:  # een knop of een korte naam: "Vorst (Laakdal)", "Gent", "9000"
        ruw["gemeente"] = d.gemeenten.resolve(tekst.strip(" .!?")).naam
        return
    except GemeenteDubbelzinnig as fout:
        lezing.berichten.append(_kies_gemeente(fout.bericht, fout.kandidaten))
        return
    except GemeenteFout:
        pass
    kandidaten = lees_gemeente(tekst, d.gemeenten)
    if len(kandidaten) == 1:
        ruw["gemeente"] = kandidaten[0].gemeente.naam
    elif kandidaten:
        vraag = "Welke gemeente bedoelt u?"
        lezing.berichten.append(_kies_gemeente(vraag, kandidaten))
    else:
        try:
            d.gemeenten.resolve(tekst.strip(" .!?"))
        except GemeenteFout as fout:
            lezing.berichten.append(Bericht(fout.bericht))


def _kies_gemeente(vraag: str, kandidaten: Sequence[Any]) -> Bericht:
    knoppen = [{"title": k.label, "payload": k.label} for k in list(kandidaten)[:6]]
    return Bericht(vraag, knoppen)


def _los_antwoord(
    d: Diensten, gevraagd: str, tekst: str, intent: str | None, *, heeft_andere: bool
) -> Any:
    """Een kort antwoord op de gestelde vraag: "drie", "ja", "1450", "ik huur"."""
    attribuut = d.vocabulaire.attributen[gevraagd]
    match attribuut.type:
        case AttribuutType.INT:
            lezer = {
                "leeftijd": lees_leeftijd,
                "aantal_kinderen": lees_aantal_kinderen,
                "leeftijd_jongste_kind": lees_leeftijd_jongste_kind,
            }.get(gevraagd, lees_getal)
            waarde = lezer(tekst)
            if waarde is None and lezer is not lees_getal:
                waarde = lees_getal(tekst)
            if waarde is None and gevraagd == "aantal_kinderen" and intent == "deny":
                waarde = 0
            return waarde
        case AttribuutType.EURO:
            if is_negatief_bedrag(tekst):
                return None
            waarde = lees_maandbedrag(tekst)
            return waarde if waarde is not None else lees_bedrag(tekst)
        case AttribuutType.BOOL:
            if heeft_andere:  # "nee, ik ben 43": het 'nee' gaat niet over deze vraag
                return None
            if intent == "affirm":
                return True
            if intent == "deny":
                return False
            return lees_ja_nee(tekst)
        case AttribuutType.ENUM:
            return lees_keuze(gevraagd, tekst)
    return None


def _zin(tekst: str) -> str:
    tekst = tekst.strip()
    return tekst if tekst.endswith((".", "?", "!")) else tekst + "."
