"""Read ``attributen.yaml`` into a :class:`Vocabulaire`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.vocabulary.model import (
    Attribuut,
    AttribuutType,
    GroepKnop,
    GroepSoort,
    InkomensBegrip,
    InkomensSchatting,
    ProfielFout,
    Rubriek,
    Vocabulaire,
    Vraaggroep,
    Vrager,
)

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
    rubrieken = _rubrieken(data.get("rubrieken"), bron)
    attributen: dict[str, Attribuut] = {}
    for volgorde, (sleutel, velden) in enumerate(data["attributen"].items()):
        attributen[sleutel] = _attribuut(sleutel, velden, volgorde, bron)
        _controleer_rubriek(attributen[sleutel], rubrieken, bron)
    afgeleid_data = data.get("afgeleid") or {}
    afgeleid = {naam: velden["regel"] for naam, velden in afgeleid_data.items()}
    omschrijving = {naam: velden.get("omschrijving", "") for naam, velden in afgeleid_data.items()}
    inkomen = {
        naam: _inkomensbegrip(naam, velden, attributen, bron)
        for naam, velden in (data.get("inkomen") or {}).items()
    }
    dubbel = set(attributen) & set(afgeleid)
    if dubbel:
        raise VocabulaireFout(
            f"{bron}: {', '.join(sorted(dubbel))} is zowel gevraagd als afgeleid."
        )
    zonder_groepen = Vocabulaire(
        attributen=attributen,
        afgeleid=afgeleid,
        afgeleid_omschrijving=omschrijving,
        inkomen=inkomen,
    )
    groepen = _vraaggroepen(data.get("vraaggroepen") or {}, zonder_groepen, bron)
    return Vocabulaire(
        attributen=attributen,
        afgeleid=afgeleid,
        afgeleid_omschrijving=omschrijving,
        inkomen=inkomen,
        vraaggroepen=groepen,
        rubrieken=rubrieken,
    )


def _rubrieken(data: Any, bron: str) -> dict[str, Rubriek]:
    """The sections of the guided form: key -> title, in the order of the page."""
    if data is None:
        return {}
    if not isinstance(data, dict) or not data:
        raise VocabulaireFout(f"{bron}: 'rubrieken' geeft per rubriek een titel.")
    rubrieken: dict[str, Rubriek] = {}
    for volgorde, (sleutel, titel) in enumerate(data.items()):
        if not isinstance(titel, str) or not titel.strip():
            raise VocabulaireFout(f"{bron}: rubriek '{sleutel}' heeft geen titel.")
        rubrieken[str(sleutel)] = Rubriek(
            sleutel=str(sleutel), titel=_tekst(titel), volgorde=volgorde
        )
    return rubrieken


def _controleer_rubriek(attribuut: Attribuut, rubrieken: dict[str, Rubriek], bron: str) -> None:
    """With a block 'rubrieken', every attribute names one of them (and only then)."""
    waar = f"{bron}: attribuut '{attribuut.sleutel}'"
    keuzes = ", ".join(rubrieken)
    if attribuut.rubriek is None:
        if rubrieken:
            raise VocabulaireFout(
                f"{waar}: het veld 'rubriek' ontbreekt (het deel van het begeleide "
                f"formulier). Kies uit: {keuzes}."
            )
        return
    if attribuut.rubriek not in rubrieken:
        uitleg = f"Kies uit: {keuzes}." if rubrieken else "Er is geen blok 'rubrieken'."
        raise VocabulaireFout(f"{waar}: de rubriek '{attribuut.rubriek}' bestaat niet. {uitleg}")


def _inkomensbegrip(
    naam: str, velden: Any, attributen: dict[str, Attribuut], bron: str
) -> InkomensBegrip:
    waar = f"{bron}: inkomensbegrip '{naam}'"
    if not isinstance(velden, dict) or ("regel" in velden) == ("schatting" in velden):
        raise VocabulaireFout(f"{waar}: geef ofwel 'regel' ofwel 'schatting'.")
    schatting = None
    if "schatting" in velden:
        schatting = _schatting(velden["schatting"], attributen, waar)
    precies = velden.get("precies")
    if precies is not None and attributen.get(precies) is None:
        raise VocabulaireFout(f"{waar}: 'precies' noemt '{precies}', dat geen attribuut is.")
    return InkomensBegrip(
        naam=naam,
        omschrijving=_tekst(velden.get("omschrijving", "")),
        regel=velden.get("regel"),
        benaderd=bool(velden.get("benaderd", False)),
        uitleg_benadering=velden.get("uitleg_benadering"),
        schatting=schatting,
        precies=precies,
    )


def _schatting(velden: Any, attributen: dict[str, Attribuut], waar: str) -> InkomensSchatting:
    if not isinstance(velden, dict) or not isinstance(velden.get("factor"), dict):
        raise VocabulaireFout(f"{waar}: een schatting heeft 'van', 'factor' en meestal 'soort'.")
    van, soort = velden.get("van"), velden.get("soort")
    if van not in attributen or attributen[van].type is not AttribuutType.EURO:
        raise VocabulaireFout(f"{waar}: 'van' moet een bedrag-attribuut zijn.")
    if soort is None:  # the kind is not asked: only the factor "onbekend"
        nodig = {"onbekend"}
    elif soort not in attributen or attributen[soort].type is not AttribuutType.ENUM:
        raise VocabulaireFout(f"{waar}: 'soort' moet een keuze-attribuut zijn (of laat het weg).")
    else:
        nodig = {*(attributen[soort].opties or {}), "onbekend"}
    factor: dict[str, tuple[float, float, float]] = {}
    for sleutel, drie in velden["factor"].items():
        if (
            not isinstance(drie, list)
            or len(drie) != 3
            or not all(isinstance(x, (int, float)) for x in drie)
            or not drie[0] <= drie[1] <= drie[2]
        ):
            raise VocabulaireFout(
                f"{waar}: factor '{sleutel}' moet [laag, midden, hoog] zijn, oplopend."
            )
        factor[str(sleutel)] = (float(drie[0]), float(drie[1]), float(drie[2]))
    ruim = factor.get("onbekend")
    smal = [
        k for k, (laag, _, hoog) in factor.items() if ruim and (laag < ruim[0] or hoog > ruim[2])
    ]
    if smal:
        raise VocabulaireFout(
            f"{waar}: de factor 'onbekend' moet elke andere omvatten (ook {', '.join(smal)}): "
            "een antwoord op de soort inkomen mag de bandbreedte alleen smaller maken."
        )
    if set(factor) != nodig:
        ontbreekt = ", ".join(sorted(nodig - set(factor))) or "-"
        teveel = ", ".join(sorted(set(factor) - nodig)) or "-"
        raise VocabulaireFout(
            f"{waar}: geef een factor voor elke soort en 'onbekend' "
            f"(ontbreekt: {ontbreekt}; onbekend: {teveel})."
        )
    return InkomensSchatting(van=van, soort=soort, factor=factor)


def _vraaggroepen(data: Any, vocabulaire: Vocabulaire, bron: str) -> dict[str, Vraaggroep]:
    if not isinstance(data, dict):
        raise VocabulaireFout(f"{bron}: 'vraaggroepen' moet groepen met een naam bevatten.")
    groepen: dict[str, Vraaggroep] = {}
    al_in_groep: dict[str, str] = {}
    for sleutel, velden in data.items():
        groep = _vraaggroep(str(sleutel), velden, vocabulaire, f"{bron}: vraaggroep '{sleutel}'")
        for lid in groep.leden:
            if lid in al_in_groep:
                raise VocabulaireFout(
                    f"{bron}: vraaggroep '{sleutel}': '{lid}' zit al in de groep "
                    f"'{al_in_groep[lid]}'. Een attribuut hoort bij hoogstens één groep."
                )
            al_in_groep[lid] = groep.sleutel
        groepen[groep.sleutel] = groep
    eerst = [k for k, g in groepen.items() if g.eerst]
    if len(eerst) > 1:
        raise VocabulaireFout(
            f"{bron}: alleen één vraaggroep kan 'eerst' zijn, niet {' en '.join(eerst)}."
        )
    return groepen


def _vraaggroep(sleutel: str, velden: Any, vocabulaire: Vocabulaire, waar: str) -> Vraaggroep:
    if not isinstance(velden, dict):
        raise VocabulaireFout(f"{waar} moet velden hebben.")
    try:
        soort = GroepSoort(velden.get("soort"))
    except ValueError:
        raise VocabulaireFout(f"{waar}: 'soort' moet 'samen' of 'aankruisen' zijn.") from None
    for verplicht in ("vraag", "waarom", "leden"):
        if not velden.get(verplicht):
            raise VocabulaireFout(f"{waar}: het veld '{verplicht}' ontbreekt.")
    ruwe_leden = velden["leden"]
    labels: dict[str, str] = {}
    leeg_is_nee: set[str] = set()
    if soort is GroepSoort.AANKRUISEN:
        if not isinstance(ruwe_leden, dict):
            raise VocabulaireFout(f"{waar}: geef bij 'leden' per attribuut de knoptekst.")
        for k, v in ruwe_leden.items():
            if isinstance(v, dict):
                if not v.get("tekst") or not isinstance(v.get("leeg_is_nee", False), bool):
                    raise VocabulaireFout(
                        f"{waar}: lid '{k}' heeft een 'tekst' en eventueel 'leeg_is_nee: true'."
                    )
                labels[str(k)] = _tekst(v["tekst"])
                if v.get("leeg_is_nee"):
                    leeg_is_nee.add(str(k))
            else:
                labels[str(k)] = _tekst(v)
        leden = tuple(labels)
        if not velden.get("geen"):
            raise VocabulaireFout(f"{waar}: geef bij 'geen' de knoptekst voor 'geen van deze'.")
    else:
        if not isinstance(ruwe_leden, list):
            raise VocabulaireFout(f"{waar}: 'leden' moet een lijst van attributen zijn.")
        leden = tuple(str(lid) for lid in ruwe_leden)
    if len(leden) < 2 or len(set(leden)) != len(leden):
        raise VocabulaireFout(f"{waar}: een groep heeft minstens twee verschillende leden.")
    for lid in leden:
        attribuut = vocabulaire.attributen.get(lid)
        if attribuut is None:
            raise VocabulaireFout(f"{waar}: '{lid}' is geen gevraagd attribuut.")
        if soort is GroepSoort.AANKRUISEN and attribuut.type is not AttribuutType.BOOL:
            raise VocabulaireFout(f"{waar}: '{lid}' is geen ja/nee-vraag; aankruisen kan niet.")
    ook = velden.get("knoppen_vullen_ook") or []
    if not isinstance(ook, list) or any(o not in vocabulaire.attributen or o in leden for o in ook):
        raise VocabulaireFout(
            f"{waar}: 'knoppen_vullen_ook' is een lijst van attributen die geen lid zijn."
        )
    knoppen = tuple(
        _groepknop(k, (*leden, *ook), vocabulaire, waar) for k in velden.get("knoppen") or ()
    )
    return Vraaggroep(
        sleutel=sleutel,
        soort=soort,
        vraag=_tekst(velden["vraag"]),
        waarom=_tekst(velden["waarom"]),
        leden=leden,
        labels=labels,
        knoppen=knoppen,
        geen=velden.get("geen"),
        eerst=bool(velden.get("eerst", False)),
        leeg_is_nee=frozenset(leeg_is_nee),
    )


def _tekst(waarde: Any) -> str:
    """A text from the YAML file on one line: YAML's folded lines and spaces made single."""
    return " ".join(str(waarde).split())


def _groepknop(knop: Any, leden: tuple[str, ...], vocabulaire: Vocabulaire, waar: str) -> GroepKnop:
    if (
        not isinstance(knop, dict)
        or not knop.get("titel")
        or not isinstance(knop.get("waarden"), dict)
    ):
        raise VocabulaireFout(f"{waar}: elke knop heeft een 'titel' en 'waarden'.")
    waarden = dict(knop["waarden"])
    vreemd = [k for k in waarden if k not in leden]
    if vreemd:
        raise VocabulaireFout(
            f"{waar}: knop '{knop['titel']}' vult '{vreemd[0]}' in, dat geen lid van de groep is "
            "(en niet in 'knoppen_vullen_ook' staat)."
        )
    try:
        waarden = vocabulaire.valideer_profiel(waarden)
    except ProfielFout as fout:
        raise VocabulaireFout(f"{waar}: knop '{knop['titel']}': {fout}") from None
    return GroepKnop(titel=str(knop["titel"]), waarden=waarden)


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
    kort = _kort(velden.get("kort"), soort, opties, waar)
    aannemelijk = _aannemelijk(velden.get("aannemelijk"), soort, waar)
    nagaan = velden.get("nagaan")
    if nagaan is not None and (not isinstance(nagaan, str) or "{waarde}" not in nagaan):
        raise VocabulaireFout(f"{waar}: 'nagaan' is een vraag met {{waarde}}.")
    if aannemelijk is not None and nagaan is None:
        raise VocabulaireFout(f"{waar}: bij 'aannemelijk' hoort een vraag in 'nagaan'.")
    over = velden.get("over")
    if over not in (None, "persoon", "gezin"):
        raise VocabulaireFout(f"{waar}: 'over' is 'persoon' of 'gezin', niet '{over}'.")
    gevraagd_door = _gevraagd_door(velden.get("gevraagd_door"), waar)
    return Attribuut(
        gevraagd_door=gevraagd_door,
        kort=kort,
        aannemelijk=aannemelijk,
        nagaan=_tekst(nagaan) if nagaan else None,
        nee_is_nul=bool(velden.get("nee_is_nul", False)),
        over=over,
        sleutel=sleutel,
        type=soort,
        vraag=_tekst(velden["vraag"]),
        waarom=_tekst(velden["waarom"]),
        volgorde=volgorde,
        opties=opties,
        min=velden.get("min"),
        max=velden.get("max"),
        eenheid=velden.get("eenheid"),
        gevoelig=bool(velden.get("gevoelig", False)),
        rubriek=None if velden.get("rubriek") is None else str(velden["rubriek"]),
    )


def _gevraagd_door(data: Any, waar: str) -> frozenset[Vrager]:
    """Who may ask the attribute: a list of ``chat`` and ``begeleider``; default both."""
    if data is None:
        return frozenset(Vrager)
    keuzes = ", ".join(v.value for v in Vrager)
    if not isinstance(data, list) or not data:
        raise VocabulaireFout(
            f"{waar}: 'gevraagd_door' is een lijst met een of meer van: {keuzes}."
        )
    vragers: set[Vrager] = set()
    for waarde in data:
        try:
            vragers.add(Vrager(waarde))
        except ValueError:
            raise VocabulaireFout(
                f"{waar}: 'gevraagd_door' kent '{waarde}' niet; kies uit: {keuzes}."
            ) from None
    return frozenset(vragers)


def _kort(
    kort: Any, soort: AttribuutType, opties: Mapping[str, str] | None, waar: str
) -> str | dict[str, str]:
    """The short text of an answer: required, one per option, or a text with {waarde}."""
    if kort is None:
        raise VocabulaireFout(
            f"{waar}: het veld 'kort' ontbreekt (hoe de bot het antwoord kort herhaalt)."
        )
    if isinstance(kort, str):
        if soort in (AttribuutType.BOOL, AttribuutType.ENUM):
            raise VocabulaireFout(f"{waar}: 'kort' geeft een tekst per optie.")
        if "{waarde}" not in kort:
            raise VocabulaireFout(f"{waar}: 'kort' bevat {{waarde}}, bv. \"{{waarde}} jaar\".")
        return kort
    if not isinstance(kort, dict) or not all(isinstance(v, str) for v in kort.values()):
        raise VocabulaireFout(f"{waar}: 'kort' is een tekst of een tekst per optie.")
    teksten = {_optie_sleutel(k): v for k, v in kort.items()}
    if soort in (AttribuutType.BOOL, AttribuutType.ENUM):
        ontbreekt = sorted(set(opties or {}) - set(teksten))
        vreemd = sorted(set(teksten) - set(opties or {}))
        if ontbreekt or vreemd:
            fout = (
                f"geen tekst voor '{ontbreekt[0]}'"
                if ontbreekt
                else f"onbekende optie '{vreemd[0]}'"
            )
            raise VocabulaireFout(f"{waar}: 'kort' heeft {fout}.")
    elif soort in (AttribuutType.INT, AttribuutType.EURO):
        if "anders" not in teksten or "{waarde}" not in teksten["anders"]:
            raise VocabulaireFout(f"{waar}: 'kort' per getal heeft ook 'anders', met {{waarde}}.")
    else:
        raise VocabulaireFout(f"{waar}: 'kort' is hier een tekst met {{waarde}}.")
    return teksten


def _aannemelijk(data: Any, soort: AttribuutType, waar: str) -> tuple[float, float, bool] | None:
    if data is None:
        return None
    if soort not in (AttribuutType.INT, AttribuutType.EURO):
        raise VocabulaireFout(f"{waar}: 'aannemelijk' is er alleen voor getallen en bedragen.")
    if (
        not isinstance(data, dict)
        or set(data) - {"van", "tot", "nul"}
        or not all(isinstance(data.get(k), (int, float)) for k in ("van", "tot"))
        or data["van"] > data["tot"]
    ):
        raise VocabulaireFout(f"{waar}: schrijf 'aannemelijk' als {{van: 16, tot: 105}}.")
    return float(data["van"]), float(data["tot"]), bool(data.get("nul", False))


def _optie_sleutel(sleutel: Any) -> str:
    if isinstance(sleutel, bool):
        return "true" if sleutel else "false"
    return str(sleutel)
