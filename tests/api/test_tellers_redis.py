"""The rate-limit counters of the production set, in a real Redis: shared by every app
process, and counting the same as the counters in memory."""

from __future__ import annotations

import asyncio
import logging
import uuid

import pytest
from redis.asyncio import Redis

from bot.api.tellers import GeheugenTeller, RedisTeller, bouw_teller


class Klok:
    def __init__(self, nu: float) -> None:
        self.nu = nu

    def __call__(self) -> float:
        return self.nu


def test_twee_processen_delen_een_grens(redis_url: str) -> None:
    async def proef() -> list[float]:
        klok = Klok(1_000_020.0)
        a, b = Redis.from_url(redis_url), Redis.from_url(redis_url)
        een, twee = RedisTeller(a, klok), RedisTeller(b, klok)
        sleutel = f"sessie:{uuid.uuid4().hex}"
        try:
            return [await t.tel(sleutel, 3, 60.0) for t in (een, twee, een, twee)]
        finally:
            await a.aclose()
            await b.aclose()

    uitkomsten = asyncio.run(proef())
    assert uitkomsten[:3] == [0.0, 0.0, 0.0]
    assert uitkomsten[3] >= 1.0, "de vierde vraag in dezelfde minuut wacht, in elk proces"


def test_redis_telt_zoals_het_geheugen(redis_url: str) -> None:
    """The same requests at the same moments: the same answers (a sliding window over two
    fixed windows), over several windows."""
    momenten = [1_000_000.0 + t for t in (0, 5, 10, 30, 59, 61, 62, 70, 90, 119, 125, 181, 300)]

    async def proef() -> tuple[list[float], list[float]]:
        redis = Redis.from_url(redis_url)
        klok = Klok(momenten[0])
        in_redis, in_geheugen = RedisTeller(redis, klok), GeheugenTeller(klok)
        sleutel = f"adres:{uuid.uuid4().hex}"
        uit_redis, uit_geheugen = [], []
        try:
            for moment in momenten:
                klok.nu = moment
                for _ in range(2):
                    uit_redis.append(await in_redis.tel(sleutel, 4, 60.0))
                    uit_geheugen.append(in_geheugen.tel_nu(sleutel, 4, 60.0))
        finally:
            await redis.aclose()
        return uit_redis, uit_geheugen

    uit_redis, uit_geheugen = asyncio.run(proef())
    assert uit_redis == pytest.approx(uit_geheugen)
    assert any(w > 0 for w in uit_redis), "de grens werd ook bereikt"


def test_zonder_redis_gaat_alles_door_en_staat_het_in_het_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Redis down: the limits cannot count, so requests go through (refusing everyone
    would stop the service), and the log says why."""

    async def proef() -> list[float]:
        teller = bouw_teller("redis://127.0.0.1:9/0")  # nothing listens on port 9
        assert isinstance(teller, RedisTeller)
        try:
            return [await teller.tel("sessie:x", 1, 60.0) for _ in range(3)]
        finally:
            await teller.redis.aclose()

    with caplog.at_level(logging.ERROR, logger="bot.api.tellers"):
        assert asyncio.run(proef()) == [0.0, 0.0, 0.0]
    assert "Redis" in caplog.text


def test_zonder_instelling_blijven_de_tellers_in_het_geheugen() -> None:
    assert isinstance(bouw_teller(None), GeheugenTeller)
    assert isinstance(bouw_teller(""), GeheugenTeller)
