"""The advice rules of a right (read from a YAML file) and the advice they give."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bot.rules.logica import Knoop


class Advies(StrEnum):
    TOEKENNING = "toekenning"
    """Every condition is known and clearly met, and no risk sign: grant it at once."""
    VERDER_SOCIAAL_ONDERZOEK = "verder_sociaal_onderzoek"
    """Possible, but the social investigation must check some points first."""
    GEEN_RECHT = "geen_recht"
    """A condition clearly fails (the engine says "niet")."""


class Soort(StrEnum):
    VOORWAARDE = "voorwaarde"
    """A legal condition."""
    RISICO = "risico"
    """A sign that the social investigation always looks into further."""


@dataclass(frozen=True)
class Categorie:
    id: str
    """samenwonend, alleenstaand or gezinslast."""
    parameter: str
    """The right's parameter with the monthly amount of this category."""
    aantal: int
    """How many times the amount (a couple without children: each partner)."""
    nummer: int
    """Its place in a table parameter (0, 1, 2)."""
    regel: Knoop
    tekst: str
    bron: str


@dataclass(frozen=True)
class Vrijstelling:
    id: str
    bedrag_maand: Knoop
    tekst: str
    """With ``{bedrag}`` for the monthly amount."""
    bron: str
    bevestigd: bool
    """Only a confirmed exemption lowers the means in the estimate."""


@dataclass(frozen=True)
class AdviesVoorwaarde:
    id: str
    soort: Soort
    regel: Knoop
    attributen: frozenset[str]
    """The asked attributes the rule reads (income notions expanded)."""
    punt: str
    waarom: str
    niet_waarom: str | None
    bron: str


@dataclass(frozen=True)
class AdviesRegels:
    id: str
    recht: str
    """The engine's right this advice never contradicts; its parameters give the amounts."""
    naam: str
    bron_url: str
    nagekeken_op: date
    middelen: Knoop
    """The monthly means that count, before exemptions (an income notion: a range)."""
    marge_inkomen_ruim_onder: float
    categorieen: tuple[Categorie, ...]
    vrijstellingen: tuple[Vrijstelling, ...]
    voorwaarden: tuple[AdviesVoorwaarde, ...]
    uitleg: Mapping[str, tuple[str, ...]]
    """toekenning, verder_sociaal_onderzoek, geen_recht, schatting: the standard texts."""
    bronnen: tuple[str, ...] = ()
    bestand: str = ""


@dataclass(frozen=True)
class Onderzoekspunt:
    punt: str
    waarom: str


@dataclass(frozen=True)
class LeefloonAdvies:
    advies: Advies
    categorie: str | None
    bedrag_maand: float | None
    """The category's amount per month on the date (times two for a couple)."""
    bedrag_na_middelen: float | None
    """The estimate after the means that count, minus the exemptions (toekenning only)."""
    te_onderzoeken: tuple[Onderzoekspunt, ...]
    uitleg: tuple[str, ...]
