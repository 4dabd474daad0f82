"""Typed dependencies: the services built at start-up, handed out per request."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader, HTTPBasic, HTTPBasicCredentials
from sqlalchemy.orm import Session

from bot.diensten import Diensten
from bot.settings import Settings
from bot.vocabulary import Vocabulaire


async def get_diensten(request: Request) -> Diensten:
    """Async on purpose: a plain function would be run in a worker thread per request.
    Taken once per request: a new catalogue (``bot.herladen``) serves the next one."""
    return request.app.state.herlader.huidige()


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


class BasisLogin(HTTPBasic):
    """HTTP Basic that answers a malformed login (not base64, no colon) in Dutch: FastAPI's
    own answer is "Not authenticated", even with ``auto_error=False``."""

    def __init__(self, *, melding: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.melding = melding

    def make_not_authenticated_error(self) -> HTTPException:
        vraag = f'Basic realm="{self.realm}", charset="UTF-8"' if self.realm else "Basic"
        return HTTPException(
            status_code=401, detail={"detail": self.melding}, headers={"WWW-Authenticate": vraag}
        )


GEEN_BEHEERDERS = "Deze pagina staat uit. De beheerder moet eerst logins instellen (BEHEERDERS)."
BEHEER_LOGIN_NODIG = "Log in met uw login en wachtwoord van de stad."

_beheer_login = BasisLogin(
    melding=BEHEER_LOGIN_NODIG,
    auto_error=False,
    scheme_name="Beheerder",
    description="Login van een medewerker van de stad (instelling BEHEERDERS), voor /beheer.",
    realm="Rechtenverkenner beheer",
)
_BEHEER_VRAAG = {"WWW-Authenticate": 'Basic realm="Rechtenverkenner beheer", charset="UTF-8"'}


async def vereis_beheerder(
    instellingen: InstellingenDep,
    login: Annotated[HTTPBasicCredentials | None, Security(_beheer_login)] = None,
) -> str:
    """For the read-only city pages under ``/beheer``: HTTP Basic against ``BEHEERDERS``.

    503 when no login is configured, 401 (with a browser login prompt) when the login is
    missing or wrong. Compared in constant time; returns the login name.
    """
    beheerders = instellingen.beheerders
    if not beheerders:
        raise HTTPException(status_code=503, detail=GEEN_BEHEERDERS)
    if login is not None:
        verwacht = beheerders.get(login.username)
        gegeven = login.password.encode()
        if verwacht is not None and secrets.compare_digest(
            gegeven, verwacht.get_secret_value().encode()
        ):
            return login.username
        # Same work for an unknown login, so timing does not tell which logins exist.
        secrets.compare_digest(gegeven, gegeven)
    raise HTTPException(status_code=401, detail=BEHEER_LOGIN_NODIG, headers=_BEHEER_VRAAG)


Beheerder = Annotated[str, Depends(vereis_beheerder)]
"""The logged-in city staff member (login name); put it in a ``/beheer`` route's signature."""

BEHEER_KOPPEN = {
    # Strict: only our own style sheet; no scripts, no inline styles, no frames.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
"""Headers of every page under ``/beheer``: read by city staff only, never kept or framed."""
