"""POST /api/v1/advies/leefloon — the automatic leefloon advice for a social worker."""

from fastapi import APIRouter, HTTPException

from bot.advies import geef_advies
from bot.api import voorbeelden
from bot.api.deps import DienstenDep
from bot.api.schemas import AdviesAntwoord, AdviesVraag, OnderzoekspuntUit, foutantwoord
from bot.vocabulary import ProfielFout

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
    try:
        profiel = diensten.vocabulaire.valideer_profiel(vraag.profiel, diensten.los_gemeente_op)
    except ProfielFout as fout:
        raise HTTPException(
            status_code=422,
            detail={
                "detail": "Het profiel klopt niet.",
                "fouten": [
                    {"veld": f"profiel.{f.veld}", "bericht": f.bericht} for f in fout.fouten
                ],
            },
        ) from None
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
