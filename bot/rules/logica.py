"""JSON Logic, three-valued: compile an expression once, evaluate it many times.

An expression is compiled into a small tree of nodes. Each node can

* ``waarde(ctx)``: compute its value (``ONBEKEND`` when it depends on something unknown);
* ``open_attributen(ctx)``: name the profile attributes whose answer could still
  change its value, split by direction: those that could make it true and those
  that could make it false (:class:`Open`). Only sub-expressions that are
  themselves unknown are looked into, so an attribute behind ``true or …`` or
  ``false and …`` is never named, and an attribute answered with "weet ik niet"
  (present in the profile as ``None``) is never named again: it stays unknown.

Derived attributes and income notions of the vocabulary are expanded at compile
time, so nodes only ever read asked attributes from the profile.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from bot.rules.schatting import (
    INKOMEN,
    Schatting,
    reken,
    vergelijk,
)
from bot.rules.waarheid import (
    ONBEKEND,
    als_waarheid,
    kleene_en,
    kleene_niet,
    kleene_of,
)

LEEG: frozenset[str] = frozenset()


class Open(NamedTuple):
    """Unanswered attributes that could still make an expression true, or false."""

    kan_waar: frozenset[str]
    kan_onwaar: frozenset[str]

    @property
    def alle(self) -> frozenset[str]:
        kan_waar, kan_onwaar = self
        if kan_waar is kan_onwaar or not kan_onwaar:  # no new set when one holds all
            return kan_waar
        return kan_onwaar if not kan_waar else kan_waar | kan_onwaar


GESLOTEN = Open(LEEG, LEEG)


def beide(attributen: frozenset[str]) -> Open:
    """For a value that is not a truth value: any of these answers could change it."""
    return Open(attributen, attributen) if attributen else GESLOTEN


def unie(delen: Iterable[frozenset[str]]) -> frozenset[str]:
    """The union of these sets; one of them when it holds all the others (the engine
    combines many small sets that are often equal: no new set for those)."""
    uit = LEEG
    for deel in delen:
        if deel is uit or not deel or deel <= uit:
            continue
        uit = deel if uit <= deel else uit | deel
    return uit


class UitdrukkingFout(ValueError):
    """An expression in a rule file cannot be compiled. ``pad`` points into the expression."""

    def __init__(self, bericht: str, pad: Sequence[str | int] = ()):
        self.bericht = bericht
        self.pad = tuple(pad)
        super().__init__(bericht)


@dataclass
class Context:
    """What one evaluation of one right can see."""

    profiel: Mapping[str, Any]
    parameters: Mapping[str, Any] = field(default_factory=dict)
    """Parameter name -> value on the reference date (or ONBEKEND)."""
    lokale_parameters: frozenset[str] = LEEG
    """Parameters that are unknown only because the municipality is unknown."""
    rechten: Mapping[str, Any] = field(default_factory=dict)
    """Right id -> True / False / ONBEKEND (its outcome as a truth value)."""
    open_per_recht: Mapping[str, Open] = field(default_factory=dict)
    """Right id -> attributes that could make it waarschijnlijk (true) or niet (false)."""
    herhaald: dict[Any, Any] = field(default_factory=dict)
    """Values of sub-expressions that occur more than once in this right's rules: computed
    once per evaluation of the right (see :class:`Herhaald`)."""
    gedeeld: dict[Any, Any] = field(default_factory=dict)
    """Values of derived attributes and income notions for this profile, shared by all
    rights of one evaluation (they read only the profile): computed once."""
    twijfels: set[str] = field(default_factory=set)
    """Filled while evaluating: the sources (``inkomen``, ``param:<naam>``) of ranges that
    made a comparison unknown because a limit lies within them."""


class Knoop:
    __slots__ = ()

    def waarde(self, ctx: Context) -> Any:
        """The value, or ONBEKEND."""
        raise NotImplementedError

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        """The value and, when it is unknown, what could still decide it: one pass."""
        raise NotImplementedError

    def open_attributen(self, ctx: Context) -> Open:
        return self.analyse(ctx)[1]


class Constante(Knoop):
    __slots__ = ("w",)

    def __init__(self, w: Any):
        self.w = w

    def waarde(self, ctx: Context) -> Any:
        return self.w

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        return self.w, GESLOTEN


class Attribuut(Knoop):
    __slots__ = ("naam", "_open")

    def __init__(self, naam: str):
        self.naam = naam
        self._open = beide(frozenset([naam]))

    def waarde(self, ctx: Context) -> Any:
        w = ctx.profiel.get(self.naam)
        return ONBEKEND if w is None else w

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        w = ctx.profiel.get(self.naam)
        if w is not None:
            return w, GESLOTEN
        # answered with "weet ik niet": unknown, but never asked again
        return ONBEKEND, GESLOTEN if self.naam in ctx.profiel else self._open


_GEMEENTE_OPEN = beide(frozenset(["gemeente"]))


class Parameter(Knoop):
    __slots__ = ("naam",)

    def __init__(self, naam: str):
        self.naam = naam

    def waarde(self, ctx: Context) -> Any:
        return ctx.parameters.get(self.naam, ONBEKEND)

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        w = ctx.parameters.get(self.naam, ONBEKEND)
        if w is ONBEKEND and self.naam in ctx.lokale_parameters and "gemeente" not in ctx.profiel:
            return w, _GEMEENTE_OPEN
        return w, GESLOTEN


class Tabel(Knoop):
    """An element of a list parameter; an index past the end takes the last element."""

    __slots__ = ("param", "index")

    def __init__(self, param: Parameter, index: Knoop):
        self.param = param
        self.index = index

    @staticmethod
    def _kies(lijst: Any, i: Any) -> Any:
        if lijst is ONBEKEND or i is ONBEKEND:
            return ONBEKEND
        if isinstance(i, Schatting):
            return ONBEKEND  # an estimated index: no element is sure
        if not isinstance(lijst, (list, tuple)) or not isinstance(i, (int, float)):
            return ONBEKEND  # a rule error (e.g. a text as index); never a silent 0
        if isinstance(i, bool):
            return ONBEKEND
        return lijst[max(0, min(int(i), len(lijst) - 1))]

    def waarde(self, ctx: Context) -> Any:
        return self._kies(self.param.waarde(ctx), self.index.waarde(ctx))

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        lijst, open_lijst = self.param.analyse(ctx)
        i, open_index = self.index.analyse(ctx)
        w = self._kies(lijst, i)
        if w is not ONBEKEND:
            return w, GESLOTEN
        return w, _samen_open([(lijst, open_lijst), (i, open_index)])


class RechtUitkomst(Knoop):
    """Another right's outcome: true when waarschijnlijk, false when niet, else unknown."""

    __slots__ = ("recht_id",)

    def __init__(self, recht_id: str):
        self.recht_id = recht_id

    def waarde(self, ctx: Context) -> Any:
        return ctx.rechten.get(self.recht_id, ONBEKEND)

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        w = ctx.rechten.get(self.recht_id, ONBEKEND)
        if w is not ONBEKEND:
            return w, GESLOTEN
        return w, ctx.open_per_recht.get(self.recht_id, GESLOTEN)


class InkomenSchatting(Knoop):
    """An income notion the vocabulary estimates as a range (see ``attributen.yaml``).

    Exact when the ``precies`` attribute is answered; otherwise ``van`` times the factor
    range of the kind of income (``onbekend`` while that is not answered).
    """

    __slots__ = ("van", "soort", "factor", "precies")

    def __init__(
        self,
        van: str,
        soort: str | None,
        factor: Mapping[str, tuple[float, float, float]],
        precies: str | None,
    ):
        self.van = van
        self.soort = soort
        self.factor = factor
        self.precies = precies

    def waarde(self, ctx: Context) -> Any:
        profiel = ctx.profiel
        if self.precies is not None:
            precies = profiel.get(self.precies)
            if precies is not None:
                return float(precies)
        basis = profiel.get(self.van)
        if basis is None:
            return ONBEKEND
        soort = profiel.get(self.soort) if self.soort is not None else None
        laag, midden, hoog = self.factor.get(soort or "onbekend") or self.factor["onbekend"]
        if laag == hoog:
            return basis * midden
        verfijn = frozenset(
            a for a in (self.soort, self.precies) if a is not None and a not in profiel
        )
        return Schatting(basis * laag, basis * midden, basis * hoog, verfijn, _INKOMEN)

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        w = self.waarde(ctx)
        if w is not ONBEKEND:
            return w, GESLOTEN
        if self.van not in ctx.profiel:
            return w, beide(frozenset([self.van]))
        if self.precies is not None and self.precies not in ctx.profiel:
            # the monthly income is "weet ik niet": the tax bill can still tell
            return w, beide(frozenset([self.precies]))
        return w, GESLOTEN


_INKOMEN = frozenset([INKOMEN])


class Gedeeld(Knoop):
    """A derived attribute or income notion: it reads only the profile, so its value (and
    what could still decide it) is computed once per evaluation (``Context.gedeeld``)."""

    __slots__ = ("sleutel", "knoop")

    def __init__(self, sleutel: str, knoop: Knoop):
        self.sleutel = sleutel
        self.knoop = knoop

    def waarde(self, ctx: Context) -> Any:
        gevonden = ctx.gedeeld.get(self.sleutel)
        if gevonden is None:
            gevonden = _met_twijfels(self.knoop, ctx)
            ctx.gedeeld[self.sleutel] = gevonden
        elif gevonden[1]:
            ctx.twijfels.update(gevonden[1])
        return gevonden[0]

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        sleutel = (self.sleutel, "analyse")
        gevonden = ctx.gedeeld.get(sleutel)
        if gevonden is None:
            gevonden = self.knoop.analyse(ctx)
            ctx.gedeeld[sleutel] = gevonden
        return gevonden


def _met_twijfels(knoop: Knoop, ctx: Context) -> tuple[Any, frozenset[str]]:
    """The node's value and the doubts it added to ``ctx.twijfels`` (which only grows
    while a value is computed)."""
    twijfels = ctx.twijfels
    vooraf = frozenset(twijfels) if twijfels else LEEG
    w = knoop.waarde(ctx)
    return w, frozenset(twijfels - vooraf) if len(twijfels) != len(vooraf) else LEEG


class Herhaald(Knoop):
    """A sub-expression that occurs more than once in one right's rules (a route repeated
    in a group, say): computed once per evaluation of the right (``Context.herhaald``)."""

    __slots__ = ("knoop",)

    def __init__(self, knoop: Knoop):
        self.knoop = knoop

    def waarde(self, ctx: Context) -> Any:
        gevonden = ctx.herhaald.get(self)
        if gevonden is None:
            gevonden = _met_twijfels(self.knoop, ctx)
            ctx.herhaald[self] = gevonden
        elif gevonden[1]:
            ctx.twijfels.update(gevonden[1])
        return gevonden[0]

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        sleutel = (self, "analyse")
        gevonden = ctx.herhaald.get(sleutel)
        if gevonden is None:
            gevonden = self.knoop.analyse(ctx)
            ctx.herhaald[sleutel] = gevonden
        return gevonden


def herhaalde_uitdrukkingen(uitdrukkingen: Sequence[Any]) -> frozenset[str]:
    """The sub-expressions (as canonical JSON) that occur more than once in these."""
    geteld: dict[str, int] = {}

    def tel(u: Any) -> None:
        if isinstance(u, dict):
            if len(u) == 1 and next(iter(u)) not in _BLADEREN:
                sleutel = json.dumps(u, sort_keys=True)
                geteld[sleutel] = geteld.get(sleutel, 0) + 1
            for w in u.values():
                tel(w)
        elif isinstance(u, list):
            for w in u:
                tel(w)

    for u in uitdrukkingen:
        tel(u)
    return frozenset(k for k, n in geteld.items() if n > 1)


_BLADEREN = frozenset(["var", "param", "inkomen", "recht", "na_te_gaan"])
"""Operators whose node is cheap or already shared: never worth remembering."""


def leest_alleen_profiel(knoop: Knoop) -> bool:
    """True when the node reads no parameter and no other right's outcome."""
    if isinstance(knoop, (Parameter, RechtUitkomst)):
        return False
    for naam in _kinderen(knoop):
        kind = getattr(knoop, naam)
        delen = kind if isinstance(kind, tuple) else (kind,)
        if not all(leest_alleen_profiel(d) for d in delen if isinstance(d, Knoop)):
            return False
    return True


def _kinderen(knoop: Knoop) -> tuple[str, ...]:
    return tuple(n for k in type(knoop).__mro__ for n in getattr(k, "__slots__", ()))


class Samengesteld(Knoop):
    """A node computed from its arguments' values by :meth:`bereken`.

    Not truth-valued: when its value is unknown, the attributes of any unknown
    argument could change it (both ways).
    """

    __slots__ = ("args",)

    def __init__(self, args: Sequence[Knoop]):
        self.args = tuple(args)

    def bereken(self, waarden: list[Any]) -> Any:
        raise NotImplementedError

    def waarde(self, ctx: Context) -> Any:
        return self.bereken([a.waarde(ctx) for a in self.args])

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        delen = [a.analyse(ctx) for a in self.args]
        return self.bereken([d[0] for d in delen]), _samen_open(delen)


def _samen_open(delen: Sequence[tuple[Any, Open]]) -> Open:
    """A value computed from all these parts becomes known only when every unknown part
    does: an unknown part that nothing can decide any more keeps it unknown for good."""
    onbekend = [o.alle for w, o in delen if w is ONBEKEND]
    if not onbekend or not all(onbekend):
        return GESLOTEN
    return beide(unie(onbekend))


def combineer_en(delen: list[Open]) -> Open:
    """``and`` of unknown parts: false when any part turns false, true only when all do."""
    if len(delen) == 1:
        return delen[0]
    kan_onwaar = unie(d.kan_onwaar for d in delen)
    kan_waar = LEEG
    if all(d.kan_waar for d in delen):
        kan_waar = unie(d.kan_waar for d in delen)
    return Open(kan_waar, kan_onwaar)


def combineer_of(delen: list[Open]) -> Open:
    """``or`` of unknown parts: true when any part turns true, false only when all do."""
    if len(delen) == 1:
        return delen[0]
    kan_waar = unie(d.kan_waar for d in delen)
    kan_onwaar = LEEG
    if all(d.kan_onwaar for d in delen):
        kan_onwaar = unie(d.kan_onwaar for d in delen)
    return Open(kan_waar, kan_onwaar)


class _Junctie(Samengesteld):
    """``and``/``or`` in Kleene logic: one argument equal to ``beslissend`` decides it."""

    __slots__ = ()
    beslissend: bool
    kleene: Callable[[Any], Any]
    combineer: Callable[[list[Open]], Open]

    def waarde(self, ctx: Context) -> Any:
        beslissend = self.beslissend
        resultaat: Any = not beslissend
        for a in self.args:
            w = a.waarde(ctx)
            if w is ONBEKEND:
                resultaat = ONBEKEND
            elif (w if type(w) is bool else bool(w)) is beslissend:  # als_waarheid, inline
                return beslissend
        return resultaat

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        open_: list[Open] = []
        for a in self.args:
            w, o = a.analyse(ctx)
            w = als_waarheid(w)
            if w is self.beslissend:
                return w, GESLOTEN  # decided: nothing else can change it
            if w is ONBEKEND:
                open_.append(o)
        if not open_:
            return not self.beslissend, GESLOTEN
        return ONBEKEND, type(self).combineer(open_)


class En(_Junctie):
    __slots__ = ()
    beslissend = False
    kleene = kleene_en
    combineer = combineer_en


class Of(_Junctie):
    __slots__ = ()
    beslissend = True
    kleene = kleene_of
    combineer = combineer_of


class Niet(Samengesteld):
    __slots__ = ()

    def waarde(self, ctx: Context) -> Any:
        return kleene_niet(als_waarheid(self.args[0].waarde(ctx)))

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        w, binnen = self.args[0].analyse(ctx)
        w = kleene_niet(als_waarheid(w))
        if w is not ONBEKEND:
            return w, GESLOTEN
        return w, Open(binnen.kan_onwaar, binnen.kan_waar)


class DubbelNiet(Samengesteld):
    __slots__ = ()

    def waarde(self, ctx: Context) -> Any:
        return als_waarheid(self.args[0].waarde(ctx))

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        w, binnen = self.args[0].analyse(ctx)
        w = als_waarheid(w)
        return w, GESLOTEN if w is not ONBEKEND else binnen


_VERGELIJKINGEN: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "===": operator.eq,
    "!=": operator.ne,
    "!==": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


class Vergelijking(Samengesteld):
    """``a op b``, or ``a op b op c`` for ``<`` and ``<=`` (between).

    With a range (:class:`Schatting`) on either side, the pair is decided only when the
    whole range is on one side of the other value; otherwise it is unknown, the range's
    source is noted in ``ctx.twijfels`` and what could narrow the range is open.
    """

    __slots__ = ("op", "symbool")

    def __init__(self, symbool: str, args: Sequence[Knoop]):
        super().__init__(args)
        self.symbool = symbool
        self.op = _VERGELIJKINGEN[symbool]

    def _paar(self, x: Any, y: Any, ctx: Context) -> Any:
        if x is ONBEKEND or y is ONBEKEND:
            return ONBEKEND
        if isinstance(x, Schatting) or isinstance(y, Schatting):
            beslist = vergelijk(self.symbool, x, y)
            if beslist is None:
                for s in (x, y):
                    if isinstance(s, Schatting):
                        ctx.twijfels.update(s.bronnen)
                return ONBEKEND
            return beslist
        try:
            return bool(self.op(x, y))
        except TypeError:
            return ONBEKEND  # a rule compares unlike things: never a silent "no"

    def _bereken(self, waarden: list[Any], ctx: Context) -> Any:
        if len(waarden) == 2:
            return self._paar(waarden[0], waarden[1], ctx)
        # a < b < c is (a < b) and (b < c): one known false pair decides it.
        return kleene_en(self._paar(x, y, ctx) for x, y in zip(waarden, waarden[1:], strict=False))

    def waarde(self, ctx: Context) -> Any:
        args = self.args
        if len(args) == 2:
            return self._paar(args[0].waarde(ctx), args[1].waarde(ctx), ctx)
        return self._bereken([a.waarde(ctx) for a in args], ctx)

    def _open(self, delen: Sequence[tuple[Any, Open]]) -> Open:
        open_ = _samen_open(delen)
        verfijn = unie(w.verfijn for w, _ in delen if isinstance(w, Schatting))
        if not verfijn:
            return open_
        return beide(open_.alle | verfijn)

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        delen = [a.analyse(ctx) for a in self.args]
        w = self._bereken([d[0] for d in delen], ctx)
        if w is not ONBEKEND or len(delen) == 2:
            return w, self._open(delen) if w is ONBEKEND else GESLOTEN
        paren = [
            (self._paar(x[0], y[0], ctx), self._open([x, y]))
            for x, y in zip(delen, delen[1:], strict=False)
        ]
        return w, combineer_en([o for v, o in paren if v is ONBEKEND])


class Lijst(Samengesteld):
    __slots__ = ()

    def bereken(self, waarden: list[Any]) -> Any:
        if any(w is ONBEKEND for w in waarden):
            return ONBEKEND
        return waarden


class In(Samengesteld):
    """``x in lijst``; over a literal list each element counts on its own (Kleene)."""

    __slots__ = ("_vast",)

    def __init__(self, args: Sequence[Knoop]):
        super().__init__(args)
        lijst = self.args[1]
        self._vast: tuple[Any, ...] | None = None
        """A list of constants (e.g. the Brussels NIS codes): a plain membership test."""
        if isinstance(lijst, Lijst) and all(isinstance(e, Constante) for e in lijst.args):
            self._vast = tuple(e.w for e in lijst.args if isinstance(e, Constante))

    def bereken(self, waarden: list[Any]) -> Any:
        naald, hooiberg = waarden
        if naald is ONBEKEND or hooiberg is ONBEKEND:
            return ONBEKEND
        if isinstance(hooiberg, str):
            return isinstance(naald, str) and naald in hooiberg
        if isinstance(hooiberg, (list, tuple)):
            return naald in hooiberg
        return False

    def _per_element(self, naald: Any, elementen: list[Any]) -> Any:
        if not elementen:
            return False  # nothing is in an empty list, known or not
        if naald is ONBEKEND or isinstance(naald, Schatting):
            return ONBEKEND
        if naald in [e for e in elementen if e is not ONBEKEND]:
            return True  # one known match decides it
        return ONBEKEND if any(e is ONBEKEND for e in elementen) else False

    def waarde(self, ctx: Context) -> Any:
        if self._vast is not None:
            naald = self.args[0].waarde(ctx)
            if naald is ONBEKEND or isinstance(naald, Schatting):
                return ONBEKEND if self._vast else False
            return naald in self._vast
        lijst = self.args[1]
        if isinstance(lijst, Lijst):
            return self._per_element(self.args[0].waarde(ctx), [e.waarde(ctx) for e in lijst.args])
        return self.bereken([self.args[0].waarde(ctx), lijst.waarde(ctx)])

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        lijst = self.args[1]
        if not isinstance(lijst, Lijst):
            return super().analyse(ctx)
        naald = self.args[0].analyse(ctx)
        elementen = [e.analyse(ctx) for e in lijst.args]
        w = self._per_element(naald[0], [e[0] for e in elementen])
        if w is not ONBEKEND or (naald[0] is ONBEKEND and not naald[1].alle):
            return w, GESLOTEN
        open_ = unie([naald[1].alle, *(o.alle for v, o in elementen if v is ONBEKEND)])
        return w, beide(open_)


class Als(Knoop):
    """``if``: [voorwaarde, dan, anders] or a chain [v1, d1, v2, d2, …, anders]."""

    __slots__ = ("voorwaarde", "dan", "anders")

    def __init__(self, voorwaarde: Knoop, dan: Knoop, anders: Knoop):
        self.voorwaarde = voorwaarde
        self.dan = dan
        self.anders = anders

    def waarde(self, ctx: Context) -> Any:
        keuze = als_waarheid(self.voorwaarde.waarde(ctx))
        if keuze is True:
            return self.dan.waarde(ctx)
        if keuze is False:
            return self.anders.waarde(ctx)
        dan = self.dan.waarde(ctx)
        if dan is not ONBEKEND and dan == self.anders.waarde(ctx):
            return dan
        return ONBEKEND

    def analyse(self, ctx: Context) -> tuple[Any, Open]:
        keuze, open_keuze = self.voorwaarde.analyse(ctx)
        keuze = als_waarheid(keuze)
        if keuze is True:
            return self.dan.analyse(ctx)
        if keuze is False:
            return self.anders.analyse(ctx)
        dan, open_dan = self.dan.analyse(ctx)
        anders, open_anders = self.anders.analyse(ctx)
        if dan is not ONBEKEND and dan == anders:
            return dan, GESLOTEN
        if not open_keuze.alle and (
            (dan is ONBEKEND and not open_dan.alle) or (anders is ONBEKEND and not open_anders.alle)
        ):
            return ONBEKEND, GESLOTEN  # stuck choice and a stuck branch: stays unknown
        return ONBEKEND, beide(unie([open_keuze.alle, open_dan.alle, open_anders.alle]))


def _som(waarden: list[Any]) -> Any:
    return sum(float(w) for w in waarden)


def _verschil(waarden: list[Any]) -> Any:
    if len(waarden) == 1:
        return -float(waarden[0])
    return float(waarden[0]) - float(waarden[1])


def _product(waarden: list[Any]) -> Any:
    resultaat = 1.0
    for w in waarden:
        resultaat *= float(w)
    return resultaat


def _quotient(waarden: list[Any]) -> Any:
    noemer = float(waarden[1])
    if noemer == 0:
        raise ValueError("deling door nul")  # Rekensom makes it ONBEKEND
    return float(waarden[0]) / noemer


_REKENEN: dict[str, Callable[[list[Any]], Any]] = {
    "+": _som,
    "-": _verschil,
    "*": _product,
    "/": _quotient,
    "min": lambda w: min(float(x) for x in w),
    "max": lambda w: max(float(x) for x in w),
}


class Rekensom(Samengesteld):
    __slots__ = ("functie", "symbool")

    def __init__(self, symbool: str, args: Sequence[Knoop]):
        super().__init__(args)
        self.symbool = symbool
        self.functie = _REKENEN[symbool]

    def bereken(self, waarden: list[Any]) -> Any:
        schatting = False
        for w in waarden:
            if w is ONBEKEND:
                return ONBEKEND
            if type(w) is Schatting:
                schatting = True
        try:
            if schatting:
                return reken(self.symbool, self.functie, waarden)
            return self.functie(waarden)
        except (TypeError, ValueError):
            return ONBEKEND


@dataclass
class Vertaler:
    """Compiles expressions for one right and records what they use."""

    attributen: frozenset[str]
    afgeleid: Mapping[str, Any]
    inkomen: Mapping[str, Any]
    """Income notion name -> object with ``regel``, ``benaderd`` and ``uitleg_benadering``."""
    parameters: Mapping[str, Any]
    """This right's parameters: name -> True when its value is a list (table)."""
    rechten: frozenset[str]
    gebruikte_rechten: set[str] = field(default_factory=set)
    gebruikte_attributen: set[str] = field(default_factory=set)
    gebruikte_parameters: set[str] = field(default_factory=set)
    na_te_gaan: bool = False
    """The expression uses ``{"na_te_gaan": true}``: a part only the service can check."""
    benaderingen: list[str] = field(default_factory=list)
    herhaald: frozenset[str] = LEEG
    """Sub-expressions (canonical JSON) that occur more than once in the right's rules."""
    herhaalde_knopen: dict[str, Herhaald] = field(default_factory=dict)
    """Their nodes, shared by every condition of the right."""
    _bezig: list[str] = field(default_factory=list)

    def vertaal(self, uitdrukking: Any, pad: tuple[str | int, ...] = ()) -> Knoop:
        if isinstance(uitdrukking, dict):
            if len(uitdrukking) != 1:
                raise UitdrukkingFout("Een uitdrukking heeft precies één operator.", pad)
            ((op, ruwe_args),) = uitdrukking.items()
            knoop = self._operator(op, ruwe_args, (*pad, op))  # also notes what it reads
            if self.herhaald and not self._bezig:
                sleutel = json.dumps(uitdrukking, sort_keys=True)
                if sleutel in self.herhaald:
                    return self.herhaalde_knopen.setdefault(sleutel, Herhaald(knoop))
            return knoop
        if isinstance(uitdrukking, list):
            return Lijst([self.vertaal(a, (*pad, i)) for i, a in enumerate(uitdrukking)])
        if uitdrukking is None or isinstance(uitdrukking, (bool, int, float, str)):
            return Constante(uitdrukking)
        raise UitdrukkingFout(f"Onbekende waarde {uitdrukking!r}.", pad)

    def _args(self, ruwe_args: Any, pad: tuple[str | int, ...]) -> list[Knoop]:
        lijst = ruwe_args if isinstance(ruwe_args, list) else [ruwe_args]
        return [self.vertaal(a, (*pad, i)) for i, a in enumerate(lijst)]

    def _operator(self, op: str, ruwe_args: Any, pad: tuple[str | int, ...]) -> Knoop:
        if op == "var":
            return self._var(ruwe_args, pad)
        if op == "param":
            return self._param(ruwe_args, pad, tabel=False)
        if op == "tabel":
            if not isinstance(ruwe_args, list) or len(ruwe_args) != 2:
                raise UitdrukkingFout("'tabel' heeft twee argumenten: parameter en index.", pad)
            param = self._param(ruwe_args[0], (*pad, 0), tabel=True)
            return Tabel(param, self.vertaal(ruwe_args[1], (*pad, 1)))
        if op == "inkomen":
            return self._inkomen(ruwe_args, pad)
        if op == "na_te_gaan":
            if ruwe_args is not True:
                raise UitdrukkingFout("Schrijf 'na_te_gaan' als {\"na_te_gaan\": true}.", pad)
            self.na_te_gaan = True
            return Constante(ONBEKEND)  # unknown, and no answer can decide it
        if op == "recht":
            if not isinstance(ruwe_args, str) or ruwe_args not in self.rechten:
                raise UitdrukkingFout(f"Recht '{ruwe_args}' bestaat niet in de catalogus.", pad)
            self.gebruikte_rechten.add(ruwe_args)
            return RechtUitkomst(ruwe_args)
        args = self._args(ruwe_args, pad)
        if op == "and":
            return En(args)
        if op == "or":
            return Of(args)
        if op == "!":
            self._aantal(op, args, 1, 1, pad)
            return Niet(args)
        if op == "!!":
            self._aantal(op, args, 1, 1, pad)
            return DubbelNiet(args)
        if op in _VERGELIJKINGEN:
            maximum = 3 if op in ("<", "<=") else 2
            self._aantal(op, args, 2, maximum, pad)
            return Vergelijking(op, args)
        if op == "in":
            self._aantal(op, args, 2, 2, pad)
            return In(args)
        if op == "if":
            return self._als(args, pad)
        if op in _REKENEN:
            minimum, maximum = {"-": (1, 2), "/": (2, 2)}.get(op, (1, 99))
            self._aantal(op, args, minimum, maximum, pad)
            return Rekensom(op, args)
        raise UitdrukkingFout(f"Onbekende operator '{op}'.", pad)

    @staticmethod
    def _aantal(op: str, args: list[Knoop], minimum: int, maximum: int, pad: tuple) -> None:
        if not minimum <= len(args) <= maximum:
            raise UitdrukkingFout(f"'{op}' heeft {minimum} tot {maximum} argumenten.", pad)

    def _als(self, args: list[Knoop], pad: tuple) -> Knoop:
        if len(args) < 3 or len(args) % 2 == 0:
            raise UitdrukkingFout("'if' heeft [voorwaarde, dan, anders] (of een keten).", pad)
        knoop = args[-1]
        for i in range(len(args) - 3, -1, -2):
            knoop = Als(args[i], args[i + 1], knoop)
        return knoop

    def _var(self, naam: Any, pad: tuple) -> Knoop:
        if isinstance(naam, list) and len(naam) == 1:
            naam = naam[0]
        if not isinstance(naam, str):
            raise UitdrukkingFout("'var' heeft de naam van een attribuut.", pad)
        if naam in self.attributen:
            self.gebruikte_attributen.add(naam)
            return Attribuut(naam)
        if naam in self.afgeleid:
            return _gedeeld(naam, self._uitbreiden(naam, self.afgeleid[naam], pad))
        raise UitdrukkingFout(
            f"Attribuut '{naam}' staat niet in de woordenlijst (bot/vocabulary/attributen.yaml).",
            pad,
        )

    def _inkomen(self, naam: Any, pad: tuple) -> Knoop:
        if not isinstance(naam, str) or naam not in self.inkomen:
            bekend = ", ".join(sorted(self.inkomen))
            raise UitdrukkingFout(f"Onbekend inkomensbegrip '{naam}'. Kies uit: {bekend}.", pad)
        begrip = self.inkomen[naam]
        if begrip.benaderd and begrip.uitleg_benadering:
            uitleg = " ".join(begrip.uitleg_benadering.split())
            if uitleg not in self.benaderingen:
                self.benaderingen.append(uitleg)
        schatting = getattr(begrip, "schatting", None)
        if schatting is None:
            sleutel = f"inkomen:{naam}"
            return _gedeeld(sleutel, self._uitbreiden(sleutel, begrip.regel, pad))
        precies = getattr(begrip, "precies", None)
        self.gebruikte_attributen.update(
            a for a in (schatting.van, schatting.soort, precies) if a is not None
        )
        return _gedeeld(
            f"inkomen:{naam}",
            InkomenSchatting(schatting.van, schatting.soort, schatting.factor, precies),
        )

    def _uitbreiden(self, naam: str, regel: Any, pad: tuple) -> Knoop:
        if naam in self._bezig:
            raise UitdrukkingFout(f"'{naam}' verwijst naar zichzelf.", pad)
        self._bezig.append(naam)
        try:
            return self.vertaal(regel, pad)
        finally:
            self._bezig.pop()

    def _param(self, naam: Any, pad: tuple, *, tabel: bool) -> Parameter:
        if not isinstance(naam, str) or naam not in self.parameters:
            raise UitdrukkingFout(f"Parameter '{naam}' is niet gedefinieerd in dit recht.", pad)
        is_tabel = self.parameters[naam]
        if tabel and not is_tabel:
            raise UitdrukkingFout(f"Parameter '{naam}' is geen lijst; gebruik 'param'.", pad)
        if not tabel and is_tabel:
            raise UitdrukkingFout(f"Parameter '{naam}' is een lijst; gebruik 'tabel'.", pad)
        self.gebruikte_parameters.add(naam)
        return Parameter(naam)


def _gedeeld(sleutel: str, knoop: Knoop) -> Knoop:
    if isinstance(knoop, (Constante, Attribuut)) or not leest_alleen_profiel(knoop):
        return knoop
    return Gedeeld(sleutel, knoop)
