"""POST /api/v1/screening — many pseudonymised households at once, for integrators.

Needs the integrator key (``X-API-Sleutel``). The body is CSV or JSON (lines or one array),
up to ``Settings.screening_max_mb``; the answer streams as JSON lines: one per row, then a
summary line with the counts per right. Nothing of the rows is stored or logged.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import Engine

from bot.api.deps import (
    GEEN_SLEUTEL_INGESTELD,
    SLEUTEL_FOUT,
    SLEUTEL_ONTBREEKT,
    DienstenDep,
    InstellingenDep,
    IntegratieDep,
)
from bot.api.schemas import foutantwoord
from bot.api.schemas_screening import ScreeningRij, ScreeningSlot
from bot.inzicht.screening import tel_screening_veilig
from bot.screening.beoordeling import MIN_WAARDE, Opties
from bot.screening.bestanden import csv_rijen, json_rijen
from bot.screening.invoer import InvoerFout
from bot.screening.motor import Motor
from bot.screening.telling import Telling
from bot.screening.uitvoer import json_regel
from bot.screening.verwerking import Rij, screen_rijen
from bot.tijd import vandaag

GEEN_CSV_OF_JSON = "Stuur CSV (text/csv) of JSON (application/json of application/x-ndjson)."

REGELMODELLEN = [ScreeningRij, ScreeningSlot]
"""The lines of the streamed answer, described in the OpenAPI components."""

router = APIRouter(tags=["screening"])

NDJSON = "application/x-ndjson"
_CSV_SOORTEN = ("text/csv", "application/csv")
_JSON_SOORTEN = ("application/json", "application/x-ndjson", "application/jsonl")


class NdjsonAntwoord(StreamingResponse):
    media_type = NDJSON


_PER_KEER = 100
"""Rows per piece of the streamed answer."""

_CSV_VOORBEELD = (
    "referentie,gemeente,leeftijd,samenwonend_met_partner,aantal_kinderen,woonsituatie,"
    "netto_maandinkomen_gezin,werksituatie,verblijfsstatus,ontvangt_leefloon\n"
    "h-001,Gent,34,nee,0,huurder_privaat,700,zonder_inkomen,belg,nee\n"
    "h-002,44021,71,ja,0,eigenaar,1650,gepensioneerd,belg,nee\n"
)
_JSON_VOORBEELD = [
    {
        "referentie": "h-001",
        "gemeente": "Gent",
        "leeftijd": 34,
        "aantal_kinderen": 0,
        "netto_maandinkomen_gezin": 700,
        "werksituatie": "zonder_inkomen",
        "ontvangt_leefloon": False,
    }
]
_ANTWOORD_VOORBEELD = (
    '{"rij":2,"referentie":"h-001","waarschijnlijk":[{"id":"leefloon","naam":"Leefloon",'
    '"bedrag":1314.2,"waarde_per_jaar":15770.4,"via":[]}],"mogelijk":[{"id":'
    '"vlaamse-huurpremie","naam":"Vlaamse huurpremie","waarde_per_jaar":2346.48,'
    '"na_te_gaan":["U staat minstens 4 jaar zonder onderbreking op de wachtlijst voor een '
    'sociale woning."],"vragen":["jaren_op_wachtlijst_sociale_woning"]}],"al_ontvangen":[],'
    '"fout":null}\n'
    '{"rij":3,"referentie":"h-002","waarschijnlijk":[],"mogelijk":[],"al_ontvangen":[],'
    "\"fout\":\"Rij 3, kolom 'leeftijd': 'abc' is geen geheel getal.\"}\n"
    '{"samenvatting":{"datum":"2025-06-01","rijen":2,"fouten":1,"per_recht":[{"id":'
    '"leefloon","naam":"Leefloon","waarschijnlijk":1,"mogelijk":0,"al_ontvangen":0}]}}\n'
)


@router.post(
    "/screening",
    dependencies=[IntegratieDep],
    summary="Screen veel huishoudens tegelijk (integratiesleutel nodig)",
    response_class=Response,  # the answer streams NdjsonAntwoord; errors are JSON
    responses={
        200: {
            "description": (
                "JSON lines: één regel per rij (zie ScreeningRij), dan één slotregel met de "
                "telling per recht (zie ScreeningSlot)."
            ),
            "content": {
                NDJSON: {
                    "schema": {"type": "string", "description": "JSON lines (UTF-8)"},
                    "example": _ANTWOORD_VOORBEELD,
                }
            },
        },
        401: foutantwoord("De kop X-API-Sleutel ontbreekt", {"detail": SLEUTEL_ONTBREEKT}),
        403: foutantwoord("De integratiesleutel klopt niet", {"detail": SLEUTEL_FOUT}),
        413: foutantwoord(
            "Het bestand is te groot",
            {"detail": "Het bestand is te groot: hoogstens 50 MB. Stuur het in delen."},
        ),
        415: foutantwoord("Geen CSV of JSON", {"detail": GEEN_CSV_OF_JSON}),
        422: foutantwoord(
            "Onbekende kolom of onbekend recht",
            {"detail": "Het recht 'leeflon' bestaat niet."},
        ),
        503: foutantwoord(
            "Er is geen integratiesleutel ingesteld", {"detail": GEEN_SLEUTEL_INGESTELD}
        ),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": (
                "Eén huishouden per rij. De kolommen (of sleutels) zijn de gegevens van GET "
                "/api/v1/attributen, plus 'referentie' voor uw eigen nummer (nooit een naam). "
                "Een lege cel is niet gegeven; '?' betekent 'weet ik niet'. Ja/nee als ja of "
                "nee; bedragen als 1250,50 of 1250.50."
            ),
            "content": {
                "text/csv": {"schema": {"type": "string"}, "example": _CSV_VOORBEELD},
                "application/json": {
                    "schema": {"type": "array", "items": {"type": "object"}},
                    "example": _JSON_VOORBEELD,
                },
                "application/x-ndjson": {
                    "schema": {"type": "string"},
                    "example": '{"referentie":"h-001","leeftijd":34}\n',
                },
            },
        }
    },
)
async def screening(
    request: Request,
    diensten: DienstenDep,
    instellingen: InstellingenDep,
    recht: Annotated[
        str | None, Query(description="Zoek alleen naar dit recht (id), bv. leefloon")
    ] = None,
    datum: Annotated[date | None, Query(description="Peildatum; standaard vandaag")] = None,
    min_waarde: Annotated[
        float, Query(ge=0, description="Toon een mogelijk recht vanaf deze waarde per jaar (euro)")
    ] = MIN_WAARDE,
) -> NdjsonAntwoord:
    """Geeft per huishouden de rechten die waarschijnlijk zijn maar nog niet ontvangen
    worden, en de mogelijke rechten met wat na te gaan is; op het einde de telling per recht.

    Een rij met een fout stopt de rest niet: die rij krijgt een `fout`. Er wordt niets
    bewaard of gelogd van de rijen; alleen de totalen per gemeente en recht tellen mee in het
    anonieme inzicht van de stad. De grenzen van de chat gelden hier niet; wel een
    grootste bestand (instelling SCREENING_MAX_MB).
    """
    soort = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if soort not in _CSV_SOORTEN and soort not in _JSON_SOORTEN:
        raise HTTPException(
            status_code=415,
            detail=GEEN_CSV_OF_JSON,
        )
    if recht is not None and diensten.catalogus.recht(recht) is None:
        raise HTTPException(status_code=422, detail=f"Het recht '{recht}' bestaat niet.")
    inhoud = await _lees_begrensd(request, instellingen.screening_max_mb)
    motor = Motor(diensten.vocabulaire, diensten.catalogus, diensten.los_gemeente_op)
    try:
        if soort in _CSV_SOORTEN:
            tekst = inhoud.decode("utf-8-sig")
            rijen = csv_rijen(io.StringIO(tekst, newline=""), motor.vocabulaire)
        else:
            rijen = json_rijen(inhoud)
    except UnicodeDecodeError:
        raise HTTPException(status_code=422, detail="Het bestand is geen UTF-8-tekst.") from None
    except InvoerFout as fout:
        raise HTTPException(status_code=422, detail=str(fout)) from None
    opties = Opties(peildatum=datum or diensten.peildatum(), recht=recht, min_waarde=min_waarde)
    return NdjsonAntwoord(_antwoord(rijen, motor, opties, diensten.engine))


async def _lees_begrensd(request: Request, max_mb: int) -> bytes:
    """The body, but no more than ``max_mb`` megabytes (413 as soon as it is more)."""
    grens = max_mb * 1024 * 1024
    lengte = request.headers.get("content-length", "")
    if lengte.isdigit() and int(lengte) > grens:
        raise HTTPException(status_code=413, detail=_te_groot(max_mb))
    delen: list[bytes] = []
    grootte = 0
    async for deel in request.stream():
        grootte += len(deel)
        if grootte > grens:
            raise HTTPException(status_code=413, detail=_te_groot(max_mb))
        delen.append(deel)
    return b"".join(delen)


def _te_groot(max_mb: int) -> str:
    return f"Het bestand is te groot: hoogstens {max_mb} MB. Stuur het in delen."


def _antwoord(
    rijen: Iterator[Rij], motor: Motor, opties: Opties, engine: Engine
) -> Iterator[bytes]:
    """Runs in a worker thread (a plain generator), a piece of rows at a time. At the end,
    the run's totals per municipality go to the city's anonymous insight (never a row)."""
    telling = Telling({r.id: r.naam for r in motor.catalogus.rechten})
    stuk: list[bytes] = []
    for verwerkt in screen_rijen(rijen, motor, opties):
        telling.tel(verwerkt)
        stuk.append(verwerkt.regel)
        if len(stuk) >= _PER_KEER:
            yield b"".join(stuk)
            stuk.clear()
    tel_screening_veilig(engine, telling.per_gemeente, vandaag())
    stuk.append(json_regel(telling.samenvatting(opties.peildatum.isoformat())))
    yield b"".join(stuk)
