"""Models of the screening answer (``POST /api/v1/screening``): one JSON line per row, then
one summary line. Documentation and tests use them; the route writes plain JSON."""

from __future__ import annotations

from pydantic import BaseModel, Field


class GevondenRecht(BaseModel):
    id: str
    naam: str
    bedrag: float | None = Field(default=None, description="Berekend bedrag, als de regel het kent")
    waarde_per_jaar: float | None = Field(default=None, description="Ruwe waarde per jaar in euro")
    via: list[str] = Field(
        default=[], description="Waarschijnlijk alleen als deze andere rechten toegekend worden"
    )


class MogelijkRecht(BaseModel):
    id: str
    naam: str
    waarde_per_jaar: float | None = None
    na_te_gaan: list[str] = Field(description="De voorwaarden die nog na te gaan zijn")
    vragen: list[str] = Field(
        description="De gegevens (attributen) die deze voorwaarden lezen en die in de rij "
        "ontbreken of 'weet ik niet' zijn"
    )


class OntvangenRecht(BaseModel):
    id: str
    naam: str


class ScreeningRij(BaseModel):
    rij: int = Field(
        description="CSV: de regel in het bestand (de kop is regel 1). JSON lines: de regel. "
        "JSON-lijst: de plaats in de lijst, vanaf 1."
    )
    referentie: str | None = Field(description="Uw eigen nummer uit de kolom 'referentie'")
    waarschijnlijk: list[GevondenRecht] = Field(
        description="Waarschijnlijk, en volgens het profiel nog niet ontvangen"
    )
    mogelijk: list[MogelijkRecht] = Field(
        description="Mogelijk en de moeite waard (min_waarde), met wat na te gaan is"
    )
    al_ontvangen: list[OntvangenRecht] = Field(description="Volgens het profiel al ontvangen")
    fout: str | None = Field(description="Waarom deze rij niet gelezen kon worden")


class RechtTelling(BaseModel):
    id: str
    naam: str
    waarschijnlijk: int
    mogelijk: int
    al_ontvangen: int


class Samenvatting(BaseModel):
    datum: str
    rijen: int
    fouten: int
    per_recht: list[RechtTelling]


class ScreeningSlot(BaseModel):
    samenvatting: Samenvatting
