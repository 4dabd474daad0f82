"""Eén bericht lezen: welke profielwaarden noemt het, en wat zeggen we terug als het niet lukt.

Gebruikt door het formulier (``validate_profiel_form``) en door correcties buiten het
formulier. De waarden zelf leest ``actions.normaliseren``; de controle (bereik, gemeente
in Vlaanderen of Brussel) doet de woordenlijst (``Vocabulaire.valideer_profiel``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from actions.normaliseren import (
    is_negatief_bedrag,
    is_weet_niet,
    leeftijd_op,
    lees_aantal_kinderen,
    lees_bedrag,
    lees_bedrag_details,
    lees_bedragbereik,
    lees_feiten,
    lees_geboortedatum,
    lees_gemeente,
    lees_getal,
    lees_getalfeiten,
    lees_gezinsbedragen,
    lees_huisgenoten,
    lees_ja_nee,
    lees_jaren_sinds,
    lees_keuze,
    lees_leeftijd,
    lees_leeftijd_jongste_kind,
    lees_maandbedrag,
    lees_periode,
    zegt_nee,
)
from actions.normaliseren.getallen import (
    KIND_PERSONEN,
    KIND_WOORDEN,
    Geboortedatum,
    Huisgenoten,
    bedragen_van_huisgenoten,
    getalwoorden,
    naar_cijfers,
)
from actions.normaliseren.tekst import LEESTEKENS, ik_vooraan, normaliseer, woorden
from actions.normaliseren.tikfouten import standaard_verbeteraar
from actions.normaliseren.trefwoorden import (
    ANDERE_PERSONEN,
    Treffer,
    Trefwoorden,
    ander_in_zinsdeel,
    over_een_ander,
    standaard_trefwoorden,
)
from bot.diensten import Diensten
from bot.gemeenten import GemeenteDubbelzinnig, GemeenteFout
from bot.notatie import euro_afgerond as euro
from bot.vocabulary import Attribuut, AttribuutType, GroepSoort, Vraaggroep
from bot.vocabulary.model import ProfielFout

KNOP_WEET_NIET = {"title": "Weet ik niet", "payload": "/dont_know"}

VERWACHT = {
    AttribuutType.INT: "Antwoord met een getal, bijvoorbeeld 3.",
    AttribuutType.EURO: "Geef een bedrag in euro per maand, bijvoorbeeld 1400.",
    AttribuutType.BOOL: "Antwoord met ja of nee.",
    AttribuutType.ENUM: "Kies een van de knoppen, of zeg het in uw eigen woorden.",
    AttribuutType.GEMEENTE: "Geef de naam of de postcode van uw gemeente.",
}
VERWACHT_JAARBEDRAG = "Geef een bedrag in euro per jaar, bijvoorbeeld 24000."
VERWACHT_GROEP = {
    GroepSoort.SAMEN: "Zeg het in uw eigen woorden, zoals in het voorbeeld bij de vraag.",
    GroepSoort.AANKRUISEN: "Kies een knop, of typ welke situaties bij u passen.",
}
_DELEN = re.compile(r"(?<!\d),|,(?!\d)|;|(?<!\d)\s+en\s+|\s+en\s+(?!\d)|\bmaar\b")
"""De delen van een antwoord op een samen-vraag: "34, Gent", "1.250,50 euro, pensioen"
(geen deling in een bedrag met cijfers na de komma)."""
_GETAL_EN_NAAM = re.compile(
    r"(?<=\d)\s+(?=(?!(?:" + "|".join(sorted(getalwoorden(), key=len, reverse=True)) + r")\b)"
    r"[^\W\d_]{4,}$)|(?<=\d jaar)\s+|(?<=\d jr)\s+|(?<=[^\W\d_]{4})\s+(?=\d{1,3}$)",
    re.IGNORECASE,
)
"""Een deel zonder komma: "39 jaar vilvoorde", "vilvoorde 39" wordt "39 jaar" en "vilvoorde"."""
_AANLOOP = frozenset({"allez", "euh", "eh", "tja"})
_LOS_GETAL = re.compile(r"\W*\d{1,3}\s*(?:jaar|jr|j)?(?:\s+oud)?\W*", re.IGNORECASE)
_ZONDER_IK = re.compile(
    r"(?:^|(?<=[,;.!?] )|(?<=[,;.!?])|(?<=\ben )|(?<=\bmaar ))"
    r"(?=\s*(?:ben|heb|woon|werk|krijg|zorg|huur|sta|verdien|zoek|studeer|zit|leef|ontvang)\b)",
    re.IGNORECASE,
)
"""Waar "ik" wegviel: een werkwoord in de ik-vorm vooraan een zinsdeel ("ben 40", "en
zoek werk", ", krijg een leefloon"); "werkt" of "krijgt" gaan over een ander."""
_VOORAF = re.compile(
    r"^\W*(?:(?:sorry|pardon|oei|oeps|euh|eh|nee|neen|ja|allez|ok|oké|dus|wacht)\W+)+",
    re.IGNORECASE,
)
_IS_VRAAG = re.compile(r"\?\s*$|^\W*(?:wat|hoe|waarom|wanneer|wie)\b", re.IGNORECASE)
_LEGE_KNOP = re.compile(r"/inform\{\s*\}")


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
    groep_beantwoord: bool = False
    """Het bericht beantwoordt de gevraagde vraaggroep, ook als het niets invult
    ("geen van deze" als geen enkel gevraagd lid nee wordt als het leeg blijft)."""

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
    opening: bool = False,
) -> Lezing:
    """Alle feiten uit ``tekst``; ``gevraagd`` is het attribuut waarop we een antwoord wachten,
    of met ``groep`` de vraaggroep die de attributen ``leden`` samen vroeg.

    Met ``opening`` is ``groep`` niet echt gevraagd (het eerste bericht, "55 jaar, ieper"):
    een plaatsnaam telt dan alleen zonder tikfout, zodat "hallo" geen Halle wordt.

    Verbetert de persoon zichzelf in het bericht ("ik ben 45 nee sorry 54", "2 kinderen,
    nee 3 eigenlijk"), dan telt wat na de verbetering staat."""
    lees = partial(
        _lees_bericht,
        d,
        intent=intent,
        entiteiten=entiteiten,
        gevraagd=gevraagd,
        groep=groep,
        leden=leden,
        opening=opening,
    )
    if tekst.lstrip().startswith("/"):
        return lees(tekst)
    # "leefloonn", "soicale woning": kleine tikfouten eerst verbeterd, voor elke lezer
    tekst = vul_ik_niet_aan(standaard_verbeteraar(d.gemeenten).tekst(normaliseer(tekst)))
    gesplitst = splits_verbetering(tekst)
    if gesplitst is None:
        return lees(tekst)
    voor, na = gesplitst
    eerst, dan = lees(voor), lees(na)
    eerst.waarden.update(dan.waarden)
    eerst.weet_niet = [a for a in (*eerst.weet_niet, *dan.weet_niet) if a not in eerst.waarden]
    eerst.berichten = [b for b in eerst.berichten if b not in dan.berichten] + dan.berichten
    eerst.groep_beantwoord = eerst.groep_beantwoord or dan.groep_beantwoord
    return eerst


_IK_NIET = re.compile(
    r"^(?P<ander>.*\b(?:mijn|mijne|ons|onze|zijn|haar|hun)\s+(?P<wie>\w+)\s+"
    r"(?:heeft|krijgt|ontvangt|trekt)\s+(?:(?:de|het|een|ne|nen|e)\s+)?(?P<wat>[^,.;!?]+?))"
    r"\s*[,;]?\s*(?:maar\s+|en\s+)?(?:ik\s+(?:zelf\s+)?|ikzelf\s+|zelf\s+)niet\b(?P<rest>.*)$",
    re.IGNORECASE,
)


_BUITEN_HET_GEZIN = frozenset(
    [
        "moeder",
        "vader",
        "ma",
        "pa",
        "mama",
        "papa",
        "moeke",
        "vake",
        "ouders",
        "broer",
        "zus",
        "zuster",
        "oma",
        "opa",
        "bomma",
        "bompa",
        "grootmoeder",
        "grootvader",
        "schoonmoeder",
        "schoonvader",
        "buurman",
        "buurvrouw",
        "gebuur",
    ]
)
"""People whose benefit is not the household's: not the partner, not a child."""


def vul_ik_niet_aan(tekst: str) -> str:
    """ "mijn moeder heeft de verhoogde tegemoetkoming, ik niet": the person says no to
    the same thing. Read as "ik heb geen verhoogde tegemoetkoming": the mother's fact is
    not the person's (nor the household's: she is not the partner). A partner's or a
    child's benefit or handicap counts for the household ("mijn dochter heeft een erkende
    handicap, ik niet" is a yes for the household), so those stay as they are."""
    m = _IK_NIET.match(tekst)
    if m is None or m["wie"].lower() not in _BUITEN_HET_GEZIN:
        return tekst
    return f"ik heb geen {m['wat'].strip()}{m['rest']}"


_VERBETERING = re.compile(
    r"(?:^|[\s,.;!])(?P<teken>(?:(?:e+h+|eu+h+|uh+)\s+)?(?:of\s+)?"
    r"(?P<nee>nee+n?)\s*,?\s*(?:sorry|wacht|pardon|eigenlijk)\b"
    r"|(?:e+h+|eu+h+)\s*,?\s*(?P<nee2>nee+n?)\b"
    r"|(?:of\s+)?(?P<nee3>nee+n?)(?=\s*,?\s*(?:al\s+)?\d)"
    r"|(?:oh|o|oei|oeps)\s*,?\s*(?:wacht|sorry|tikfout)\b"
    r"|sorry\s*,?\s*(?:ik\s+bedoel|bedoel\s+ik)\b|sorry|pardon|ik\s+bedoel)"
)
_GETAL_VOORAAN = re.compile(r"^\W*(?:(?:al|eigenlijk|toch|maar|wel)\s+)?(?P<getal>\d+(?:[.,]\d+)*)")
_GETAL = re.compile(r"\d+(?:[.,]\d+)*")


def splits_verbetering(tekst: str) -> tuple[str, str] | None:
    """``(voor, na)`` als de tekst zichzelf verbetert, anders ``None``.

    Begint het stuk na de verbetering met een getal, dan vervangt dat het laatste getal
    ervoor: "ik ben 45 nee sorry 54" wordt ("ik ben 54", ...). Een "nee" in de
    verbetering blijft een nee: "ja, eh nee sorry, dat is gestopt"."""
    treffers = [m for m in _VERBETERING.finditer(tekst) if m.start("teken") > 0]
    if not treffers:
        return None
    m = treffers[-1]
    voor = tekst[: m.start("teken")].strip(" ,.;!")
    na = tekst[m.end("teken") :].strip(" ,.;!")
    if not voor or not na and not (m.group("nee") or m.group("nee2") or m.group("nee3")):
        return None
    getal = _GETAL_VOORAAN.match(na)
    oude = list(_GETAL.finditer(voor))
    if getal and oude:
        laatste = oude[-1]
        voor = voor[: laatste.start()] + getal.group("getal") + voor[laatste.end() :]
        na = na[getal.end() :].strip(" ,.;!")
        return voor, na
    if m.group("nee") or m.group("nee2") or m.group("nee3"):
        na = f"nee, {na}" if na else "nee"
    return voor, na


def _lees_bericht(
    d: Diensten,
    tekst: str,
    *,
    intent: str | None,
    entiteiten: Sequence[Mapping[str, Any]],
    gevraagd: str | None,
    groep: Vraaggroep | None,
    leden: Sequence[str],
    opening: bool,
) -> Lezing:
    lezing = Lezing()
    knop = tekst.lstrip().startswith("/")  # /inform{"aantal_kinderen": 0}: only its values
    if not knop:
        tekst = _ZONDER_IK.sub("ik ", tekst)  # "ben 40", "woon in Gent", "en zoek werk"
        tekst = ik_vooraan(tekst)  # "nu zoek ik werk"
    ruw: dict[str, Any] = {} if knop else dict(lees_feiten(tekst, d.gemeenten))
    if ruw.get("woonsituatie") == "huurder_sociaal" and _WACHT_OP_SOCIALE.search(tekst):
        # "ingeschreven voor een sociale woning": die heeft men nog niet
        woont = standaard_trefwoorden().keuze("woonsituatie", _WACHT_OP_SOCIALE.sub(" ", tekst))
        if woont is None:
            del ruw["woonsituatie"]
        else:
            ruw["woonsituatie"] = woont
    if "gemeente" in ruw:
        ruw["gemeente"] = d.gemeenten.gemeente(ruw["gemeente"]).naam
    eigen = over_uzelf(tekst)
    if eigen != tekst:
        # "mijn moeder van 84 woont bij mij, ik ben zelf 59", "mijn zus woont in Genk, ik
        # woon in As": leeftijd en gemeente alleen uit wat over u gaat
        if "leeftijd" in ruw:
            eigen_leeftijd = lees_feiten(eigen).get("leeftijd")
            if eigen_leeftijd is None:
                del ruw["leeftijd"]
            else:
                ruw["leeftijd"] = eigen_leeftijd
        if "gemeente" in ruw:
            kandidaten = lees_gemeente(eigen, d.gemeenten, los_antwoord=False)
            if len(kandidaten) == 1:
                ruw["gemeente"] = kandidaten[0].gemeente.naam
            else:
                del ruw["gemeente"]
    _lees_eigen_woorden(tekst, ruw, gevraagde=tuple(leden) or (gevraagd,))
    _lees_zorg(tekst, ruw, gevraagde=tuple(leden) or (gevraagd,))
    uitdrukkelijk = set(ruw)  # "ik ben 150 jaar": gezegd, niet uit een los getal geraden
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

    gevraagde = tuple(leden) if groep is not None else ((gevraagd,) if gevraagd else ())
    huisgenoten = None if knop else _lees_huisgenoten(tekst, ruw)
    if (
        gevraagde
        and "aantal_kinderen" in ruw
        and "aantal_kinderen" not in gevraagde
        and not (huisgenoten and huisgenoten.kinderen == ruw["aantal_kinderen"])
    ):
        # "ja, mijn zoon wel" of "mijn dochter is 4" op een andere vraag zegt niet hoeveel
        # kinderen er zijn: alleen met "kind(eren)" of met het aantal als cijfer
        aantal = str(ruw["aantal_kinderen"])
        if not any("kind" in w or w == aantal or w in KIND_WOORDEN for w in woorden(tekst)):
            del ruw["aantal_kinderen"]

    if groep is not None and leden:
        _lees_groep(d, tekst, intent, groep, leden, ruw, lezing, opening=opening)
    elif gevraagd and gevraagd not in ruw:
        if intent == "dont_know" or is_weet_niet(tekst):
            lezing.weet_niet.append(gevraagd)
        elif gevraagd == "gemeente":
            _lees_gemeente(d, eigen or tekst, ruw, lezing)
        else:
            waarde = _los_antwoord(d, gevraagd, tekst, intent, heeft_andere=bool(ruw))
            if waarde is not None:
                ruw[gevraagd] = waarde
            elif d.vocabulaire.attributen[gevraagd].type is AttribuutType.EURO and (
                is_negatief_bedrag(tekst)
            ):
                lezing.berichten.append(Bericht("Een bedrag kan niet negatief zijn."))
    if (_MET_ONS_TWEE.search(tekst) or _KINDEREN_WEG.search(tekst)) and not _noemt_kind(
        _KINDEREN_WEG.sub(" ", tekst)
    ):
        # "met ons tweetjes", "de kinderen zijn het huis uit": geen kinderen thuis
        ruw.setdefault("aantal_kinderen", 0)
    if _WOON_ALLEEN.search(tekst) and ruw.get("samenwonend_met_partner") in (None, False):
        # "ik woon alleen", "55 jaar, ieper, alleen": geen partner, en zonder woord voor
        # kinderen ook geen kinderen thuis (zoals de knop "Alleen")
        ruw["samenwonend_met_partner"] = False
        if not _noemt_kind(tekst):
            ruw.setdefault("aantal_kinderen", 0)
        if ruw.get("aantal_kinderen") == 0:  # ook "alleen, geen kinderen"
            ruw.setdefault("netto_maandinkomen_huisgenoten", 0)  # niemand anders in huis
    _laat_dubbel_gelezen_weg(d, tekst, ruw, gevraagde)
    _lees_bijzondere_antwoorden(d, tekst, ruw, () if opening else gevraagde, lezing)
    if "soort_inkomen" not in ruw and "netto_maandinkomen_gezin" in ruw:
        # "2600 euro pensioen", "1100 euro van de mutualiteit": wie een bedrag noemt, zegt
        # met hetzelfde woord waar het vandaan komt (ook na een som: "1100 leefloon en ...")
        tw = standaard_trefwoorden()
        nu = _zonder_verleden(tekst)  # "vroeger had ik leefloon": no source of today
        soort = tw.keuze("soort_inkomen", nu, als_antwoord=True)
        treffers = tw.zoek("soort_inkomen", nu, als_antwoord=True)
        if soort is None and len({t.waarde for t in treffers} - {"gemengd"}) >= 2:
            # "het loon van mijn vrouw plus mijn uitkering": two kinds of income together;
            # the words name the household's sources, not the person's work situation
            soort = "gemengd"
            if "werksituatie" in ruw and _plaatsen(tw.zoek("werksituatie", nu)) & _plaatsen(
                treffers
            ):
                del ruw["werksituatie"]
        if soort is not None:
            ruw["soort_inkomen"] = soort
    if "netto_maandinkomen_gezin" in gevraagde:
        # "ik krijg 1100 leefloon", "1250 ivt": the amount says which benefit comes in
        nu = _zonder_verleden(tekst)
        for attribuut in standaard_trefwoorden().genoemde_situaties(nu, _UITKERINGEN):
            ruw.setdefault(attribuut, True)

    for sleutel, waarde in ruw.items():
        attribuut = d.vocabulaire.attributen.get(sleutel)
        nagaan = attribuut.nagaan_tekst(waarde) if attribuut is not None else None
        if attribuut is not None and nagaan and not attribuut.is_aannemelijk(waarde):
            # "130 jaar", "1 euro": waarschijnlijk een tikfout; vriendelijk opnieuw vragen,
            # maar niet wat we niet vroegen ("mama van 3" in een eerste bericht)
            if not (opening and sleutel in leden and sleutel not in uitdrukkelijk):
                lezing.berichten.append(Bericht(nagaan))
            continue
        try:
            geldig = d.vocabulaire.valideer_profiel({sleutel: waarde}, _officiele_nis(d))
        except ProfielFout as fout:
            for veldfout in fout.fouten:
                lezing.berichten.append(Bericht(nagaan or _zin(veldfout.bericht)))
            continue
        lezing.waarden[sleutel] = waarde if sleutel == "gemeente" else geldig[sleutel]
    if groep is not None and groep.soort is GroepSoort.SAMEN:
        lezing.groep_beantwoord = any(a in lezing.waarden for a in leden)
    return lezing


def _lees_groep(
    d: Diensten,
    tekst: str,
    intent: str | None,
    groep: Vraaggroep,
    leden: Sequence[str],
    ruw: dict[str, Any],
    lezing: Lezing,
    *,
    opening: bool = False,
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
        _lees_aankruisen(tekst, intent, groep, leden, ruw, lezing)
        return
    if tekst.lstrip().startswith("/"):
        return  # a button: its values came as entities, its JSON is no text to read
    if _GEEN_VAN_BEIDE.search(tekst.lower()):
        # "geen van beide": nee op elke deelvraag die nee als antwoord kent
        for attribuut in leden:
            definitie = d.vocabulaire.attributen[attribuut]
            if definitie.type is AttribuutType.BOOL:
                ruw.setdefault(attribuut, False)
            elif definitie.nee_is_nul:
                ruw.setdefault(attribuut, 0)
    # samen: per deel van het antwoord ("34, Gent") de losse lezer van elk open lid
    delen: list[str] = []
    for deel in _DELEN.split(tekst):
        stukken = [s.strip() for s in _GETAL_EN_NAAM.split(deel.strip()) if s and s.strip()]
        for stuk in stukken:
            vorige = woorden(delen[-1])[-1:] if delen and len(stukken) > 1 else []
            if delen and vorige and vorige[0] in KIND_PERSONEN and stuk.isdigit():
                delen[-1] += " " + stuk  # "de oudste 17" stays together
            else:
                delen.append(stuk)
    tw = standaard_trefwoorden()
    per_plaats = len(delen) == len(leden) > 1
    for attribuut in leden:
        if attribuut in ruw:
            continue
        soort = d.vocabulaire.attributen[attribuut].type
        gevonden = []
        los_getal = []  # "46" or "46 jaar" as a part of its own: "schrijnwerker, 46, getrouwd"
        for i, deel in enumerate(delen):
            if per_plaats and i != leden.index(attribuut) and _alleen_ja_nee(tw, deel):
                continue  # "vorig jaar, nee": the "nee" answers the other part of the question
            if soort is AttribuutType.GEMEENTE:
                eigen = zonder_anderen(deel)  # "mijn ex woont in Hasselt": niet uw gemeente
                kandidaten = lees_gemeente(eigen, d.gemeenten) if eigen.strip() else []
                if opening:  # geen tikfout: "hallo" is geen Halle
                    kandidaten = [k for k in kandidaten if _naam_staat_er(k.alias, deel)]
                if len(kandidaten) == 1:
                    gevonden.append(kandidaten[0].gemeente.naam)
            elif soort is not AttribuutType.BOOL:
                waarde = _los_antwoord(d, attribuut, deel, None, heeft_andere=True)
                if waarde is not None and _binnen_grenzen(
                    d.vocabulaire.attributen[attribuut], waarde
                ):
                    gevonden.append(waarde)  # niet "wonend in 1030" als leeftijd
                    if _LOS_GETAL.fullmatch(deel):
                        los_getal.append(waarde)
        if len(set(gevonden)) > 1 and len(set(los_getal)) == 1:
            gevonden = los_getal[:1]  # not "mama van 2" or "de jongste 11" beside it
        if soort is AttribuutType.BOOL:
            # zoveel delen als deelvragen ("3 jaar, nee"): een los ja of nee hoort bij de
            # deelvraag op dezelfde plaats, niet bij een andere ("ja, 3 jaar")
            plaats = leden.index(attribuut) if per_plaats else None
            gevonden = _ja_nee_in_groep(attribuut, tekst, delen, plaats)
        elif soort is AttribuutType.ENUM:  # het hele antwoord: "loon en pensioen"
            keuze = lees_keuze(attribuut, tekst, als_antwoord=True)
            gevonden = [keuze] if keuze is not None else gevonden
        if len(set(gevonden)) == 1:  # "nee, nee": twee keer hetzelfde
            ruw[attribuut] = gevonden[0]


def _ja_nee_in_groep(
    attribuut: str, tekst: str, delen: Sequence[str], plaats: int | None = None
) -> list[bool]:
    """Een ja/nee-lid van een samen-vraag: zijn trefwoorden ("82, niet bij mij"), of een
    deel van het antwoord dat alleen ja of nee zegt ("82, ja"); met ``plaats`` alleen het
    deel op die plaats."""
    tw = standaard_trefwoorden()
    if attribuut in tw.attributen:
        waarde = tw.keuze(attribuut, tekst, als_antwoord=True)
        if waarde is not None:
            return [waarde == "true"]
    if plaats is not None and len(delen) > 1:
        delen = delen[plaats : plaats + 1]
    gevonden = {
        waarde
        for deel in delen
        if _alleen_ja_nee(tw, deel) and (waarde := lees_ja_nee(deel, tw)) is not None
    }
    return list(gevonden)


def _alleen_ja_nee(tw: Trefwoorden, deel: str) -> bool:
    """Zegt dit deel alleen ja of nee (eventueel "allez ja"), niets anders?"""
    gedekt = _plaatsen(tw.antwoord_treffers(deel))
    return bool(gedekt) and all(
        i in gedekt or w in LEESTEKENS or w in _AANLOOP for i, w in enumerate(woorden(deel))
    )


def _lees_aankruisen(
    tekst: str,
    intent: str | None,
    groep: Vraaggroep,
    leden: Sequence[str],
    ruw: dict[str, Any],
    lezing: Lezing,
) -> None:
    """Een lijstje situaties: wat de persoon noemt of aanklikt is ja; wat hij uitdrukkelijk
    ontkent ("geen handicap") is nee; de rest is nee als het lid ``leeg_is_nee`` heeft (een
    situatie die iedereen herkent), en anders onbekend: we vragen het niet opnieuw, het
    resultaat noemt het bij wat nog na te gaan is."""
    tw = standaard_trefwoorden()
    knop = tekst.lstrip().startswith("/")  # /inform{"mantelzorger": true, ...}
    genoemd = {a for a in leden if ruw.get(a) is True}
    ontkend = {a for a in leden if ruw.get(a) is False}
    # "mantelzorg" of "verhoogde tegemoetkoming" terwijl de bot alleen de andere situaties
    # vroeg (dat wist hij al, of vraagt hij apart): dat past, de rest niet
    buiten: set[str] = set()
    if not knop:
        genoemd |= tw.genoemde_situaties(tekst, leden)
        ontkend = (ontkend | tw.ontkende_situaties(tekst, leden)) - genoemd
        buiten = tw.genoemde_situaties(tekst, [a for a in groep.leden if a not in leden])
    if not knop and _IS_VRAAG.search(tekst):
        return  # "wat is dat, een verhoogde tegemoetkoming?" kruist niets aan
    schoon = woorden(tekst)
    geen = schoon == woorden(groep.geen or "") or bool(_GEEN_VAN.search(" ".join(schoon)))
    andere_feiten = any(a not in leden for a in ruw)  # "nee, ik ben 43, niet 34"
    nee = not andere_feiten and (intent == "deny" or lees_ja_nee(tekst) is False)
    lege_knop = _LEGE_KNOP.fullmatch(tekst.strip()) is not None  # "geen van deze"
    if not (genoemd or ontkend or geen or nee or lege_knop or buiten):
        return
    lezing.groep_beantwoord = True
    for attribuut in buiten:
        ruw[attribuut] = True
    for attribuut in leden:
        if attribuut in genoemd:
            ruw[attribuut] = True
        elif attribuut in ontkend or attribuut in groep.leeg_is_nee:
            ruw[attribuut] = False
        else:  # niet aangekruist: onbekend, niet "nee"
            ruw.pop(attribuut, None)
            lezing.weet_niet.append(attribuut)


def _laat_dubbel_gelezen_weg(
    d: Diensten, tekst: str, ruw: dict[str, Any], gevraagde: Sequence[str]
) -> None:
    """Dezelfde woorden of hetzelfde getal beantwoorden één vraag: de gestelde.

    "pensioen" op "waar komt het inkomen van uw gezin vandaan?" is geen werksituatie
    (misschien werkt u zelf nog), "mijn dochter zit op de unief" maakt u geen student, en
    "24000 euro" op de vraag naar het belastbaar jaarinkomen is geen netto maandinkomen.
    """
    if not gevraagde or tekst.lstrip().startswith("/"):
        return
    tw = standaard_trefwoorden()
    bezet: set[int] = set()
    for attribuut in gevraagde:
        if attribuut in ruw and attribuut in tw.attributen:
            bezet |= _plaatsen(tw.zoek(attribuut, tekst, als_antwoord=True))
    for sleutel in list(ruw):
        andere = sleutel not in gevraagde and sleutel in tw.attributen
        if andere and _plaatsen(tw.zoek(sleutel, tekst)) & bezet:
            del ruw[sleutel]
    # Een getal met een uitdrukkelijke rol ("ik ben 43") en hetzelfde getal als antwoord op
    # de vraag: van dezelfde soort (twee bedragen) wint de vraag, anders de rol.
    soort = {a: d.vocabulaire.attributen[a].type for a in ruw}
    getallen = lees_getalfeiten(tekst)
    for gevraagd in gevraagde:
        if gevraagd not in ruw or gevraagd in getallen:
            continue
        if soort[gevraagd] not in (AttribuutType.INT, AttribuutType.EURO):
            continue
        for sleutel in [k for k in getallen if k in ruw and k not in gevraagde]:
            if not _zelfde_getal(ruw[sleutel], ruw[gevraagd]):
                continue
            if soort[sleutel] is soort[gevraagd] is AttribuutType.EURO:
                del ruw[sleutel]  # two amounts: the one asked for
            else:
                del ruw[gevraagd]  # "ik ben 33" at "hoeveel kinderen?": the age
                break


def _lees_bijzondere_antwoorden(
    d: Diensten, tekst: str, ruw: dict[str, Any], gevraagde: Sequence[str], lezing: Lezing
) -> None:
    """Antwoorden die mensen zo geven: een geboortedatum voor de leeftijd, een bereik of
    de inkomens van twee gezinsleden voor het gezinsinkomen. We zeggen hoe we rekenden."""
    if tekst.lstrip().startswith("/"):
        return
    geboren = lees_geboortedatum(tekst)
    if geboren is not None:
        _lees_geboren(d, tekst, geboren, ruw, gevraagde)
    bruto = lees_bedrag_details(tekst) if "netto_maandinkomen_gezin" in ruw else None
    if bruto is not None and bruto.soort == "bruto":
        # "48.000 euro bruto per jaar" is geen netto per maand, en ook niet het belastbaar
        # inkomen (dat is lager: een te hoog inkomen gaf een valse "niet"); vraag netto
        del ruw["netto_maandinkomen_gezin"]
        lezing.berichten.append(
            Bericht("Dat is een bruto bedrag. Hoeveel komt er netto per maand binnen?")
        )
        return
    jaarbedrag = next(
        (a for a in gevraagde if is_jaarbedrag(d.vocabulaire.attributen[a]) and a not in ruw),
        None,
    )
    if jaarbedrag is not None and (bereik := lees_bedragbereik(tekst)) is not None:
        # "samen 28 a 30 duizend" op de vraag naar het belastbaar jaarinkomen: het midden
        maal = 12 if lees_periode(tekst) == "maand" else 1
        midden = round((bereik[0] + bereik[1]) / 2) * maal
        ruw[jaarbedrag] = midden
        lezing.berichten.append(
            Bericht(
                f"Ik reken met het midden: {euro(midden)} per jaar. Klopt dat niet, zeg het dan."
            )
        )
    if "netto_maandinkomen_gezin" not in gevraagde:
        return
    bereik = lees_bedragbereik(tekst)
    bedragen = lees_gezinsbedragen(tekst)
    if bereik is None and _inkomen_van_huisgenoten(tekst, bedragen, ruw, lezing):
        return
    if bereik is not None:
        deler = 12 if lees_periode(tekst) == "jaar" else 1
        midden = round((bereik[0] + bereik[1]) / 2 / deler)
        ruw["netto_maandinkomen_gezin"] = midden
        lezing.berichten.append(
            Bericht(
                f"Ik reken met het midden: {euro(midden)} per maand. Klopt dat niet, zeg het dan."
            )
        )
    elif len(bedragen) == 1:
        ruw["netto_maandinkomen_gezin"] = bedragen[0]
        lezing.berichten.append(
            Bericht(
                f"Ik reken met {euro(bedragen[0])} per maand. "
                "Kindergeld en eenmalige premies tellen niet mee."
            )
        )
    elif bedragen:
        som = round(sum(bedragen), 2)
        ruw["netto_maandinkomen_gezin"] = som
        delen = " + ".join(euro(b) for b in bedragen)
        lezing.berichten.append(
            Bericht(f"Ik tel samen: {delen} = {euro(som)} per maand voor uw gezin.")
        )


def _inkomen_van_huisgenoten(
    tekst: str, bedragen: list[float], ruw: dict[str, Any], lezing: Lezing
) -> bool:
    """At the income question: an amount of a son, a mother or a housemate is not the
    income of the person and the partner ("1300 pensioen en mijn zoon verdient 2400");
    it goes apart, for the few rights that count everyone at home. True when it did."""
    anderen = bedragen_van_huisgenoten(tekst)
    if not anderen:
        return False
    eigen = list(bedragen) or [ruw.get("netto_maandinkomen_gezin")]
    for b in anderen:
        if b in eigen:
            eigen.remove(b)
    eigen = [b for b in eigen if isinstance(b, (int, float))]
    if eigen:
        ruw["netto_maandinkomen_gezin"] = round(sum(eigen), 2)
    else:
        ruw.pop("netto_maandinkomen_gezin", None)
    ruw["netto_maandinkomen_huisgenoten"] = round(sum(anderen), 2)
    tekst_anderen = (
        f"Het inkomen van de anderen die bij u wonen ({euro(sum(anderen))}) noteer ik apart. "
        "Het telt alleen voor de huurpremie, de huursubsidie en de verwarmingstoelage."
    )
    if eigen:
        voor = "u en uw partner" if len(eigen) > 1 else "u"
        tekst_anderen = f"Ik reken met {euro(sum(eigen))} per maand voor {voor}. " + tekst_anderen
    lezing.berichten.append(Bericht(tekst_anderen))
    return True


_VROEGER = re.compile(r"\b(?:vroeger|had|kreeg|kregen|was|gestopt|tot\s+vorig\w*)\b")
_ZINSDEEL_ZONDER_EN = re.compile(r"([,;.!?]|\bmaar\b)")


def _zonder_verleden(tekst: str) -> str:
    """The text without the clauses about the past ("vroeger had ik leefloon")."""
    delen = _ZINSDEEL_ZONDER_EN.split(tekst)
    return "".join(" " if _VROEGER.search(d) else d for d in delen)


_UITKERINGEN = ("ontvangt_leefloon", "ontvangt_tegemoetkoming_handicap", "ontvangt_igo")
_LEEFTIJDEN = ("leeftijd", "leeftijd_jongste_kind", "zorgbehoevende_leeftijd")


def _lees_geboren(
    d: Diensten,
    tekst: str,
    geboren: Geboortedatum,
    ruw: dict[str, Any],
    gevraagde: Sequence[str],
) -> None:
    """Een geboortedatum geeft de leeftijd van wie de bot ernaar vroeg, of anders van de
    persoon zelf, tenzij de zin over een ander gaat ("mijn moeder, geboren 20/11/1939").
    De getallen van de datum zijn zelf geen leeftijd ("15 januari" is geen 15 jaar)."""
    gevraagd = next((a for a in gevraagde if a in _LEEFTIJDEN), None)
    for attribuut in _LEEFTIJDEN:
        if ruw.get(attribuut) in geboren.getallen:
            del ruw[attribuut]
    ervoor = woorden(tekst[: geboren.begin])
    if gevraagd is not None:
        ruw[gevraagd] = leeftijd_op(geboren, d.peildatum())
    elif not _over_een_ander_voor(ervoor) and "leeftijd" not in ruw:
        ruw["leeftijd"] = leeftijd_op(geboren, d.peildatum())


def _over_een_ander_voor(ervoor: Sequence[str]) -> bool:
    """Gaat wat na ``ervoor`` over een ander: "mijn moeder is geboren ..." of "mijn
    moeder, geboren ..."?"""
    if over_een_ander(ervoor, len(ervoor)):
        return True
    return len(ervoor) >= 2 and ervoor[-1] == "," and ervoor[-2] in ANDERE_PERSONEN


def _binnen_grenzen(attribuut: Attribuut, waarde: Any) -> bool:
    if not isinstance(waarde, (int, float)) or isinstance(waarde, bool):
        return True
    onder = attribuut.min if attribuut.min is not None else -math.inf
    boven = attribuut.max if attribuut.max is not None else math.inf
    return onder <= waarde <= boven


def _naam_staat_er(naam: str, tekst: str) -> bool:
    """Staat de naam (of postcode) letterlijk in de tekst, als hele woorden?"""
    gezocht = " ".join(woorden(naam))
    return f" {gezocht} " in " " + " ".join(woorden(tekst)) + " " or bool(
        re.search(r"\d{4}", tekst)
    )


def _plaatsen(treffers: Sequence[Treffer]) -> set[int]:
    return {i for t in treffers for i in range(t.begin, t.einde)}


def _zelfde_getal(a: Any, b: Any) -> bool:
    """Hetzelfde getal, eventueel per maand of per jaar gegeven."""
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return any(abs(x - y) < 0.5 for x, y in ((a, b), (a * 12, b), (a, b * 12)))


def _lees_gemeente(d: Diensten, tekst: str, ruw: dict[str, Any], lezing: Lezing) -> None:
    tekst = _VOORAF.sub("", tekst)  # "sorry, Dendermonde", "euh ... Gent"
    try:  # een knop of een korte naam: "Vorst (Laakdal)", "Gent", "9000"
        ruw["gemeente"] = d.gemeenten.resolve(tekst.strip(" .!?"), officieel_voorrang=True).naam
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


def _officiele_nis(d: Diensten) -> Callable[[str], str]:
    """De NIS-code van een naam; een officiële naam wint van een deelgemeente ("Aalst")."""

    def nis(tekst: str) -> str:
        return d.gemeenten.resolve(tekst, officieel_voorrang=True).nis

    return nis


def _kies_gemeente(vraag: str, kandidaten: Sequence[Any]) -> Bericht:
    knoppen = [{"title": k.label, "payload": k.label} for k in list(kandidaten)[:6]]
    return Bericht(vraag, knoppen)


_GEEN_VAN_BEIDE = re.compile(
    r"\b(?:geen\s+van\s+(?:beide|beiden|allebei|de\s+twee)|(?:allebei|alletwee|beide)\s+niet)\b"
)
"""'geen van beide', 'allebei niet': no to each part of a question group."""
_GEEN_VAN = re.compile(
    r"\b(?:geen|niks|niets)\s+(?:van\s+(?:deze|die|dat|da|dit|alle|allemaal)\b|daarvan|ervan)"
    r"|^(?:niks|niets)$"
)
"""Bij een lijstje: "geen van deze", "niks van da", "niets daarvan"."""
_WOON_ALLEEN = re.compile(
    r"\b(?:ik\s+)?woon\s+(?:nu\s+|helemaal\s+)?alleen\b(?!\s+(?:met|bij|in\s+bij))|\balleen\s+woon\b"
    r"|(?:^|[,;.])\s*(?:helemaal\s+)?alleen\s*(?:$|[,;.!])",
    re.IGNORECASE,
)
_MET_ONS_TWEE = re.compile(
    r"\bmet\s+(?:ons|z'?n|zijn)\s+(?:twee|tweetjes|tweeen|tweeën)\b"
    r"|\b(?:ons|wij|we)\s+(?:tweetjes|tweeen|tweeën)\b",
    re.IGNORECASE,
)
"""'met ons tweetjes', 'wij tweeën': samen, zonder kinderen; niet 'het pensioen van ons twee'."""
_WACHT_OP_SOCIALE = re.compile(
    r"\b(?:ingeschreven|inschrijving|wachtlijst|wachten|wacht|aangevraagd|aanvraag|zoeken|zoek)"
    r"\w*\s+(?:\w+\s+){0,5}?sociale\s+(?:woning|huurwoning|huisvesting)",
    re.IGNORECASE,
)
"""Wie op een sociale woning wacht, huurt er (nog) geen."""
_KINDEREN_WEG = re.compile(
    r"\bkind\w*\s+(?:zijn|zyn|wonen)\s+(?:al\s+)?(?:lang\s+)?(?:het\s+huis\s+uit|uit\s+huis|weg|niet\s+meer\s+thuis)",
    re.IGNORECASE,
)


_WIJ = re.compile(r"\b(?:we|wij|koppel|gezin|getrouwd|gehuwd)\b")
_OUDER_VAN = re.compile(
    r"(?<!mijn )(?<!ons )(?<!onze )(?<!zijn )(?<!haar )(?<!hun )"
    r"\b(?:mama|mam|mams|moeder|ma|papa|pap|vader|pa)\s+van\s+(?P<n>\d{1,2})\b"
    r"(?!\s*(?:[.,]\d|jaar|jr|maand|week|euro|€))"
)
"""'mama van 3', 'alleenstaande papa van 2': the person's own children, not an age."""


def _lees_huisgenoten(tekst: str, ruw: dict[str, Any]) -> Huisgenoten | None:
    """Children and partner from who someone lists: "ik woon met mijn zoontje" is one child
    and no partner, "met mijn vrouw en baby" one child; "mama van 3" three children."""
    if "aantal_kinderen" not in ruw and (m := _OUDER_VAN.search(naar_cijfers(tekst))):
        ruw["aantal_kinderen"] = int(m["n"])
    huisgenoten = lees_huisgenoten(tekst)
    if huisgenoten is None:
        return None
    if huisgenoten.kinderen and "aantal_kinderen" not in ruw:
        ruw["aantal_kinderen"] = huisgenoten.kinderen
    if (
        huisgenoten.alleen_kinderen
        and "samenwonend_met_partner" not in ruw
        and not _WIJ.search(tekst)
    ):
        ruw["samenwonend_met_partner"] = False  # only children listed, and "ik", not "we"
    return huisgenoten


def _noemt_kind(tekst: str) -> bool:
    return any(w in KIND_PERSONEN for w in woorden(tekst))


_ANDER_MET_LEEFTIJD = re.compile(
    r"\b(?:mijn|ons|onze)\s+(?:[^\W\d_]+\s+)?(?P<wie>"
    + "|".join(sorted(ANDERE_PERSONEN, key=len, reverse=True))
    + r")\s+(?:van|is|wordt)\s+(?:(?:al|nu|pas|bijna|ongeveer)\s+)?(?P<n>\d{1,3})\b"
    r"(?!\s*(?:euro|€|kinderen|kind|jaar\s+(?:op|bij|in|aan|ziek|werkloos)))"
)
_ZIJ_IS = re.compile(
    r"\b(?:ze|zij|hij)\s+is\s+(?:al\s+|nu\s+|bijna\s+)?(?P<n>\d{2,3})\b(?!\s*(?:euro|€))"
)
_ZORG = frozenset({"zorgbehoevende_leeftijd", "zorgbehoevende_zelfde_adres"})


def _lees_zorg(tekst: str, ruw: dict[str, Any], gevraagde: Sequence[str]) -> None:
    """Wie mantelzorg geeft, geeft met "mijn grootmoeder van 93" of "ze is 84" de leeftijd
    van wie zorg krijgt, en met "woont bij ons" het adres."""
    anderen = [(m["wie"], int(m["n"])) for m in _ANDER_MET_LEEFTIJD.finditer(tekst.lower())]
    zorg = ruw.get("mantelzorger") is True or bool(_ZORG & set(gevraagde))
    if not zorg or ruw.get("mantelzorger") is False:  # "geen mantelzorg, mijn moeder ..."
        return
    volwassenen = {n for wie, n in anderen if wie not in KIND_PERSONEN}
    if not volwassenen and (m := _ZIJ_IS.search(tekst.lower())):
        volwassenen = {int(m["n"])}  # "ze is 84 en woont bij ons in"
    if len(volwassenen) == 1 and "zorgbehoevende_leeftijd" not in ruw:
        ruw["zorgbehoevende_leeftijd"] = volwassenen.pop()
    if "zorgbehoevende_zelfde_adres" not in ruw:
        adres = standaard_trefwoorden().keuze(
            "zorgbehoevende_zelfde_adres", tekst, als_antwoord=True
        )
        if adres is not None:
            ruw["zorgbehoevende_zelfde_adres"] = adres == "true"


_HOGER_ONDERWIJS = re.compile(
    r"\b(?:universiteit|unief|univ|hogeschool|hoger\s+onderwijs|kul|ku\s+leuven|ugent|vub|"
    r"uantwerpen|uhasselt|odisee|howest|vives|artevelde\w*|ucll|pxl|kdg|karel\s+de\s+grote|"
    r"thomas\s+more|erasmushogeschool|ehb|luca)\b|\b(?:bachelor|master|graduaat)\w*"
)
_STUDEERT = re.compile(
    r"\b(?:studeer|studeert|studeren|student|studente|zit|zitten|volg|volgt|doe|doet|ga|gaat)\b"
)
_VERLEDEN = re.compile(r"\b(?:studeerde|gestudeerd|vroeger|was|afgestudeerd)\b")
_ZORG_NODIG = re.compile(
    r"\b(?:hulp|help|verzorging|thuisverpleging|thuiszorg|verpleging|gezinshulp|"
    r"poetshulp|ondersteuning|iemand)\b(?:\s+[^\W\d_]+){0,6}?\s+nodig\b"
    r"(?:\s+[^\W\d_]+){0,6}?\s+(?:wassen|aankleden|aan\s+te\s+kleden|kleden|douchen|"
    r"eten|toilet|opstaan|slapen\s+gaan|naar\s+bed)\b"
    r"|\bnodig\b(?:\s+[^\W\d_]+){0,3}?\s+(?:om\s+(?:mij|me)\s+te\s+(?:wassen|kleden|douchen)|"
    r"bij\s+het\s+(?:wassen|aankleden|douchen|eten))\b"
    r"|\b(?:kan|geraak)\s+(?:mij|me|ik)?\s*(?:niet|nie)\s+(?:meer\s+)?(?:alleen\s+)?"
    r"(?:wassen|aankleden|douchen|opstaan)\b"
)
"""Care needs in one's own words: "ik heb hulp nodig bij het aankleden", "de thuisverpleging
komt, ik heb ze nodig om mij te wassen", "ik kan mij niet meer alleen wassen"."""
_ZORG_VOOR = re.compile(
    r"\bik\s+(?:zorg|verzorg)\s+(?:al\s+\w+\s+jaar\s+|elke\s+dag\s+|dagelijks\s+)?"
    r"(?:voor\s+)?(?:mijn|ons|onze)\s+(?:zieke\s+|oude\s+|bejaarde\s+|dementerende\s+)?"
    r"(?P<wie>" + "|".join(sorted(ANDERE_PERSONEN, key=len, reverse=True)) + r")\b"
)
"""'ik zorg voor mijn tante', 'ik verzorg ons grootouders': mantelzorg for a relative."""
_NAAR_HEM_TOE = re.compile(
    r"\bik\s+(?:ga|rij|fiets|kom)\s+(?:\w+\s+){0,4}?(?:er|erheen|ernaartoe|naar\s+(?:hem|haar)|"
    r"bij\s+(?:hem|haar)|langs|naartoe)\b"
)
"""'ik ga er 2 keer per week poetsen', 'ik rij elke dag naar haar toe': not the same address."""
_SLECHT = (
    r"(?:krot|krotwoning|schimmel\w*|onbewoonba\w*|ongeschikt\w*|ongezond\w*|vochtig\w*|"
    r"rotte|bouwvallig\w*)"
)
_UIT_SLECHTE_WONING = re.compile(
    r"\bverhuis\w*\b[^.!?]{0,40}?\b(?:uit|van)\s+(?:een|ons|onze|mijn|het|de)?\s*"
    r"(?:[^\W\d_]+\s+){0,2}?" + _SLECHT + r"\b"
    r"|\b(?:uit|van)\s+(?:een|ons|onze|mijn|het|de)?\s*(?:[^\W\d_]+\s+){0,2}?"
    + _SLECHT
    + r"\b[^.!?]{0,40}?\bverhuis\w*"
)
"""'we zijn vorig jaar uit een vochtig krot verhuisd', 'verhuisd van een onbewoonbaar
verklaarde woning': moved out of a bad home."""


def _lees_eigen_woorden(tekst: str, ruw: dict[str, Any], gevraagde: Sequence[Any]) -> None:
    """Situations people describe without the words of the question: studying at a named
    university or college, daily care needs, moving out of a slum, and the address of
    whom they care for."""
    schoon = tekst.lower()
    tw = standaard_trefwoorden()
    m = _ZORG_VOOR.search(schoon)
    if "mantelzorger" not in ruw and m and m["wie"] not in KIND_PERSONEN:
        ruw["mantelzorger"] = True  # not "ik zorg voor mijn kinderen"
    for deel in _delen_over_het_gezin(schoon):
        if "kind_hoger_onderwijs" in ruw:
            break
        if _HOGER_ONDERWIJS.search(deel) and _STUDEERT.search(deel) and not _VERLEDEN.search(deel):
            if re.search(r"\bniemand\b", deel):
                ruw["kind_hoger_onderwijs"] = False
            elif not re.search(r"\b(?:niet|geen|nooit)\b", deel):
                ruw["kind_hoger_onderwijs"] = True
    if "zelf_zorgbehoevend" not in ruw:
        eigen = zonder_anderen(schoon)
        for m in _ZORG_NODIG.finditer(eigen):
            ervoor = eigen[max(0, m.start() - 25) : m.start()]
            if not re.search(r"\b(?:geen|niet|nooit)\b", ervoor + m.group()):
                ruw["zelf_zorgbehoevend"] = True
                break
    zorg = ruw.get("mantelzorger") is True or bool(_ZORG & set(gevraagde))
    if (
        zorg
        and "zorgbehoevende_zelfde_adres" not in ruw
        and _NAAR_HEM_TOE.search(schoon)
        and tw.keuze("zorgbehoevende_zelfde_adres", tekst, als_antwoord=True) in (None, "false")
    ):
        ruw["zorgbehoevende_zelfde_adres"] = False
    if "verhuisd_uit_slechte_woning" not in ruw and _UIT_SLECHTE_WONING.search(schoon):
        ruw["verhuisd_uit_slechte_woning"] = True


def _delen_over_het_gezin(tekst: str) -> list[str]:
    """The clauses of ``tekst`` about the person or a child ("mijn oudste zit op de unief"),
    not about a partner or someone else ("mijn vriendin studeert aan de UGent": the question
    asks about the person and the children)."""
    delen, begin = [], 0
    for m in [*_ZINSDEEL_STRIKT.finditer(tekst), None]:
        einde = m.start() if m else len(tekst)
        deel = tekst[begin:einde]
        wie = ander_in_zinsdeel(woorden(deel), 0)
        if wie is None or wie in KIND_PERSONEN:
            delen.append(deel)
        if m:
            begin = m.end()
    return delen


_ZINSDEEL_STRIKT = re.compile(r"[,;.!?]|\b(?:maar|want|terwijl|omdat)\b")
_ZINSDEEL = re.compile(r"[,;.!?]|\b(?:en|maar|want|terwijl|omdat)\b")


def over_uzelf(tekst: str) -> str:
    """Wat over de persoon zelf gaat: zonder de zinsdelen over een ander en zonder de
    leeftijd van een ander ("ik zorg voor mijn mama van 86")."""
    return zonder_anderen(_ANDER_MET_LEEFTIJD.sub(" ", tekst))


def zonder_anderen(tekst: str) -> str:
    """De tekst zonder de zinsdelen over een ander: "mijn vrouw is 68 en ik 71" -> "en ik
    71". Een zinsdeel eindigt bij een leesteken of "en", "maar", "want"."""
    delen, begin = [], 0
    for m in [*_ZINSDEEL.finditer(tekst), None]:
        einde = m.start() if m else len(tekst)
        deel = tekst[begin:einde]
        if not over_een_ander(woorden(deel), 0):
            delen.append(deel)
        if m:
            delen.append(m.group())
            begin = m.end()
    return "".join(delen)


def _los_antwoord(
    d: Diensten, gevraagd: str, tekst: str, intent: str | None, *, heeft_andere: bool
) -> Any:
    """Een kort antwoord op de gestelde vraag: "drie", "ja", "1450", "ik huur"."""
    attribuut = d.vocabulaire.attributen[gevraagd]
    if attribuut.over == "persoon":
        tekst = over_uzelf(tekst)  # "mijn vader is 82": niet uw leeftijd
    match attribuut.type:
        case AttribuutType.INT:
            lezer = {
                "leeftijd": lees_leeftijd,
                "aantal_kinderen": lees_aantal_kinderen,
                "leeftijd_jongste_kind": lees_leeftijd_jongste_kind,
            }.get(gevraagd, lees_getal)
            if attribuut.eenheid == "jaar" and attribuut.nee_is_nul:
                sinds = lees_jaren_sinds(tekst, d.peildatum().year)  # "sinds 2019"
                if sinds is not None:
                    return sinds
            waarde = lezer(tekst)
            if waarde is None and lezer is not lees_getal and not heeft_andere:
                # "drie" of "34" alleen; niet "ik ben al 3 jaar werkloos" of "mama van 3"
                waarde = lees_getal(tekst)
            kort = not heeft_andere or len(woorden(tekst)) <= 3  # niet "ze kan niet meer alleen"
            if (
                waarde is None
                and attribuut.nee_is_nul
                and kort
                and (intent == "deny" or zegt_nee(tekst))
            ):
                waarde = 0  # "nee", "ik sta er niet op", "nooit ingeschreven", "geen kinderen"
            return waarde
        case AttribuutType.EURO:
            if is_negatief_bedrag(tekst):
                return None
            if is_jaarbedrag(attribuut):
                return lees_jaarbedrag(tekst)
            waarde = lees_maandbedrag(tekst)
            if waarde is None:
                waarde = lees_bedrag(tekst)
            if (
                waarde is None
                and attribuut.nee_is_nul
                and len(woorden(tekst)) <= 4
                and (intent == "deny" or zegt_nee(tekst))
            ):
                waarde = 0.0  # "nee", "nee niemand": niemand anders met een inkomen
            return waarde
        case AttribuutType.BOOL:
            trefwoorden = standaard_trefwoorden()
            if gevraagd in trefwoorden.attributen:  # "ze woont in het rusthuis"
                keuze = trefwoorden.keuze(gevraagd, tekst, als_antwoord=True)
                if keuze is not None:
                    return keuze == "true"
            if heeft_andere:  # "nee, ik ben 43": het 'nee' gaat niet over deze vraag
                return None
            if intent == "affirm":
                return True
            if intent == "deny":
                return False
            return lees_ja_nee(tekst)
        case AttribuutType.ENUM:
            return lees_keuze(gevraagd, tekst, als_antwoord=True)
    return None


def is_jaarbedrag(attribuut: Attribuut) -> bool:
    """Een bedrag per jaar (``eenheid: euro per jaar``), zoals op het aanslagbiljet."""
    return attribuut.type is AttribuutType.EURO and "jaar" in (attribuut.eenheid or "")


def lees_jaarbedrag(tekst: str) -> float | None:
    """Een bedrag per jaar: "24.000" -> 24000, "2000 per maand" -> 24000."""
    bedrag = lees_bedrag_details(tekst)
    if bedrag is None:
        return None
    if bedrag.periode in ("maand", "week"):
        return round(bedrag.per_maand() * 12, 2)
    return bedrag.waarde


def verwacht(attribuut: Attribuut) -> str:
    """Wat we verwachten als een antwoord op de vraag naar ``attribuut`` niet lukte."""
    return VERWACHT_JAARBEDRAG if is_jaarbedrag(attribuut) else VERWACHT[attribuut.type]


def _zin(tekst: str) -> str:
    tekst = tekst.strip()
    return tekst if tekst.endswith((".", "?", "!")) else tekst + "."
