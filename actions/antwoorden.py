"""Eén bericht lezen: welke profielwaarden noemt het, en wat zeggen we terug als het niet lukt.

Gebruikt door het formulier (``validate_profiel_form``) en door correcties buiten het
formulier. De waarden zelf leest ``actions.normaliseren``; de controle (bereik, gemeente
in Vlaanderen of Brussel) doet de woordenlijst (``Vocabulaire.valideer_profiel``).
"""

from __future__ import annotations

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
from bot.diensten import Diensten
from bot.gemeenten import GemeenteDubbelzinnig, GemeenteFout
from bot.vocabulary import AttribuutType
from bot.vocabulary.model import ProfielFout

KNOP_WEET_NIET = {"title": "Weet ik niet", "payload": "/dont_know"}

VERWACHT = {
    AttribuutType.INT: "Antwoord met een getal, bijvoorbeeld 3.",
    AttribuutType.EURO: "Geef een bedrag in euro per maand, bijvoorbeeld 1400.",
    AttribuutType.BOOL: "Antwoord met ja of nee.",
    AttribuutType.ENUM: "Kies een van de knoppen, of zeg het in uw eigen woorden.",
    AttribuutType.GEMEENTE: "Geef de naam of de postcode van uw gemeente.",
}


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
) -> Lezing:
    """Alle feiten uit ``tekst``; ``gevraagd`` is het attribuut waarop we een antwoord wachten."""
    lezing = Lezing()
    ruw: dict[str, Any] = dict(lees_feiten(tekst, d.gemeenten))
    if "gemeente" in ruw:
        ruw["gemeente"] = d.gemeenten.gemeente(ruw["gemeente"]).naam
    for entiteit in entiteiten:  # knoppen: /inform{"woonsituatie": "huurder_privaat"}
        attribuut = d.vocabulaire.attributen.get(str(entiteit.get("entity")))
        if (
            attribuut
            and attribuut.type is AttribuutType.ENUM
            and entiteit.get("value") in (attribuut.opties or {})
        ):
            ruw[attribuut.sleutel] = entiteit["value"]

    if gevraagd and gevraagd not in ruw:
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
