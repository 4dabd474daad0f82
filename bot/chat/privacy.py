"""Remove personal identifiers from a chat message before anything else sees it.

The bot never needs them and must not keep them: rijksregisternummers (and BIS numbers),
bank account numbers (IBAN), identity card numbers, e-mail addresses and phone
numbers (Belgian mobile and landline, also with +32 or 0032). Amounts ("1.450 euro"),
postcodes, ages, years and dates of birth ("30/07/1985") are not identifiers and stay.

:func:`verwijder_persoonsgegevens` gives the cleaned text and which kinds were removed;
never the removed values themselves, so they cannot end up in a log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from bot.chat.gegevens import fout_op, lees_gegevens


class Soort(StrEnum):
    RIJKSREGISTERNUMMER = "rijksregisternummer"
    REKENINGNUMMER = "rekeningnummer"
    EMAIL = "email"
    TELEFOON = "telefoon"
    KAARTNUMMER = "kaartnummer"
    """123-4567890-12: the number of an identity card (or an old Belgian account number)."""


_SEP = r"[ ./-]?"
"""One optional separator between groups of digits: a space, point, slash or dash."""
_VOOR = r"(?<![\w@+])"
_NA = r"(?![\w@]|[.,/-]\d)"
"""Not inside a longer number or word (a following ",50" or "-12" would be part of it)."""

_PATRONEN: tuple[tuple[Soort, re.Pattern[str]], ...] = (
    (Soort.EMAIL, re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}", re.UNICODE)),
    (
        Soort.REKENINGNUMMER,
        # IBAN: two letters, two check digits, then groups of four letters or digits (after
        # the bank's code each with a digit, so a word after the number stays).
        re.compile(
            _VOOR
            + r"[A-Za-z]{2}\d{2}[ ]?[A-Za-z0-9]{4}"
            + r"(?:[ ]?(?=[A-Za-z]{0,3}\d)[A-Za-z0-9]{4}){1,6}(?:[ ]?\d{1,4})?"
            + _NA
        ),
    ),
    # The rijksregisternummer (YY.MM.DD-XXX.CC, 11 digits), before the phone numbers: one
    # that starts with 0 (born 2000-2009) must not be taken for a phone number.
    (
        Soort.RIJKSREGISTERNUMMER,
        re.compile(_VOOR + rf"\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{2}}[ .-]?\d{{3}}{_SEP}\d{{2}}" + _NA),
    ),
    # The number of an identity card, 123-4567890-12 (so were old Belgian account numbers).
    (Soort.KAARTNUMMER, re.compile(_VOOR + r"\d{3}[ -]\d{7}[ -]\d{2}" + _NA)),
    (
        Soort.TELEFOON,
        re.compile(
            _VOOR
            + r"(?:(?:\+|00)[ ]?32[ ./-]?(?:\(0\)[ ]?)?|0)"  # +32, 0032, +32 (0) or 0
            + r"(?:"
            + rf"4\d{{2}}(?:{_SEP}\d{{2}}){{3}}"  # mobile 0475 12 34 56
            + rf"|4\d{{2}}{_SEP}\d{{3}}{_SEP}\d{{3}}"  # mobile 0475 123 456
            + rf"|\d{_SEP}\d{{3}}{_SEP}\d{{2}}{_SEP}\d{{2}}"  # landline 02 123 45 67
            + rf"|\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{2}}"  # landline 050 12 34 56
            + r")"
            + _NA
        ),
    ),
)

_MIN_CIJFERS = {Soort.REKENINGNUMMER: 10}
"""An IBAN has at least 10 digits (a Belgian one 16)."""

_RESTEN = re.compile(r"[ \t]*([:;,])(?=[ \t]*(?:[:;,.!?]|$))|[ \t]{2,}")


@dataclass(frozen=True)
class Opgeschoond:
    """A message without identifiers, and which kinds were removed (never the values)."""

    tekst: str
    soorten: frozenset[Soort]

    @property
    def verwijderd(self) -> bool:
        return bool(self.soorten)

    @property
    def leeg(self) -> bool:
        """Nothing left to say: only punctuation or spaces remain."""
        return not any(c.isalnum() for c in self.tekst)


def _netjes(tekst: str) -> str:
    """Spaces and dangling punctuation that the removal left behind, tidied."""
    tekst = _RESTEN.sub(lambda m: "" if m.group(1) else " ", tekst)
    tekst = re.sub(r"[ \t]+([.,!?;:])", r"\1", tekst)
    return "\n".join(regel.strip() for regel in tekst.split("\n")).strip()


def verwijder_persoonsgegevens(tekst: str) -> Opgeschoond:
    """``tekst`` without rijksregisternummers, account numbers, e-mail addresses and phone
    numbers. A text without any stays exactly as it was."""
    soorten: set[Soort] = set()
    for soort, patroon in _PATRONEN:

        def weg(treffer: re.Match[str], soort: Soort = soort) -> str:
            if sum(c.isdigit() for c in treffer.group()) < _MIN_CIJFERS.get(soort, 0):
                return treffer.group()  # "ab12 cdef ghij" is no account number
            soorten.add(soort)
            return " "

        tekst = patroon.sub(weg, tekst)
    if not soorten:
        return Opgeschoond(tekst, frozenset())
    return Opgeschoond(_netjes(tekst), frozenset(soorten))


# -- what the chat says about it (bot/vocabulary/privacy.yaml) -----------------------------

STANDAARD_PAD = Path(__file__).resolve().parents[1] / "vocabulary" / "privacy.yaml"
_Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]


class PrivacyTeksten(BaseModel):
    """The texts of ``privacy.yaml``. ``{wat}`` is what was removed ("uw telefoonnummer")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    soorten: dict[Soort, _Tekst]
    melding: _Tekst
    """Said once per conversation, the first time something is removed."""
    herinnering: _Tekst
    """Later, when the message held nothing else (so the bot gets nothing)."""
    verder: _Tekst
    """After either, when the message held nothing else: go on answering."""

    def wat(self, soorten: frozenset[Soort]) -> str:
        """What was removed, e.g. "uw telefoonnummer en uw e-mailadres" (file order)."""
        namen = [naam for soort, naam in self.soorten.items() if soort in soorten]
        return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]


def laad_privacyteksten(pad: Path = STANDAARD_PAD) -> PrivacyTeksten:
    """Read and check ``privacy.yaml``; :class:`ChatGegevensFout` names file and line."""
    teksten, regels = lees_gegevens(pad, PrivacyTeksten)
    ontbreekt = [s for s in Soort if s not in teksten.soorten]
    if ontbreekt:
        raise fout_op(pad, regels, ("soorten",), f"De soort '{ontbreekt[0]}' ontbreekt.")
    for veld in ("melding", "herinnering"):
        if "{wat}" not in getattr(teksten, veld):
            raise fout_op(pad, regels, (veld,), "Zet {wat} in de tekst: wat weggelaten is.")
    return teksten
