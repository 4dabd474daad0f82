"""Evaluate a profile against the catalogue on a reference date."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any

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

_ALS_WAARHEID = {Status.WAARSCHIJNLIJK: True, Status.NIET: False}


def evalueer(
    profiel: Mapping[str, Any],
    catalogus: Catalogus,
    peildatum: date,
    *,
    alleen: frozenset[str] | None = None,
) -> Evaluatie:
    """Evaluate every right (or only ``alleen`` and what they depend on) for this profile.

    ``profiel`` holds validated values; a key with ``None`` means "weet ik niet":
    unknown, and never asked again.
    """
    nodig = _met_afhankelijkheden(catalogus, alleen) if alleen is not None else None
    rechten_waarheid: dict[str, Waarheid] = {}
    open_per_recht: dict[str, Open] = {}
    gemeente = profiel.get("gemeente")
    uitkomsten: list[RechtUitkomst] = []
    # one context for the whole evaluation; per right only its own part changes
    ctx = Context(profiel=profiel, rechten=rechten_waarheid, open_per_recht=open_per_recht)
    for recht in catalogus.rechten:
        if nodig is not None and recht.id not in nodig:
            continue
        parameters, parameter_sleutel, verouderd = _parameters(recht, peildatum, gemeente)
        sleutel = (
            parameter_sleutel,
            tuple([profiel.get(a, _AFWEZIG) for a in recht.invoer]),
            tuple([(rechten_waarheid[d], open_per_recht[d]) for d in recht.afhankelijk_volgorde]),
        )
        onthouden = recht.geheugen.get(sleutel)
        if onthouden is None:
            ctx.parameters = parameters
            ctx.lokale_parameters = recht.lokale_parameters
            ctx.parameter_sleutel = parameter_sleutel
            if ctx.herhaald:
                ctx.herhaald = {}
            onthouden = _evalueer_recht(recht, ctx, verouderd, sleutel)
            onthoud(recht.geheugen, sleutel, onthouden, _MAX_GEHEUGEN_RECHT)
        uitkomst, open_ = onthouden
        rechten_waarheid[recht.id] = _ALS_WAARHEID.get(uitkomst.status, ONBEKEND)
        open_per_recht[recht.id] = open_
        if alleen is None or recht.id in alleen:
            uitkomsten.append(uitkomst)

    uitkomsten.sort(key=_sorteersleutel)
    vraag = kies_volgende_vraag(uitkomsten, profiel, catalogus, met_opening=alleen is None)
    return Evaluatie(
        peildatum=peildatum,
        uitkomsten=tuple(uitkomsten),
        volgende_vraag=vraag.attribuut if vraag else None,
        open_rechten=tuple(u.recht.id for u in uitkomsten if u.status is Status.MOGELIJK),
        volgende_groep=vraag.groep if vraag else None,
        volgende_leden=vraag.leden if vraag else (),
    )


def _sorteersleutel(uitkomst: RechtUitkomst) -> tuple[int, float, str]:
    return uitkomst.sorteersleutel


def _parameters(
    recht: Recht, peildatum: date, gemeente: str | None
) -> tuple[dict[str, Any], tuple[Any, ...], dict[str, Veroudering]]:
    """The right's parameter values on this date (and in this municipality), with a key,
    and the parameters whose newest value is stale then.

    A stale indexed parameter becomes a range from its newest value up to what it may
    have risen to since, so that it never decides a case near the limit.
    """
    if not recht.parameters:
        return {}, (), {}
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
        waarden_sleutel = tuple(map(_hashbaar, waarden.values()))
        nummers = recht.parameter_nummers
        nummer = nummers.setdefault(waarden_sleutel, len(nummers))
        gevonden = (waarden, (nummer,), verouderd)
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
    verouderd: Mapping[str, Veroudering],
    sleutel: tuple[Any, ...],
) -> tuple[RechtUitkomst, Open]:
    """The right's outcome, and which answers could still make it waarschijnlijk or niet.

    First the values only; what could still decide an unknown condition is worked out
    only when the right turns out "mogelijk" (a "niet" needs no next question, and its
    conditions after the first that fails are worked out only when someone asks why).
    ``sleutel`` is the right's memo key: everything its outcome depends on.
    """
    resultaten: list[VoorwaardeUitkomst] = []
    status: Status | None = None
    for v in recht.voorwaarden:
        u = _evalueer_voorwaarde(v, ctx, verouderd)
        resultaten.append(u)
        if u.status is VoorwaardeStatus.NIET_VOLDAAN:
            status = Status.NIET  # the rest only when someone asks why
            break
    if status is None:
        if not recht.heeft_regels:
            status = Status.NIET_GECONTROLEERD
        elif any(u.status is VoorwaardeStatus.ONBEKEND for u in resultaten):
            status = Status.MOGELIJK
        else:
            status = Status.WAARSCHIJNLIJK

    open_ = GESLOTEN
    if status is Status.MOGELIJK:  # all conditions together behave as one "and"
        open_ = combineer_en(
            [
                _open(v, u, ctx)
                for v, u in zip(recht.voorwaarden, resultaten, strict=True)
                if u.status is VoorwaardeStatus.ONBEKEND
            ]
        )
    if status is Status.WAARSCHIJNLIJK:
        resultaten = [
            _met_via(v, u, ctx, verouderd)
            for v, u in zip(recht.voorwaarden, resultaten, strict=True)
        ]
    bedrag = None
    if recht.bedrag is not None and status is not Status.NIET:
        waarde = midden(recht.bedrag.regel.waarde(ctx))
        if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
            bedrag = round(float(waarde), 2)
    rest = None
    if len(resultaten) < len(recht.voorwaarden):
        rest = partial(_de_rest, recht, len(resultaten), sleutel, ctx.parameters, verouderd)
    uitkomst = RechtUitkomst.maak(
        recht,
        status,
        tuple(resultaten),
        bedrag,
        open_.alle,
        tuple(verouderd.values()),
        rest,
    )
    return uitkomst, open_


def _de_rest(
    recht: Recht,
    start: int,
    sleutel: tuple[Any, ...],
    parameters: Mapping[str, Any],
    verouderd: Mapping[str, Veroudering],
) -> tuple[VoorwaardeUitkomst, ...]:
    """The conditions a "niet" did not need, worked out when someone asks why, from the
    right's memo key (its answers, parameter values and the rights it reads): it keeps
    nothing else of the evaluation alive."""
    parameter_sleutel, waarden, afhankelijk = sleutel
    ctx = Context(
        profiel={a: w for a, w in zip(recht.invoer, waarden, strict=True) if w is not _AFWEZIG},
        parameters=parameters,
        lokale_parameters=recht.lokale_parameters,
        rechten={r: w for r, (w, _) in zip(recht.afhankelijk_volgorde, afhankelijk, strict=True)},
        parameter_sleutel=parameter_sleutel,
    )
    return tuple(_evalueer_voorwaarde(v, ctx, verouderd) for v in recht.voorwaarden[start:])


def _met_via(
    voorwaarde: Voorwaarde,
    uitkomst: VoorwaardeUitkomst,
    ctx: Context,
    verouderd: Mapping[str, Veroudering],
) -> VoorwaardeUitkomst:
    """Note the other rights a condition holds through, when it would not hold without.

    "U krijgt de inkomensgarantie (waarschijnlijk)" is not "u krijgt ze": the text must
    say "als u … krijgt". We ask: would the condition still hold if none of the likely
    rights it reads were granted?
    """
    waar = [r for r in sorted(voorwaarde.rechten) if ctx.rechten.get(r) is True]
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
        parameter_sleutel=ctx.parameter_sleutel,
        gedeeld=ctx.gedeeld,
    )
    zonder_dit = _evalueer_voorwaarde(voorwaarde, anders, verouderd)
    if zonder_dit.status is VoorwaardeStatus.VOLDAAN:
        return uitkomst
    return replace(uitkomst, via=tuple(waar))


def _evalueer_voorwaarde(
    voorwaarde: Voorwaarde, ctx: Context, verouderd: Mapping[str, Veroudering]
) -> VoorwaardeUitkomst:
    """The condition's outcome. A condition that reads no other right is remembered per
    parameter values and answers (``Voorwaarde.geheugen``)."""
    sleutel = _geheugensleutel(voorwaarde, ctx)
    gevonden = voorwaarde.geheugen.get(sleutel)
    if gevonden is None:
        gevonden = (_bereken_voorwaarde(voorwaarde, ctx, verouderd), None)
        onthoud(voorwaarde.geheugen, sleutel, gevonden, _MAX_GEHEUGEN_VOORWAARDE)
    return gevonden[0]


def _geheugensleutel(voorwaarde: Voorwaarde, ctx: Context) -> tuple[Any, ...]:
    profiel = ctx.profiel
    waarden = tuple([profiel.get(a, _AFWEZIG) for a in voorwaarde.invoer])
    if not voorwaarde.dynamisch:
        return (ctx.parameter_sleutel, waarden)
    rechten, open_ = ctx.rechten, ctx.open_per_recht
    andere = [
        (rechten.get(r, ONBEKEND), open_.get(r, GESLOTEN)) for r in voorwaarde.rechten_volgorde
    ]
    return (ctx.parameter_sleutel, waarden, tuple(andere))


def _open(voorwaarde: Voorwaarde, uitkomst: VoorwaardeUitkomst, ctx: Context) -> Open:
    """The attributes that could still decide a condition whose outcome is unknown
    (remembered beside the outcome)."""
    sleutel = _geheugensleutel(voorwaarde, ctx)
    gevonden = voorwaarde.geheugen.get(sleutel)
    if gevonden is not None and gevonden[1] is not None:
        return gevonden[1]
    if voorwaarde.regel is not None:
        open_ = voorwaarde.regel.analyse(ctx)[1]
    else:  # a group: true when any unknown route turns true
        open_ = combineer_of(
            [
                _open(o, u, ctx)
                for o, u in zip(voorwaarde.een_van, uitkomst.onderdelen, strict=True)
                if u.status is VoorwaardeStatus.ONBEKEND
            ]
        )
    onthoud(voorwaarde.geheugen, sleutel, (uitkomst, open_), _MAX_GEHEUGEN_VOORWAARDE)
    return open_


def _bereken_voorwaarde(
    voorwaarde: Voorwaarde, ctx: Context, verouderd: Mapping[str, Veroudering]
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
    onderdelen = tuple([_evalueer_voorwaarde(o, ctx, verouderd) for o in voorwaarde.een_van])
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
_MAX_GEHEUGEN_RECHT = 2048
_MAX_GEHEUGEN_VOORWAARDE = 1024


class _Afwezig:
    """Marks an attribute that is not in the profile (``None`` means "weet ik niet")."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "AFWEZIG"


_AFWEZIG = _Afwezig()


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
