"""The rights engine: pure, three-valued evaluation of machine-readable rules.

No database, no HTTP, no globals: it takes a profile, a catalogue and a date and
returns results. Build a catalogue once with :func:`bouw_catalogus`, then call
:func:`evalueer` as often as needed.
"""

from bot.rules.catalogus import ProductZonderRegels, RegelFout, bouw_catalogus
from bot.rules.evaluatie import evalueer, verouderde_parameters
from bot.rules.model import (
    Catalogus,
    Evaluatie,
    Recht,
    RechtUitkomst,
    Status,
    Veroudering,
    VoorwaardeStatus,
    VoorwaardeUitkomst,
    euro,
)
from bot.rules.schema import SchemaFout, valideer_regelbestand
from bot.rules.waarheid import ONBEKEND

__all__ = [
    "ONBEKEND",
    "Catalogus",
    "Evaluatie",
    "ProductZonderRegels",
    "Recht",
    "RechtUitkomst",
    "RegelFout",
    "SchemaFout",
    "Status",
    "Veroudering",
    "VoorwaardeStatus",
    "VoorwaardeUitkomst",
    "bouw_catalogus",
    "euro",
    "evalueer",
    "valideer_regelbestand",
    "verouderde_parameters",
]
