"""Delete the conversations older than the retention, regularly, while the app runs."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from starlette.concurrency import run_in_threadpool

from bot.gesprekken.opslag import Gesprekopslag, GesprekopslagFout

log = logging.getLogger(__name__)

_KORTST = 1.0
_LANGST = 15 * 60.0


def tussentijd(bewaren: timedelta) -> float:
    """Seconds between two clean-ups: a quarter of the retention, from 1 s to 15 minutes
    (so a conversation is gone at most 15 minutes after its time)."""
    return min(_LANGST, max(_KORTST, bewaren.total_seconds() / 4))


async def ruim_geregeld_op(opslag: Gesprekopslag, bewaren: timedelta) -> None:
    """Runs until cancelled (the app's shutdown). A store that cannot be reached is tried
    again the next time."""
    wacht = tussentijd(bewaren)
    while True:
        try:
            aantal = await run_in_threadpool(opslag.ruim_op)
            if aantal:
                log.info("%d oude gesprekken gewist", aantal)
        except GesprekopslagFout as fout:
            log.warning("%s", fout)
        await asyncio.sleep(wacht)
