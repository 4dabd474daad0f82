"""The result, in the order of what to do first.

The engine says per right how likely it is (``RechtUitkomst``); this module only sorts
those outcomes for people who read little:

- what you (or your household) already receive: the rule file's ``krijgt_al`` attribute
  is "ja" in the profile;
- "begin hier": a right to apply for that opens other rights (they are likely only
  "via" it, ``RechtUitkomst.via_rechten``), the right that opens most first;
- what to apply for: the rights to begin with, then the other likely ones (most money
  first), then the possible ones;
- what you get automatically (the rule file's ``automatisch``): likely, and possible;
- "waarom niet?" only for rights that could matter: every condition holds except the
  income ones (the person fits the right, only the income is too high), or the person
  asked about that right.

No rule is decided here: statuses, reasons and amounts are the engine's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.rules import RechtUitkomst, Status, VoorwaardeStatus, VoorwaardeUitkomst
from bot.vocabulary import Vocabulaire

MAX_AANVRAGEN = 5
"""Rights to apply for in the main list; the rest comes behind "meer"."""
MAX_VANZELF = 5
MAX_WAAROM_NIET = 3


@dataclass(frozen=True)
class Indeling:
    al: tuple[RechtUitkomst, ...]
    """Rights you or your household already receive (by the profile)."""
    begin: tuple[RechtUitkomst, ...]
    """To apply for first: each opens other likely rights."""
    geopend: Mapping[str, tuple[RechtUitkomst, ...]]
    """Begin right id -> the likely rights that follow from it."""
    aanvragen: tuple[RechtUitkomst, ...]
    """Every right to apply for, in order: ``begin``, other likely ones, possible ones."""
    vanzelf: tuple[RechtUitkomst, ...]
    """Likely rights you get without applying."""
    misschien_vanzelf: tuple[RechtUitkomst, ...]
    """Possible rights you would get without applying."""
    waarom_niet: tuple[RechtUitkomst, ...]
    """Rights you do not get that could matter to you (see the module)."""
    niet_gekozen: tuple[RechtUitkomst, ...]
    """The rights you asked about and do not get."""

    @property
    def eerst_aanvragen(self) -> tuple[RechtUitkomst, ...]:
        return self.aanvragen[:MAX_AANVRAGEN]

    @property
    def later_aanvragen(self) -> tuple[RechtUitkomst, ...]:
        return self.aanvragen[MAX_AANVRAGEN:]

    @property
    def eerst_vanzelf(self) -> tuple[RechtUitkomst, ...]:
        return self.vanzelf[:MAX_VANZELF]

    @property
    def later_vanzelf(self) -> tuple[RechtUitkomst, ...]:
        return self.vanzelf[MAX_VANZELF:]

    @property
    def heeft_meer(self) -> bool:
        return bool(self.later_aanvragen or self.later_vanzelf or self.misschien_vanzelf)


def krijgt_al(u: RechtUitkomst, profiel: Mapping[str, Any]) -> bool:
    attribuut = u.recht.krijgt_al
    return attribuut is not None and profiel.get(attribuut) is True


def inkomensattributen(vocabulaire: Vocabulaire) -> frozenset[str]:
    """The asked attributes the income concepts are made of (the income cookbook)."""
    uit: set[str] = set()
    for begrip in vocabulaire.inkomen.values():
        uit |= set(_vars(begrip.regel))
        if begrip.schatting is not None:
            uit |= {begrip.schatting.van, begrip.schatting.soort}
        if begrip.precies is not None:
            uit.add(begrip.precies)
    return frozenset(a for a in uit if a in vocabulaire.attributen)


def _vars(uitdrukking: Any) -> Iterator[str]:
    if isinstance(uitdrukking, dict):
        for op, args in uitdrukking.items():
            if op == "var" and isinstance(args, str):
                yield args
            else:
                yield from _vars(args)
    elif isinstance(uitdrukking, list):
        for a in uitdrukking:
            yield from _vars(a)


def alleen_het_inkomen_te_hoog(
    u: RechtUitkomst, inkomen: frozenset[str], profiel: Mapping[str, Any]
) -> bool:
    """The person fits the right except for the income: the conditions that fail all read
    the income, and the others hold or are open for another reason than a question the
    person did not answer (the service checks it, or the income is near a limit). All
    conditions are worked out here, also those after the first that fails."""
    if u.status is not Status.NIET:
        return False
    gelezen = {v.id: v.attributen for v in u.recht.voorwaarden}

    def past(v: VoorwaardeUitkomst) -> bool:
        attributen = gelezen.get(v.id, frozenset())
        if v.status is VoorwaardeStatus.NIET_VOLDAAN:
            return bool(attributen & inkomen)
        if v.status is VoorwaardeStatus.ONBEKEND:
            return all(profiel.get(a) is not None for a in attributen)
        return True

    return any(v.status is VoorwaardeStatus.NIET_VOLDAAN for v in u.voorwaarden) and all(
        past(v) for v in u.voorwaarden
    )


def deel_in(
    uitkomsten: Sequence[RechtUitkomst],
    profiel: Mapping[str, Any],
    vocabulaire: Vocabulaire,
    gekozen: frozenset[str] | None = None,
) -> Indeling:
    """Sort the engine's outcomes (in its order: likely, possible, …; most money first)."""
    if gekozen:
        uitkomsten = [u for u in uitkomsten if u.recht.id in gekozen]
    al = tuple(u for u in uitkomsten if krijgt_al(u, profiel))
    nieuw = [u for u in uitkomsten if not krijgt_al(u, profiel)]
    wel = [u for u in nieuw if u.status is Status.WAARSCHIJNLIJK]
    mogelijk = [u for u in nieuw if u.status is Status.MOGELIJK]

    te_vragen = [u for u in wel if not u.recht.automatisch]
    ids = {u.recht.id for u in te_vragen}
    geopend = {
        i: tuple(u for u in wel if i in u.via_rechten)
        for i in ids
        if any(i in u.via_rechten for u in wel)
    }
    volgorde = {u.recht.id: n for n, u in enumerate(uitkomsten)}
    begin = tuple(
        sorted(
            (u for u in te_vragen if u.recht.id in geopend),
            key=lambda u: (-len(geopend[u.recht.id]), volgorde[u.recht.id]),
        )
    )
    aanvragen = (
        *begin,
        *(u for u in te_vragen if u.recht.id not in geopend),
        *(u for u in mogelijk if not u.recht.automatisch),
    )

    inkomen = inkomensattributen(vocabulaire)
    niet = [u for u in nieuw if u.status is Status.NIET]
    niet_gekozen = tuple(niet) if gekozen else ()
    dichtbij = [u for u in niet if alleen_het_inkomen_te_hoog(u, inkomen, profiel)]
    uniek = {u.recht.id: u for u in [*niet_gekozen, *dichtbij]}
    waarom_niet = tuple(uniek.values())[:MAX_WAAROM_NIET]
    return Indeling(
        al=al,
        begin=begin,
        geopend=geopend,
        aanvragen=aanvragen,
        vanzelf=tuple(u for u in wel if u.recht.automatisch),
        misschien_vanzelf=tuple(u for u in mogelijk if u.recht.automatisch),
        waarom_niet=waarom_niet,
        niet_gekozen=niet_gekozen,
    )
