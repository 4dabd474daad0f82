"""The FastAPI application: routers, Dutch error bodies, start-up of the services."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.afvalophaling import na_het_opstarten
from bot.api import voorbeelden
from bot.api.grenzen import AdresGrens, InhoudGrens
from bot.api.klantadres import Klantadres, lees_proxies
from bot.api.openapi import houd_null_in_voorbeelden, voeg_grensfouten_toe, voeg_schemas_toe
from bot.api.routes import (
    advies,
    attributen,
    begeleid,
    beheer_catalogus,
    beheer_inzicht,
    chat,
    contactpunten,
    demo,
    evaluatie,
    gemeenten,
    overdracht,
    overzicht,
    rechten,
    screening,
)
from bot.api.schemas import met_voorbeeld
from bot.api.tellers import RedisTeller, bouw_teller
from bot.api.veiligheidskoppen import DOCUMENTATIEBESTANDEN, Veiligheidskoppen, vaste_koppen
from bot.chat.vangnet import bouw_vangnet
from bot.diensten import Diensten, bouw_diensten
from bot.gesprekken.opruimen import ruim_geregeld_op
from bot.gesprekken.opslag import bouw_gesprekopslag
from bot.herladen import Herlader
from bot.settings import Settings

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
DATABANK_WEG = {
    "detail": "De databank is even niet bereikbaar. Probeer het over enkele minuten opnieuw."
}


def create_app(settings: Settings | None = None, diensten: Diensten | None = None) -> FastAPI:
    """Build the app. Services (DB, catalogue, engine) are built at start-up, not at import."""

    instellingen = settings or Settings()
    teller = bouw_teller(instellingen.redis_url)  # per session and per client address

    @asynccontextmanager
    async def levensduur(app: FastAPI) -> AsyncIterator[None]:
        app.state.diensten = diensten or bouw_diensten(instellingen)
        # a new catalogue in the database is taken in while serving (not for services a
        # test hands in: those are not in a database the app may rebuild from)
        app.state.herlader = Herlader(
            app.state.diensten,
            lambda: bouw_diensten(instellingen),
            instellingen.catalogus_controle_s if diensten is None else 0,
        )
        app.state.chat = chat.ChatDiensten(
            instellingen.rasa_url,
            instellingen.toegestane_origins,
            instellingen.chat_max_tekens,
            instellingen.chat_max_per_minuut,
            bouw_vangnet(app.state.diensten.gemeenten, app.state.diensten.contactpunten),
            instellingen.rasa_timeout,
            instellingen.rasa_token.get_secret_value() if instellingen.rasa_token else None,
            teller,
            bouw_gesprekopslag(instellingen.gesprekken_url, instellingen.gesprekken_bewaren),
        )
        opruimen = asyncio.create_task(
            ruim_geregeld_op(app.state.chat.gesprekken, instellingen.gesprekken_bewaren)
        )
        app.state.overdracht = overdracht.bouw_overdracht(
            instellingen, app.state.diensten.sessiemaker
        )
        try:
            with na_het_opstarten():  # everything is built: see bot/afvalophaling.py
                yield
        finally:
            opruimen.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await opruimen
            await app.state.chat.sluit()
            if isinstance(teller, RedisTeller):
                await teller.redis.aclose()
            app.state.herlader.sluit()

    app = FastAPIOffline(  # Swagger UI from our own files, not from a CDN
        static_url=DOCUMENTATIEBESTANDEN,
        redoc_url=None,  # ReDoc shows a logo from its own CDN; Swagger UI at /docs suffices
        swagger_ui_parameters={"validatorUrl": None},  # no badge from validator.swagger.io
        title="Rechtenverkenner",
        version="1.0.0",
        summary="Welke sociale rechten heeft u waarschijnlijk? Federaal, Vlaams en lokaal.",
        description=(
            "Een catalogus van sociale rechten met machineleesbare voorwaarden. "
            "Stuur een (gedeeltelijk) profiel naar `POST /api/v1/evaluatie` en krijg per "
            "recht de status (waarschijnlijk, mogelijk, niet, niet gecontroleerd), de uitleg "
            "en de volgende nuttige vraag. Er worden geen persoonsgegevens bewaard of gelogd."
        ),
        lifespan=levensduur,
    )
    app.state.instellingen = instellingen  # read by dependencies (e.g. the integrator key)
    for module in (
        attributen,
        gemeenten,
        contactpunten,
        rechten,
        evaluatie,
        advies,
        overzicht,
        chat,
        screening,
        overdracht,
    ):
        app.include_router(module.router, prefix=API_PREFIX)
    # Middleware, innermost first: the body size, the limit per address, CORS (so the
    # widget on another site can read a 429), and the security headers on every answer.
    app.add_middleware(InhoudGrens, max_kb=instellingen.max_inhoud_kb)
    app.add_middleware(
        AdresGrens,
        teller=teller,
        maximum=instellingen.max_per_adres_per_minuut,
        adres=Klantadres(lees_proxies(instellingen.vertrouwde_proxies)),
    )
    # The chat widget may be embedded on the allowed sites (cross-origin JSON needs CORS).
    app.add_middleware(
        CORSMiddleware,
        allow_origins=instellingen.toegestane_origins,
        allow_methods=["GET", "POST", "DELETE"],
        allow_headers=["Content-Type"],  # no Authorization: redeeming is for our own page
    )
    koppen = vaste_koppen(instellingen.toegestane_origins)
    app.state.veiligheidskoppen = koppen  # also on the 500 answer (made outside middleware)
    app.add_middleware(Veiligheidskoppen, koppen=koppen)
    demo.voeg_toe(app)
    begeleid.voeg_toe(app)
    app.include_router(beheer_catalogus.router)  # /beheer/catalogus (login BEHEERDERS)
    app.include_router(beheer_inzicht.router)  # /beheer/inzicht (login BEHEERDERS)
    _voeg_foutafhandeling_toe(app)
    voeg_schemas_toe(app, screening.REGELMODELLEN)
    voeg_grensfouten_toe(app, instellingen.max_inhoud_kb)
    houd_null_in_voorbeelden(app)

    @app.get(
        "/api/v1/gezondheid",
        tags=["beheer"],
        responses={200: met_voorbeeld(voorbeelden.GEZONDHEID, "De dienst draait")},
        summary="Draait de dienst?",
    )
    async def gezondheid() -> dict[str, str]:
        return {"status": "ok"}

    return app


_VERTALING = {
    "missing": "Dit veld ontbreekt.",
    "json_invalid": "De inhoud is geen geldige JSON.",
    "dict_type": "Verwacht een object met velden.",
    "list_type": "Verwacht een lijst.",
    "string_type": "Verwacht tekst.",
    "date_from_datetime_parsing": "Geef een datum als JJJJ-MM-DD.",
    "date_parsing": "Geef een datum als JJJJ-MM-DD.",
    "date_type": "Geef een datum als JJJJ-MM-DD.",
    "int_parsing": "Verwacht een geheel getal.",
    "extra_forbidden": "Dit veld kennen we niet.",
}


def _veld(locatie: tuple[Any, ...]) -> str:
    delen = [str(d) for d in locatie if d not in ("body", "query", "path")]
    return ".".join(delen) or "(inhoud)"


def _voeg_foutafhandeling_toe(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def ongeldige_vraag(request: Request, fout: RequestValidationError) -> JSONResponse:
        fouten = [
            {
                "veld": _veld(tuple(e.get("loc", ()))),
                "bericht": _VERTALING.get(e.get("type", ""), "Deze waarde klopt niet."),
            }
            for e in fout.errors()
        ]
        return JSONResponse(
            status_code=422, content={"detail": "De vraag klopt niet.", "fouten": fouten}
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_fout(request: Request, fout: StarletteHTTPException) -> JSONResponse:
        if isinstance(fout.detail, dict):
            inhoud = fout.detail
        elif fout.status_code == 404 and fout.detail == "Not Found":
            inhoud = {"detail": "Deze pagina bestaat niet."}
        elif fout.status_code == 405:
            inhoud = {"detail": "Deze methode is hier niet toegelaten."}
        else:
            inhoud = {"detail": str(fout.detail)}
        return JSONResponse(status_code=fout.status_code, content=inhoud, headers=fout.headers)

    @app.exception_handler(DBAPIError)
    async def databank_weg(request: Request, fout: DBAPIError) -> JSONResponse:
        """The database went away (or hangs): a passing fault, not a bug."""
        weg = isinstance(fout, (OperationalError, InterfaceError)) or fout.connection_invalidated
        if not weg:
            return await onverwachte_fout(request, fout)
        log.warning("Databank niet bereikbaar bij %s %s", request.method, request.url.path)
        return JSONResponse(status_code=503, content=DATABANK_WEG, headers={"Retry-After": "60"})

    @app.exception_handler(Exception)
    async def onverwachte_fout(request: Request, fout: Exception) -> JSONResponse:
        log.error("Onverwachte fout bij %s %s: %s", request.method, request.url.path, type(fout))
        return JSONResponse(
            status_code=500,
            content={"detail": "Er ging iets mis aan onze kant. Probeer het later opnieuw."},
            headers=request.app.state.veiligheidskoppen,
        )
