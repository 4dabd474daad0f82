"""GET /api/v1/gemeenten — find a municipality by name, deelgemeente or NIS code."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from bot.api import voorbeelden
from bot.api.deps import DienstenDep
from bot.api.schemas import GemeenteUit, foutantwoord, met_voorbeeld
from bot.gemeenten import GemeenteFout

router = APIRouter(tags=["gemeenten"])


def gemeente_ongeldig(fout: GemeenteFout) -> HTTPException:
    """422 for a municipality parameter we cannot resolve (unknown or ambiguous)."""
    return HTTPException(
        status_code=422,
        detail={"detail": fout.bericht, "fouten": [{"veld": "gemeente", "bericht": fout.bericht}]},
    )


@router.get(
    "/gemeenten",
    response_model=list[GemeenteUit],
    responses={
        200: met_voorbeeld(
            voorbeelden.GEMEENTEN, "De beste treffers (hier voor `q=Sint-Amandsberg`)"
        ),
        422: foutantwoord("Ongeldige parameter", voorbeelden.FOUT_ONGELDIGE_VRAAG),
    },
    summary="Gemeenten opzoeken",
)
def zoek_gemeenten(
    diensten: DienstenDep,
    q: Annotated[
        str | None,
        Query(max_length=100, description="Naam, deelgemeente, postcode of NIS-code"),
    ] = None,
    limiet: Annotated[int, Query(ge=1, le=400)] = 10,
) -> list[GemeenteUit]:
    """Zonder `q`: alle gemeenten van Vlaanderen en Brussel. Met `q`: de beste treffers,
    ook bij kleine tikfouten (bv. `antwerpn`) of een deelgemeente (`Sint-Amandsberg`)."""
    register = diensten.gemeenten
    if not q or not q.strip():
        return [
            GemeenteUit(nis=g.nis, naam=g.naam, provincie=g.provincie, gewest=g.gewest)
            for g in register.alle()
        ]
    return [
        GemeenteUit(
            nis=t.gemeente.nis,
            naam=t.gemeente.naam,
            provincie=t.gemeente.provincie,
            gewest=t.gemeente.gewest,
            gevonden_als=t.alias,
        )
        for t in register.zoek(q, limit=limiet)
    ]
