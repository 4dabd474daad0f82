"""``GET /beheer/catalogus``: the freshness and coverage of the catalogue, for city staff.

A read-only HTML page behind the ``BEHEERDERS`` login (HTTP Basic, so a browser asks for
it). No scripts and no inline styles: its style sheet is ``/beheer/catalogus.css``. Not
in the OpenAPI schema (it is a page, not JSON).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, HTMLResponse

from bot.api.deps import BEHEER_KOPPEN, Beheerder, DienstenDep, SessieDep
from bot.catalogue.rapport import (
    DOEL_PER_CENTRUMSTAD,
    MAANDEN_GELDIG,
    MIN_TESTGEVALLEN,
    NIET_GECONTROLEERD,
    dekkingsrapport,
)
from bot.notatie import datum_tekst
from bot.settings import REPO
from bot.tijd import vandaag

MAP = REPO / "bot" / "api" / "beheer_catalogus"
NIVEAUS = {"federaal": "Federaal", "vlaams": "Vlaams", "lokaal": "Lokaal"}

router = APIRouter(include_in_schema=False)


@cache
def _sjabloon() -> Any:
    """The page template, made on first use (autoescaped: catalogue texts stay text)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    omgeving = Environment(
        loader=FileSystemLoader(MAP),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    omgeving.filters["datum"] = datum_tekst
    return omgeving.get_template("catalogus.html")


@router.get("/beheer/catalogus", response_class=HTMLResponse)
def catalogus_pagina(
    beheerder: Beheerder,
    sessie: SessieDep,
    diensten: DienstenDep,
    peildatum: Annotated[date | None, Query(description="Rapport op deze datum")] = None,
) -> HTMLResponse:
    dag = peildatum or diensten.vaste_peildatum or vandaag()
    rapport = dekkingsrapport(sessie, dag)
    html = _sjabloon().render(
        r=rapport,
        beheerder=beheerder,
        niveaus=NIVEAUS,
        niet_gecontroleerd=NIET_GECONTROLEERD,
        maanden=MAANDEN_GELDIG,
        min_tests=MIN_TESTGEVALLEN,
        doel=DOEL_PER_CENTRUMSTAD,
    )
    return HTMLResponse(html, headers=BEHEER_KOPPEN)


@router.get("/beheer/catalogus.css")
async def catalogus_stijl() -> FileResponse:
    return FileResponse(MAP / "catalogus.css", media_type="text/css; charset=utf-8")
