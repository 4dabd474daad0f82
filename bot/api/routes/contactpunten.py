"""GET /api/v1/gemeenten/{gemeente}/contactpunt — where a person can talk to someone."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path
from pydantic import BaseModel, ConfigDict, Field

from bot.api import voorbeelden
from bot.api.deps import DienstenDep
from bot.api.routes.gemeenten import gemeente_ongeldig
from bot.api.schemas import foutantwoord
from bot.catalogue.repository import Contact
from bot.gemeenten import GemeenteDubbelzinnig, GemeenteFout

router = APIRouter(tags=["gemeenten"])


class ContactUit(BaseModel):
    naam: str = Field(description="Bv. 'OCMW Brugge' of '1700'")
    omschrijving: str | None = None
    telefoon: str | None = Field(default=None, description="Alleen als een openbare bron het geeft")
    adres: str | None = Field(default=None, description="Alleen als een openbare bron het geeft")
    openingsuren: str | None = Field(
        default=None,
        description="In gewone woorden, bv. 'Elke voormiddag, of op afspraak'; "
        "alleen als een openbare bron ze geeft",
    )
    website: str | None = None
    bron_url: str = Field(description="De openbare pagina waar deze gegevens vandaan komen")


class GemeenteContactUit(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [voorbeelden.CONTACTPUNT]})

    nis: str = Field(description="Huidige NIS-code (5 cijfers)")
    gemeente: str
    contactpunt: ContactUit | None = Field(
        description="Het OCMW of Sociaal Huis van deze gemeente; null als de catalogus het "
        "(nog) niet kent: verwijs dan naar 'het OCMW of Sociaal Huis van <gemeente>'"
    )
    algemene_lijn: ContactUit | None = Field(
        description="Voor wie niet weet bij wie hij terechtkan (bv. 1700)"
    )


def _uit(contact: Contact | None) -> ContactUit | None:
    if contact is None:
        return None
    return ContactUit.model_validate(contact, from_attributes=True)


@router.get(
    "/gemeenten/{gemeente}/contactpunt",
    response_model=GemeenteContactUit,
    responses={
        404: foutantwoord("Deze gemeente vinden we niet", voorbeelden.FOUT_GEMEENTE_ONBEKEND),
        422: foutantwoord(
            "De naam past bij meer dan één gemeente", voorbeelden.FOUT_GEMEENTE_DUBBELZINNIG
        ),
    },
    summary="Bij wie kan iemand terecht voor een persoonlijk gesprek?",
)
def toon_contactpunt(
    diensten: DienstenDep,
    gemeente: Annotated[
        str, Path(max_length=100, description="Naam, deelgemeente, postcode of NIS-code")
    ],
) -> GemeenteContactUit:
    """Het OCMW of Sociaal Huis van de gemeente (uit `catalogus/contactpunten.yaml`, met de
    bron van elk gegeven) en de algemene lijn."""
    try:
        gevonden = diensten.gemeenten.resolve(gemeente)
    except GemeenteDubbelzinnig as fout:
        raise gemeente_ongeldig(fout) from None
    except GemeenteFout as fout:
        raise HTTPException(status_code=404, detail={"detail": fout.bericht}) from None
    contacten = diensten.contactpunten
    return GemeenteContactUit(
        nis=gevonden.nis,
        gemeente=gevonden.naam,
        contactpunt=_uit(contacten.voor(gevonden.nis)),
        algemene_lijn=_uit(contacten.algemeen),
    )
