"""Limits for the whole app, before a route runs: requests per client address, body size.

Both are ASGI middleware, so they answer before anything is read or parsed: a 429 with
``Retry-After`` when an address sends too much, a 413 when a body is too large (the
``Content-Length`` is checked first; a body without one is read only up to the limit).
The answers are JSON with a Dutch ``detail``, like every other error of the API.
"""

from __future__ import annotations

import ipaddress
import json
import math

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.api.klantadres import Klantadres
from bot.api.tellers import Teller

VENSTER = 60.0
TE_VEEL = "Er komen te veel vragen van uw adres kort na elkaar. Wacht even en probeer dan opnieuw."
NIET_GETELD = frozenset({"/api/v1/gezondheid"})
"""A load balancer's health check is never refused."""
ZONDER_GRENS = ("/api/v1/screening",)
"""Paths with their own size limit (the screening upload: ``screening_max_mb``)."""


def te_groot(max_kb: int) -> str:
    return f"Uw vraag is te groot: hoogstens {max_kb} kB. Stuur minder gegevens tegelijk."


async def _antwoord(
    send: Send, status: int, detail: str, koppen: dict[str, str] | None = None
) -> None:
    inhoud = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    lijst = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(inhoud)).encode()),
        *((k.lower().encode(), v.encode()) for k, v in (koppen or {}).items()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": lijst})
    await send({"type": "http.response.body", "body": inhoud})


def teller_sleutel(adres: str) -> str:
    """The key an address counts under: an IPv6 address by its /64 (one connection of a
    household or office gets a whole /64; counting per address would be easy to dodge)."""
    try:
        ip = ipaddress.ip_address(adres)
    except ValueError:
        return f"adres:{adres}"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return f"adres:{ip.ipv4_mapped}"
        return f"adres:{ipaddress.ip_network(f'{ip}/64', strict=False)}"
    return f"adres:{ip}"


class AdresGrens:
    """ASGI middleware: at most ``maximum`` requests per client address per minute.

    The address (see :mod:`bot.api.klantadres`) is also left in ``request.state.klantadres``
    for routes that count per address themselves."""

    def __init__(self, app: ASGIApp, teller: Teller, maximum: int, adres: Klantadres) -> None:
        self.app = app
        self.teller = teller
        self.maximum = maximum
        self.adres = adres

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        adres = self.adres.van(scope)
        scope.setdefault("state", {})["klantadres"] = adres
        if scope["path"] not in NIET_GETELD:
            wacht = await self.teller.tel(teller_sleutel(adres), self.maximum, VENSTER)
            if wacht:
                await _antwoord(send, 429, TE_VEEL, {"Retry-After": str(math.ceil(wacht))})
                return
        await self.app(scope, receive, send)


class InhoudGrens:
    """ASGI middleware: a request body of more than ``max_kb`` kB gets a 413."""

    def __init__(self, app: ASGIApp, max_kb: int) -> None:
        self.app = app
        self.max_kb = max_kb
        self.grens = max_kb * 1024

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(ZONDER_GRENS):
            await self.app(scope, receive, send)
            return
        koppen = Headers(scope=scope)
        lengte = koppen.get("content-length")
        if lengte is not None:
            if lengte.isdigit() and int(lengte) > self.grens:
                await _antwoord(send, 413, te_groot(self.max_kb))
                return
            await self.app(scope, receive, send)  # the server holds the body to its length
            return
        if "transfer-encoding" not in koppen:  # no body
            await self.app(scope, receive, send)
            return
        # A body in chunks, of unknown length: read it, up to the limit, before the route.
        gelezen: list[Message] = []
        grootte = 0
        while True:
            bericht = await receive()
            gelezen.append(bericht)
            if bericht["type"] != "http.request":
                break
            grootte += len(bericht.get("body", b""))
            if grootte > self.grens:
                await _antwoord(send, 413, te_groot(self.max_kb))
                return
            if not bericht.get("more_body", False):
                break

        async def opnieuw() -> Message:
            return gelezen.pop(0) if gelezen else await receive()

        await self.app(scope, opnieuw, send)
