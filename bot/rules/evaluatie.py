"""Evaluate a profile against the catalogue on a reference date."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
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
            ctx = Context(
                profiel=profiel,
                parameters=parameters,
                lokale_parameters=recht.lokale_parameters,
                rechten=rechten_waarheid,
                open_per_recht=open_per_recht,
                parameter_sleutel=parameter_sleutel,
            )
            onthouden = _evalueer_recht(recht, ctx, verouderd)
            onthoud(recht.geheugen, sleutel, onthouden, _MAX_GEHEUGEN_RECHT)
        uitkomst, open_ = onthouden
        rechten_waarheid[recht.id] = _ALS_WAARHEID.get(uitkomst.status, ONBEKEND)
        open_per_recht[recht.id] = open_
        if alleen is None or recht.id in alleen:
            uitkomsten.append(uitkomst)

    uitkomsten.sort(key=_sorteersleutel)
    vraag = kies_volgende_vraag(uitkomsten, profiel, catalogus)
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
    recht: Recht, ctx: Context, verouderd: Mapping[str, Veroudering]
) -> tuple[RechtUitkomst, Open]:
    """The right's outcome, and which answers could still make it waarschijnlijk or niet.

    First the values only; what could still decide an unknown condition is worked out
    only when the right turns out "mogelijk" (a "niet" needs no next question).
    """
    resultaten = [_evalueer_voorwaarde(v, ctx, verouderd, False) for v in recht.voorwaarden]
    statussen = [u.status for u, _ in resultaten]
    if VoorwaardeStatus.NIET_VOLDAAN in statussen:
        status = Status.NIET
    elif not recht.heeft_regels:
        status = Status.NIET_GECONTROLEERD
    elif VoorwaardeStatus.ONBEKEND in statussen:
        status = Status.MOGELIJK
    else:
        status = Status.WAARSCHIJNLIJK

    open_ = GESLOTEN
    if status is Status.MOGELIJK:  # all conditions together behave as one "and"
        resultaten = [
            _evalueer_voorwaarde(v, ctx, verouderd, True)
            if u.status is VoorwaardeStatus.ONBEKEND
            else (u, o)
            for v, (u, o) in zip(recht.voorwaarden, resultaten, strict=True)
        ]
        open_ = combineer_en(
            [o or GESLOTEN for u, o in resultaten if u.status is VoorwaardeStatus.ONBEKEND]
        )
    if status is Status.WAARSCHIJNLIJK:
        resultaten = [
            (_met_via(v, u, ctx, verouderd), o)
            for v, (u, o) in zip(recht.voorwaarden, resultaten, strict=True)
        ]
    bedrag = None
    if recht.bedrag is not None and status is not Status.NIET:
        waarde = midden(recht.bedrag.regel.waarde(ctx))
        if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
            bedrag = round(float(waarde), 2)
    uitkomst = RechtUitkomst.maak(
        recht,
        status,
        tuple(u for u, _ in resultaten),
        bedrag,
        open_.alle,
        tuple(verouderd.values()),
    )
    return uitkomst, open_


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
    )
    zonder_dit = _evalueer_voorwaarde(voorwaarde, anders, verouderd, False)[0]
    if zonder_dit.status is VoorwaardeStatus.VOLDAAN:
        return uitkomst
    return replace(uitkomst, via=tuple(waar))


def _evalueer_voorwaarde(
    voorwaarde: Voorwaarde, ctx: Context, verouderd: Mapping[str, Veroudering], met_open: bool
) -> tuple[VoorwaardeUitkomst, Open | None]:
    """The condition's outcome, and (``met_open``) the attributes that could still decide
    it; without ``met_open`` the second item may be None (not worked out).

    A condition that reads no other right is remembered per parameter values and answers.
    """
    if voorwaarde.dynamisch:
        return _bereken_voorwaarde(voorwaarde, ctx, verouderd, met_open)
    profiel = ctx.profiel
    sleutel = (ctx.parameter_sleutel, tuple([profiel.get(a, _AFWEZIG) for a in voorwaarde.invoer]))
    gevonden = voorwaarde.geheugen.get(sleutel)
    if gevonden is None or (met_open and gevonden[1] is None):
        gevonden = _bereken_voorwaarde(voorwaarde, ctx, verouderd, met_open)
        onthoud(voorwaarde.geheugen, sleutel, gevonden, _MAX_GEHEUGEN_VOORWAARDE)
    return gevonden


def _bereken_voorwaarde(
    voorwaarde: Voorwaarde, ctx: Context, verouderd: Mapping[str, Veroudering], met_open: bool
) -> tuple[VoorwaardeUitkomst, Open | None]:
    twijfels: frozenset[str] = frozenset()
    if voorwaarde.regel is not None:
        waarheid, open_, twijfels = _beslis(voorwaarde, ctx, met_open)
        onderdelen: tuple[VoorwaardeUitkomst, ...] = ()
    else:
        deel = [_evalueer_voorwaarde(o, ctx, verouderd, met_open) for o in voorwaarde.een_van]
        onderdelen = tuple(u for u, _ in deel)
        waarheid = kleene_of(_waarheid(u.status) for u in onderdelen)
        open_ = GESLOTEN
        if waarheid is ONBEKEND:
            open_ = None
            if met_open:
                open_ = combineer_of(
                    [o or GESLOTEN for u, o in deel if u.status is VoorwaardeStatus.ONBEKEND]
                )
    status = _status(waarheid)
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
    opmerkingen: list[str] = []
    if status is VoorwaardeStatus.ONBEKEND and twijfels:
        opmerkingen.append(DICHT_BIJ_GRENS)
    if onderdelen:  # a group: the notes of the parts that decide it
        opmerkingen += [n for o in onderdelen if o.status is status for n in o.opmerkingen]
    elif verouderd and voorwaarde.parameters:
        opmerkingen += [verouderd[p].tekst for p in voorwaarde.parameters if p in verouderd]
    return (
        VoorwaardeUitkomst(
            id=voorwaarde.id,
            tekst=tekst,
            status=status,
            bron=voorwaarde.bron,
            benaderingen=benaderingen,
            onderdelen=onderdelen,
            kern=voorwaarde.kern,
            opmerkingen=tuple(dict.fromkeys(opmerkingen)) if opmerkingen else (),
            na_te_gaan=voorwaarde.na_te_gaan,
            leest_rechten=bool(voorwaarde.rechten),
        ),
        open_,
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


def _beslis(
    voorwaarde: Voorwaarde, ctx: Context, met_open: bool
) -> tuple[Waarheid, Open | None, frozenset[str]]:
    """Truth value, open attributes (when asked for; else None if unknown) and doubts
    (ranges that straddled a limit) of one expression condition."""
    assert voorwaarde.regel is not None
    ctx.twijfels.clear()
    waarheid = als_waarheid(voorwaarde.regel.waarde(ctx))
    open_: Open | None = GESLOTEN
    if waarheid is ONBEKEND:
        open_ = voorwaarde.regel.analyse(ctx)[1] if met_open else None
    twijfels = frozenset(ctx.twijfels) if waarheid is ONBEKEND else frozenset()
    return waarheid, open_, twijfels


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
