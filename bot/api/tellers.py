"""Rate-limit counters behind one small interface (:class:`Teller`).

By default the counters live in the memory of the process (:class:`GeheugenTeller`):
enough for one app process. In the production set (``REDIS_URL``) several app processes
share them in Redis (:class:`RedisTeller`), so a limit holds whichever process serves.

The count is a sliding window of two fixed windows: the requests of the current window
plus those of the previous one, weighted by how much of it still falls within the last
``venster`` seconds. Two numbers per key, whatever the limit.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from redis.exceptions import RedisError

if TYPE_CHECKING:
    from redis.asyncio import Redis

log = logging.getLogger(__name__)

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


_TEL_IN_REDIS = """
local huidig = tonumber(redis.call('GET', KEYS[1]) or '0')
local vorig = tonumber(redis.call('GET', KEYS[2]) or '0')
if huidig + vorig * tonumber(ARGV[1]) + 1 > tonumber(ARGV[2]) then
    return {0, huidig, vorig}
end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return {1, huidig, vorig}
"""
"""Check and count in one step (a Lua script runs atomically in Redis): two processes
cannot both take the last place of a window."""


class RedisTeller:
    """:class:`Teller` in Redis, shared by every app process; the same sliding window as
    :class:`GeheugenTeller`, on the wall clock (the processes share it, not their
    monotonic clocks). A key lives two windows. When Redis cannot be reached, requests go
    through (the limits protect the service; refusing everyone would not)."""

    def __init__(self, redis: Redis, klok: Callable[[], float] = time.time) -> None:
        self.redis = redis
        self.klok = klok
        self._script = redis.register_script(_TEL_IN_REDIS)

    async def tel(self, sleutel: str, maximum: int, venster: float) -> float:
        nu = self.klok()
        nummer = math.floor(nu / venster)
        deel_vorig = 1.0 - (nu / venster - nummer)
        sleutels = [f"rv:teller:{sleutel}:{nummer}", f"rv:teller:{sleutel}:{nummer - 1}"]
        try:
            toegelaten, huidig, vorig = await self._script(
                keys=sleutels, args=[repr(deel_vorig), maximum, math.ceil(2 * venster)]
            )
        except (RedisError, OSError) as fout:
            log.error("De tellers in Redis zijn niet bereikbaar (%s).", type(fout).__name__)
            return 0.0
        if toegelaten:
            return 0.0
        return _wachttijd(int(huidig), int(vorig), maximum, venster, nu - nummer * venster)


def bouw_teller(redis_url: str | None) -> Teller:
    """Counters in Redis when the settings name one (``REDIS_URL``), else in memory.
    Nothing connects here: the first count does."""
    if not redis_url:
        return GeheugenTeller()
    from redis.asyncio import Redis

    return RedisTeller(Redis.from_url(redis_url, socket_timeout=1.0, socket_connect_timeout=1.0))
