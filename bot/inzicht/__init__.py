"""Anonymous insight for the city: which rights come up, per municipality and month.

Only counts are stored (``inzicht_telling``): per municipality (NIS code or ``onbekend``),
month (``JJJJ-MM``), right, kind (``waarschijnlijk``, ``mogelijk``, ``gevraagd``) and source
(``gesprek``, ``screening``). No session, no profile, no text, no time finer than a month.
Counts under ``DREMPEL`` are never shown (``bot.inzicht.overzicht``).
"""

from bot.inzicht.gesprek import GETELD_RESULTAAT, tel_gevraagd, tel_resultaat
from bot.inzicht.opslag import (
    BRONNEN,
    ONBEKEND,
    SOORTEN,
    InzichtFout,
    Sleutel,
    lees,
    maand_van,
    tel,
)
from bot.inzicht.overzicht import DREMPEL
from bot.inzicht.screening import tel_screening, tel_screening_veilig

__all__ = [
    "BRONNEN",
    "DREMPEL",
    "GETELD_RESULTAAT",
    "ONBEKEND",
    "SOORTEN",
    "InzichtFout",
    "Sleutel",
    "lees",
    "maand_van",
    "tel",
    "tel_gevraagd",
    "tel_resultaat",
    "tel_screening",
    "tel_screening_veilig",
]
