"""GET /api/v1/rechten and /api/v1/rechten/{id} — the catalogue of rights."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query

from bot.api import voorbeelden
from bot.api.deps import DienstenDep, SessieDep
from bot.api.routes.gemeenten import gemeente_ongeldig
from bot.api.schemas import (
    ContactgegevenUit,
    RechtDetail,
    RechtKort,
    VoorwaardeUit,
    foutantwoord,
    met_voorbeeld,
)
from bot.catalogue.fouten import RechtNietGevonden
from bot.catalogue.models import Product
from bot.catalogue.repository import RechtInfo, recht, samenvatting, zoek_rechten
from bot.diensten import Diensten, rechtteksten, samen_tekst
from bot.gemeenten import GemeenteFout

router = APIRouter(tags=["rechten"])


def _bron_url(info: RechtInfo, diensten: Diensten) -> str:
    uit_motor = diensten.catalogus.recht(info.recht_id)
    if uit_motor is not None:
        return uit_motor.bron_url
    return (info.definitie or {}).get("bron_url", "")


def _adres(adres: dict[str, Any] | None) -> str | None:
    """``Straat 12 bus A, 3000 Gemeente`` (the country only when it is not Belgium)."""
    if not adres:
        return None
    straat = " ".join(str(d) for d in (adres.get("straat"), adres.get("huisnummer")) if d)
    if straat and adres.get("busnummer"):
        straat += f" bus {adres['busnummer']}"
    plaats = " ".join(str(d) for d in (adres.get("postcode"), adres.get("gemeente")) if d)
    land = adres.get("land") if adres.get("land") not in (None, "België", "Belgium") else None
    return ", ".join(d for d in (straat, plaats, land) if d) or None


def _contactgegevens(product: Product | None) -> list[ContactgegevenUit]:
    uit = []
    for c in product.contactgegevens if product is not None else []:
        gegeven = ContactgegevenUit(
            adres=_adres(c.get("adres")),
            telefoon=c.get("telefoonnummer"),
            email=c.get("email"),
            website=c.get("url"),
            openingsuren=c.get("openingsuren"),
        )
        if any(gegeven.model_dump().values()):
            uit.append(gegeven)
    return uit


def _kort(info: RechtInfo, diensten: Diensten) -> RechtKort:
    definitie = info.definitie or {}
    korte_tekst = definitie.get("samenvatting")
    if korte_tekst is None and info.product is not None:
        korte_tekst = samenvatting(info.product)
    return RechtKort(
        id=info.recht_id,
        naam=info.naam,
        niveau=info.niveau,
        gemeenten=list(info.gemeenten) or None,
        bron_url=_bron_url(info, diensten),
        thema=list(info.themas),
        samenvatting=korte_tekst,
        automatisch=definitie.get("automatisch"),
        machineleesbare_regels=info.heeft_regels,
    )


@router.get(
    "/rechten",
    response_model=list[RechtKort],
    responses={
        200: met_voorbeeld(voorbeelden.RECHTEN, "De rechten die passen (hier voor `q=huurpremie`)"),
        422: foutantwoord(
            "Onbekende gemeente of ongeldige parameter", voorbeelden.FOUT_GEMEENTE_FILTER
        ),
    },
    summary="Rechten zoeken en filteren",
)
def lijst_rechten(
    diensten: DienstenDep,
    sessie: SessieDep,
    thema: Annotated[str | None, Query(max_length=100, description="Thema (code of naam)")] = None,
    niveau: Literal["federaal", "vlaams", "lokaal"] | None = None,
    gemeente: Annotated[
        str | None, Query(max_length=100, description="Naam of NIS-code: rechten die daar gelden")
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Zoekwoorden in gewone taal, bv. 'tandarts te duur'. "
            "Beste eerst; tikfouten en gewone woorden mogen.",
        ),
    ] = None,
) -> list[RechtKort]:
    nis = None
    if gemeente:
        try:
            nis = diensten.los_gemeente_op(gemeente)
        except GemeenteFout as fout:
            raise gemeente_ongeldig(fout) from None
    rechten = zoek_rechten(
        sessie, q=q, thema=thema, niveau=niveau, gemeente=nis, index=diensten.zoekindex
    )
    return [_kort(r, diensten) for r in rechten]


@router.get(
    "/rechten/{recht_id}",
    response_model=RechtDetail,
    responses={
        404: foutantwoord("Dit recht staat niet in de catalogus", voorbeelden.FOUT_RECHT_ONBEKEND),
        422: foutantwoord("Ongeldige vraag", voorbeelden.FOUT_ONGELDIGE_VRAAG),
    },
    summary="Eén recht in detail",
)
def toon_recht(recht_id: str, diensten: DienstenDep, sessie: SessieDep) -> RechtDetail:
    try:
        info = recht(sessie, recht_id)
    except RechtNietGevonden:
        raise HTTPException(
            status_code=404, detail=f"Het recht '{recht_id}' staat niet in de catalogus."
        ) from None
    kort = _kort(info, diensten)
    definitie = info.definitie or {}
    teksten = rechtteksten(info)
    product = info.product
    motor = diensten.catalogus.recht(info.recht_id)
    voorwaarden = [
        VoorwaardeUit(id=v.id, tekst=v.tekst, bron=v.bron)
        for v in (motor.voorwaarden if motor else ())
    ]
    links = []
    if product is not None:
        if product.publicatie_link and product.publicatie_link.get("url"):
            links.append(product.publicatie_link["url"])
        links += [w["url"] for w in product.websites if w.get("url")]
        for p in product.procedures:
            links += [w["url"] for w in p.get("websites", []) if w.get("url")]

    return RechtDetail(
        **kort.model_dump(),
        beschrijving=product.beschrijving_html if product else None,
        beschrijving_tekst=product.beschrijving_tekst if product else None,
        voorwaarden_tekst=samen_tekst(product.voorwaarden) if product else None,
        voorwaarden=voorwaarden,
        aanvragen=teksten.aanvragen,
        bewijsstukken=teksten.bewijsstukken,
        kosten=samen_tekst(product.kosten) if product else None,
        financiele_voordelen=samen_tekst(product.financiele_voordelen) if product else None,
        links=list(dict.fromkeys(links)),
        zoektermen=list(
            dict.fromkeys(
                [*(product.zoektermen if product else ()), *definitie.get("zoektermen", ())]
            )
        ),
        voor_wie=list(definitie.get("voor_wie", ())),
        productnummer=product.productnummer if product else None,
        laatst_gewijzigd=product.laatst_gewijzigd.isoformat()
        if product and product.laatst_gewijzigd
        else None,
        contactgegevens=_contactgegevens(product),
    )
