"""POST /api/v1/advies/leefloon — the automatic leefloon advice for a social worker."""

from fastapi import APIRouter, HTTPException

from bot.advies import geef_advies
from bot.api import voorbeelden
from bot.api.deps import DienstenDep
from bot.api.profiel import geldig_profiel
from bot.api.schemas import AdviesAntwoord, AdviesVraag, OnderzoekspuntUit, foutantwoord

router = APIRouter(tags=["advies"])


@router.post(
    "/advies/leefloon",
    response_model=AdviesAntwoord,
    responses={
        422: foutantwoord("Ongeldig profiel", voorbeelden.FOUT_PROFIEL),
        503: foutantwoord("De catalogus heeft geen leefloon", voorbeelden.FOUT_GEEN_LEEFLOONADVIES),
    },
    summary="Leefloonadvies: toekenning, verder sociaal onderzoek of geen recht",
)
async def leefloonadvies(vraag: AdviesVraag, diensten: DienstenDep) -> AdviesAntwoord:
    """Een advies voor de maatschappelijk werker, met wat het sociaal onderzoek nog moet
    nagaan. Het spreekt de beoordeling van het leefloon (POST /api/v1/evaluatie) nooit
    tegen. Het OCMW beslist. Er wordt niets bewaard of gelogd van het profiel."""
    regels = diensten.leefloonadvies
    if regels is None:
        raise HTTPException(
            status_code=503,
            detail={
                "detail": "Het leefloonadvies is niet beschikbaar: de catalogus heeft "
                "geen regels voor het leefloon."
            },
        )
    profiel = geldig_profiel(diensten, vraag.profiel)
    advies = geef_advies(profiel, diensten.catalogus, regels, vraag.datum or diensten.peildatum())
    return AdviesAntwoord(
        advies=advies.advies.value,
        categorie=advies.categorie,
        bedrag_maand=advies.bedrag_maand,
        bedrag_na_middelen=advies.bedrag_na_middelen,
        te_onderzoeken=[
            OnderzoekspuntUit(punt=p.punt, waarom=p.waarom) for p in advies.te_onderzoeken
        ],
        uitleg=list(advies.uitleg),
    )
