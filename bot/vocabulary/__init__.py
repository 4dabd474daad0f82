"""The attribute vocabulary: the one source of truth for profile attributes.

The data lives in ``attributen.yaml`` beside this file. Nothing is read at import
time: call :func:`laad_vocabulaire` when the application starts.
"""

from bot.vocabulary.laden import STANDAARD_PAD, laad_vocabulaire
from bot.vocabulary.model import (
    Attribuut,
    AttribuutType,
    GroepKnop,
    GroepSoort,
    InkomensBegrip,
    InkomensSchatting,
    ProfielFout,
    Rubriek,
    Veldfout,
    Vocabulaire,
    Vraaggroep,
    Vrager,
)

__all__ = [
    "STANDAARD_PAD",
    "Attribuut",
    "AttribuutType",
    "GroepKnop",
    "GroepSoort",
    "InkomensBegrip",
    "InkomensSchatting",
    "ProfielFout",
    "Rubriek",
    "Veldfout",
    "Vocabulaire",
    "Vraaggroep",
    "Vrager",
    "laad_vocabulaire",
]
