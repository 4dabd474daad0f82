"""Belgian Dutch notation, one place for every layer: amounts in euro, month names, dates.

Pure functions without dependencies, so the rules engine, the vocabulary and the bot's
actions all write "€ 1.800", "1.288,46" and "1 mei 2024" the same way.
"""

from __future__ import annotations

from datetime import date

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
"""Dutch month names, January first."""


def euro(bedrag: float) -> str:
    """Belgian notation: 1.288,46 (no decimals for whole amounts), without the € sign."""
    if float(bedrag).is_integer():
        return f"{int(bedrag):,}".replace(",", ".")
    tekst = f"{bedrag:,.2f}"
    return tekst.replace(",", " ").replace(".", ",").replace(" ", ".")


def euro_afgerond(bedrag: float) -> str:
    """ "€ 1.800": with the sign, rounded to whole euros (how the bot repeats an amount)."""
    return "€ " + euro(round(bedrag))


def datum_tekst(d: date) -> str:
    """ "1 mei 2024"."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"
