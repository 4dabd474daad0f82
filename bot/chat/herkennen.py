"""Recognise a situation in a message by keyword lines that a policy officer writes.

A line is one or more parts joined by ``+``; every part must be in the message, in any
order. A part is one or more alternatives joined by ``|``; an alternative is one word or
several words in a row. A word may itself be a choice, joined by ``/``. A word that ends
in ``*`` matches every word that starts with it. Examples::

    "geen slaapplaats"                          both words, in this order
    "slapen|sliep + auto|wagen|straat"          a form of sleeping and a place, anywhere
    "bang voor/van mijn man/vent/ex"            "bang van mijn vent", in this order

Matching ignores case, accents and punctuation ("da's" reads as "da s"). A word of six
letters or more also matches with one typo ("afgeslote", "dakloss"). A part does not
count when "niet", "geen", "nooit" or "nie" stands right before it, or right after a
one-word part ("ik heb geen honger", "ik slaap niet in de auto"); a question word never
counts as negated ("ik weet niet waar ik moet slapen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from bot.catalogue.tekst import zoeksleutel

_TIKFOUT_VANAF = 6
"""Words of at least this many letters match with one wrong, missing, extra or swapped
letter."""
_ONTKENNING = frozenset({"niet", "geen", "nooit", "nie", "gene", "genen"})
_VRAAGWOORD = frozenset({"waar", "wat", "hoe", "wie", "wanneer", "waarom"})
""""ik weet niet waar ik moet slapen": the "niet" is not about the question word."""
_WOORD = re.compile(r"^[a-z0-9]+\*?$")


class TrefwoordFout(ValueError):
    """A keyword line that cannot be read; the message says why (Dutch)."""


@dataclass(frozen=True)
class _Vorm:
    tekst: str
    voorvoegsel: bool

    def past(self, woord: str) -> bool:
        if self.voorvoegsel:
            return woord.startswith(self.tekst)
        if woord == self.tekst:
            return True
        return (
            len(self.tekst) >= _TIKFOUT_VANAF
            and abs(len(woord) - len(self.tekst)) <= 1
            and OSA.distance(woord, self.tekst, score_cutoff=1) <= 1
        )


@dataclass(frozen=True)
class _Woord:
    """One word of a keyword line: one form, or a choice of forms ("voor/van")."""

    vormen: tuple[_Vorm, ...]

    def past(self, woord: str) -> bool:
        return any(v.past(woord) for v in self.vormen)


@dataclass(frozen=True)
class _Deel:
    """One part: alternatives, each a run of words."""

    keuzes: tuple[tuple[_Woord, ...], ...]

    def gevonden(self, woorden: list[str]) -> bool:
        for keuze in self.keuzes:
            n = len(keuze)
            for i in range(len(woorden) - n + 1):
                if all(w.past(woorden[i + j]) for j, w in enumerate(keuze)) and not _ontkend(
                    woorden, i, n
                ):
                    return True
        return False


def _ontkend(woorden: list[str], begin: int, lengte: int) -> bool:
    if woorden[begin] in _VRAAGWOORD:
        return False
    ervoor = woorden[begin - 1] if begin > 0 else ""
    erna = woorden[begin + lengte] if lengte == 1 and begin + lengte < len(woorden) else ""
    return ervoor in _ONTKENNING or erna in ("niet", "nie")


@dataclass(frozen=True)
class Trefwoordregel:
    """One keyword line, read; :meth:`past` says whether a message holds it."""

    bron: str
    delen: tuple[_Deel, ...]

    def past(self, woorden: list[str]) -> bool:
        return all(deel.gevonden(woorden) for deel in self.delen)


def lees_regel(regel: str) -> Trefwoordregel:
    """Read one keyword line; :class:`TrefwoordFout` (Dutch) when it is not valid."""
    delen = []
    for stuk in regel.split("+"):
        keuzes = []
        for keuze in stuk.split("|"):
            ruwe = keuze.split()
            if not ruwe:
                raise TrefwoordFout(
                    f"'{regel}': er staat niets tussen twee tekens '+' of '|' (of aan het begin "
                    "of het einde)."
                )
            keuzes.append(tuple(_woord(ruw, regel) for ruw in ruwe))
        delen.append(_Deel(tuple(keuzes)))
    return Trefwoordregel(regel, tuple(delen))


def _woord(ruw: str, regel: str) -> _Woord:
    vormen = []
    for vorm in ruw.split("/"):
        sleutel = zoeksleutel(vorm.removesuffix("*")) + ("*" if vorm.endswith("*") else "")
        if not _WOORD.match(sleutel):
            raise TrefwoordFout(
                f"'{regel}': '{vorm or ruw}' is geen woord. Gebruik alleen letters en cijfers, "
                "met eventueel een * op het einde; keuzes binnen een woord met '/'."
            )
        vormen.append(_Vorm(sleutel.removesuffix("*"), sleutel.endswith("*")))
    return _Woord(tuple(vormen))


def woorden_van(tekst: str) -> list[str]:
    """The words of a message as the keyword lines read them."""
    return zoeksleutel(tekst).split()
