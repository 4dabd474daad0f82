"""The hand-over of a chat to a social worker, with the person's consent (``bot.overdracht``).

``POST /api/v1/chat/{sessie}/overdracht``: after the person said yes in the chat, the widget
asks a code for its conversation. The profile is read from the bot's tracker, encrypted and
kept until the code is redeemed or expires. Each yes gives one code.

``POST /api/v1/overdracht/inwisselen``: a social worker (HTTP Basic, ``Settings.begeleiders``)
redeems a code once and gets the same profile. Wrong codes are limited per login, per address
and for everyone. Nothing of the code or the profile is logged.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.security import HTTPBasicCredentials
from pydantic import BaseModel, ConfigDict, Field, SecretStr
from sqlalchemy.orm import Session, sessionmaker

from bot.api.deps import (
    SLEUTEL_FOUT,
    BasisLogin,
    DienstenDep,
    InstellingenDep,
    IntegratieSleutel,
    is_integratiesleutel,
)
from bot.api.routes.chat import (
    CHAT_FOUTEN,
    ChatDep,
    SessieId,
    _niet_bereikbaar,
    _rasa,
    controleer_origin,
    lees_tracker,
)
from bot.api.schemas import foutantwoord
from bot.notatie import datum_tekst
from bot.overdracht import (
    CodeOnbekend,
    CodeOngeldig,
    Kluis,
    Overdrachten,
    Pogingen,
    laad_of_maak_sleutel,
    toon_code,
)
from bot.overdracht.code import ONGELDIG
from bot.overdracht.opslag import GEBRUIKT_OF_VERLOPEN
from bot.overzicht.gesprek import profiel_uit_tracker
from bot.settings import Settings
from bot.tijd import TIJDZONE

router = APIRouter()

TOESTEMMING_SLOT = "overdracht_toestemming"
"""As ``actions.overdracht.TOESTEMMING_SLOT``: set by the bot when the person said yes."""
REALM = "Rechtenverkenner voor sociaal werkers"

GEEN_TOESTEMMING = "Er is niets doorgegeven. Dat kan alleen nadat u in het gesprek ja hebt gezegd."
GEEN_ANTWOORDEN = "Er is nog niets om door te geven. Beantwoord eerst enkele vragen."
NIET_INGESTELD = (
    "Codes inwisselen is hier nog niet ingesteld. De beheerder moet eerst de sociaal "
    "werkers en hun wachtwoord instellen (BEGELEIDERS)."
)
NIET_AANGEMELD = "Meld u aan als sociaal werker om een code in te wisselen."


def te_veel(minuten: int) -> str:
    return f"U probeerde te veel foute codes. Wacht {minuten} minuten en probeer dan opnieuw."


@dataclass
class OverdrachtDiensten:
    """Built at start-up: the store, the attempt limits and the social workers' logins."""

    opslag: Overdrachten
    pogingen: Pogingen
    begeleiders: dict[str, SecretStr] = field(default_factory=dict)

    def aangemeld(self, login: str, wachtwoord: str) -> bool:
        """Constant time in the password; an unknown login costs the same comparison."""
        bekend = self.begeleiders.get(login)
        verwacht = bekend.get_secret_value() if bekend is not None else "\0" * 32
        gelijk = hmac.compare_digest(wachtwoord.encode(), verwacht.encode())
        return gelijk and bekend is not None


def bouw_overdracht(
    instellingen: Settings, sessiemaker: sessionmaker[Session]
) -> OverdrachtDiensten:
    """At start-up: the key (from the settings, else the key file) and the store; the
    expired hand-overs are purged."""
    sleutel = instellingen.overdracht_sleutel
    kluis = Kluis(
        sleutel.get_secret_value()
        if sleutel is not None
        else laad_of_maak_sleutel(instellingen.overdracht_sleutelbestand)
    )
    opslag = Overdrachten(sessiemaker, kluis, timedelta(days=instellingen.overdracht_dagen))
    opslag.ruim_op()
    pogingen = Pogingen(
        instellingen.overdracht_max_fouten,
        instellingen.overdracht_max_fouten_totaal,
        instellingen.overdracht_venster_minuten * 60.0,
    )
    return OverdrachtDiensten(opslag, pogingen, dict(instellingen.begeleiders))


async def get_overdracht(request: Request) -> OverdrachtDiensten:
    return request.app.state.overdracht


OverdrachtDep = Annotated[OverdrachtDiensten, Depends(get_overdracht)]
_basic = BasisLogin(melding=NIET_AANGEMELD, auto_error=False, realm=REALM)


def adres_van(request: Request) -> str:
    """The client's address as the limit per address found it (``X-Forwarded-For`` only
    from our own proxies: see ``bot.api.klantadres``)."""
    adres = getattr(request.state, "klantadres", None)
    if adres is None:
        adres = request.client.host if request.client else "onbekend"
    return f"adres:{adres}"


def _te_veel(dienst: OverdrachtDiensten) -> HTTPException:
    venster = int(dienst.pogingen.venster)
    return HTTPException(
        status_code=429,
        detail={"detail": te_veel(venster // 60)},
        headers={"Retry-After": str(venster)},
    )


async def get_begeleider(
    request: Request,
    dienst: OverdrachtDep,
    inlog: Annotated[HTTPBasicCredentials | None, Depends(_basic)],
    instellingen: InstellingenDep,
    sleutel: IntegratieSleutel = None,
) -> str:
    """The login of the social worker who asks (HTTP Basic), or "integrator" for a valid
    integrator key (``X-API-Sleutel``, server to server). A wrong password or key counts
    as a wrong attempt of that address."""
    adres = adres_van(request)
    if dienst.pogingen.geblokkeerd([adres]):
        raise _te_veel(dienst)
    if sleutel is not None:
        if is_integratiesleutel(instellingen, sleutel):
            return "integrator"
        dienst.pogingen.fout([adres])
        raise HTTPException(status_code=403, detail={"detail": SLEUTEL_FOUT})
    if not dienst.begeleiders:
        raise HTTPException(status_code=503, detail={"detail": NIET_INGESTELD})
    if inlog is None or not dienst.aangemeld(inlog.username, inlog.password):
        if inlog is not None:
            dienst.pogingen.fout([adres])
        raise HTTPException(
            status_code=401,
            detail={"detail": NIET_AANGEMELD},
            headers={"WWW-Authenticate": f'Basic realm="{REALM}", charset="UTF-8"'},
        )
    return inlog.username


BegeleiderDep = Annotated[str, Depends(get_begeleider)]


class OverdrachtCode(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "code": "KEM4-7XPA",
                    "geldig_tot": "2025-06-08",
                    "tekst": (
                        "Uw code is KEM4-7XPA. Geef die code aan uw maatschappelijk werker. "
                        "De code werkt één keer, tot en met 8 juni 2025. "
                        "Daarna wordt alles gewist."
                    ),
                }
            ]
        }
    )

    code: str = Field(description="De code om voor te lezen, bv. KEM4-7XPA")
    geldig_tot: date = Field(description="De laatste dag waarop de code werkt")
    tekst: str = Field(description="Wat de chat toont: de code, tot wanneer, en wat nu")


class Inwisselen(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"code": "KEM4-7XPA"}]}
    )

    code: str = Field(max_length=40, description="De code uit het gesprek (met of zonder streepje)")


class OverdrachtProfiel(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "profiel": {
                        "gemeente": "Gent",
                        "leeftijd": 34,
                        "samenwonend_met_partner": False,
                        "aantal_kinderen": 2,
                        "netto_maandinkomen_gezin": None,
                    },
                    "rechten": None,
                }
            ]
        }
    )

    profiel: dict[str, Any] = Field(
        description="Attribuut -> waarde, zoals de assistent het noteerde (null: weet ik niet)"
    )
    rechten: list[str] | None = Field(
        description="De rechten waarnaar de persoon vroeg; null voor alle rechten"
    )


def geldig_tot(vervalt_op: datetime) -> date:
    """The last day the code works, in Belgian time."""
    return (vervalt_op - timedelta(microseconds=1)).astimezone(TIJDZONE).date()


def code_tekst(code: str, tot: date) -> str:
    return (
        f"Uw code is {toon_code(code)}. Geef die code aan uw maatschappelijk werker. "
        f"De code werkt één keer, tot en met {datum_tekst(tot)}. "
        "Daarna wordt alles gewist."
    )


@router.post(
    "/chat/{sessie}/overdracht",
    status_code=201,
    response_model=OverdrachtCode,
    responses={
        **CHAT_FOUTEN,
        403: foutantwoord(
            "Geen toestemming in dit gesprek (of een andere website)",
            {"detail": GEEN_TOESTEMMING},
        ),
        404: foutantwoord("Nog geen antwoorden in dit gesprek", {"detail": GEEN_ANTWOORDEN}),
    },
    summary="Een code om dit gesprek door te geven aan een maatschappelijk werker",
    tags=["chat"],
)
async def maak_overdracht(
    sessie: SessieId,
    request: Request,
    response: Response,
    chat: ChatDep,
    diensten: DienstenDep,
    dienst: OverdrachtDep,
) -> OverdrachtCode:
    """Alleen nadat de persoon in het gesprek ja zei. Het profiel wordt versleuteld bewaard
    tot de code gebruikt is of vervalt. Elke toestemming geeft één code."""
    controleer_origin(request, chat)
    response.headers["Cache-Control"] = "no-store"
    tracker = await lees_tracker(chat, sessie)
    if (tracker.get("slots") or {}).get(TOESTEMMING_SLOT) is not True:
        raise HTTPException(status_code=403, detail={"detail": GEEN_TOESTEMMING})
    gesprek = profiel_uit_tracker(tracker, diensten.vocabulaire.attributen)
    if not gesprek.beantwoord:
        raise HTTPException(status_code=404, detail={"detail": GEEN_ANTWOORDEN})
    # the consent is for one code: taken back before anything is kept
    terug = [{"event": "slot", "name": TOESTEMMING_SLOT, "value": False}]
    antwoord = await _rasa(
        chat,
        "POST",
        f"/conversations/{sessie}/tracker/events",
        json=terug,
        params=chat.api_params,
    )
    if antwoord.status_code != 200:
        raise _niet_bereikbaar()
    inhoud = {
        "profiel": gesprek.profiel,
        "rechten": sorted(gesprek.rechten) if gesprek.rechten else None,
    }
    bewaard = await anyio.to_thread.run_sync(dienst.opslag.bewaar, inhoud)
    tot = geldig_tot(bewaard.vervalt_op)
    return OverdrachtCode(
        code=toon_code(bewaard.code), geldig_tot=tot, tekst=code_tekst(bewaard.code, tot)
    )


@router.post(
    "/overdracht/inwisselen",
    response_model=OverdrachtProfiel,
    responses={
        401: foutantwoord("Niet aangemeld als sociaal werker", {"detail": NIET_AANGEMELD}),
        403: foutantwoord("De integratiesleutel klopt niet", {"detail": SLEUTEL_FOUT}),
        404: foutantwoord("De code is al gebruikt of verlopen", {"detail": GEBRUIKT_OF_VERLOPEN}),
        422: foutantwoord(
            "Dit is geen code",
            {"detail": "De vraag klopt niet.", "fouten": [{"veld": "code", "bericht": ONGELDIG}]},
        ),
        429: foutantwoord("Te veel foute codes", {"detail": te_veel(15)}),
        503: foutantwoord("Inwisselen is niet ingesteld", {"detail": NIET_INGESTELD}),
    },
    summary="Een code uit een gesprek inwisselen (sociaal werkers)",
    tags=["overdracht"],
)
async def wissel_in(
    vraag: Inwisselen,
    request: Request,
    response: Response,
    begeleider: BegeleiderDep,
    dienst: OverdrachtDep,
) -> OverdrachtProfiel:
    """Geeft het profiel van het gesprek terug en wist het meteen: een code werkt één keer."""
    response.headers["Cache-Control"] = "no-store"
    clients = (f"login:{begeleider}", adres_van(request))
    if dienst.pogingen.geblokkeerd(clients):
        raise _te_veel(dienst)
    try:
        inhoud = await anyio.to_thread.run_sync(dienst.opslag.wissel_in, vraag.code)
    except CodeOngeldig as fout:
        dienst.pogingen.fout(clients)
        raise HTTPException(
            status_code=422,
            detail={
                "detail": "De vraag klopt niet.",
                "fouten": [{"veld": "code", "bericht": str(fout)}],
            },
        ) from None
    except CodeOnbekend as fout:
        dienst.pogingen.fout(clients)
        raise HTTPException(status_code=404, detail={"detail": str(fout)}) from None
    return OverdrachtProfiel(profiel=inhoud.get("profiel") or {}, rechten=inhoud.get("rechten"))
