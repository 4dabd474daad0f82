"""The printable overview of an evaluation: what it shows (``model``) and its PDF (``pdf``)."""

from bot.overzicht.model import (
    MAX_REFERENTIE,
    LeefloonAdvies,
    Onderzoekspunt,
    Overzicht,
    RechtOpPapier,
    bouw_overzicht,
)
from bot.overzicht.pdf import maak_pdf, overzicht_html

__all__ = [
    "MAX_REFERENTIE",
    "LeefloonAdvies",
    "Onderzoekspunt",
    "Overzicht",
    "RechtOpPapier",
    "bouw_overzicht",
    "maak_pdf",
    "overzicht_html",
]
