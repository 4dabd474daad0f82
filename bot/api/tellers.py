"""Rate-limit counters behind one small interface (:class:`Teller`).

Today the counters live in the memory of the process (:class:`GeheugenTeller`): enough for
one app process. Several app processes behind a load balancer each count for themselves;
a shared store (e.g. Redis: ``INCR`` and ``EXPIRE`` on the two keys of a window) can be
added as another :class:`Teller` without touching the limits that use it.

The count is a sliding window of two fixed windows: the requests of the current window
plus those of the previous one, weighted by how much of it still falls within the last
``venster`` seconds. Two numbers per key, whatever the limit.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Protocol

MAX_SLEUTELS = 10_000
"""Above this many keys, the keys that were idle for a whole window are forgotten."""


class Teller(Protocol):
    async def tel(self, sleutel: str, maximum: int, venster: float) -> float:
        """Count one request of ``sleutel``: 0 when it may go on, else the seconds to wait
        (a refused request does not count)."""
        ...


class GeheugenTeller:
    """:class:`Teller` in the memory of this process."""

    def __init__(self, klok: Callable[[], float] = time.monotonic) -> None:
        self.klok = klok
        self._tellingen: dict[str, tuple[int, int, int]] = {}
        """key -> (number of the current window, its count, the previous window's count)."""

    async def tel(self, sleutel: str, maximum: int, venster: float) -> float:
        return self.tel_nu(sleutel, maximum, venster)

    def tel_nu(self, sleutel: str, maximum: int, venster: float) -> float:
        """:meth:`tel` itself: in memory, nothing needs to wait."""
        nu = self.klok()
        nummer = math.floor(nu / venster)
        if len(self._tellingen) > MAX_SLEUTELS:
            self._tellingen = {s: t for s, t in self._tellingen.items() if t[0] >= nummer - 1}
        vorig_nummer, huidig, vorig = self._tellingen.get(sleutel, (nummer, 0, 0))
        if vorig_nummer != nummer:  # a new window: the old one becomes the previous one
            vorig = huidig if vorig_nummer == nummer - 1 else 0
            huidig = 0
        deel_vorig = 1.0 - (nu / venster - nummer)  # share of the previous window still in
        if huidig + vorig * deel_vorig + 1 > maximum:
            self._tellingen[sleutel] = (nummer, huidig, vorig)
            return _wachttijd(huidig, vorig, maximum, venster, nu - nummer * venster)
        self._tellingen[sleutel] = (nummer, huidig + 1, vorig)
        return 0.0


def _wachttijd(huidig: int, vorig: int, maximum: int, venster: float, verstreken: float) -> float:
    """Seconds until one more request fits (at least 1): until the previous window has
    slid out far enough, or, when the current window alone is full, until the current
    window has become the previous one and slid out far enough in its turn."""
    if huidig <= maximum - 1:
        # huidig + vorig * (1 - t / venster) <= maximum - 1
        nodig = venster * (1.0 - (maximum - 1 - huidig) / vorig) if vorig else 0.0
        return max(nodig - verstreken, 1.0)
    nodig = venster * (1.0 - (maximum - 1) / huidig)  # in the next window, vorig = huidig
    return max(venster - verstreken + nodig, 1.0)
