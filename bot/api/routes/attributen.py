"""GET /api/v1/attributen — the vocabulary."""

from fastapi import APIRouter

from bot.api import voorbeelden
from bot.api.deps import VocabulaireDep
from bot.api.omzetten import attribuut_uit
from bot.api.schemas import AttribuutUit, met_voorbeeld

router = APIRouter(tags=["vocabulaire"])


@router.get(
    "/attributen",
    response_model=list[AttribuutUit],
    responses={200: met_voorbeeld(voorbeelden.ATTRIBUTEN)},
    summary="Alle profielattributen",
)
def lijst_attributen(vocabulaire: VocabulaireDep) -> list[AttribuutUit]:
    """De gegevens die de verkenner kan vragen, met vraag, uitleg en antwoordopties.

    `rubriek` zegt in welk deel van het begeleide formulier (/begeleid) de vraag staat.
    Afgeleide gegevens (zoals de gezinsgrootte) staan er niet bij: die worden berekend."""
    return [attribuut_uit(a, vocabulaire) for a in vocabulaire.attributen.values()]
