"""The automatic leefloon advice: toekenning, verder sociaal onderzoek or geen recht.

Pure: a profile, the engine's catalogue, the advice rules and a date in; a
:class:`LeefloonAdvies` out. No database, no HTTP, no globals.

It never contradicts the engine: the engine's status for the right comes first.
"niet" gives "geen_recht" (and only "niet" does); "toekenning" needs "waarschijnlijk"
and every advice condition clearly true and a clear category. All else is
"verder_sociaal_onderzoek", with a point to check for every condition that is not
clearly true.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.advies.model import (
    Advies,
    AdviesRegels,
    Categorie,
    LeefloonAdvies,
    Onderzoekspunt,
)
from bot.notatie import datum_tekst, euro
from bot.rules import Catalogus, Recht, Status, VoorwaardeStatus, evalueer
from bot.rules.logica import Context
from bot.rules.model import Veroudering, VoorwaardeUitkomst
from bot.rules.schatting import Schatting, midden, verbreed
from bot.rules.waarheid import ONBEKEND, als_waarheid


def geef_advies(
    profiel: Mapping[str, Any], catalogus: Catalogus, regels: AdviesRegels, datum: date
) -> LeefloonAdvies:
    """The advice for this (validated) profile on ``datum``."""
    recht = catalogus.recht(regels.recht)
    if recht is None:
        raise ValueError(f"Recht '{regels.recht}' staat niet in de catalogus.")
    evaluatie = evalueer(profiel, catalogus, datum, alleen=frozenset([recht.id]))
    uitkomst = evaluatie.uitkomst(recht.id)
    assert uitkomst is not None  # evaluated because asked for
    if uitkomst.status is Status.NIET:
        return _geen_recht(regels, uitkomst.voorwaarden)

    gemeente = profiel.get("gemeente")
    waarden, verouderd = _parameters(recht, datum, gemeente)
    ctx = Context(profiel=profiel, parameters=waarden)
    categorie = _categorie(regels, ctx)
    bedrag_maand: float | None = None
    if categorie is not None:
        bedrag = recht.parameters[categorie.parameter].op(datum, gemeente)
        if bedrag is not ONBEKEND:
            bedrag_maand = round(float(bedrag) * categorie.aantal, 2)
            grens = waarden[categorie.parameter]
            waarden["categorie_bedrag"] = (
                Schatting(
                    grens.laag * categorie.aantal, bedrag_maand, grens.hoog * categorie.aantal
                )
                if isinstance(grens, Schatting)
                else bedrag_maand
            )
            waarden["categorie_nummer"] = categorie.nummer
    waarden["marge_inkomen_ruim_onder"] = regels.marge_inkomen_ruim_onder

    punten = _punten(regels, Context(profiel=profiel, parameters=waarden))
    if uitkomst.status is not Status.WAARSCHIJNLIJK and not punten:
        # the engine still has open conditions the advice rules do not name
        punten = [
            Onderzoekspunt(v.tekst, "Dit kan alleen het OCMW nagaan.")
            for v in uitkomst.voorwaarden
            if v.status is VoorwaardeStatus.ONBEKEND
        ]
    oud = [verouderd[p] for p in sorted(verouderd) if categorie and p == categorie.parameter]
    if (
        uitkomst.status is Status.WAARSCHIJNLIJK
        and not punten
        and categorie is not None
        and bedrag_maand is not None
    ):
        ctx = Context(profiel=profiel, parameters=waarden)
        return _toekenning(regels, ctx, categorie, bedrag_maand, datum, recht, gemeente, oud)
    uitleg = list(regels.uitleg["verder_sociaal_onderzoek"])
    if categorie is not None and bedrag_maand is not None:
        uitleg.append(categorie.tekst)
        uitleg.append(_bedrag_zin(bedrag_maand, categorie, recht, datum, gemeente))
        uitleg += [v.tekst for v in oud]
    return LeefloonAdvies(
        advies=Advies.VERDER_SOCIAAL_ONDERZOEK,
        categorie=categorie.id if categorie is not None else None,
        bedrag_maand=bedrag_maand,
        bedrag_na_middelen=None,
        te_onderzoeken=tuple(punten),
        uitleg=tuple(uitleg),
    )


def _geen_recht(
    regels: AdviesRegels, voorwaarden: tuple[VoorwaardeUitkomst, ...]
) -> LeefloonAdvies:
    waarom = [
        f"{v.tekst} Bron: {v.bron}" if v.bron else v.tekst
        for v in voorwaarden
        if v.status is VoorwaardeStatus.NIET_VOLDAAN
    ]
    eerste, *rest = regels.uitleg["geen_recht"]
    return LeefloonAdvies(
        advies=Advies.GEEN_RECHT,
        categorie=None,
        bedrag_maand=None,
        bedrag_na_middelen=None,
        te_onderzoeken=(),
        uitleg=(eerste, *waarom, *rest),
    )


def _parameters(
    recht: Recht, datum: date, gemeente: str | None
) -> tuple[dict[str, Any], dict[str, Veroudering]]:
    """The right's parameter values on ``datum``; a stale indexed one becomes a range up to
    what it may have risen to since (as the engine does), so it never decides a close case."""
    waarden: dict[str, Any] = {}
    verouderd: dict[str, Veroudering] = {}
    for naam, p in recht.parameters.items():
        waarde = p.op(datum, gemeente)
        oud = p.veroudering(datum, gemeente)
        if oud is not None:
            verouderd[naam] = oud
            waarde = verbreed(waarde, oud.factor, f"param:{naam}")
        waarden[naam] = waarde
    return waarden, verouderd


def _categorie(regels: AdviesRegels, ctx: Context) -> Categorie | None:
    """The first category whose rule holds; None when one before it is unknown."""
    for categorie in regels.categorieen:
        waarheid = als_waarheid(categorie.regel.waarde(ctx))
        if waarheid is True:
            return categorie
        if waarheid is not False:
            return None
    return None


def _punten(regels: AdviesRegels, ctx: Context) -> list[Onderzoekspunt]:
    """A point for every advice condition that is not clearly true. An unknown one is left
    out when an earlier point already asks everything it reads (one question, one point)."""
    punten: list[Onderzoekspunt] = []
    al_nagegaan: set[str] = set()
    for v in regels.voorwaarden:
        waarheid = als_waarheid(v.regel.waarde(ctx))
        if waarheid is True:
            continue
        if waarheid is False:
            punten.append(Onderzoekspunt(v.punt, v.niet_waarom or v.waarom))
            continue
        onbekend = {a for a in v.attributen if ctx.profiel.get(a) is None}
        if onbekend and onbekend <= al_nagegaan:
            continue
        al_nagegaan |= onbekend
        punten.append(Onderzoekspunt(v.punt, v.waarom))
    return punten


def _bedrag_zin(
    bedrag: float, categorie: Categorie, recht: Recht, datum: date, gemeente: str | None
) -> str:
    parameter = recht.parameters[categorie.parameter]
    reeks = parameter.waarden
    vanaf = max((d for d in reeks.vanaf if d <= datum), default=None)
    sinds = f" (bedrag vanaf {datum_tekst(vanaf)})" if vanaf else ""
    keer = f", {categorie.aantal} keer het bedrag per persoon" if categorie.aantal > 1 else ""
    return f"Het leefloon is € {euro(bedrag)} per maand{keer}{sinds}. Bron: {parameter.bron}"


def _toekenning(
    regels: AdviesRegels,
    ctx: Context,
    categorie: Categorie,
    bedrag_maand: float,
    datum: date,
    recht: Recht,
    gemeente: str | None,
    oud: list[Veroudering],
) -> LeefloonAdvies:
    middelen = midden(regels.middelen.waarde(ctx))
    if middelen is ONBEKEND:  # an unknown income is never "clearly under": not reached
        middelen = 0.0
    uitleg = [*regels.uitleg["toekenning"], categorie.tekst]
    uitleg.append(_bedrag_zin(bedrag_maand, categorie, recht, datum, gemeente))
    uitleg += [v.tekst for v in oud]
    vrij = 0.0
    for v in regels.vrijstellingen:
        bedrag = midden(v.bedrag_maand.waarde(ctx))
        if bedrag is ONBEKEND or not isinstance(bedrag, (int, float)) or bedrag <= 0:
            continue
        if float(middelen) <= 0:
            continue  # no income: nothing to exempt
        tekst = v.tekst.replace("{bedrag}", f"€ {euro(round(float(bedrag), 2))}")
        uitleg.append(f"{tekst} Bron: {v.bron}")
        if v.bevestigd:
            vrij += float(bedrag)
    telt = max(0.0, float(middelen) - vrij)
    na_middelen = round(max(0.0, bedrag_maand - telt), 2)
    uitleg.append(
        f"Uw inkomen dat meetelt, is ongeveer € {euro(round(telt, 2))} per maand. "
        f"Dan blijft er ongeveer € {euro(na_middelen)} leefloon per maand."
    )
    uitleg += regels.uitleg["schatting"]
    return LeefloonAdvies(
        advies=Advies.TOEKENNING,
        categorie=categorie.id,
        bedrag_maand=bedrag_maand,
        bedrag_na_middelen=na_middelen,
        te_onderzoeken=(),
        uitleg=tuple(uitleg),
    )
