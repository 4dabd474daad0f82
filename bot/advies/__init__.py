"""The automatic leefloon advice (issue 12): rules as data (``leefloon.yaml`` beside this
file, checked against ``adviesbestand.schema.json``), a pure advice function.

Nothing is read at import time: the app loads the rules at start-up (``bot/diensten.py``).
"""

from bot.advies.laden import LEEFLOON_PAD, AdviesFout, adviesregels_uit_tekst, laad_adviesregels
from bot.advies.leefloon import geef_advies
from bot.advies.model import Advies, AdviesRegels, LeefloonAdvies, Onderzoekspunt

__all__ = [
    "LEEFLOON_PAD",
    "Advies",
    "AdviesFout",
    "AdviesRegels",
    "LeefloonAdvies",
    "Onderzoekspunt",
    "adviesregels_uit_tekst",
    "geef_advies",
    "laad_adviesregels",
]
