"""POST /api/v1/evaluatie — which rights probably apply to this profile."""

import orjson
from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from bot.api import voorbeelden
from bot.api.deps import DienstenDep
from bot.api.omzetten import evaluatie_json
from bot.api.profiel import geldig_profiel
from bot.api.schemas import EvaluatieAntwoord, EvaluatieVraag, foutantwoord
from bot.rules import evalueer

router = APIRouter(tags=["evaluatie"])


@router.post(
    "/evaluatie",
    response_model=EvaluatieAntwoord,
    responses={422: foutantwoord("Ongeldig profiel", voorbeelden.FOUT_PROFIEL)},
    summary="Beoordeel een profiel",
)
async def evalueer_profiel(vraag: EvaluatieVraag, diensten: DienstenDep) -> Response:
    """Geeft per recht de status, de uitleg per voorwaarde en de volgende nuttige vraag.

    Er wordt niets bewaard of gelogd van het profiel.
    """
    profiel = geldig_profiel(diensten, vraag.profiel)
    alleen = None
    if vraag.rechten is not None:
        onbekend = [r for r in vraag.rechten if diensten.catalogus.recht(r) is None]
        if onbekend:
            raise HTTPException(
                status_code=422,
                detail={
                    "detail": "Sommige rechten kennen we niet.",
                    "fouten": [
                        {"veld": "rechten", "bericht": f"Recht '{r}' bestaat niet."}
                        for r in onbekend
                    ],
                },
            )
        alleen = frozenset(vraag.rechten)
    peildatum = vraag.datum or diensten.peildatum()
    evaluatie = evalueer(profiel, diensten.catalogus, peildatum, alleen=alleen)
    inhoud = orjson.dumps(evaluatie_json(evaluatie, diensten))
    return Response(content=inhoud, media_type="application/json")
