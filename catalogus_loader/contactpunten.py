"""The contact file (``catalogus/contactpunten.yaml``): read, check, keep line numbers.

The file says where a person can talk to someone: one general line, and per municipality
(current NIS code) the OCMW or Sociaal Huis. Every entry names the public page its facts
come from (``bron_url``). Problems name the file, the line, the entry and the field, in
Dutch. Whether a NIS code is a current municipality is checked while loading, against the
municipality list in the database (see ``synchroniseren``).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from catalogus_loader.fouten import Probleem
from catalogus_loader.records import ContactpuntenRecord, ContactRecord, regel_voor
from catalogus_loader.regels import lees_yaml, regelnummers

BESTANDSNAAM = "contactpunten"
_HERKEN = re.compile(r"^algemene_lijn\s*:", re.MULTILINE)
_TELEFOON = re.compile(r"^\+?[0-9][0-9 ./-]*[0-9]$")
_URL = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/\S*)?$")
_NIS = re.compile(r"^[1-9][0-9]{4}$")
_URL_IN_TEKST = re.compile(r"https?://|www\.", re.IGNORECASE)


def is_contactbestand(tekst: str, bron: str) -> bool:
    """A YAML file is the contact file when it is called ``contactpunten.yaml`` or has a
    top-level ``algemene_lijn``; every other YAML file is a rule file."""
    stam = PurePath(bron.split("?")[0]).stem
    return stam == BESTANDSNAAM or _HERKEN.search(tekst) is not None


# -- the schema ----------------------------------------------------------------------------


def _fout(soort: str, bericht: str) -> PydanticCustomError:
    return PydanticCustomError(f"contactpunt_{soort}", bericht)


def _controleer_telefoon(waarde: str | None) -> str | None:
    if waarde is not None and not _TELEFOON.match(waarde):
        raise _fout(
            "telefoon",
            f"'{waarde}' is geen telefoonnummer. Schrijf alleen cijfers, spaties, punten, "
            'schuine strepen of een + vooraan, bv. "1700".',
        )
    return waarde


def _controleer_url(waarde: str | None) -> str | None:
    if waarde is not None and not _URL.match(waarde):
        raise _fout(
            "url",
            f"'{waarde}' is geen webadres. Een webadres begint met https:// (of http://).",
        )
    return waarde


def _controleer_openingsuren(waarde: str | None) -> str | None:
    if waarde is not None and ("\n" in waarde or _URL_IN_TEKST.search(waarde)):
        raise _fout(
            "openingsuren",
            "Schrijf de openingsuren op één regel, in gewone woorden, zonder webadres, "
            'bv. "Elke voormiddag, of op afspraak".',
        )
    return waarde


class _Blok(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    naam: str = Field(min_length=1, max_length=200)
    telefoon: str | None = Field(default=None, min_length=1, max_length=40)
    website: str | None = None
    bron_url: str

    @field_validator("telefoon")
    @classmethod
    def _telefoon(cls, waarde: str | None) -> str | None:
        return _controleer_telefoon(waarde)

    @field_validator("website", "bron_url")
    @classmethod
    def _url(cls, waarde: str | None) -> str | None:
        return _controleer_url(waarde)


class AlgemeneLijn(_Blok):
    """The line for everyone: used when the municipality is unknown or has no entry."""

    omschrijving: str | None = Field(default=None, min_length=1, max_length=300)

    @model_validator(mode="after")
    def _bereikbaar(self) -> AlgemeneLijn:
        if self.telefoon is None and self.website is None:
            raise _fout("bereikbaar", "Geef een telefoonnummer of een website.")
        return self


class GemeenteContact(_Blok):
    """The OCMW or Sociaal Huis of one municipality."""

    nis: str
    gemeente: str = Field(min_length=1, max_length=100)
    adres: str | None = Field(default=None, min_length=1, max_length=300)
    openingsuren: str | None = Field(default=None, min_length=1, max_length=300)
    """Plain Dutch, only what the source page says, e.g. "Elke voormiddag, of op afspraak"."""

    @field_validator("openingsuren")
    @classmethod
    def _openingsuren(cls, waarde: str | None) -> str | None:
        return _controleer_openingsuren(waarde)

    @field_validator("nis", mode="before")
    @classmethod
    def _nis(cls, waarde: Any) -> Any:
        if isinstance(waarde, int) and not isinstance(waarde, bool):
            waarde = str(waarde)
        if isinstance(waarde, str) and not _NIS.match(waarde.strip()):
            raise _fout("nis", f"'{waarde}' is geen NIS-code: een NIS-code heeft 5 cijfers.")
        return waarde.strip() if isinstance(waarde, str) else waarde


class ContactBestand(BaseModel):
    model_config = ConfigDict(extra="forbid")

    algemene_lijn: AlgemeneLijn
    gemeenten: list[GemeenteContact] = Field(default_factory=list)


_VELDEN: dict[str, list[str]] = {
    "": list(ContactBestand.model_fields),
    "algemene_lijn": list(AlgemeneLijn.model_fields),
    "gemeenten": list(GemeenteContact.model_fields),
}


# -- Dutch messages -------------------------------------------------------------------------


def _ingang(data: Any, pad: tuple[Any, ...]) -> str | None:
    """The entry a problem is about, as a person reads it: "Gemeente 44021 (Gent)"."""
    if not pad:
        return None
    if pad[0] == "algemene_lijn":
        return "Algemene lijn"
    if pad[0] == "gemeenten" and len(pad) > 1 and isinstance(pad[1], int):
        blok = data.get("gemeenten")[pad[1]] if isinstance(data.get("gemeenten"), list) else None
        if isinstance(blok, dict):
            nis, naam = blok.get("nis"), blok.get("gemeente")
            if nis is not None and naam:
                return f"Gemeente {nis} ({naam})"
            if nis is not None or naam:
                return f"Gemeente {nis if nis is not None else naam}"
        return f"Gemeente nr. {pad[1] + 1} in de lijst"
    return None


def _bericht(fout: Any) -> str:
    soort: str = fout["type"]
    pad = tuple(fout["loc"])
    veld = str(pad[-1]) if pad else ""
    waarde = fout.get("input")
    if soort.startswith("contactpunt_"):
        return str(fout["msg"])
    if soort == "missing":
        return f"Het verplichte veld '{veld}' ontbreekt."
    if soort == "extra_forbidden":
        blok = str(pad[0]) if len(pad) > 1 else ""
        toegelaten = ", ".join(_VELDEN.get(blok, []))
        return f"Onbekend veld '{veld}'. Toegelaten velden: {toegelaten}."
    if soort == "string_type":
        if veld in ("telefoon", "nis"):
            return f'Zet de waarde tussen aanhalingstekens, bv. {veld}: "{waarde}".'
        return f"Verwacht tekst, niet {waarde!r}."
    if soort == "string_too_short":
        return "Dit veld is leeg."
    if soort == "string_too_long":
        return f"Deze tekst is te lang (hoogstens {fout['ctx']['max_length']} tekens)."
    if soort == "list_type":
        return "Verwacht een lijst: begin elke gemeente met '- nis:'."
    if soort in ("model_type", "model_attributes_type", "dict_type"):
        return "Verwacht een blok met velden (veld: waarde)."
    return f"Waarde {waarde!r} past hier niet."


def lees_contactpunten(tekst: str, bron: str) -> tuple[ContactpuntenRecord | None, list[Probleem]]:
    """Parse and check the contact file: ``(record or None, problems)``."""
    gelezen = lees_yaml(tekst, bron)
    if isinstance(gelezen, Probleem):
        return None, [gelezen]
    knoop, data = gelezen
    if knoop is None or not isinstance(data, dict):
        return None, [
            Probleem(
                bron,
                "Het contactbestand heeft twee blokken: 'algemene_lijn' en 'gemeenten'.",
                1,
            )
        ]
    regels, dubbel = regelnummers(knoop)
    problemen = [
        Probleem(
            bron,
            _met_ingang(
                data,
                tuple(int(d) if d.isdigit() else d for d in naam.split(".")),
                f"Het veld '{naam.rsplit('.', 1)[-1]}' staat twee keer in hetzelfde blok.",
            ),
            regel,
            naam,
        )
        for naam, regel in dubbel
    ]
    try:
        bestand = ContactBestand.model_validate(data)
    except ValidationError as fouten:
        for fout in fouten.errors():
            pad = tuple(fout["loc"])
            problemen.append(
                Probleem(
                    bron,
                    _met_ingang(data, pad, _bericht(fout)),
                    regel_voor(regels, pad),
                    ".".join(str(p) for p in pad) or None,
                )
            )
        return None, problemen
    gezien: dict[str, int] = {}
    for i, g in enumerate(bestand.gemeenten):
        regel = regel_voor(regels, ("gemeenten", i, "nis"))
        if g.nis in gezien:
            problemen.append(
                Probleem(
                    bron,
                    f"Gemeente {g.nis} ({g.gemeente}): deze NIS-code staat al eerder in de lijst"
                    f" (regel {gezien[g.nis]}). Zet elke gemeente maar één keer in het bestand.",
                    regel,
                    f"gemeenten.{i}.nis",
                )
            )
        else:
            gezien[g.nis] = regel or 0
    if problemen:
        return None, problemen
    a = bestand.algemene_lijn
    record = ContactpuntenRecord(
        bron=bron,
        algemeen=ContactRecord(
            naam=a.naam,
            bron_url=a.bron_url,
            omschrijving=a.omschrijving,
            telefoon=a.telefoon,
            website=a.website,
        ),
        gemeenten=[
            ContactRecord(
                naam=g.naam,
                bron_url=g.bron_url,
                nis=g.nis,
                gemeente=g.gemeente,
                telefoon=g.telefoon,
                adres=g.adres,
                openingsuren=g.openingsuren,
                website=g.website,
            )
            for g in bestand.gemeenten
        ],
        regels=regels,
    )
    return record, []


def _met_ingang(data: Any, pad: tuple[Any, ...], bericht: str) -> str:
    ingang = _ingang(data, pad) if isinstance(data, dict) else None
    return f"{ingang}: {bericht}" if ingang else bericht
