"""De gemeente uit een bericht halen: "'k woon in Brugge", "in Sint-Amandsberg", "9000 Gent".

Welke gemeente een naam is, beslist :class:`bot.gemeenten.GemeenteRegister` (namen,
deelgemeenten, vroegere gemeenten, postcodes, tikfouten). Hier zoeken we alleen het stuk
tekst dat de plaats noemt.
"""

from __future__ import annotations

import re

from actions.normaliseren.tekst import normaliseer
from bot.gemeenten import AliasType, GemeenteRegister, Kandidaat, sleutel

_MAX_WOORDEN = 5
"""De langste plaatsnaam telt 5 woorden ("Sint-Martens-Lierde" telt als één woord)."""

# "ik woon (sinds kort) in", "wij wonen te", "woonachtig te", "gedomicilieerd in",
# "mijn gemeente is", "ik kom uit", "afkomstig van".
_AANLEIDING = re.compile(
    r"\b(?:(?:woon|wonen|woont|woonde|woonachtig|gedomicilieerd|ingeschreven|verhuisd)"
    r"(?:\s+[^\W\d_]+){0,4}?\s+(?:in|te|naar)"
    r"|(?:mijn\s+)?(?:gemeente|woonplaats|stad|dorp)(?:\s+is)?:?"
    r"|(?:kom|kom\s+ik)\s+(?:uit|van)|afkomstig\s+(?:uit|van)"
    r"|^(?:in|te|uit))\s+(?=(?P<rest>.+))",
)
_VOORZETSEL = re.compile(r"\b(?:in|te|uit|woon|woont|wonen)\s+(?=(?P<rest>.+))")
"""Ook zonder tikfout: "ik ben een papa uit Kortrijk", "ik woon gent"."""
_LEESTEKEN = re.compile(r"[,;.!?]")
_ELDERS = re.compile(
    r"\b(?:werk\w*|bedrijf|firma|fabriek|job|kantoor|school\w*|studeer\w*|hogeschool|"
    r"universiteit|unief|ziekenhuis)\b"
)
"""Woorden voor een plaats waar men niet woont: "in" erna noemt die plaats."""
_ONTKEND = re.compile(r"\b(?:niet|nooit|geen)\b")
"""'ik woon niet meer in Gent', 'niet in Brussel zelf maar in Elsene': not where one lives."""
_JAARTAL = re.compile(r"(?:19|20)\d\d\b")
_MET_JAARTAL = re.compile(
    r"\b(?:geboren|gestopt|begonnen|getrouwd|gehuwd|gescheiden|overleden|afgestudeerd|"
    r"gepensioneerd|ontslagen|sinds|sedert|vanaf|tot|jaar)\s*$"
)
"""'geboren in 1980': a year, not the postcode 1980."""
_WONEN = re.compile(r"\b(?:woon|wonen|woont|woonachtig|verhuisd|huur|huren|huurt)\b")
_BIJ = re.compile(r"\bbij\s+(?P<naam>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})")
_STOPWOORD = re.compile(
    r"\s(?:en|met|maar|sinds|sedert|samen|want|waar|als|bij|op|in|al|nu|ook|dus|of)(?=\s|$)"
)


def lees_gemeente(
    tekst: str, register: GemeenteRegister, *, los_antwoord: bool = True
) -> list[Kandidaat]:
    """De gemeenten die het bericht kan bedoelen, de waarschijnlijkste eerst.

    Leeg: geen gemeente gevonden. Eén: duidelijk. Meer: vraag welke (de kandidaten
    hebben een ``label`` dat :meth:`GemeenteRegister.resolve` terug aanvaardt).
    Met ``los_antwoord`` (het antwoord op "In welke gemeente woont u?") telt ook een kort
    bericht zonder "ik woon in" als naam of postcode ("Gent", "9040", "Gnet").
    """
    return _officieel_eerst(_kandidaten(tekst, register, los_antwoord=los_antwoord))


def _officieel_eerst(kandidaten: list[Kandidaat]) -> list[Kandidaat]:
    """ "Aalst" is de gemeente Aalst, niet de deelgemeente Aalst van Sint-Truiden: een
    officiële naam wint van een deelgemeente met dezelfde naam."""
    if len(kandidaten) > 1:
        officieel = [k for k in kandidaten if k.type in (AliasType.OFFICIEEL, AliasType.FRANS)]
        if len(officieel) == 1:
            return officieel
    return kandidaten


def _kandidaten(tekst: str, register: GemeenteRegister, *, los_antwoord: bool) -> list[Kandidaat]:
    schoon = normaliseer(tekst)
    return _bij_welke(schoon, register, _zoek_kandidaten(schoon, register, los_antwoord))


def _bij_welke(
    schoon: str, register: GemeenteRegister, kandidaten: list[Kandidaat]
) -> list[Kandidaat]:
    """ "Deurne, bij Diest", "Sint-Andries bij Brugge": the municipality named after "bij"
    chooses among the candidates (a deelgemeente of it)."""
    if not kandidaten:
        return kandidaten
    for m in _BIJ.finditer(schoon):
        woorden = m["naam"].split()
        for n in range(len(woorden), 0, -1):
            namen = {k.gemeente.naam for k in register.kandidaten(" ".join(woorden[:n]))}
            gekozen = [k for k in kandidaten if k.gemeente.naam in namen]
            if gekozen:
                return gekozen
    return kandidaten


def _zoek_kandidaten(
    schoon: str, register: GemeenteRegister, los_antwoord: bool
) -> list[Kandidaat]:
    for m in _AANLEIDING.finditer(schoon):
        if _ONTKEND.search(m.group()) or _is_jaartal(schoon, m.start("rest")):
            continue  # "ik woon niet meer in Gent", "geboren in 1980"
        kandidaten = _naam_vooraan(m["rest"], register, tikfouten=True)
        if kandidaten:
            return kandidaten
    # "ik woon in een sociale woning in Kortrijk": elke "in", "te", "uit" of "woon" (zonder
    # voorzetsel: "ik woon gent"), zonder tikfouten.
    for m in _VOORZETSEL.finditer(schoon):
        zinsdeel = _LEESTEKEN.split(schoon[: m.start()])[-1]
        if _ELDERS.search(zinsdeel):
            continue  # "ik werk bij een bedrijf in Zelzate": daar woont u niet
        if _ONTKEND.search(" ".join(zinsdeel.split()[-2:])) or _is_jaartal(schoon, m.start("rest")):
            continue  # "niet in Brussel zelf maar in Elsene"
        kandidaten = _naam_vooraan(m["rest"], register, tikfouten=False)
        if not kandidaten and _WONEN.search(zinsdeel) and not _ONTKEND.search(zinsdeel):
            # "ik woon in een sociale woning in mechlen": one word with a small typo
            woord = re.match(r"[^\W\d_]{5,}(?=\s|$|[,;.!?])", m["rest"])
            kandidaten = register.kandidaten(woord.group()) if woord else []
            kandidaten = kandidaten if len(kandidaten) == 1 else []
        if kandidaten:
            return kandidaten
    kort = schoon.strip(" .!?")
    if not los_antwoord or not kort:
        return []
    if len(kort.split()) <= _MAX_WOORDEN and (kandidaten := register.kandidaten(kort)):
        return kandidaten
    eerste = _LEESTEKEN.split(kort, maxsplit=1)[0].strip()
    eerste = re.split(r"\s+bij\s+", eerste, maxsplit=1)[0]  # "Sint-Andries bij Brugge"
    if eerste != kort and eerste and len(eerste.split()) <= 3:
        return register.kandidaten(eerste)  # "Oostende, ik woon daar met ..."
    return []


def _is_jaartal(schoon: str, begin: int) -> bool:
    """Is the text at ``begin`` a year after "geboren in", "sinds", ...?"""
    if not _JAARTAL.match(schoon, begin):
        return False
    ervoor = re.sub(r"\s*\b(?:in|te|uit|van)\s*$", "", schoon[:begin])
    return bool(_MET_JAARTAL.search(ervoor))


def _naam_vooraan(rest: str, register: GemeenteRegister, *, tikfouten: bool) -> list[Kandidaat]:
    """De plaatsnaam waarmee ``rest`` begint.

    Eerst exact, van lang naar kort ("heist op den berg met ..." vindt Heist-op-den-Berg);
    dan met tikfouten, maar alleen op het stuk tot het eerste voegwoord of voorzetsel
    ("gnet met mijn kinderen" -> "gnet").
    """
    zin = _LEESTEKEN.split(rest, maxsplit=1)[0]
    woorden = zin.split()[:_MAX_WOORDEN]
    for n in range(len(woorden), 0, -1):
        stuk = " ".join(woorden[:n])
        kandidaten = register.kandidaten(stuk)
        if any(_exact(k, stuk) for k in kandidaten):
            return kandidaten
    if not tikfouten:
        return []
    tot_stopwoord = _STOPWOORD.split(zin, maxsplit=1)[0].strip()
    return register.kandidaten(tot_stopwoord) if tot_stopwoord else []


def _exact(kandidaat: Kandidaat, stuk: str) -> bool:
    """Geen tikfout: de naam zelf, of een vorm met postcode of haakjes."""
    return sleutel(kandidaat.alias) == sleutel(stuk) or bool(re.search(r"\d|\(", stuk))
