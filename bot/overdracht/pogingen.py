"""Limits on wrong codes: per client (login and address) and for everyone together.

In memory, per process: a sliding window of the failed attempts. A client with too many
wrong codes waits; when the total is too high, everyone waits (a guessing attack from many
addresses). A right code does not count.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable


class Pogingen:
    def __init__(self, per_client: int, totaal: int, venster: float) -> None:
        self.per_client = per_client
        self.totaal = totaal
        self.venster = venster
        self._fouten: dict[str, deque[float]] = {}
        self._alle: deque[float] = deque()

    def _vers(self, tijden: deque[float], nu: float) -> deque[float]:
        while tijden and tijden[0] <= nu - self.venster:
            tijden.popleft()
        return tijden

    def geblokkeerd(self, clients: Iterable[str], nu: float | None = None) -> bool:
        """Must these clients wait before they try again?"""
        nu = time.monotonic() if nu is None else nu
        if len(self._vers(self._alle, nu)) >= self.totaal:
            return True
        return any(
            len(self._vers(self._fouten.get(c, deque()), nu)) >= self.per_client for c in clients
        )

    def fout(self, clients: Iterable[str], nu: float | None = None) -> None:
        """Count a wrong code for these clients."""
        nu = time.monotonic() if nu is None else nu
        if len(self._fouten) > 10_000:  # forget quiet clients, keep memory bounded
            self._fouten = {
                c: t for c, t in self._fouten.items() if t and t[-1] > nu - self.venster
            }
        for client in clients:
            self._fouten.setdefault(client, deque()).append(nu)
        self._alle.append(nu)
