"""The hand-over of a chat to a social worker ("overdracht"), with the person's consent.

The person gets a short code that can be read aloud; a social worker who logs in redeems it
once in ``/begeleid`` and sees the same profile. Until then the profile is kept encrypted in
the database, under a keyed hash of the code; the row is deleted when the code is redeemed
or when it expires. Nothing of it is logged.
"""

from bot.overdracht.code import maak_code, normaliseer_code, toon_code
from bot.overdracht.fouten import CodeOnbekend, CodeOngeldig, OverdrachtFout
from bot.overdracht.kluis import Kluis, laad_of_maak_sleutel
from bot.overdracht.opslag import Bewaard, Overdrachten
from bot.overdracht.pogingen import Pogingen

__all__ = [
    "Bewaard",
    "CodeOnbekend",
    "CodeOngeldig",
    "Kluis",
    "Overdrachten",
    "OverdrachtFout",
    "Pogingen",
    "laad_of_maak_sleutel",
    "maak_code",
    "normaliseer_code",
    "toon_code",
]
