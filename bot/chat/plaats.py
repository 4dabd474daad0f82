"""Which municipality does a message name as the place where someone is?

"ik slaap in mijn auto in Oostende", "in 8400", "hier in Sint-Amandsberg": a name, a
deelgemeente or a postcode after "in", "te", "naar", "uit", "bij" or "rond", or a name
with a capital anywhere. Only exact names (no typos) count: this is for sending a person
in need to the right office, and a guess is worse than "the municipality where you are".
Which municipality a name is, decides :class:`bot.gemeenten.GemeenteRegister`.
"""

from __future__ import annotations

import re

from bot.gemeenten import AliasType, Gemeente, GemeenteRegister, Kandidaat, sleutel

_MAX_WOORDEN = 4
_VOORZETSEL = frozenset({"in", "te", "naar", "uit", "bij", "rond", "nabij"})
_WOORD = re.compile(r"[^\W_][\w'-]*", re.UNICODE)
_GEEN_PLAATS = frozenset(
    {"mijn", "mijne", "de", "het", "een", "nen", "ne", "den", "t", "huis", "auto", "straat"}
)
"""Words after "in" that start no place name (saves looking them up)."""


def _exact(kandidaten: list[Kandidaat], stuk: str) -> Gemeente | None:
    """The municipality of an exact name or postcode; an official name wins over a
    deelgemeente with the same name (Aalst, Tielt). ``None`` when still ambiguous."""
    juist = [k for k in kandidaten if sleutel(k.alias) == sleutel(stuk) or stuk.isdigit()]
    if not juist:
        return None
    if len({k.nis for k in juist}) == 1:
        return juist[0].gemeente
    officieel = [k for k in juist if k.type in (AliasType.OFFICIEEL, AliasType.FRANS)]
    return officieel[0].gemeente if len(officieel) == 1 else None


def _naam_vanaf(woorden: list[str], i: int, register: GemeenteRegister) -> Gemeente | None:
    """The longest place name that starts at word ``i``."""
    eerste = woorden[i]
    if eerste.lower() in _GEEN_PLAATS:
        return None
    for n in range(min(_MAX_WOORDEN, len(woorden) - i), 0, -1):
        stuk = " ".join(woorden[i : i + n])
        if stuk.isdigit() and len(stuk) != 4:
            continue
        gevonden = _exact(register.kandidaten(stuk), stuk)
        if gevonden is not None:
            return gevonden
    return None


def gemeente_in_tekst(tekst: str, register: GemeenteRegister) -> Gemeente | None:
    """The municipality the message names, or ``None``. The last one named wins ("ik
    woonde in Gent, nu slaap ik in Oostende")."""
    woorden = _WOORD.findall(tekst)
    gevonden: Gemeente | None = None
    for i, woord in enumerate(woorden):
        na_voorzetsel = i > 0 and woorden[i - 1].lower() in _VOORZETSEL
        if na_voorzetsel or woord[0].isupper():
            gemeente = _naam_vanaf(woorden, i, register)
            if gemeente is not None:
                gevonden = gemeente
    return gevonden
