"""GET /beheer/inzicht (HTML) and /beheer/inzicht.csv: the anonymous counts for the city.

Read-only, behind the city login (``Beheerder``, setting BEHEERDERS). Not in the OpenAPI
schema: these are pages, not API operations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import FileResponse, HTMLResponse, Response

from bot.api.deps import BEHEER_KOPPEN, Beheerder, DienstenDep, InstellingenDep, SessieDep
from bot.diensten import Diensten
from bot.inzicht.opslag import afgesloten_tot, gemeenten_met_tellingen, lees
from bot.inzicht.overzicht import per_recht
from bot.inzicht.pagina import STIJL, STIJL_URL, Filter, csv_tekst, html_pagina
from bot.tijd import vandaag

router = APIRouter(include_in_schema=False)

# empty is allowed: the form sends every field ("Alle gemeenten" is gemeente=)
MAAND = r"^(\d{4}-(0[1-9]|1[0-2]))?$"
GEMEENTE = r"^(\d{5}|onbekend)?$"

GemeenteQuery = Annotated[
    str | None, Query(pattern=GEMEENTE, description="NIS-code of 'onbekend'; leeg: alle")
]
MaandQuery = Annotated[str | None, Query(pattern=MAAND, description="JJJJ-MM")]


def _filter(
    instellingen: InstellingenDep,
    gemeente: GemeenteQuery = None,
    van: MaandQuery = None,
    tot: MaandQuery = None,
) -> Filter:
    """The choice on the page; without INZICHT_LOPENDE_MAAND, up to the last month that is
    over."""
    if not instellingen.inzicht_lopende_maand:
        tot = afgesloten_tot(tot or None, vandaag())
    return Filter(gemeente=gemeente or None, van=van or None, tot=tot or None)


FilterDep = Annotated[Filter, Depends(_filter)]


@router.get("/beheer/inzicht")
def inzicht_pagina(
    _beheerder: Beheerder,
    instellingen: InstellingenDep,
    diensten: DienstenDep,
    sessie: SessieDep,
    f: FilterDep,
) -> HTMLResponse:
    tellingen = lees(sessie, gemeente=f.gemeente, van=f.van, tot=f.tot)
    rijen = per_recht(tellingen, _naam(diensten))
    namen = diensten.gemeenten.namen()
    pagina = html_pagina(
        f,
        rijen,
        gemeenten_met_tellingen(sessie, None if instellingen.inzicht_lopende_maand else f.tot),
        namen,
        lopende_maand=instellingen.inzicht_lopende_maand,
    )
    return HTMLResponse(pagina, headers=BEHEER_KOPPEN)


@router.get("/beheer/inzicht.csv")
def inzicht_csv(
    _beheerder: Beheerder,
    diensten: DienstenDep,
    sessie: SessieDep,
    f: FilterDep,
) -> Response:
    tellingen = lees(sessie, gemeente=f.gemeente, van=f.van, tot=f.tot)
    tekst = csv_tekst(tellingen, _naam(diensten), diensten.gemeenten.namen())
    return Response(
        tekst.encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={
            **BEHEER_KOPPEN,
            "Content-Disposition": 'attachment; filename="inzicht.csv"',
        },
    )


@router.get(STIJL_URL)
async def inzicht_stijl() -> FileResponse:
    return FileResponse(STIJL, media_type="text/css; charset=utf-8")


def _naam(diensten: Diensten) -> Callable[[str], str]:
    """The right's name for an id (the id itself for a right no longer in the catalogue)."""
    catalogus = diensten.catalogus

    def naam(recht_id: str) -> str:
        recht = catalogus.recht(recht_id)
        return recht.naam if recht else recht_id

    return naam
