"""Security headers on every answer of the app: pages, API answers, errors, static files.

``Content-Security-Policy``: only our own scripts, styles, images and API; no inline script
or style (the pages load theirs from files; the widget uses a constructed style sheet);
``frame-ancestors`` is our own site plus the sites in ``toegestane_origins``.
``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: strict-origin-when-cross-origin``.
A route that sets its own header keeps it (the ``/beheer`` pages are stricter).

The API documentation (``/docs``) is FastAPI's page with Swagger UI served by the app
itself (``fastapi-offline``: no CDN, nothing fetched elsewhere), started with an inline
script: it gets its own policy, with the hash of that script, and inline styles (Swagger UI
needs them).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)

DOCUMENTATIE = frozenset({"/docs", "/docs/oauth2-redirect"})
"""FastAPI's own documentation pages (they start with an inline script)."""
DOCUMENTATIEBESTANDEN = "/docs-bestanden"
"""Where the app serves Swagger UI's own files."""


class OngeldigeOrigin(ValueError):
    """A value of ``toegestane_origins`` that is not an origin; the message is Dutch."""


def frame_ancestors(origins: Iterable[str]) -> str:
    """``'self'`` and every allowed site, checked: a site is ``https://host[:port]``."""
    bronnen = ["'self'"]
    for origin in origins:
        schoon = origin.rstrip("/")
        if not _ORIGIN.match(schoon):
            raise OngeldigeOrigin(
                f"Instelling TOEGESTANE_ORIGINS: '{origin}' is geen website zoals "
                "https://www.gent.be (schema en naam, zonder pad)."
            )
        if schoon not in bronnen:
            bronnen.append(schoon)
    return " ".join(bronnen)


def inhoudsbeleid(origins: Iterable[str]) -> str:
    """The Content-Security-Policy of our pages and answers."""
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        f"form-action 'self'; frame-ancestors {frame_ancestors(origins)}"
    )


def documentatiebeleid(pagina: bytes) -> str:
    """The policy of a documentation page: our own files and the hashes of its inline scripts."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s).digest()).decode()}'"
        for s in _INLINE_SCRIPT.findall(pagina)
    )
    return (
        f"default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src blob:; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


def vaste_koppen(origins: Iterable[str]) -> dict[str, str]:
    """The headers every answer gets (unless the route set its own)."""
    return {
        "Content-Security-Policy": inhoudsbeleid(origins),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }


class Veiligheidskoppen:
    """ASGI middleware: puts :func:`vaste_koppen` on every HTTP answer."""

    def __init__(self, app: ASGIApp, koppen: dict[str, str]) -> None:
        self.app = app
        self.koppen = koppen

    def _zet(self, bericht: Message, beleid: str | None = None) -> None:
        koppen = MutableHeaders(scope=bericht)
        for naam, waarde in self.koppen.items():
            if naam not in koppen:
                koppen[naam] = waarde
        if beleid is not None:
            koppen["Content-Security-Policy"] = beleid

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] in DOCUMENTATIE:
            await self._documentatie(scope, receive, send)
            return

        async def verstuur(bericht: Message) -> None:
            if bericht["type"] == "http.response.start":
                self._zet(bericht)
            await send(bericht)

        await self.app(scope, receive, verstuur)

    async def _documentatie(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A small generated page: held until complete, to hash its inline scripts."""
        begin: Message | None = None
        delen: list[bytes] = []

        async def verstuur(bericht: Message) -> None:
            nonlocal begin
            if bericht["type"] == "http.response.start":
                begin = bericht
                return
            if bericht["type"] != "http.response.body" or begin is None:
                await send(bericht)
                return
            delen.append(bericht.get("body", b""))
            if bericht.get("more_body", False):
                return
            pagina = b"".join(delen)
            self._zet(begin, documentatiebeleid(pagina))
            await send(begin)
            await send({"type": "http.response.body", "body": pagina})

        await self.app(scope, receive, verstuur)
