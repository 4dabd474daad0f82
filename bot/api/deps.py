"""Typed dependencies: the services built at start-up, handed out per request."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader
from sqlalchemy.orm import Session

from bot.diensten import Diensten
from bot.settings import Settings
from bot.vocabulary import Vocabulaire


async def get_diensten(request: Request) -> Diensten:
    """Async on purpose: a plain function would be run in a worker thread per request."""
    return request.app.state.diensten


DienstenDep = Annotated[Diensten, Depends(get_diensten)]


async def get_vocabulaire(diensten: DienstenDep) -> Vocabulaire:
    return diensten.vocabulaire


VocabulaireDep = Annotated[Vocabulaire, Depends(get_vocabulaire)]


def get_sessie(diensten: DienstenDep) -> Iterator[Session]:
    with diensten.sessiemaker() as sessie:
        yield sessie


SessieDep = Annotated[Session, Depends(get_sessie)]


async def get_instellingen(request: Request) -> Settings:
    return request.app.state.instellingen


InstellingenDep = Annotated[Settings, Depends(get_instellingen)]

SLEUTEL_HEADER = "X-API-Sleutel"
_sleutel_header = APIKeyHeader(
    name=SLEUTEL_HEADER,
    auto_error=False,
    scheme_name="Integratiesleutel",
    description="De integratiesleutel voor verkeer tussen servers (instelling INTEGRATIE_SLEUTEL).",
)

GEEN_SLEUTEL_INGESTELD = (
    "Deze dienst staat uit. De beheerder moet eerst een integratiesleutel instellen "
    "(INTEGRATIE_SLEUTEL)."
)
SLEUTEL_ONTBREEKT = f"Stuur uw integratiesleutel mee in de kop {SLEUTEL_HEADER}."
SLEUTEL_FOUT = "Deze integratiesleutel klopt niet."


async def vereis_integratiesleutel(
    instellingen: InstellingenDep,
    sleutel: Annotated[str | None, Security(_sleutel_header)] = None,
) -> None:
    """For server-to-server endpoints: the ``X-API-Sleutel`` header must hold the key.

    503 when no key is configured (the endpoint is off), 401 when the header is missing,
    403 when it is wrong. Compared in constant time; the key is never logged.
    """
    verwacht = instellingen.integratie_sleutel
    if verwacht is None or not verwacht.get_secret_value():
        raise HTTPException(status_code=503, detail=GEEN_SLEUTEL_INGESTELD)
    if not sleutel:
        raise HTTPException(
            status_code=401, detail=SLEUTEL_ONTBREEKT, headers={"WWW-Authenticate": SLEUTEL_HEADER}
        )
    if not secrets.compare_digest(sleutel.encode(), verwacht.get_secret_value().encode()):
        raise HTTPException(status_code=403, detail=SLEUTEL_FOUT)


IntegratieDep = Depends(vereis_integratiesleutel)


def is_integratiesleutel(instellingen: Settings, sleutel: str | None) -> bool:
    """Is ``sleutel`` the configured integrator key? (False when none is configured.)"""
    verwacht = instellingen.integratie_sleutel
    if verwacht is None or not verwacht.get_secret_value() or not sleutel:
        return False
    return secrets.compare_digest(sleutel.encode(), verwacht.get_secret_value().encode())


IntegratieSleutel = Annotated[str | None, Security(_sleutel_header)]
"""The ``X-API-Sleutel`` header, when an endpoint also takes another login."""
"""Put in a route's ``dependencies=[IntegratieDep]`` (or a router's)."""
