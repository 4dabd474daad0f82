"""Proactive screening: many pseudonymised households at once, "van één recht naar meerdere
personen". Per household the rights that are waarschijnlijk but not yet received, the
valuable mogelijk ones with what to check, and per right the count.

Nothing of the rows is stored or logged: rows go in, results go out.
"""

from bot.screening.beoordeling import Opties, screen_profiel
from bot.screening.invoer import (
    CelLezer,
    InvoerFout,
    RijFout,
    controleer_kolommen,
    profiel_uit_rij,
)
from bot.screening.motor import Motor
from bot.screening.telling import Telling

__all__ = [
    "CelLezer",
    "InvoerFout",
    "Motor",
    "Opties",
    "RijFout",
    "Telling",
    "controleer_kolommen",
    "profiel_uit_rij",
    "screen_profiel",
]
