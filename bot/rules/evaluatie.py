"""Evaluate a profile against the catalogue on a reference date."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import date
from functools import partial
from itertools import repeat
from operator import attrgetter, itemgetter
from types import MappingProxyType
from typing import Any, NamedTuple

from bot.rules.geheugen import onthoud
from bot.rules.logica import GESLOTEN, Context, Open, combineer_en, combineer_of
from bot.rules.model import (
    Catalogus,
    Evaluatie,
    Recht,
    RechtUitkomst,
    Status,
    Veroudering,
    Voorwaarde,
    VoorwaardeStatus,
    VoorwaardeUitkomst,
)
from bot.rules.schatting import midden, verbreed
from bot.rules.volgende_vraag import kies_volgende_vraag
from bot.rules.waarheid import ONBEKEND, Waarheid, als_waarheid, kleene_of
from bot.vocabulary import Vrager

_ALS_WAARHEID = {Status.WAARSCHIJNLIJK: True, Status.NIET: False}
_NIET_VOLDAAN = VoorwaardeStatus.NIET_VOLDAAN
_ONBEKEND = VoorwaardeStatus.ONBEKEND


def evalueer(
    profiel: Mapping[str, Any],
    catalogus: Catalogus,
    peildatum: date,
    *,
    alleen: frozenset[str] | None = None,
    vrager: Vrager = Vrager.CHAT,
    met_vraag: bool = True,
    met_open: bool = True,
) -> Evaluatie:
    """Evaluate every right (or only ``alleen`` and what they depend on) for this profile.

    ``profiel`` holds validated values; a key with ``None`` means "weet ik niet":
    unknown, and never asked again. ``vrager``: who asks the next question; the chat
    (the default) never gets a question the vocabulary keeps for a social worker.

    For screening many profiles at once: ``met_vraag=False`` chooses no next question;
    ``met_open=False`` also skips working out what could still decide a "mogelijk" right
    (its ``open_attributen`` stay empty, so no next question either). Statuses, amounts
    and conditions are the same.
    """
    nodig = _met_afhankelijkheden(catalogus, alleen) if alleen is not None else None
    gemeente = profiel.get("gemeente")
    plan = _plan(catalogus, peildatum, gemeente)
    # the local rights of other municipalities are "niet": what others read of them first
    rechten_waarheid: dict[str, Waarheid] = dict.fromkeys(plan.elders_gelezen, False)
    open_per_recht: dict[str, Open] = dict.fromkeys(plan.elders_gelezen, GESLOTEN)
    codes: dict[str, tuple[Any, Any]] = dict.fromkeys(plan.elders_gelezen, _NIET_CODE)
    """Right id -> its truth value and what is open, as they go in a memo key."""
    opens = catalogus.opens
    antwoord, afwezig = profiel.get, repeat(_AFWEZIG)
    uitkomsten: list[RechtUitkomst] = []
    # one context for the whole evaluation; per right only its own part changes
    ctx = Context(profiel=profiel, rechten=rechten_waarheid, open_per_recht=open_per_recht)
    # Without a municipality, the next question is the municipality as soon as it is open
    # for one "mogelijk" right (volgende_vraag): what else is open is then mostly never
    # asked. So it is worked out when asked. A right that reads another then has that
    # other's outcome number in its memo key instead of what is open for it (see
    # _code_later), and works out what is open for it from that outcome when asked.
    later = alleen is None and met_open and "gemeente" not in profiel
    gelezen = catalogus.gelezen
    uitgesteld: dict[str, RechtUitkomst] = {}
    """Read rights' outcomes whose "what is open" may still be to work out (``later``)."""
    # every answer any right reads, once; a right picks its own (_Plan.te_evalueren)
    antwoorden = tuple(map(antwoord, catalogus.invoer_namen, afwezig))
    for recht, parameters, kies in plan.te_evalueren:
        if nodig is not None and recht.id not in nodig:
            continue
        # the memo key, flat (see Recht.geheugen)
        sleutel = (parameters.nummer, *kies(antwoorden))
        for d in recht.afhankelijk_volgorde:
            sleutel += codes[d]
        if not met_open:  # its outcomes lack what is open: remembered apart
            sleutel += (_ZONDER_OPEN,)
        uitkomst = recht.geheugen.get(sleutel)
        if uitkomst is None:
            ctx.parameters = parameters.waarden
            ctx.lokale_parameters = recht.lokale_parameters
            if ctx.herhaald:
                ctx.herhaald = {}
            uitkomst = _evalueer_recht(
                recht,
                ctx,
                parameters,
                sleutel,
                catalogus.keuzes,
                met_open,
                opens,
                later=later,
                gelezen=uitgesteld,
                nummers=catalogus.volgnummers,
            )
            onthoud(recht.geheugen, sleutel, uitkomst, _MAX_GEHEUGEN_RECHT)
        waarheid = _ALS_WAARHEID.get(uitkomst.status, ONBEKEND)
        rechten_waarheid[recht.id] = waarheid
        if recht.id in gelezen:  # nothing reads the others
            if later:
                codes[recht.id] = _code_later(waarheid, uitkomst, opens)
                uitgesteld[recht.id] = uitkomst
            else:
                open_per_recht[recht.id] = uitkomst.open_
                codes[recht.id] = sleuteldeel(waarheid, uitkomst.open_, opens)
        if alleen is None or recht.id in alleen:
            uitkomsten.append(uitkomst)

    uitkomsten.sort(key=_sorteersleutel)
    if plan.elders_volgorde:
        _voeg_elders_toe(uitkomsten, plan, profiel, codes, alleen)
    mogelijk = [u for u in uitkomsten if u.status is Status.MOGELIJK]
    vraag = (
        kies_volgende_vraag(mogelijk, profiel, catalogus, met_opening=alleen is None, vrager=vrager)
        if met_vraag and met_open
        else None
    )
    return Evaluatie(
        peildatum=peildatum,
        uitkomsten=tuple(uitkomsten),
        volgende_vraag=vraag.attribuut if vraag else None,
        open_rechten=tuple([u.recht.id for u in mogelijk]),
        volgende_groep=vraag.groep if vraag else None,
        volgende_leden=vraag.leden if vraag else (),
    )


_sorteersleutel = attrgetter("sorteersleutel")


class _Parameters(NamedTuple):
    """A right's parameter values on a date (and in a municipality)."""

    waarden: Mapping[str, Any]
    nummer: int
    """The same number for the same values (see ``Recht.parameter_nummers``)."""
    verouderd: Mapping[str, Veroudering]
    """The parameters whose newest value is stale then."""
    veroudering: tuple[Veroudering, ...]
    """``verouderd``'s values."""


_GEEN_PARAMETERS = _Parameters(MappingProxyType({}), 0, MappingProxyType({}), ())


class _Plan(NamedTuple):
    """What one evaluation needs per right that depends only on the reference date and
    the municipality (``Catalogus.plannen``)."""

    te_evalueren: tuple[tuple[Recht, _Parameters, Callable[[tuple[Any, ...]], Any]], ...]
    """The rights to evaluate, with their parameter values and what picks the answers to
    their ``invoer`` from the answers to ``Catalogus.invoer_namen``, in the catalogue's
    order."""
    elders_volgorde: tuple[tuple[str, RechtUitkomst, _RestElders | None], ...]
    """The local rights of another municipality: their id, their outcome ("niet" because
    the first condition, you live in one of its municipalities, fails) and what works out
    the conditions after it when someone asks why (None when there are none). In the
    order of the outcomes (``sorteersleutel``)."""
    elders_gelezen: tuple[str, ...]
    """The ids of the others that another right reads."""


def _plan(catalogus: Catalogus, peildatum: date, gemeente: Any) -> _Plan:
    sleutel = (peildatum, gemeente)
    plan = catalogus.plannen.get(sleutel)
    if plan is None:
        rechten = catalogus.rechten
        parameters = tuple([_parameters(r, peildatum, gemeente) for r in rechten])
        elders = tuple(
            [_elders(r, p, peildatum, gemeente) for r, p in zip(rechten, parameters, strict=True)]
        )
        drietallen = list(zip(rechten, parameters, elders, strict=True))
        buiten = [(r, p, e) for r, p, e in drietallen if e is not None]
        plaats = {naam: i for i, naam in enumerate(catalogus.invoer_namen)}
        plan = _Plan(
            tuple([(r, p, _kiezer(r, plaats)) for r, p, e in drietallen if e is None]),
            tuple(
                [
                    (r.id, e, None if e._rest is None else _RestElders(r, p))
                    for r, p, e in sorted(buiten, key=lambda b: b[2].sorteersleutel)
                ]  # sorted is stable: ties keep the catalogue's order
            ),
            tuple([r.id for r, _, _ in buiten if r.id in catalogus.gelezen]),
        )
        onthoud(catalogus.plannen, sleutel, plan, _MAX_PLANNEN)
    return plan


def _kiezer(recht: Recht, plaats: Mapping[str, int]) -> Callable[[tuple[Any, ...]], Any]:
    """What picks the answers to the right's ``invoer`` (as a tuple, in its order) from
    the answers to all of them."""
    posities = [plaats[a] for a in recht.invoer]
    if len(posities) == 1:  # itemgetter of one index gives the value, not a tuple
        return itemgetter(slice(posities[0], posities[0] + 1))
    return itemgetter(*posities) if posities else _niets


def _niets(_: tuple[Any, ...]) -> tuple[Any, ...]:
    return ()


def _elders(
    recht: Recht, parameters: _Parameters, peildatum: date, gemeente: Any
) -> RechtUitkomst | None:
    """The outcome of a local right for someone who lives in another municipality (the
    same as evaluating it: its implicit first condition fails, so it is "niet")."""
    if recht.gemeenten is None or not isinstance(gemeente, str) or gemeente in recht.gemeenten:
        return None
    # the same for every other municipality, unless a parameter's value differs
    sleutel = (peildatum, gemeente if recht.lokale_parameters else None)
    if sleutel in recht.elders_geheugen:
        return recht.elders_geheugen[sleutel]
    # the municipality condition comes first (catalogus._gemeentevoorwaarde) and reads
    # nothing else: its outcome for this municipality is the same for every profile
    eerste = recht.voorwaarden[0] if recht.voorwaarden else None
    gevonden = None
    if (
        eerste is not None
        and eerste.regel is not None
        and not eerste.rechten
        and eerste.invoer == ("gemeente",)
    ):
        ctx = Context(profiel={"gemeente": gemeente})
        uitkomst = _bereken_voorwaarde(eerste, ctx, parameters.verouderd, ())
        if uitkomst.status is VoorwaardeStatus.NIET_VOLDAAN:
            rest = _GEEN_REST if len(recht.voorwaarden) > 1 else None
            gevonden = RechtUitkomst.maak(
                recht, Status.NIET, (uitkomst,), None, GESLOTEN, parameters.veroudering, rest
            )
    onthoud(recht.elders_geheugen, sleutel, gevonden, _MAX_GEHEUGEN)
    return gevonden


def _voeg_elders_toe(
    uitkomsten: list[RechtUitkomst],
    plan: _Plan,
    profiel: Mapping[str, Any],
    codes: Mapping[str, tuple[Any, Any]],
    alleen: frozenset[str] | None,
) -> None:
    """Add the planned outcomes of the local rights of other municipalities to the sorted
    ``uitkomsten``, keeping them sorted."""
    # the answers now (the caller may change the profile later) and the outcomes of the
    # rights they read: one pair for all of them
    gezien = (dict(profiel), codes)
    for recht_id, elders, rest in plan.elders_volgorde:
        if alleen is not None and recht_id not in alleen:
            continue
        if rest is not None:  # outcomes with a rest change when asked why: never shared
            elders = RechtUitkomst(
                elders.recht,
                elders.status,
                elders._voorwaarden,
                elders.bedrag,
                elders._open_attributen,
                elders.waarde_per_jaar,
                elders.sorteersleutel,
                elders.verouderd,
                elders.via_rechten,
                partial(rest, gezien),
                elders._open,
                elders._open_later,
            )
        uitkomsten.append(elders)
    uitkomsten.sort(key=_sorteersleutel)  # two sorted runs: one merge


def _GEEN_REST() -> tuple[VoorwaardeUitkomst, ...]:
    """Marks a planned outcome whose rest is made per evaluation (never called)."""
    raise AssertionError("the rest of a planned outcome is made per evaluation")


def _parameters(recht: Recht, peildatum: date, gemeente: str | None) -> _Parameters:
    """The right's parameter values on this date (and in this municipality), and the
    parameters whose newest value is stale then.

    A stale indexed parameter becomes a range from its newest value up to what it may
    have risen to since, so that it never decides a case near the limit.
    """
    if not recht.parameters:
        return _GEEN_PARAMETERS
    sleutel = (peildatum, gemeente if recht.lokale_parameters else None)
    gevonden = recht.parameter_geheugen.get(sleutel)
    if gevonden is None:
        waarden: dict[str, Any] = {}
        verouderd: dict[str, Veroudering] = {}
        for n, p in sorted(recht.parameters.items()):  # sorted: the database may reorder
            waarden[n] = p.op(peildatum, gemeente)
            oud = p.veroudering(peildatum, gemeente)
            if oud is not None:
                verouderd[n] = oud
                waarden[n] = verbreed(waarden[n], oud.factor, f"param:{n}")
        # what is stale counts too: a fixed amount keeps its value but not its note
        waarden_sleutel = (tuple(map(_hashbaar, waarden.values())), tuple(verouderd.values()))
        nummers = recht.parameter_nummers
        nummer = nummers.setdefault(waarden_sleutel, len(nummers))
        gevonden = _Parameters(waarden, nummer, verouderd, tuple(verouderd.values()))
        onthoud(recht.parameter_geheugen, sleutel, gevonden, _MAX_GEHEUGEN)
    return gevonden


def _met_afhankelijkheden(catalogus: Catalogus, ids: frozenset[str]) -> frozenset[str]:
    per_id = catalogus.per_id
    nodig: set[str] = set()
    te_doen = [i for i in ids if i in per_id]
    while te_doen:
        i = te_doen.pop()
        if i not in nodig:
            nodig.add(i)
            te_doen.extend(per_id[i].afhankelijk_van)
    return frozenset(nodig)


def _evalueer_recht(
    recht: Recht,
    ctx: Context,
    parameters: _Parameters,
    sleutel: tuple[Any, ...],
    keuzes: Mapping[str, tuple[Any, ...]],
    met_open: bool = True,
    opens: dict[Open, Any] | None = None,
    *,
    later: bool = False,
    gelezen: Mapping[str, RechtUitkomst] | None = None,
    nummers: Iterator[int] | None = None,
) -> RechtUitkomst:
    """The right's outcome, with which answers could still make it waarschijnlijk or niet.

    First the values only; what could still decide an unknown condition is worked out
    only when the right turns out "mogelijk" (a "niet" needs no next question, and its
    conditions after the first that fails are worked out only when someone asks why).
    ``sleutel`` is the right's memo key: everything its outcome depends on.
    ``met_open=False``: a "mogelijk" right gets nothing open (see :func:`evalueer`).
    ``opens``: one object per distinct :class:`Open` (``Catalogus.opens``).
    ``later``: what is open for a "mogelijk" right is worked out when first asked (from
    ``gelezen``, the outcomes of the rights it reads that have a number in ``sleutel``,
    see :func:`_code_later`; ``nummers`` numbers this outcome).
    """
    verouderd = parameters.verouderd
    resultaten: list[VoorwaardeUitkomst] = []
    status: Status | None = None
    onbekend = False
    for v in recht.voorwaarden:
        deel = v.sleutel(sleutel)  # _evalueer_voorwaarde, inline
        u = v.geheugen.get(deel)
        if u is None:
            u = _bereken_voorwaarde(v, ctx, verouderd, sleutel)
            onthoud(v.geheugen, deel, u, _MAX_GEHEUGEN_VOORWAARDE)
        resultaten.append(u)
        if u.status is _NIET_VOLDAAN:
            status = Status.NIET  # the rest only when someone asks why
            break
        if u.status is _ONBEKEND:
            onbekend = True
    if status is None:
        if not recht.heeft_regels:
            status = Status.NIET_GECONTROLEERD
        elif onbekend:
            status = Status.MOGELIJK
        else:
            status = Status.WAARSCHIJNLIJK

    open_: Open | _OpenLater = GESLOTEN
    if status is Status.MOGELIJK and met_open:  # all conditions together: one "and"
        splitsing = _Splitsing(recht, verouderd, keuzes, {} if opens is None else opens)
        if later:
            afhankelijk = (
                {d: gelezen[d] for d in recht.afhankelijk_volgorde if d in gelezen}
                if gelezen and recht.afhankelijk_volgorde
                else _GEEN_UITKOMSTEN
            )
            nummer = next(nummers) if nummers is not None else None
            open_ = _OpenLater(splitsing, resultaten, sleutel, parameters, afhankelijk, nummer)
        else:
            open_ = _een(
                splitsing.opens,
                _open_samen(splitsing, _onbekend(recht, resultaten), ctx, sleutel, _SPLITSDIEPTE),
            )
    elif status is Status.WAARSCHIJNLIJK:
        resultaten = [
            _met_via(recht, v, u, ctx, verouderd, sleutel) if v.rechten else u
            for v, u in zip(recht.voorwaarden, resultaten, strict=True)
        ]
    bedrag = None
    if recht.bedrag is not None and status is not Status.NIET:
        waarde = midden(recht.bedrag.regel.waarde(ctx))
        if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
            bedrag = round(float(waarde), 2)
    rest = None
    if len(resultaten) < len(recht.voorwaarden):
        rest = _DeRest(recht, len(resultaten), sleutel, parameters)
    return RechtUitkomst.maak(
        recht, status, tuple(resultaten), bedrag, open_, parameters.veroudering, rest
    )


def _onbekend(
    recht: Recht, resultaten: list[VoorwaardeUitkomst]
) -> list[tuple[Voorwaarde, VoorwaardeUitkomst]]:
    """The right's conditions whose outcome is unknown, with that outcome."""
    return [
        (v, u)
        for v, u in zip(recht.voorwaarden, resultaten, strict=True)
        if u.status is VoorwaardeStatus.ONBEKEND
    ]


_GEEN_UITKOMSTEN: Mapping[str, RechtUitkomst] = MappingProxyType({})

_SPLITSDIEPTE = 2
"""How many yes/no or choice answers in a row :func:`_open_samen` may try."""


class _Splitsing(NamedTuple):
    """What stays the same while :func:`_open_samen` tries answers for one right."""

    recht: Recht
    verouderd: Mapping[str, Veroudering]
    keuzes: Mapping[str, tuple[Any, ...]]
    opens: dict[Open, Any]
    """One object per distinct :class:`Open` (see :func:`_een`)."""


def _een(opens: dict[Open, Any], open_: Open) -> Open:
    """The one object for this value of ``open_``. The memos keep many outcomes alive, and
    equal ones are common: sharing them leaves far fewer objects for the garbage collector
    to follow (its full collections walk every one of them)."""
    gevonden = opens.get(open_)
    if gevonden is None:
        gevonden = (open_, (tuple(sorted(open_.kan_waar)), tuple(sorted(open_.kan_onwaar))))
        onthoud(opens, open_, gevonden, _MAX_OPENS)
    return gevonden[0]


def sleuteldeel(waarheid: Waarheid, open_: Open, opens: dict[Open, Any]) -> tuple[Any, Any]:
    """A right's outcome as it goes in the memo key of a right that reads it: its truth
    value (None for unknown) and what is open, as sorted tuples. Plain values only, so
    the garbage collector stops following a key after its first look (``ONBEKEND``, an
    :class:`Open` and its sets would keep every key followed for as long as it lives)."""
    if waarheid is not ONBEKEND:
        return _NIET_CODE if waarheid is False else _WAAR_CODE  # decided: nothing open
    if not open_.kan_waar and not open_.kan_onwaar:
        return _ONBEKEND_DICHT
    gevonden = opens.get(open_)
    if gevonden is None:
        _een(opens, open_)
        gevonden = opens[open_]
    return (None, gevonden[1])


def _code_later(
    waarheid: Waarheid, uitkomst: RechtUitkomst, opens: dict[Open, Any]
) -> tuple[Any, Any]:
    """Like :func:`sleuteldeel`, but for an unknown outcome whose "what is open" is still
    to work out: its number. A number stands for one outcome, made for one memo key of
    the read right, so for one "what is open"; it is never used again."""
    nog = uitkomst._open_later
    if waarheid is ONBEKEND and isinstance(nog, _OpenLater) and nog.nummer is not None:
        return (None, nog.nummer)
    return sleuteldeel(waarheid, uitkomst.open_, opens)


_NIET_CODE = (False, None)
_WAAR_CODE = (True, None)
_ONBEKEND_DICHT = (None, None)


def _open_samen(
    vast: _Splitsing,
    onbekend: list[tuple[Voorwaarde, VoorwaardeUitkomst]],
    ctx: Context,
    sleutel: tuple[Any, ...],
    diepte: int,
) -> Open:
    """What could still decide these unknown conditions together (an "and").

    Condition by condition, an attribute is open when it could change one of them. That
    misses what one answer does to the others: with "u krijgt de IGO" as one condition and
    "u krijgt de IGO of u bent 65" as another, the age can never matter (no IGO: "niet";
    IGO: the second condition holds anyway). So when a yes/no or choice attribute alone
    still decides one condition and others read it too, every answer to it is tried.
    """
    opens = [_open(v, u, ctx, sleutel, vast.opens) for v, u in onbekend]
    samen = combineer_en(opens)
    if diepte == 0 or len(opens) < 2:
        return samen
    for o in opens:
        if len(o.alle) != 1:
            continue
        (attribuut,) = o.alle
        if (
            attribuut in vast.keuzes
            and attribuut in vast.recht.invoer
            and sum(attribuut in p.alle for p in opens) >= 2
        ):
            return _open_per_antwoord(vast, onbekend, ctx, sleutel, diepte, attribuut)
    return samen


def _open_per_antwoord(
    vast: _Splitsing,
    onbekend: list[tuple[Voorwaarde, VoorwaardeUitkomst]],
    ctx: Context,
    sleutel: tuple[Any, ...],
    diepte: int,
    attribuut: str,
) -> Open:
    """Try every answer to ``attribuut``; it is open when some answer decides the right or
    leaves other questions open, together with those questions."""
    plaats = 1 + vast.recht.invoer.index(attribuut)  # its place in the memo key
    kan_waar: set[str] = set()
    kan_onwaar: set[str] = set()
    for antwoord in vast.keuzes[attribuut]:
        tak = Context(
            profiel={**ctx.profiel, attribuut: antwoord},
            parameters=ctx.parameters,
            lokale_parameters=ctx.lokale_parameters,
            rechten=ctx.rechten,
            open_per_recht=ctx.open_per_recht,
        )
        tak_sleutel = (*sleutel[:plaats], antwoord, *sleutel[plaats + 1 :])
        # a known condition stays known when one more answer comes: only these can change
        uitkomsten = [
            (v, _evalueer_voorwaarde(v, tak, vast.verouderd, tak_sleutel)) for v, _ in onbekend
        ]
        statussen = {u.status for _, u in uitkomsten}
        if VoorwaardeStatus.NIET_VOLDAAN in statussen:
            kan_onwaar.add(attribuut)
            continue
        if VoorwaardeStatus.ONBEKEND not in statussen:
            kan_waar.add(attribuut)
            continue
        nog_open = [(v, u) for v, u in uitkomsten if u.status is VoorwaardeStatus.ONBEKEND]
        verder = _open_samen(vast, nog_open, tak, tak_sleutel, diepte - 1)
        if verder.kan_waar:
            kan_waar.update(verder.kan_waar, (attribuut,))
        if verder.kan_onwaar:
            kan_onwaar.update(verder.kan_onwaar, (attribuut,))
    return Open(frozenset(kan_waar), frozenset(kan_onwaar))


class _DeRest:
    """The conditions a "niet" did not need, worked out when someone asks why, from the
    right's memo key (its answers, parameter values and the rights it reads): it keeps
    nothing else of the evaluation alive."""

    __slots__ = ("recht", "start", "sleutel", "parameters")

    def __init__(self, recht: Recht, start: int, sleutel: tuple[Any, ...], parameters: _Parameters):
        self.recht = recht
        self.start = start
        self.sleutel = sleutel
        self.parameters = parameters

    def __call__(self) -> tuple[VoorwaardeUitkomst, ...]:
        recht, sleutel = self.recht, self.sleutel
        ctx = _context_uit_sleutel(recht, sleutel, self.parameters)
        verouderd = self.parameters.verouderd
        return tuple(
            _evalueer_voorwaarde(v, ctx, verouderd, sleutel)
            for v in recht.voorwaarden[self.start :]
        )


class _OpenLater:
    """What is open for a "mogelijk" right, worked out when first asked, from the right's
    memo key (like :class:`_DeRest`) and the outcomes of the rights it reads whose number
    is in that key (``afhankelijk``, see :func:`_code_later`)."""

    __slots__ = ("splitsing", "resultaten", "sleutel", "parameters", "afhankelijk", "nummer")

    def __init__(
        self,
        splitsing: _Splitsing,
        resultaten: list[VoorwaardeUitkomst],
        sleutel: tuple[Any, ...],
        parameters: _Parameters,
        afhankelijk: Mapping[str, RechtUitkomst],
        nummer: int | None,
    ):
        self.splitsing = splitsing
        self.resultaten = resultaten
        """Every condition's outcome (a "mogelijk" right: none failed)."""
        self.sleutel = sleutel
        self.parameters = parameters
        self.afhankelijk = afhankelijk
        self.nummer = nummer
        """Stands for this outcome's "what is open" in a reader's memo key (None: no
        number, so a reader's key gets what is open itself)."""

    def __call__(self) -> Open:
        splitsing, sleutel = self.splitsing, self.sleutel
        ctx = _context_uit_sleutel(splitsing.recht, sleutel, self.parameters, self.afhankelijk)
        onbekend = _onbekend(splitsing.recht, self.resultaten)
        open_ = _open_samen(splitsing, onbekend, ctx, sleutel, _SPLITSDIEPTE)
        return _een(splitsing.opens, open_)


def _context_uit_sleutel(
    recht: Recht,
    sleutel: tuple[Any, ...],
    parameters: _Parameters,
    afhankelijk: Mapping[str, RechtUitkomst] | None = None,
) -> Context:
    """The context a right was evaluated in, made again from its memo key: its answers,
    its parameter values and the outcomes of the rights it reads (with what is open).

    Where the key holds a read right's outcome number (:func:`_code_later`), what is open
    comes from that outcome in ``afhankelijk``; without it, nothing (enough for values:
    only working out what is open reads it)."""
    n = len(recht.invoer)
    antwoorden = sleutel[1 : 1 + n]
    rechten: dict[str, Waarheid] = {}
    open_per_recht: dict[str, Open] = {}
    for i, r in enumerate(recht.afhankelijk_volgorde):
        waarheid, open_ = sleutel[1 + n + 2 * i : 3 + n + 2 * i]
        rechten[r] = ONBEKEND if waarheid is None else waarheid
        if open_ is None:
            open_per_recht[r] = GESLOTEN
        elif isinstance(open_, int):
            open_per_recht[r] = afhankelijk[r].open_ if afhankelijk else GESLOTEN
        else:
            open_per_recht[r] = Open(frozenset(open_[0]), frozenset(open_[1]))
    return Context(
        profiel={a: w for a, w in zip(recht.invoer, antwoorden, strict=True) if w is not _AFWEZIG},
        parameters=parameters.waarden,
        lokale_parameters=recht.lokale_parameters,
        rechten=rechten,
        open_per_recht=open_per_recht,
    )


class _RestElders:
    """The conditions after the municipality of a local right of another municipality,
    worked out when someone asks why, from the answers and the outcomes of the rights it
    reads (``gezien``): the right's memo key is made only then."""

    __slots__ = ("recht", "parameters")

    def __init__(self, recht: Recht, parameters: _Parameters):
        self.recht = recht
        self.parameters = parameters

    def __call__(
        self, gezien: tuple[Mapping[str, Any], Mapping[str, tuple[Any, Any]]]
    ) -> tuple[VoorwaardeUitkomst, ...]:
        recht = self.recht
        profiel, codes = gezien  # codes: see sleuteldeel
        delen = [self.parameters.nummer]
        delen += map(profiel.get, recht.invoer, repeat(_AFWEZIG))
        for d in recht.afhankelijk_volgorde:
            delen += codes[d]
        return _DeRest(recht, 1, tuple(delen), self.parameters)()


def _met_via(
    recht: Recht,
    voorwaarde: Voorwaarde,
    uitkomst: VoorwaardeUitkomst,
    ctx: Context,
    verouderd: Mapping[str, Veroudering],
    sleutel: tuple[Any, ...],
) -> VoorwaardeUitkomst:
    """Note the other rights a condition holds through, when it would not hold without.

    "U krijgt de inkomensgarantie (waarschijnlijk)" is not "u krijgt ze": the text must
    say "als u … krijgt". We ask: would the condition still hold if none of the likely
    rights it reads were granted?
    """
    waar = [r for r in voorwaarde.rechten_volgorde if ctx.rechten.get(r) is True]
    if not waar or uitkomst.status is not VoorwaardeStatus.VOLDAAN:
        return uitkomst
    zonder = dict(ctx.rechten)
    zonder.update(dict.fromkeys(waar, False))
    anders = Context(
        profiel=ctx.profiel,
        parameters=ctx.parameters,
        lokale_parameters=ctx.lokale_parameters,
        rechten=zonder,
        open_per_recht=ctx.open_per_recht,
        gedeeld=ctx.gedeeld,
    )
    # the right's memo key with those rights "niet" (a decided right has nothing open)
    andere_sleutel = list(sleutel)
    for r in waar:
        andere_sleutel[1 + len(recht.invoer) + 2 * recht.afhankelijk_volgorde.index(r)] = False
    zonder_dit = _evalueer_voorwaarde(voorwaarde, anders, verouderd, tuple(andere_sleutel))
    if zonder_dit.status is VoorwaardeStatus.VOLDAAN:
        return uitkomst
    return replace(uitkomst, via=tuple(waar))


def _evalueer_voorwaarde(
    voorwaarde: Voorwaarde,
    ctx: Context,
    verouderd: Mapping[str, Veroudering],
    recht_sleutel: tuple[Any, ...],
) -> VoorwaardeUitkomst:
    """The condition's outcome, remembered by its part of the right's memo key
    (``Voorwaarde.sleutel``)."""
    sleutel = voorwaarde.sleutel(recht_sleutel)
    uitkomst = voorwaarde.geheugen.get(sleutel)
    if uitkomst is None:
        uitkomst = _bereken_voorwaarde(voorwaarde, ctx, verouderd, recht_sleutel)
        onthoud(voorwaarde.geheugen, sleutel, uitkomst, _MAX_GEHEUGEN_VOORWAARDE)
    return uitkomst


def _open(
    voorwaarde: Voorwaarde,
    uitkomst: VoorwaardeUitkomst,
    ctx: Context,
    recht_sleutel: tuple[Any, ...],
    opens: dict[Open, Any],
) -> Open:
    """The attributes that could still decide a condition whose outcome is unknown
    (remembered like the outcome)."""
    sleutel = voorwaarde.sleutel(recht_sleutel)
    open_ = voorwaarde.open_geheugen.get(sleutel)
    if open_ is not None:
        return open_
    if voorwaarde.regel is not None:
        open_ = voorwaarde.regel.analyse(ctx)[1]
    else:  # a group: true when any unknown route turns true
        open_ = combineer_of(
            [
                _open(o, u, ctx, recht_sleutel, opens)
                for o, u in zip(voorwaarde.een_van, uitkomst.onderdelen, strict=True)
                if u.status is VoorwaardeStatus.ONBEKEND
            ]
        )
    open_ = _een(opens, open_)
    onthoud(voorwaarde.open_geheugen, sleutel, open_, _MAX_GEHEUGEN_VOORWAARDE)
    return open_


def _bereken_voorwaarde(
    voorwaarde: Voorwaarde,
    ctx: Context,
    verouderd: Mapping[str, Veroudering],
    recht_sleutel: tuple[Any, ...],
) -> VoorwaardeUitkomst:
    if voorwaarde.regel is not None:
        ctx.twijfels.clear()
        waarheid = als_waarheid(voorwaarde.regel.waarde(ctx))
        twijfel = waarheid is ONBEKEND and bool(ctx.twijfels)
        oud = (
            tuple([verouderd[p].tekst for p in voorwaarde.parameters if p in verouderd])
            if verouderd and voorwaarde.parameters
            else ()
        )
        sleutel: tuple[Any, ...] = (waarheid, twijfel, oud)
        uitkomst = voorwaarde.uitkomsten.get(sleutel)
        if uitkomst is None:
            notities = [DICHT_BIJ_GRENS] if twijfel else []
            uitkomst = _nieuwe_uitkomst(voorwaarde, _status(waarheid), (), [*notities, *oud])
            onthoud(voorwaarde.uitkomsten, sleutel, uitkomst, _MAX_GEHEUGEN_VOORWAARDE)
        return uitkomst
    onderdelen = tuple(
        [_evalueer_voorwaarde(o, ctx, verouderd, recht_sleutel) for o in voorwaarde.een_van]
    )
    # a group's outcome follows from its parts' (shared, long-lived) outcomes
    sleutel = tuple(map(id, onderdelen))
    uitkomst = voorwaarde.uitkomsten.get(sleutel)
    if uitkomst is None:
        status = _status(kleene_of(_waarheid(u.status) for u in onderdelen))
        notities = [n for o in onderdelen if o.status is status for n in o.opmerkingen]
        uitkomst = _nieuwe_uitkomst(voorwaarde, status, onderdelen, notities)
        onthoud(voorwaarde.uitkomsten, sleutel, uitkomst, _MAX_GEHEUGEN_VOORWAARDE)
    return uitkomst


def _nieuwe_uitkomst(
    voorwaarde: Voorwaarde,
    status: VoorwaardeStatus,
    onderdelen: tuple[VoorwaardeUitkomst, ...],
    opmerkingen: list[str],
) -> VoorwaardeUitkomst:
    """A condition's outcome. Outcomes are shared between evaluations and never changed:
    one object per distinct outcome (kept in ``Voorwaarde.uitkomsten``)."""
    tekst = voorwaarde.tekst
    if status is VoorwaardeStatus.NIET_VOLDAAN and voorwaarde.niet_tekst:
        tekst = voorwaarde.niet_tekst
    if status is VoorwaardeStatus.ONBEKEND:
        benaderingen: tuple[str, ...] = ()
    elif onderdelen:  # a group: only the parts that decided it
        beslissend = [o for o in onderdelen if o.status is status]
        benaderingen = tuple(dict.fromkeys(b for o in beslissend for b in o.benaderingen))
    else:
        benaderingen = voorwaarde.benaderingen
    return VoorwaardeUitkomst(
        id=voorwaarde.id,
        tekst=tekst,
        status=status,
        bron=voorwaarde.bron,
        benaderingen=benaderingen,
        onderdelen=onderdelen,
        kern=voorwaarde.kern,
        opmerkingen=tuple(dict.fromkeys(opmerkingen)),
        na_te_gaan=voorwaarde.na_te_gaan,
        leest_rechten=bool(voorwaarde.rechten),
    )


DICHT_BIJ_GRENS = "Uw inkomen ligt dicht bij de grens."


_MAX_GEHEUGEN = 64
_MAX_PLANNEN = 512
"""One plan per reference date and municipality (Flanders has 300)."""
_MAX_GEHEUGEN_RECHT = 2048
_MAX_GEHEUGEN_VOORWAARDE = 1024
_MAX_OPENS = 4096


_ZONDER_OPEN = object()
"""Ends the memo key of an outcome worked out with ``met_open=False``. A condition's key
is picked by position from the start of the right's key, so conditions share their
outcomes between both (an outcome never depends on what is open)."""

_AFWEZIG = object()
"""Marks an attribute that is not in the profile (``None`` means "weet ik niet") in a memo
key. A plain ``object()``: the garbage collector does not track it, so a key of plain
values is untracked too (an instance of a class of ours would keep the key tracked)."""


def _hashbaar(waarde: Any) -> Any:
    return tuple(waarde) if isinstance(waarde, list) else waarde


def _status(waarheid: Waarheid) -> VoorwaardeStatus:
    if waarheid is True:
        return VoorwaardeStatus.VOLDAAN
    if waarheid is False:
        return VoorwaardeStatus.NIET_VOLDAAN
    return VoorwaardeStatus.ONBEKEND


def _waarheid(status: VoorwaardeStatus) -> Waarheid:
    if status is VoorwaardeStatus.VOLDAAN:
        return True
    if status is VoorwaardeStatus.NIET_VOLDAAN:
        return False
    return ONBEKEND


def verouderde_parameters(catalogus: Catalogus, peildatum: date) -> list[tuple[Recht, Veroudering]]:
    """Every indexed parameter whose newest value is stale on ``peildatum``, per right.

    A parameter with per-municipality values counts once, with its oldest newest value.
    """
    uit: list[tuple[Recht, Veroudering]] = []
    for recht in catalogus.rechten:
        for naam in sorted(recht.parameters):
            p = recht.parameters[naam]
            gemeenten: list[str | None] = [None, *p.per_gemeente] if p.per_gemeente else [None]
            gevonden = [v for g in gemeenten if (v := p.veroudering(peildatum, g)) is not None]
            if gevonden:
                uit.append((recht, min(gevonden, key=lambda v: v.sinds)))
    return uit
