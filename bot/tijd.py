"""Today, in Belgium: the one clock every layer asks for a date.

The service is Belgian; a server may run on UTC. Between 23:00 and midnight UTC (22:00 in
summer) ``date.today()`` on such a server is still yesterday in Brussels, so a promise made
by the bot ("tot en met 14 december") and the date the code really expires on would differ
by a day. Every "today" therefore comes from here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

TIJDZONE = ZoneInfo("Europe/Brussels")
"""Belgian time, with summer time."""


def vandaag(nu: datetime | None = None) -> date:
    """Today's date in Belgium (at ``nu``, an aware datetime; now if not given)."""
    return (nu or datetime.now(UTC)).astimezone(TIJDZONE).date()
