"""Words and Dutch stems of a text."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import Stemmer


def woorden(tekst: str) -> list[str]:
    """Lower case words without accents; punctuation separates words."""
    zonder = unicodedata.normalize("NFKD", tekst)
    zonder = "".join(c for c in zonder if not unicodedata.combining(c)).casefold()
    return re.findall(r"[a-z0-9]+", zonder)


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("dutch")


def stam(woord: str) -> str:
    """The Snowball (Dutch) stem: "gehandicapte" and "handicap" give "handicap"."""
    return _stemmer().stemWord(woord)
