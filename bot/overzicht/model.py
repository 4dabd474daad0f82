"""What the printable overview shows, built from an evaluation's JSON (``evaluatie_json``).

Pure: no database, no HTTP. The route evaluates the profile, turns the evaluation into JSON
as the API answers it, and hands that here with the date, the catalogue version and the
contact points. The renderer (``bot.overzicht.pdf``) only lays this out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, Protocol

from bot.catalogue.repository import Contact

MAX_REFERENTIE = 60
"""A file number or initials: short. The reference is printed, never stored or logged."""


class Onderzoekspunt(Protocol):
    """One point the social worker still has to check, and why."""

    @property
    def punt(self) -> str: ...

    @property
    def waarom(self) -> str: ...


class LeefloonAdvies(Protocol):
    """The automatic leefloon advice (built elsewhere): only the attributes read here."""

    @property
    def advies(self) -> Literal["toekenning", "verder_sociaal_onderzoek", "geen_recht"]: ...

    @property
    def categorie(self) -> str | None: ...

    @property
    def bedrag_maand(self) -> float | None: ...

    @property
    def bedrag_na_middelen(self) -> float | None: ...

    @property
    def te_onderzoeken(self) -> Sequence[Onderzoekspunt]: ...

    @property
    def uitleg(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class RechtOpPapier:
    """One right as printed: why, how much, what to check, what to bring, where to apply."""

    id: str
    naam: str
    niveau: str
    reden: str | None
    bedrag: str | None
    na_te_gaan: tuple[str, ...]
    """Conditions we could not check yet (for a right that is 'mogelijk')."""
    bewijsstukken: tuple[str, ...]
    aanvragen: str | None
    bron_url: str


@dataclass(frozen=True)
class Overzicht:
    datum: date
    """The date the rights were evaluated on."""
    gemaakt_op: date
    catalogusversie: str
    """E.g. "3f2a9c1b, geladen op 7 december 2026"."""
    gemeente: str | None
    waarschijnlijk: tuple[RechtOpPapier, ...]
    mogelijk: tuple[RechtOpPapier, ...]
    aantal_niet: int
    contacten: tuple[Contact, ...]
    """Where to talk to someone: the OCMW / Sociaal Huis of the municipality, the general line."""
    referentie: str | None = None
    leefloonadvies: LeefloonAdvies | None = None


def lijst_uit_tekst(tekst: str | None) -> tuple[str, ...]:
    """A catalogue text as items: lines that start with "- " or "• " are items; the other
    lines are items too (a sentence before the list, or a text without a list)."""
    if not tekst:
        return ()
    items: list[str] = []
    for regel in tekst.splitlines():
        regel = regel.strip()
        if regel[:2] in ("- ", "• ", "* "):
            regel = regel[2:].strip()
        if regel:
            items.append(regel)
    return tuple(items)


def _na_te_gaan(uitleg: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(u["tekst"] for u in uitleg if u.get("status") == "onbekend"))


def recht_op_papier(recht: Mapping[str, Any]) -> RechtOpPapier:
    """One right of ``evaluatie_json``'s ``rechten`` list."""
    mogelijk = recht["status"] == "mogelijk"
    return RechtOpPapier(
        id=recht["id"],
        naam=recht["naam"],
        niveau=recht["niveau"],
        reden=None if mogelijk else recht.get("reden"),
        bedrag=recht.get("bedrag_tekst"),
        na_te_gaan=_na_te_gaan(recht.get("uitleg") or []) if mogelijk else (),
        bewijsstukken=lijst_uit_tekst(recht.get("bewijsstukken")),
        aanvragen=recht.get("aanvragen"),
        bron_url=recht["bron_url"],
    )


def bouw_overzicht(
    evaluatie: Mapping[str, Any],
    *,
    gemaakt_op: date,
    catalogusversie: str,
    gemeente: str | None = None,
    contacten: Sequence[Contact | None] = (),
    referentie: str | None = None,
    leefloonadvies: LeefloonAdvies | None = None,
) -> Overzicht:
    """The overview of an evaluation in the shape of ``evaluatie_json``: the rights that
    probably apply first, then those that may apply; rights that do not apply are counted."""
    rechten = evaluatie["rechten"]
    referentie = (referentie or "").strip() or None
    return Overzicht(
        datum=date.fromisoformat(evaluatie["datum"]),
        gemaakt_op=gemaakt_op,
        catalogusversie=catalogusversie,
        gemeente=gemeente,
        waarschijnlijk=tuple(
            recht_op_papier(r) for r in rechten if r["status"] == "waarschijnlijk"
        ),
        mogelijk=tuple(recht_op_papier(r) for r in rechten if r["status"] == "mogelijk"),
        aantal_niet=sum(1 for r in rechten if r["status"] == "niet"),
        contacten=tuple(c for c in contacten if c is not None),
        referentie=referentie,
        leefloonadvies=leefloonadvies,
    )
