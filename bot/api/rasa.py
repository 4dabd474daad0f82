"""The client of Rasa's HTTP API: one or more Rasa replicas, used in turn.

In the production set several Rasa processes share their conversations (the tracker store
in PostgreSQL, Rasa's lock store in Redis), so any replica can serve any turn. The app
spreads the requests over them (round-robin) and skips a replica that does not take the
connection: a replica that stops mid-conversation costs nothing. A replica that took the
request but does not answer in time is not asked again: the message may have been handled.
"""

from __future__ import annotations

import itertools
from typing import Any

import httpx


class RasaReplicas:
    """``rasa_url``: one URL, or several separated by commas."""

    def __init__(self, rasa_url: str, timeout: float) -> None:
        urls = [u.strip().rstrip("/") for u in rasa_url.split(",") if u.strip()]
        if not urls:
            raise ValueError("RASA_URL is leeg: geef het adres van minstens één Rasa-server.")
        self.clients = [httpx.AsyncClient(base_url=u, timeout=timeout) for u in urls]
        self._beurt = itertools.cycle(range(len(self.clients)))

    async def request(self, methode: str, pad: str, **kwargs: Any) -> httpx.Response:
        """The answer of the next replica that takes the connection; the last error when
        none does."""
        eerste = next(self._beurt)
        fout: httpx.HTTPError | None = None
        for stap in range(len(self.clients)):
            client = self.clients[(eerste + stap) % len(self.clients)]
            try:
                return await client.request(methode, pad, **kwargs)
            except (httpx.ConnectError, httpx.ConnectTimeout) as f:
                fout = f  # not reached: the next replica may take it
        assert fout is not None
        raise fout

    async def get(self, pad: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", pad, **kwargs)

    async def post(self, pad: str, **kwargs: Any) -> httpx.Response:
        return await self.request("POST", pad, **kwargs)

    async def aclose(self) -> None:
        for client in self.clients:
            await client.aclose()
