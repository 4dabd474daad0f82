"""Evaluate a profile against the catalogue on a reference date."""

from __future__ import annotations

from collections.abc import Mapping
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
    Voorwaarde,
    VoorwaardeStatus,
    VoorwaardeUitkomst,
)
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
        parameters, parameter_sleutel = _parameters(recht, peildatum, gemeente)
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
            onthouden = _evalueer_recht(recht, ctx)
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
) -> tuple[dict[str, Any], tuple[Any, ...]]:
    """The right's parameter values on this date (and in this municipality), with a key."""
    if not recht.parameters:
        return {}, ()
    sleutel = (peildatum, gemeente if recht.lokale_parameters else None)
    gevonden = recht.parameter_geheugen.get(sleutel)
    if gevonden is None:
        waarden = {n: p.op(peildatum, gemeente) for n, p in recht.parameters.items()}
        gevonden = (waarden, tuple(map(_hashbaar, waarden.values())))
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


def _evalueer_recht(recht: Recht, ctx: Context) -> tuple[RechtUitkomst, Open]:
    """The right's outcome, and which answers could still make it waarschijnlijk or niet."""
    resultaten = [_evalueer_voorwaarde(v, ctx) for v in recht.voorwaarden]
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
        open_ = combineer_en([o for u, o in resultaten if u.status is VoorwaardeStatus.ONBEKEND])
    bedrag = None
    if recht.bedrag is not None and status is not Status.NIET:
        waarde = recht.bedrag.regel.waarde(ctx)
        if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
            bedrag = round(float(waarde), 2)
    uitkomst = RechtUitkomst.maak(
        recht, status, tuple(u for u, _ in resultaten), bedrag, open_.alle
    )
    return uitkomst, open_


def _evalueer_voorwaarde(voorwaarde: Voorwaarde, ctx: Context) -> tuple[VoorwaardeUitkomst, Open]:
    """The condition's outcome, and the attributes that could still decide it."""
    if voorwaarde.regel is not None:
        waarheid, open_ = _beslis(voorwaarde, ctx)
        onderdelen: tuple[VoorwaardeUitkomst, ...] = ()
    else:
        deel = [_evalueer_voorwaarde(o, ctx) for o in voorwaarde.een_van]
        onderdelen = tuple(u for u, _ in deel)
        waarheid = kleene_of(_waarheid(u.status) for u in onderdelen)
        open_ = GESLOTEN
        if waarheid is ONBEKEND:
            open_ = combineer_of([o for u, o in deel if u.status is VoorwaardeStatus.ONBEKEND])
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
    return (
        VoorwaardeUitkomst(
            id=voorwaarde.id,
            tekst=tekst,
            status=status,
            bron=voorwaarde.bron,
            benaderingen=benaderingen,
            onderdelen=onderdelen,
        ),
        open_,
    )


_MAX_GEHEUGEN = 64
_MAX_GEHEUGEN_RECHT = 2048


class _Afwezig:
    """Marks an attribute that is not in the profile (``None`` means "weet ik niet")."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "AFWEZIG"


_AFWEZIG = _Afwezig()


def _beslis(voorwaarde: Voorwaarde, ctx: Context) -> tuple[Waarheid, Open]:
    """Truth value and open attributes of one expression condition.

    When none of its attributes is in the profile, the outcome depends only on the
    right's parameter values: it is computed once per set of values and remembered.
    """
    assert voorwaarde.regel is not None
    vrij = not voorwaarde.dynamisch and voorwaarde.attributen.isdisjoint(ctx.profiel)
    if vrij:
        onthouden = voorwaarde.geheugen.get(ctx.parameter_sleutel)
        if onthouden is not None:
            return onthouden
    waarheid = als_waarheid(voorwaarde.regel.waarde(ctx))
    open_ = voorwaarde.regel.analyse(ctx)[1] if waarheid is ONBEKEND else GESLOTEN
    if vrij:
        onthoud(voorwaarde.geheugen, ctx.parameter_sleutel, (waarheid, open_), _MAX_GEHEUGEN)
    return waarheid, open_


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
