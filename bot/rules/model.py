"""The engine's view of the catalogue and of an evaluation's outcome."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from bot.rules.logica import Knoop
from bot.rules.waarheid import ONBEKEND


class Status(StrEnum):
    WAARSCHIJNLIJK = "waarschijnlijk"
    """Every checkable condition holds."""
    MOGELIJK = "mogelijk"
    """No condition fails, some are still unknown."""
    NIET = "niet"
    """At least one condition fails."""
    NIET_GECONTROLEERD = "niet_gecontroleerd"
    """The catalogue has the product but no machine-readable rules yet."""


class VoorwaardeStatus(StrEnum):
    VOLDAAN = "voldaan"
    NIET_VOLDAAN = "niet_voldaan"
    ONBEKEND = "onbekend"


@dataclass(frozen=True)
class GedateerdeWaarden:
    """Values of a parameter over time, sorted by start date."""

    vanaf: tuple[date, ...]
    waarden: tuple[Any, ...]

    def op(self, peildatum: date) -> Any:
        i = bisect.bisect_right(self.vanaf, peildatum)
        return ONBEKEND if i == 0 else self.waarden[i - 1]


@dataclass(frozen=True)
class Parameter:
    naam: str
    omschrijving: str
    bron: str
    waarden: GedateerdeWaarden
    per_gemeente: Mapping[str, GedateerdeWaarden] = field(default_factory=dict)
    eenheid: str | None = None

    def op(self, peildatum: date, gemeente: str | None) -> Any:
        if self.per_gemeente:
            if gemeente is None:
                return ONBEKEND
            lokaal = self.per_gemeente.get(gemeente)
            if lokaal is not None:
                return lokaal.op(peildatum)
        return self.waarden.op(peildatum)


@dataclass(frozen=True)
class Voorwaarde:
    id: str
    tekst: str
    niet_tekst: str | None
    bron: str | None
    regel: Knoop | None
    """Compiled expression, or None for a group (``een_van``)."""
    een_van: tuple[Voorwaarde, ...] = ()
    benaderingen: tuple[str, ...] = ()
    """Explanations of the income approximations this expression uses (empty for a group:
    its notes are those of the parts that decide it)."""
    attributen: frozenset[str] = frozenset()
    """Every asked attribute the expression reads (``gemeente`` too for local parameters)."""
    dynamisch: bool = True
    """True when it reads another right's outcome: then it is never memoised."""
    geheugen: dict[tuple[Any, ...], Any] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """Memo of the outcome when none of ``attributen`` is in the profile. It then depends
    only on this right's parameter values, so it is keyed by them (a few periods at most)."""


@dataclass(frozen=True)
class Bedrag:
    per: str
    regel: Knoop
    tekst: str

    def per_jaar(self, bedrag: float) -> float:
        return bedrag * 12 if self.per == "maand" else bedrag


@dataclass(frozen=True)
class Recht:
    id: str
    naam: str
    niveau: str
    bron_url: str
    product: str | None
    gemeenten: frozenset[str] | None
    voorwaarden: tuple[Voorwaarde, ...]
    heeft_regels: bool
    parameters: Mapping[str, Parameter] = field(default_factory=dict)
    bedrag: Bedrag | None = None
    waarde_per_jaar: float | None = None
    automatisch: bool | None = None
    samenvatting: str | None = None
    aanvragen: str | None = None
    synoniemen: tuple[str, ...] = ()
    thema: tuple[str, ...] = ()
    afhankelijk_van: frozenset[str] = frozenset()
    afhankelijk_volgorde: tuple[str, ...] = ()
    """``afhankelijk_van``, sorted: the order of their outcomes in a memo key."""
    lokale_parameters: frozenset[str] = frozenset()
    """Parameters with per-municipality values."""
    invoer: tuple[str, ...] = ()
    """Every asked attribute its conditions and amount read, sorted."""
    geheugen: dict[tuple[Any, ...], Any] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """Memo of outcomes, keyed by everything the outcome depends on: the values of
    ``invoer``, the parameter values and the outcomes of the rights it depends on."""
    parameter_geheugen: dict[tuple[Any, ...], Any] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """Parameter values per (reference date, municipality when it matters)."""


@dataclass(frozen=True)
class Catalogus:
    rechten: tuple[Recht, ...]
    """In evaluation order: a right comes after the rights it depends on."""
    vraagbare_attributen: tuple[str, ...]
    """The vocabulary's asked attributes, in the vocabulary's order."""
    gevoelige_attributen: frozenset[str] = frozenset()
    vraaggroepen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Question group -> its members: asked as one question while two or more are open."""
    eerste_peildatum: date | None = None
    """From this date on, every parameter of every right has a value."""

    per_id: Mapping[str, Recht] = field(default_factory=dict, compare=False, repr=False)
    """The rights by id (filled from ``rechten`` when the catalogue is made)."""

    def __post_init__(self) -> None:
        if not self.per_id:
            object.__setattr__(self, "per_id", {r.id: r for r in self.rechten})

    def recht(self, recht_id: str) -> Recht | None:
        return self.per_id.get(recht_id)


@dataclass(frozen=True, slots=True)
class VoorwaardeUitkomst:
    id: str
    tekst: str
    status: VoorwaardeStatus
    bron: str | None = None
    benaderingen: tuple[str, ...] = ()
    onderdelen: tuple[VoorwaardeUitkomst, ...] = ()


@dataclass(frozen=True, slots=True)
class RechtUitkomst:
    recht: Recht
    status: Status
    voorwaarden: tuple[VoorwaardeUitkomst, ...]
    bedrag: float | None
    open_attributen: frozenset[str]
    """Asked attributes whose answer could still change this outcome."""
    waarde_per_jaar: float = 0.0
    """Money at stake per year: the computed amount, else the rule's rough value."""
    sorteersleutel: tuple[int, float, str] = (0, 0.0, "")
    """Waarschijnlijk first, then mogelijk, niet gecontroleerd, niet; then by value."""

    @staticmethod
    def maak(
        recht: Recht,
        status: Status,
        voorwaarden: tuple[VoorwaardeUitkomst, ...],
        bedrag: float | None,
        open_attributen: frozenset[str],
    ) -> RechtUitkomst:
        waarde = recht.waarde_per_jaar or 0.0
        if bedrag is not None and recht.bedrag is not None:
            waarde = recht.bedrag.per_jaar(bedrag)
        return RechtUitkomst(
            recht,
            status,
            voorwaarden,
            bedrag,
            open_attributen,
            waarde,
            (_STATUS_VOLGORDE[status], -waarde, recht.naam),
        )

    @property
    def bedrag_tekst(self) -> str | None:
        if self.bedrag is None or self.recht.bedrag is None:
            return None
        return self.recht.bedrag.tekst.replace("{bedrag}", euro(self.bedrag))


@dataclass(frozen=True)
class Evaluatie:
    peildatum: date
    uitkomsten: tuple[RechtUitkomst, ...]
    """Sorted: waarschijnlijk, mogelijk, niet gecontroleerd, niet; then by value at stake."""
    volgende_vraag: str | None
    open_rechten: tuple[str, ...]
    volgende_groep: str | None = None
    """The question group to ask (its first open member is ``volgende_vraag``), or None."""
    volgende_leden: tuple[str, ...] = ()
    """The attributes the next question asks: the group's open members, or just one."""

    def uitkomst(self, recht_id: str) -> RechtUitkomst | None:
        return next((u for u in self.uitkomsten if u.recht.id == recht_id), None)


def euro(bedrag: float) -> str:
    """Belgian notation: 1.288,46 (no decimals for whole amounts)."""
    if float(bedrag).is_integer():
        tekst = f"{int(bedrag):,}"
        return tekst.replace(",", ".")
    tekst = f"{bedrag:,.2f}"
    return tekst.replace(",", " ").replace(".", ",").replace(" ", ".")


_STATUS_VOLGORDE = {
    Status.WAARSCHIJNLIJK: 0,
    Status.MOGELIJK: 1,
    Status.NIET_GECONTROLEERD: 2,
    Status.NIET: 3,
}
