"""Another language: recognise it, and the short answer in that language.

The detector is lingua (``lingua-language-detector``), which ships its language models in
the package: nothing is downloaded. It knows only Dutch and the languages of
``bot/vocabulary/talen.yaml``, in its low-accuracy mode (trigrams only: small in memory,
fast to build), and it is built when the app starts (:func:`bouw_taalherkenner`).

It acts only when it is sure: short answers ("ja", "9300", "67"), button payloads ("/..."),
and messages with a Dutch word ("ik", "mijn", "niet" ...) stay Dutch, so Flemish forms
("mijne vent", "'k weet het nie", "da's waar") are never taken for another language.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from bot.catalogue.tekst import zoeksleutel
from bot.chat.gegevens import fout_op, lees_gegevens

STANDAARD_PAD = Path(__file__).resolve().parents[1] / "vocabulary" / "talen.yaml"

MIN_ZEKERHEID = 0.9
"""The detector's confidence (0-1) in the other language, at least."""
MIN_WOORDEN = 3
MIN_LETTERS = 12
"""A message in the Latin script needs this many words and letters before we act."""
MIN_LETTERS_ANDER_SCHRIFT = 3
"""Arabic or Cyrillic letters: no Dutch is written so, a short message is enough."""

NEDERLANDSE_WOORDEN = frozenset(
    (  # noqa: SIM905 (a list of words reads best as words)
        "ik mij mijn mijne jij gij uw hij zij wij ons onze hun het een deze dit niet geen "
        "heb hebt heeft hebben zijn woon woont wonen weet wil moet gaan doen krijg krijgen "
        "voor op er zo dan wel als naar bij uit aan wat hoe wie waar waarom omdat sinds "
        "nee neen ook maar bedankt alstublieft dank graag goeiedag werk kinderen kinders "
        "kindjes vrouw huur maand jaar kot pensioen leefloon"
    ).split()
)
"""Words that only Dutch has among the languages we know (not "nie", "ja", "dat" or "ben":
Polish, Romanian and Turkish have them). One of them keeps a message Dutch."""

Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=800)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TaalTekst(_Model):
    naam: Tekst
    """The language's name in Dutch."""
    tekst: Tekst
    """What the chat says, in that language."""
    nederlands: Tekst
    """The same text in Dutch, for whoever checks it."""


class TalenBestand(_Model):
    talen: dict[str, TaalTekst] = Field(min_length=1)


@dataclass(frozen=True)
class Talen:
    """The checked file: a text per language (ISO 639-1 code)."""

    per_taal: dict[str, TaalTekst]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.per_taal)


def laad_talen(pad: Path = STANDAARD_PAD) -> Talen:
    """Read and check ``talen.yaml``; :class:`ChatGegevensFout` names file and line."""
    bestand, regels = lees_gegevens(pad, TalenBestand)
    for code in bestand.talen:
        if code == "nl" or _taal(code) is None:
            raise fout_op(
                pad,
                regels,
                ("talen", code),
                f"'{code}' is geen taalcode die we herkennen (twee letters, ISO 639-1, niet "
                "'nl'), bv. fr, en, ar, tr, uk, ro, pl.",
            )
    return Talen(dict(bestand.talen))


def _taal(code: str) -> Language | None:
    try:
        return Language.from_iso_code_639_1(IsoCode639_1.from_str(code))
    except ValueError:
        return None


def _is_latijns(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith("LATIN")


@dataclass
class Taalherkenner:
    """Which of the known languages a message is in, when that is clear; else ``None``."""

    detector: LanguageDetector
    codes: dict[Language, str]

    def herken(self, tekst: str) -> str | None:
        """The ISO 639-1 code of the message's language, or ``None`` for Dutch or unsure."""
        tekst = tekst.strip()
        if not tekst or tekst.startswith("/"):
            return None
        letters = [c for c in tekst if c.isalpha()]
        ander_schrift = sum(not _is_latijns(c) for c in letters)
        if ander_schrift * 2 > len(letters):
            if ander_schrift < MIN_LETTERS_ANDER_SCHRIFT:
                return None
        else:
            woorden = zoeksleutel(tekst).split()
            if len(letters) < MIN_LETTERS or sum(w.isalpha() for w in woorden) < MIN_WOORDEN:
                return None
            if NEDERLANDSE_WOORDEN.intersection(woorden):
                return None
        waarden = self.detector.compute_language_confidence_values(tekst)
        if not waarden:
            return None
        beste = waarden[0]
        if beste.language is Language.DUTCH or beste.value < MIN_ZEKERHEID:
            return None
        return self.codes.get(beste.language)


def bouw_taalherkenner(talen: Talen) -> Taalherkenner:
    """The detector for Dutch and the languages of ``talen``. Call it at start-up."""
    codes = {taal: code for code in talen.codes if (taal := _taal(code)) is not None}
    detector = (
        LanguageDetectorBuilder.from_languages(Language.DUTCH, *codes)
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )
    return Taalherkenner(detector, codes)
