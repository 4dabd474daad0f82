"""The engine's view of the catalogue and of an evaluation's outcome."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from itertools import count
from typing import Any

from bot.notatie import datum_tekst, euro
from bot.rules.logica import GESLOTEN, Knoop, Open
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
class Indexering:
    """How a parameter may rise each year (indexation), stated in the rule file."""

    marge_per_jaar: float
    basis: str
    """Why this margin: e.g. the health index of the last years."""
    volgende: date | None = None
    """A known date of the next indexation after the newest value."""


@dataclass(frozen=True)
class Veroudering:
    """A parameter whose newest value may be out of date on the reference date."""

    parameter: str
    omschrijving: str
    sinds: date
    """The date of its newest value (for this municipality)."""
    jaren: int
    """Indexation steps that may have happened since (begun years)."""
    factor: float
    """The limit is widened up to this factor (1 + margin) ** jaren (1: a fixed amount)."""
    geindexeerd: bool = True
    """An indexed amount (it may have risen), or a fixed one (it may have changed)."""
    raad: str = field(init=False, compare=False)
    """"het kan intussen hoger zijn", or for a fixed amount "vraag na of het nog klopt"."""
    tekst: str = field(init=False, compare=False)
    """"Bedrag van 1 mei 2024; het kan intussen hoger zijn." """

    def __post_init__(self) -> None:
        raad = "het kan intussen hoger zijn" if self.geindexeerd else "vraag na of het nog klopt"
        object.__setattr__(self, "raad", raad)
        object.__setattr__(self, "tekst", f"Bedrag van {datum_tekst(self.sinds)}; {raad}.")


@dataclass(frozen=True)
class Parameter:
    naam: str
    omschrijving: str
    bron: str
    waarden: GedateerdeWaarden
    per_gemeente: Mapping[str, GedateerdeWaarden] = field(default_factory=dict)
    eenheid: str | None = None
    indexering: Indexering | None = None

    def _reeks(self, gemeente: str | None) -> GedateerdeWaarden | None:
        if self.per_gemeente:
            if gemeente is None:
                return None
            lokaal = self.per_gemeente.get(gemeente)
            if lokaal is not None:
                return lokaal
        return self.waarden

    def op(self, peildatum: date, gemeente: str | None) -> Any:
        reeks = self._reeks(gemeente)
        return ONBEKEND if reeks is None else reeks.op(peildatum)

    @property
    def is_bedrag(self) -> bool:
        """An amount of money (its unit says euro)."""
        return self.eenheid is not None and "euro" in self.eenheid

    def veroudering(self, peildatum: date, gemeente: str | None) -> Veroudering | None:
        """Set when the value on ``peildatum`` is its newest one and that is stale: more
        than a year old, or past the known next indexation. Indexed parameters, and fixed
        amounts of money (no margin: a fixed amount is shown with its date, never widened;
        it may have changed, but nothing says by how much)."""
        reeks = self._reeks(gemeente)
        if reeks is None or peildatum < reeks.vanaf[-1]:
            return None
        sinds = reeks.vanaf[-1]
        dagen = (peildatum - sinds).days
        jaren = -(-dagen // 365) if dagen > 365 else 0
        if self.indexering is None:
            if not self.is_bedrag or jaren == 0:
                return None
            return Veroudering(self.naam, self.omschrijving, sinds, jaren, 1.0, False)
        volgende = self.indexering.volgende
        if volgende is not None and volgende > sinds and peildatum >= volgende:
            jaren = max(jaren, 1)
        if jaren == 0:
            return None
        factor = (1 + self.indexering.marge_per_jaar) ** jaren
        return Veroudering(self.naam, self.omschrijving, sinds, jaren, factor)


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
    """True when it reads another right's outcome (then that is part of its memo key)."""
    kern: bool = False
    """The rule file marks it as the reason that matters (shown first)."""
    na_te_gaan: bool = False
    """Cannot be asked: always unknown; the text says what to have checked."""
    parameters: tuple[str, ...] = ()
    """The right's parameters the expression (or a part of the group) reads, sorted."""
    rechten: frozenset[str] = frozenset()
    """The other rights whose outcome the expression (or a part of the group) reads."""
    invoer: tuple[str, ...] = ()
    """``attributen`` sorted (a group: those of its parts)."""
    sleutel: Callable[[tuple[Any, ...]], Any] = field(
        default=tuple, compare=False, hash=False, repr=False
    )
    """Its memo key, picked from its right's memo key (see ``Recht.geheugen``): the
    parameter values when it reads any, the answers to ``invoer`` and the outcomes of the
    rights it reads (``rechten``). Set when the catalogue is built; the default, the
    right's whole key, is correct too but shares less."""
    geheugen: dict[Any, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)
    """Memo of the outcome (a :class:`VoorwaardeUitkomst`), by ``sleutel``: it depends only
    on those. Many households share an age, a municipality or a yes/no answer."""
    open_geheugen: dict[Any, Any] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """Memo of what could still decide an unknown outcome (an ``Open``), by ``sleutel``."""
    uitkomsten: dict[tuple[Any, ...], Any] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """Its distinct outcomes, shared between evaluations (status, notes, parts)."""

    @cached_property
    def rechten_volgorde(self) -> tuple[str, ...]:
        """``rechten`` sorted: the order of that part of a memo key."""
        return tuple(sorted(self.rechten))


@dataclass(frozen=True)
class Bedrag:
    per: str
    regel: Knoop
    tekst: str
    parameters: frozenset[str] = frozenset()
    """The right's parameters the amount rule reads: the amount's text dates only those."""

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
    krijgt_al: str | None = None
    """The yes/no attribute that says you (or your household) already receive this right."""
    synoniemen: tuple[str, ...] = ()
    zoektermen: tuple[str, ...] = ()
    """Plain words and short phrases people search this right with ("tandarts te duur")."""
    voor_wie: tuple[str, ...] = ()
    """Situations people recognise ("Laag inkomen", "Mantelzorgers")."""
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
    """Memo of outcomes, keyed by everything the outcome depends on, as one flat tuple:
    the number of the parameter values, the values of ``invoer`` and, per right of
    ``afhankelijk_volgorde``, its outcome as a truth value and what could still decide it.
    A condition's key is picked from it (``Voorwaarde.sleutel``)."""
    parameter_geheugen: dict[tuple[Any, ...], Any] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """Parameter values per (reference date, municipality when it matters)."""
    elders_geheugen: dict[tuple[Any, ...], Any] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """A local right's outcome for someone of another municipality, per (reference date,
    municipality when a parameter differs per town); None when it must be evaluated."""
    parameter_nummers: dict[tuple[Any, ...], int] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """Each distinct set of parameter values gets a small number: memo keys use the number,
    so that a lookup does not hash every (possibly widened) value again."""


@dataclass(frozen=True)
class Catalogus:
    rechten: tuple[Recht, ...]
    """In evaluation order: a right comes after the rights it depends on."""
    vraagbare_attributen: tuple[str, ...]
    """The vocabulary's asked attributes, in the vocabulary's order."""
    gevoelige_attributen: frozenset[str] = frozenset()
    niet_in_chat: frozenset[str] = frozenset()
    """Asked attributes the citizen's chat never asks (the vocabulary's ``gevraagd_door``
    without ``chat``: willingness to work, property). Only a social worker asks them."""
    vraaggroepen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Question group -> its members: asked as one question while two or more are open."""
    eerste_peildatum: date | None = None
    """From this date on, every parameter of every right has a value."""
    openingsgroep: str | None = None
    """The question group asked first while none of its members is answered (age and
    municipality: people say who and where they are before anything else)."""
    keuzes: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    """Asked attribute -> every answer it can get, for yes/no and choice attributes: the
    engine tries each to see which other questions one answer makes useless."""

    per_id: Mapping[str, Recht] = field(default_factory=dict, compare=False, repr=False)
    """The rights by id (filled from ``rechten`` when the catalogue is made)."""
    plannen: dict[Any, Any] = field(
        default_factory=dict, init=False, compare=False, hash=False, repr=False
    )
    """Memo of what the engine works out once per reference date and municipality for
    every right (its parameter values; whether it is a local right of another town).
    Not an argument: a copy with other rights (``dataclasses.replace``) starts empty."""
    opens: dict[Any, Any] = field(
        default_factory=dict, init=False, compare=False, hash=False, repr=False
    )
    """One object per distinct value of what is open (the engine's memos share them)."""
    volgnummers: Iterator[int] = field(
        default_factory=count, init=False, compare=False, hash=False, repr=False
    )
    """Numbers for outcomes whose "what is open" is still to work out: such a number
    stands for it in the memo key of a right that reads it (never used twice)."""

    def __post_init__(self) -> None:
        if not self.per_id:
            object.__setattr__(self, "per_id", {r.id: r for r in self.rechten})

    def recht(self, recht_id: str) -> Recht | None:
        return self.per_id.get(recht_id)

    @cached_property
    def gelezen(self) -> frozenset[str]:
        """The rights another right reads: what is open for them goes in that right's memo
        key (or, while it is still to work out, the number of their outcome)."""
        return frozenset(i for r in self.rechten for i in r.afhankelijk_van)

    @cached_property
    def invoer_namen(self) -> tuple[str, ...]:
        """Every attribute a right reads (``Recht.invoer``), once, sorted."""
        return tuple(sorted({a for r in self.rechten for a in r.invoer}))

    @cached_property
    def vraagvolgorde(self) -> Mapping[str, int]:
        """Asked attribute -> its place in the vocabulary's order."""
        return {a: i for i, a in enumerate(self.vraagbare_attributen)}


@dataclass(slots=True)
class VoorwaardeUitkomst:
    id: str
    tekst: str
    status: VoorwaardeStatus
    bron: str | None = None
    benaderingen: tuple[str, ...] = ()
    onderdelen: tuple[VoorwaardeUitkomst, ...] = ()
    kern: bool = False
    opmerkingen: tuple[str, ...] = ()
    """Notes: "Uw inkomen ligt dicht bij de grens.", or that an amount is old."""
    via: tuple[str, ...] = ()
    """Met only because these other rights are likely (not because you receive them)."""
    na_te_gaan: bool = False
    """A condition the explorer cannot ask: only the service can check it."""
    leest_rechten: bool = False
    """It reads another right's outcome (a "likely" right, not one you receive)."""

    def alle_opmerkingen(self) -> list[str]:
        """Its notes and those of all its parts, in order (duplicates kept)."""
        return [*self.opmerkingen, *(o for d in self.onderdelen for o in d.alle_opmerkingen())]


@dataclass(slots=True)
class RechtUitkomst:
    recht: Recht
    status: Status
    _voorwaarden: tuple[VoorwaardeUitkomst, ...]
    """The conditions worked out so far: all of them, or (a "niet") up to the first that
    fails; ``voorwaarden`` works out the rest when someone asks why."""
    bedrag: float | None
    _open_attributen: frozenset[str] | None
    """``open_attributen`` once known (None: still to work out, see ``_open_later``)."""
    waarde_per_jaar: float = 0.0
    """Money at stake per year: the computed amount, else the rule's rough value."""
    sorteersleutel: tuple[int, float, str] = (0, 0.0, "")
    """Waarschijnlijk first, then mogelijk, niet gecontroleerd, niet; then by value."""
    verouderd: tuple[Veroudering, ...] = ()
    """The right's parameters whose newest value is stale on the reference date."""
    via_rechten: tuple[str, ...] = ()
    """Waarschijnlijk only because these other rights are likely: "als u … krijgt"."""
    _rest: Callable[[], tuple[VoorwaardeUitkomst, ...]] | None = field(
        default=None, repr=False, compare=False
    )
    _open: Open | None = field(default=GESLOTEN, repr=False, compare=False)
    _open_later: Callable[[], Open] | None = field(default=None, repr=False, compare=False)
    """Works out ``open_`` when first asked: most "mogelijk" rights are never asked what
    is still open (the next question needs only some of them, see ``volgende_vraag``)."""

    @property
    def open_(self) -> Open:
        """``open_attributen`` split by direction: what could make it waarschijnlijk (true)
        and what could make it niet (false); a right that reads this one needs that."""
        open_ = self._open
        if open_ is None:
            later = self._open_later
            if later is None:  # another thread worked it out meanwhile
                return self._open  # type: ignore[return-value]
            open_ = later()
            self._open = open_
            self._open_attributen = open_.alle
            self._open_later = None
        return open_

    @property
    def open_attributen(self) -> frozenset[str]:
        """Asked attributes whose answer could still change this outcome."""
        alle = self._open_attributen
        return self.open_.alle if alle is None else alle

    @property
    def open_bekend(self) -> bool:
        """Whether ``open_`` is worked out already (asking for it costs nothing then)."""
        return self._open is not None

    @property
    def voorwaarden(self) -> tuple[VoorwaardeUitkomst, ...]:
        """Every condition's outcome, in the rule file's order."""
        rest = self._rest
        if rest is not None:
            self._voorwaarden = (*self._voorwaarden, *rest())
            self._rest = None
        return self._voorwaarden

    @staticmethod
    def maak(
        recht: Recht,
        status: Status,
        voorwaarden: tuple[VoorwaardeUitkomst, ...],
        bedrag: float | None,
        open_: Open | Callable[[], Open],
        verouderd: tuple[Veroudering, ...] = (),
        rest: Callable[[], tuple[VoorwaardeUitkomst, ...]] | None = None,
    ) -> RechtUitkomst:
        """``rest``: works out the conditions after ``voorwaarden`` when asked (a "niet"
        stops at the first condition that fails). ``open_``: what is open, or a function
        that works it out when first asked."""
        waarde = recht.waarde_per_jaar or 0.0
        if bedrag is not None and recht.bedrag is not None:
            waarde = recht.bedrag.per_jaar(bedrag)
        via = ()
        if status is Status.WAARSCHIJNLIJK:
            via = tuple(dict.fromkeys(r for v in voorwaarden for r in v.via))
        later = None if isinstance(open_, Open) else open_
        bekend = open_ if isinstance(open_, Open) else None
        return RechtUitkomst(
            recht,
            status,
            voorwaarden,
            bedrag,
            None if bekend is None else bekend.alle,
            waarde,
            (_STATUS_VOLGORDE[status], -waarde, recht.naam),
            verouderd,
            via,
            rest,
            bekend,
            later,
        )

    @property
    def bedrag_tekst(self) -> str | None:
        if self.bedrag is None or self.recht.bedrag is None:
            return None
        tekst = self.recht.bedrag.tekst.replace("{bedrag}", euro(self.bedrag))
        v = self.oud_bedrag
        if v is not None:
            tekst += f" (bedrag van {datum_tekst(v.sinds)}; {v.raad})"
        return tekst

    @property
    def oud_bedrag(self) -> Veroudering | None:
        """Of the stale parameters the amount rule reads, the one with the newest value (a
        fixed amount first on the same date: its advice, "vraag na", is the stronger).
        None when the amount reads none."""
        lezen = self.recht.bedrag.parameters if self.recht.bedrag is not None else frozenset()
        oud = [v for v in self.verouderd if v.parameter in lezen]
        return max(oud, key=lambda v: (v.sinds, not v.geindexeerd)) if oud else None

    @property
    def reden(self) -> VoorwaardeUitkomst | None:
        """The condition that explains this outcome best, for a one-line "why".

        Waarschijnlijk: the condition the rule file marks as ``kern``, else the first
        route of a group (the route that holds says most), else the first condition.
        Niet: the first condition that fails. Mogelijk: the first open one (``kern`` first).
        """
        gezocht = {
            Status.WAARSCHIJNLIJK: VoorwaardeStatus.VOLDAAN,
            Status.NIET: VoorwaardeStatus.NIET_VOLDAAN,
            Status.MOGELIJK: VoorwaardeStatus.ONBEKEND,
        }.get(self.status)
        if self.status is Status.NIET:  # the first that fails is always worked out
            return next((v for v in self._voorwaarden if v.status is gezocht), None)
        kandidaten = [v for v in self.voorwaarden if v.status is gezocht]
        if not kandidaten:
            return None
        voorkeur = [v for v in kandidaten if v.kern]
        if not voorkeur and self.status is Status.WAARSCHIJNLIJK:
            voorkeur = [v for v in kandidaten if v.onderdelen]
        v = (voorkeur or kandidaten)[0]
        if v.onderdelen and self.status is Status.WAARSCHIJNLIJK:
            # the route that holds; one that holds on its own before one through another right
            delen = [o for o in v.onderdelen if o.status is gezocht]
            eigen = [o for o in delen if not o.leest_rechten]
            if delen:
                return (eigen or delen)[0]
        return v


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


_STATUS_VOLGORDE = {
    Status.WAARSCHIJNLIJK: 0,
    Status.MOGELIJK: 1,
    Status.NIET_GECONTROLEERD: 2,
    Status.NIET: 3,
}
