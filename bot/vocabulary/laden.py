"""Read ``attributen.yaml`` into a :class:`Vocabulaire`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.vocabulary.model import Attribuut, AttribuutType, InkomensBegrip, Vocabulaire

STANDAARD_PAD = Path(__file__).with_name("attributen.yaml")


class VocabulaireFout(ValueError):
    """The vocabulary file is broken; the message names the file and the attribute."""


def laad_vocabulaire(pad: Path = STANDAARD_PAD) -> Vocabulaire:
    with pad.open(encoding="utf-8") as bestand:
        data = yaml.safe_load(bestand)
    return vocabulaire_uit_data(data, bron=str(pad))


def vocabulaire_uit_data(data: Any, bron: str = "attributen.yaml") -> Vocabulaire:
    if not isinstance(data, dict) or not isinstance(data.get("attributen"), dict):
        raise VocabulaireFout(f"{bron}: het bestand moet een blok 'attributen' hebben.")
    attributen: dict[str, Attribuut] = {}
    for volgorde, (sleutel, velden) in enumerate(data["attributen"].items()):
        attributen[sleutel] = _attribuut(sleutel, velden, volgorde, bron)
    afgeleid_data = data.get("afgeleid") or {}
    afgeleid = {naam: velden["regel"] for naam, velden in afgeleid_data.items()}
    omschrijving = {naam: velden.get("omschrijving", "") for naam, velden in afgeleid_data.items()}
    inkomen = {
        naam: InkomensBegrip(
            naam=naam,
            omschrijving=velden.get("omschrijving", ""),
            regel=velden["regel"],
            benaderd=bool(velden.get("benaderd", False)),
            uitleg_benadering=velden.get("uitleg_benadering"),
        )
        for naam, velden in (data.get("inkomen") or {}).items()
    }
    dubbel = set(attributen) & set(afgeleid)
    if dubbel:
        raise VocabulaireFout(
            f"{bron}: {', '.join(sorted(dubbel))} is zowel gevraagd als afgeleid."
        )
    return Vocabulaire(
        attributen=attributen,
        afgeleid=afgeleid,
        afgeleid_omschrijving=omschrijving,
        inkomen=inkomen,
    )


def _attribuut(sleutel: str, velden: Any, volgorde: int, bron: str) -> Attribuut:
    waar = f"{bron}: attribuut '{sleutel}'"
    if not isinstance(velden, dict):
        raise VocabulaireFout(f"{waar} moet velden hebben.")
    try:
        soort = AttribuutType(velden["type"])
    except (KeyError, ValueError):
        raise VocabulaireFout(f"{waar}: onbekend of ontbrekend type.") from None
    for verplicht in ("vraag", "waarom"):
        if not velden.get(verplicht):
            raise VocabulaireFout(f"{waar}: het veld '{verplicht}' ontbreekt.")
    opties = velden.get("opties")
    if soort in (AttribuutType.ENUM, AttribuutType.BOOL) and not opties:
        raise VocabulaireFout(f"{waar}: geef 'opties' met een knoptekst per waarde.")
    if opties is not None:
        opties = {_optie_sleutel(k): str(v) for k, v in opties.items()}
        if soort is AttribuutType.BOOL and set(opties) != {"true", "false"}:
            raise VocabulaireFout(
                f"{waar}: een ja/nee-vraag heeft precies de opties true en false."
            )
    return Attribuut(
        sleutel=sleutel,
        type=soort,
        vraag=" ".join(str(velden["vraag"]).split()),
        waarom=" ".join(str(velden["waarom"]).split()),
        volgorde=volgorde,
        opties=opties,
        min=velden.get("min"),
        max=velden.get("max"),
        eenheid=velden.get("eenheid"),
        gevoelig=bool(velden.get("gevoelig", False)),
    )


def _optie_sleutel(sleutel: Any) -> str:
    if isinstance(sleutel, bool):
        return "true" if sleutel else "false"
    return str(sleutel)
