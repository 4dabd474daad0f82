"""What the readers produce: plain records, before anything touches the database."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from catalogus_loader.fouten import Overgeslagen, Probleem


def inhoud_hash(waarde: Any) -> str:
    tekst = json.dumps(waarde, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


@dataclass
class ProductRecord:
    """One IPDC product, normalised. Field names match ``bot.catalogue.models.Product``."""

    productnummer: str
    naam: str
    soort: str
    bron: str
    ipdc_uri: str | None = None
    ipdc_uuid: str | None = None
    concept_uri: str | None = None
    concept_id: str | None = None
    concept_productnummer: str | None = None
    beschrijving_html: str = ""
    beschrijving_tekst: str = ""
    verdere_beschrijving_html: str = ""
    verdere_beschrijving_tekst: str = ""
    uitzonderingen_html: str = ""
    uitzonderingen_tekst: str = ""
    regelgeving_html: str = ""
    regelgeving_tekst: str = ""
    contact_html: str = ""
    contact_tekst: str = ""
    type: str | None = None
    themas: list[str] = field(default_factory=list)
    doelgroepen: list[str] = field(default_factory=list)
    bevoegde_bestuursniveaus: list[str] = field(default_factory=list)
    uitvoerende_bestuursniveaus: list[str] = field(default_factory=list)
    bevoegde_overheden: list[str] = field(default_factory=list)
    uitvoerende_overheden: list[str] = field(default_factory=list)
    contact_overheden: list[str] = field(default_factory=list)
    geografisch_nuts: list[str] = field(default_factory=list)
    publicatiekanalen: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    your_europe_categorieen: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    zoektermen: list[str] = field(default_factory=list)
    voorwaarden: list[dict[str, Any]] = field(default_factory=list)
    bewijsstukken: list[dict[str, Any]] = field(default_factory=list)
    procedures: list[dict[str, Any]] = field(default_factory=list)
    kosten: list[dict[str, Any]] = field(default_factory=list)
    financiele_voordelen: list[dict[str, Any]] = field(default_factory=list)
    contactgegevens: list[dict[str, Any]] = field(default_factory=list)
    publicatie_link: dict[str, Any] | None = None
    websites: list[dict[str, Any]] = field(default_factory=list)
    regelgeving: list[dict[str, Any]] = field(default_factory=list)
    start_dienstverlening: datetime | None = None
    einde_dienstverlening: datetime | None = None
    gearchiveerd: bool = False
    creatie: datetime | None = None
    laatst_gewijzigd: datetime | None = None
    versie_tijd: datetime | None = None
    """LDES ``generatedAtTime``: picks the newest of several versions in one load."""

    def velden(self) -> dict[str, Any]:
        """The columns to store (without ``bron`` and ``versie_tijd``)."""
        data = asdict(self)
        data.pop("bron")
        data.pop("versie_tijd")
        return data

    def hash(self, geografisch_nis: list[str]) -> str:
        return inhoud_hash({**self.velden(), "geografisch_nis": geografisch_nis})


@dataclass(frozen=True)
class CodeRecord:
    lijst: str
    code: str
    uri: str
    label: str
    notatie: str | None = None
    einde: date | None = None

    def sleutel(self) -> tuple[Any, ...]:
        return (self.lijst, self.code, self.uri, self.label, self.notatie, self.einde)


@dataclass(frozen=True)
class GemeenteRecord:
    nis: str
    naam: str
    gewest: str
    naam_fr: str | None = None
    provincie: str | None = None
    centrumstad: bool = False
    nuts_code: str | None = None
    fusiejaar: int | None = None
    vroegere_gemeenten: tuple[tuple[str, str], ...] = ()
    """``(naam, oude NIS-code)`` of the municipalities merged into this one."""

    def kolommen(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("vroegere_gemeenten")
        return data


@dataclass(frozen=True)
class AliasRecord:
    naam: str
    sleutel: str
    nis: str
    type: str
    postcode: str | None = None
    vroegere_nis: str | None = None
    dubbelzinnig: bool = False
    bron: str = ""


def regel_voor(regels: dict[tuple[str | int, ...], int], pad: Sequence[str | int]) -> int | None:
    """Line (1-based) of the deepest part of ``pad`` found in ``regels``."""
    for lengte in range(len(pad), -1, -1):
        regel = regels.get(tuple(pad[:lengte]))
        if regel is not None:
            return regel
    return None


@dataclass
class RegelRecord:
    """A rule file that passed the schema; ``regel_van`` maps a field path to its line."""

    recht_id: str
    product_sleutel: str
    naam: str
    niveau: str
    themas: list[str]
    gemeenten: list[str]
    synoniemen: list[str]
    definitie: dict[str, Any]
    bron: str
    regels: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def hash(self) -> str:
        return inhoud_hash(self.definitie)

    def regel_van(self, pad: Sequence[str | int]) -> int | None:
        return regel_voor(self.regels, pad)


@dataclass(frozen=True)
class ContactRecord:
    """One contact point from ``contactpunten.yaml``: the general line (``nis`` is ``None``)
    or the OCMW / Sociaal Huis of one municipality."""

    naam: str
    bron_url: str
    nis: str | None = None
    gemeente: str | None = None
    """The municipality's name as written in the file (checked against ``nis``)."""
    omschrijving: str | None = None
    telefoon: str | None = None
    adres: str | None = None
    openingsuren: str | None = None
    website: str | None = None

    @property
    def soort(self) -> str:
        return "algemeen" if self.nis is None else "gemeente"

    def kolommen(self) -> dict[str, Any]:
        """The columns of ``bot.catalogue.models.Contactpunt`` (without file and hash)."""
        return {
            "soort": self.soort,
            "nis": self.nis,
            "naam": self.naam,
            "omschrijving": self.omschrijving,
            "telefoon": self.telefoon,
            "adres": self.adres,
            "openingsuren": self.openingsuren,
            "website": self.website,
            "bron_url": self.bron_url,
        }

    def hash(self) -> str:
        kolommen = self.kolommen()
        if kolommen["openingsuren"] is None:
            # Same hash as before the field existed (migration 0006): no false "gewijzigd".
            del kolommen["openingsuren"]
        return inhoud_hash(kolommen)


@dataclass
class ContactpuntenRecord:
    """The whole contact file: it replaces every contact point in the database."""

    bron: str
    algemeen: ContactRecord
    gemeenten: list[ContactRecord] = field(default_factory=list)
    regels: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def regel_van(self, pad: Sequence[str | int]) -> int | None:
        return regel_voor(self.regels, pad)


@dataclass
class Bundel:
    """Everything read from the sources of one load."""

    producten: list[ProductRecord] = field(default_factory=list)
    codes: dict[str, list[CodeRecord]] = field(default_factory=dict)
    """Code list name -> its concepts (only the lists found in the sources)."""
    gemeenten_csv: list[dict[str, str]] | None = None
    gemeenten_bron: str | None = None
    deelgemeenten_csv: list[dict[str, str]] | None = None
    deelgemeenten_bron: str | None = None
    regels: list[RegelRecord] = field(default_factory=list)
    contactpunten: ContactpuntenRecord | None = None
    problemen: list[Probleem] = field(default_factory=list)
    """A file that is broken or not IPDC at all: the whole load fails."""
    overgeslagen: list[Overgeslagen] = field(default_factory=list)
    """Products that cannot be used: left out, with the reason; the load goes on."""
    meldingen: list[str] = field(default_factory=list)
    """Warnings and skipped files: the load goes on."""
    bronnen: list[str] = field(default_factory=list)

    def is_leeg(self) -> bool:
        return not (
            self.producten
            or self.codes
            or self.gemeenten_csv
            or self.deelgemeenten_csv
            or self.regels
            or self.contactpunten
            or self.overgeslagen
        )


def tekstvelden(**blokken: tuple[str, str]) -> dict[str, str]:
    """``naam=(html, tekst)`` → ``{naam_html: html, naam_tekst: tekst}`` for a ProductRecord."""
    velden: dict[str, str] = {}
    for naam, (html, tekst) in blokken.items():
        velden[f"{naam}_html"] = html
        velden[f"{naam}_tekst"] = tekst
    return velden
