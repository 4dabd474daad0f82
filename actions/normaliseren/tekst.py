"""Tekst gelijkmaken voor de lezers: Vlaamse spreekvormen, accenten, woorden.

Twee stappen, door alle lezers gedeeld:

- :func:`normaliseer` maakt kleine letters, vaste aanhalingstekens en schrijft Vlaamse
  chatvormen voluit ("'k ben" -> "ik ben", "kheb" -> "ik heb", "nie" -> "niet").
  Accenten blijven staan: text2num heeft "drieënveertig" nodig.
- :func:`woorden` knipt genormaliseerde tekst in woorden zonder accenten, met de
  leestekens die een zinsdeel afsluiten als aparte woorden (",", ".", ...).
"""

from __future__ import annotations

import re
import unicodedata

LEESTEKENS = frozenset(",.;:!?/")
"""Leestekens die als apart woord meetellen: ze scheiden zinsdelen."""

_AANHALING = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " ", "\u202f": " "})

# Werkwoorden die in chat aan "k" vastgeschreven worden: "kben", "kheb", "kzoek".
_K_WERKWOORDEN = (
    "ben|heb|zen|zoek|woon|huur|werk|studeer|weet|zit|ga|denk|krijg|leef|sta|doe|kan|moet|"
    "wil|ontvang|betaal|verdien|trek|woonde|werkte|was|had"
)

_VERVANGINGEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(patroon), vervanging)
    for patroon, vervanging in (
        # "kweenie", "weenie", "kweetnie": ik weet het niet.
        (r"\bk?(?:weenie|weetnie|wenie)\b", "ik weet het niet"),
        (r"\bgeen gedacht\b", "geen idee"),
        # chat abbreviations: "tss" = tussen, "ni" = niet, "wrs" = waarschijnlijk
        (r"\btss\b", "tussen"),
        (r"\bni\b", "niet"),
        (r"\bwrs\b", "waarschijnlijk"),
        # 'k / k' = ik; 't = het; da's = dat is.
        (r"(?<!\w)'k\b", "ik"),
        (r"(?<!\w)k'(?=\s)", "ik"),
        (r"(?<!\w)'t\b", "het"),
        (r"\bda'?s\b", "dat is"),
        (r"\bk(" + _K_WERKWOORDEN + r")\b", r"ik \1"),
        # Een losse "k" vooraan of na een leesteken: "k ben 43".
        (r"(?:(?<=^)|(?<=[,.;!?]\s))k\s(?=[^\W\d_])", "ik "),
        (r"\bik (?:zen|zijn|zyn)\b", "ik ben"),
        (r"\bnie\b", "niet"),
        (r"\bgenen?\b", "geen"),
        (r"\bmijnen?\b|\bmijne\b|\bmyn(?:e|en)?\b", "mijn"),
        (r"\bvrouwe\b", "vrouw"),
        (r"\bheur\b", "haar"),
        # "de kleinste is zeven": het jongste kind; "de jongste is pas geboren": 0 maanden
        (r"\b(de|ons|onze|mijn) kleinste\b", r"\1 jongste"),
        (r"\b(?:pas|net|juist) geboren\b", "0 maanden oud"),
        # "me mijn vrouw", "me ons twee": met
        (r"\bme (?=mijn\b|ons\b|onze\b|de\b|het\b)", "met "),
        (r"\bnen?\b", "een"),
        # Uitgerekt: "jaaa", "neeee".
        (r"\bja{2,}\b", "ja"),
        (r"\bne{3,}\b", "nee"),
        (r"\bne{2,}n\b", "neen"),
    )
)


def normaliseer(tekst: str) -> str:
    """Kleine letters, vaste aanhalingstekens en spaties, Vlaamse chatvormen voluit."""
    schoon = unicodedata.normalize("NFC", tekst).translate(_AANHALING).casefold()
    schoon = " ".join(schoon.split())
    for patroon, vervanging in _VERVANGINGEN:
        schoon = patroon.sub(vervanging, schoon)
    return " ".join(schoon.split())


def zonder_accenten(tekst: str) -> str:
    ontleed = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in ontleed if not unicodedata.combining(c))


_WOORD = re.compile(r"[^\W_]+|[,.;:!?/]")


def woorden(tekst: str) -> list[str]:
    """Woorden zonder accenten, plus de zinsdeel-leestekens; koppeltekens en
    apostroffen vallen weg ("eu-burger" -> "eu", "burger")."""
    return _WOORD.findall(zonder_accenten(normaliseer(tekst)))


_IK_WERKWOORDEN = (
    "ben|heb|woon|werk|krijg|zorg|huur|sta|verdien|zoek|studeer|zit|leef|ontvang|betaal|"
    "slaap|ga|stook|verwarm"
)
_INVERSIE = re.compile(
    r"(?P<voor>\b(?:nu|dan|daar|hier|sindsdien|momenteel|tegenwoordig|ondertussen|intussen|"
    r"toen|voorlopig|verder|daarnaast|bovendien|thuis|(?:sinds|sedert|vanaf|al)(?:\s+[^\W_]+){1,3}?))"
    r"\s+(?P<ww>" + _IK_WERKWOORDEN + r")\s+ik\b"
)


def ik_vooraan(tekst: str) -> str:
    """A statement that starts with a time or place puts the verb before "ik": "nu zoek ik
    werk", "sinds vorig jaar huur ik". Written as "nu ik zoek werk", so that the keywords
    ("ik zoek werk") find it. Not in a question ("nu krijg ik een leefloon?")."""
    if "?" in tekst:
        return tekst
    return _INVERSIE.sub(r"\g<voor> ik \g<ww>", tekst)
