"""The printable overview as a PDF: for a profile (``POST /api/v1/overzicht.pdf``) and for
the profile of a chat conversation (``GET /api/v1/chat/{sessie}/overzicht.pdf``).

A tagged PDF (PDF/UA-1) made with WeasyPrint (see ``bot.overzicht``). Nothing of the
profile or the reference is stored or logged; the answer may not be cached.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from typing import Any

import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from bot.advies import AdviesRegels, geef_advies
from bot.api import voorbeelden
from bot.api.deps import DienstenDep
from bot.api.omzetten import evaluatie_json
from bot.api.profiel import geldig_profiel
from bot.api.routes.chat import (
    CHAT_FOUTEN,
    ChatDep,
    SessieId,
    controleer_origin,
    lees_tracker,
)
from bot.api.schemas import foutantwoord
from bot.diensten import Diensten
from bot.notatie import datum_tekst
from bot.overzicht import MAX_REFERENTIE, LeefloonAdvies, bouw_overzicht, maak_pdf
from bot.overzicht.gesprek import profiel_uit_tracker
from bot.rules import Catalogus, evalueer
from bot.tijd import vandaag

router = APIRouter(tags=["overzicht"])

AdviesMaker = Callable[[dict[str, Any], date], LeefloonAdvies]
"""(validated profile, date) -> the leefloon advice (built on another branch)."""

PDF_TEGELIJK = 2
"""At most this many PDFs are laid out at once (a PDF takes a core for about a second);
more requests wait their turn instead of starving the other endpoints."""


def _beurt(request: Request) -> CapacityLimiter:
    """The app's limiter, made in its event loop on the first PDF."""
    beurt = getattr(request.app.state, "pdf_beurt", None)
    if beurt is None:
        beurt = request.app.state.pdf_beurt = CapacityLimiter(PDF_TEGELIJK)
    return beurt


PDF_ANTWOORD: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        "description": "Een toegankelijke PDF (PDF/UA-1) van één of twee bladzijden. "
        "Het antwoord wordt niet bewaard (Cache-Control: no-store).",
    },
}


class OverzichtVraag(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "profiel": {
                        "gemeente": "Gent",
                        "leeftijd": 34,
                        "samenwonend_met_partner": False,
                        "aantal_kinderen": 0,
                        "woonsituatie": "huurder_privaat",
                        "netto_maandinkomen_gezin": 700,
                        "werksituatie": "zonder_inkomen",
                        "verblijfsstatus": "belg",
                    },
                    "datum": "2025-06-01",
                    "referentie": "dossier 2025/123",
                }
            ]
        }
    )

    profiel: dict[str, Any] = Field(
        default_factory=dict,
        description="Attribuut -> waarde, zoals bij POST /api/v1/evaluatie. Geen naam nodig.",
    )
    datum: date | None = Field(default=None, description="Peildatum; standaard vandaag")
    referentie: str | None = Field(
        default=None,
        description=f"Uw eigen kenmerk (ten hoogste {MAX_REFERENTIE} tekens). Het staat alleen "
        "in de PDF: het wordt niet bewaard en niet gelogd.",
    )
    met_leefloonadvies: bool = Field(
        default=False, description="Voeg het advies over het leefloon toe (voor het OCMW)"
    )


def _fout(veld: str, bericht: str, detail: str = "De vraag klopt niet.") -> HTTPException:
    return HTTPException(
        status_code=422, detail={"detail": detail, "fouten": [{"veld": veld, "bericht": bericht}]}
    )


def _controleer_referentie(referentie: str | None) -> str | None:
    if referentie is None:
        return None
    referentie = " ".join(referentie.split())
    if len(referentie) > MAX_REFERENTIE:
        raise _fout(
            "referentie", f"De referentie is te lang. Gebruik ten hoogste {MAX_REFERENTIE} tekens."
        )
    return referentie or None


def _catalogusversie(diensten: Diensten) -> str:
    versie = diensten.versie
    if versie is None:
        return "onbekend"
    if versie.geladen_op is None:
        return versie.code
    return f"{versie.code}, geladen op {datum_tekst(versie.geladen_op.date())}"


async def _overzicht_pdf(
    request: Request,
    diensten: Diensten,
    ruw: dict[str, Any],
    *,
    peildatum: date,
    referentie: str | None = None,
    alleen: frozenset[str] | None = None,
    maak_advies: AdviesMaker | None = None,
    officieel_voorrang: bool = False,
) -> Response:
    """Validate, evaluate, lay out and render; 422 (Dutch) for a profile that does not fit.

    ``maak_advies`` gets the validated profile and the date and gives the leefloon advice
    for its section (``None``: no section)."""

    def gemeente(tekst: str) -> str:
        return diensten.gemeenten.resolve(tekst, officieel_voorrang=officieel_voorrang).nis

    profiel = geldig_profiel(diensten, ruw, gemeente)
    evaluatie = evalueer(profiel, diensten.catalogus, peildatum, alleen=alleen)
    nis = profiel.get("gemeente")
    overzicht = bouw_overzicht(
        evaluatie_json(evaluatie, diensten),
        gemaakt_op=vandaag(),
        catalogusversie=_catalogusversie(diensten),
        gemeente=diensten.gemeenten.namen().get(nis) if nis else None,
        contacten=[diensten.contactpunten.voor(nis), diensten.contactpunten.algemeen],
        referentie=referentie,
        leefloonadvies=maak_advies(profiel, peildatum) if maak_advies else None,
    )
    pdf = await anyio.to_thread.run_sync(maak_pdf, overzicht, limiter=_beurt(request))
    naam = f"overzicht-sociale-rechten-{peildatum.isoformat()}.pdf"
    return Response(
        content=pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="{naam}"',
            "Cache-Control": "no-store",
        },
    )


@router.post(
    "/overzicht.pdf",
    response_class=Response,
    responses={
        **PDF_ANTWOORD,
        422: foutantwoord("Ongeldig profiel of ongeldige referentie", voorbeelden.FOUT_REFERENTIE),
    },
    summary="Een overzicht om af te drukken (PDF)",
)
async def overzicht_pdf(vraag: OverzichtVraag, request: Request, diensten: DienstenDep) -> Response:
    """De rechten van dit profiel als PDF: eerst wat waarschijnlijk is, dan wat mogelijk is
    en wat nog na te gaan is, met wat u meebrengt en waar u terechtkunt.

    Geen naam nodig. Er wordt niets bewaard of gelogd van het profiel of de referentie.
    """
    referentie = _controleer_referentie(vraag.referentie)
    regels = diensten.leefloonadvies
    maak_advies = (
        partial(_leefloonadvies, diensten.catalogus, regels)
        if vraag.met_leefloonadvies and regels is not None
        else None
    )
    return await _overzicht_pdf(
        request,
        diensten,
        vraag.profiel,
        peildatum=vraag.datum or diensten.peildatum(),
        referentie=referentie,
        maak_advies=maak_advies,
    )


def _leefloonadvies(
    catalogus: Catalogus, regels: AdviesRegels, profiel: Mapping[str, Any], peildatum: date
) -> LeefloonAdvies:
    return geef_advies(profiel, catalogus, regels, peildatum)


GEEN_OVERZICHT = "Er is nog geen overzicht. Beantwoord eerst enkele vragen in het gesprek."


@router.get(
    "/chat/{sessie}/overzicht.pdf",
    response_class=Response,
    responses={
        **PDF_ANTWOORD,
        **CHAT_FOUTEN,
        404: foutantwoord("Nog geen antwoorden in dit gesprek", voorbeelden.FOUT_GEEN_OVERZICHT),
    },
    summary="Het overzicht van dit gesprek (PDF)",
    tags=["chat"],
)
async def gesprek_overzicht_pdf(
    sessie: SessieId, request: Request, chat: ChatDep, diensten: DienstenDep
) -> Response:
    """Hetzelfde overzicht als POST /api/v1/overzicht.pdf, voor wat de persoon in het gesprek
    antwoordde (en voor de rechten waarnaar hij vroeg)."""
    controleer_origin(request, chat)
    tracker = await lees_tracker(chat, sessie)
    gesprek = profiel_uit_tracker(tracker, diensten.vocabulaire.attributen)
    if not gesprek.beantwoord:
        raise HTTPException(status_code=404, detail={"detail": GEEN_OVERZICHT})
    return await _overzicht_pdf(
        request,
        diensten,
        gesprek.profiel,
        peildatum=diensten.peildatum(),
        alleen=gesprek.rechten,
        officieel_voorrang=True,
    )
