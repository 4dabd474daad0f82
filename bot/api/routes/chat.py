"""POST /api/v1/chat — the widget talks to the bot through us, never to Rasa directly.

We forward to Rasa's REST channel (Rasa listens on 127.0.0.1 only), check the ``Origin``
against the allowed sites, limit the size and the rate of messages per session, and answer
in Dutch when the bot is down. Nothing of the conversation is logged here.

The safety net (``bot.chat.vangnet``) reads each message first: personal identifiers are
removed before Rasa gets it (so they are never in its tracker), and urgent help, a note in
the person's own language or a note about the identifiers comes before the bot's answer.
Those messages are added to the tracker as bot events with our metadata, so the history
shows them (in their place, before that turn's answer) and they are said only once.
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
from typing import Annotated, Any

import httpx
from fastapi import APIRouter, Depends, HTTPException, Path, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from bot.api import voorbeelden
from bot.api.rasa import RasaReplicas
from bot.api.schemas import foutantwoord
from bot.api.tellers import GeheugenTeller, Teller
from bot.chat.vangnet import METADATA, Extra, Lezing, Vangnet, gezegd_in
from bot.gesprekken.opslag import Gesprekopslag, GesprekopslagFout

router = APIRouter(tags=["chat"])
log = logging.getLogger(__name__)

SESSIE_PATROON = r"^[A-Za-z0-9_-]{8,64}$"
NIET_BEREIKBAAR = "De assistent is even niet bereikbaar. Probeer het over enkele minuten opnieuw."
VENSTER = 60.0


CHAT_FOUTEN: dict[int | str, dict[str, Any]] = {
    403: foutantwoord("Deze website mag de chat niet gebruiken (Origin)", voorbeelden.FOUT_ORIGIN),
    422: foutantwoord("Ongeldige sessie", voorbeelden.FOUT_SESSIE),
    503: foutantwoord("De assistent is niet bereikbaar", voorbeelden.FOUT_NIET_BEREIKBAAR),
}
"""The errors of every chat operation (the origin, the session id, the bot)."""


class ChatIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [voorbeelden.CHAT_VRAAG]}
    )

    sessie: str = Field(pattern=SESSIE_PATROON, description="Willekeurige id van het gesprek")
    bericht: str = Field(min_length=1, description="Wat de gebruiker typt of kiest")


class Knop(BaseModel):
    titel: str
    payload: str


ACTIES = frozenset({"overdracht"})
"""What the bot may ask the widget to do (``custom.actie``): ``overdracht``: ask the code
of the hand-over (``POST /api/v1/chat/{sessie}/overdracht``)."""


class BotBericht(BaseModel):
    van: str = "bot"
    tekst: str = ""
    knoppen: list[Knop] = []
    actie: str | None = None
    """For the widget, only in a fresh answer (not in the history): see ``ACTIES``."""


class ChatUit(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [voorbeelden.CHAT_ANTWOORD]})

    berichten: list[BotBericht]


class Geschiedenis(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [voorbeelden.GESCHIEDENIS]})

    berichten: list[BotBericht]


class Tempobewaker:
    """At most ``maximum`` messages per session in a minute (counted by a :class:`Teller`,
    the same kind that counts per address: see ``bot.api.tellers``)."""

    def __init__(self, maximum: int, teller: Teller) -> None:
        self.maximum = maximum
        self.teller = teller

    async def wachttijd(self, sessie: str) -> float:
        """0 when this message may go to the bot, else the seconds to wait."""
        return await self.teller.tel(f"sessie:{sessie}", self.maximum, VENSTER)


class ChatDiensten:
    """Built at start-up: the HTTP client to Rasa and the settings the chat needs."""

    def __init__(
        self,
        rasa_url: str,
        origins: list[str],
        max_tekens: int,
        max_per_minuut: int,
        vangnet: Vangnet,
        timeout: float = 30.0,
        rasa_token: str | None = None,
        teller: Teller | None = None,
        gesprekken: Gesprekopslag | None = None,
    ) -> None:
        self.client = RasaReplicas(rasa_url, timeout)
        """Rasa's HTTP API: one replica, or several used in turn (``RASA_URL`` a, b)."""
        self.api_params: dict[str, str] = {"token": rasa_token} if rasa_token else {}
        """Query parameters of every call to Rasa's HTTP API (``/conversations/...``):
        the token, as Rasa expects it. The REST channel does not take it."""
        self.origins = {o.rstrip("/") for o in origins}
        self.max_tekens = max_tekens
        self.tempo = Tempobewaker(max_per_minuut, teller or GeheugenTeller())
        self.vangnet = vangnet
        self.gesprekken = gesprekken
        """Rasa's tracker store: "wis mijn gesprek" deletes there (None: only in tests
        that never delete)."""

    async def sluit(self) -> None:
        await self.client.aclose()
        if self.gesprekken is not None:
            self.gesprekken.sluit()


async def get_chat(request: Request) -> ChatDiensten:
    return request.app.state.chat


ChatDep = Annotated[ChatDiensten, Depends(get_chat)]
SessieId = Annotated[str, Path(pattern=SESSIE_PATROON)]


def controleer_origin(request: Request, chat: ChatDiensten) -> None:
    """No Origin (not a browser, or same-origin GET) and our own site are fine."""
    origin = request.headers.get("origin")
    if origin is None:
        return
    origin = origin.rstrip("/")
    eigen = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin != eigen and origin not in chat.origins:
        raise HTTPException(
            status_code=403,
            detail={"detail": "Deze website mag de chat niet gebruiken.", "fouten": []},
        )


def _niet_bereikbaar() -> HTTPException:
    return HTTPException(status_code=503, detail={"detail": NIET_BEREIKBAAR})


def _bericht(ruw: dict[str, Any]) -> BotBericht:
    knoppen = [
        Knop(titel=str(k.get("title", "")), payload=str(k.get("payload", "")))
        for k in ruw.get("buttons") or []
        if isinstance(k, dict)
    ]
    eigen = ruw.get("custom")
    actie = eigen.get("actie") if isinstance(eigen, dict) else None
    return BotBericht(
        tekst=str(ruw.get("text") or ""),
        knoppen=knoppen,
        actie=actie if actie in ACTIES else None,
    )


def _knoptitel(berichten: list[BotBericht], tekst: str) -> str:
    """A clicked button is stored as its payload: show the title the person saw."""
    for bericht in reversed(berichten):
        for knop in bericht.knoppen:
            if knop.payload == tekst:
                return knop.titel
        if bericht.van == "gebruiker":
            break
    return tekst


async def _rasa(chat: ChatDiensten, methode: str, pad: str, **kwargs: Any) -> httpx.Response:
    try:
        antwoord = await chat.client.request(methode, pad, **kwargs)
    except httpx.HTTPError as fout:
        raise _niet_bereikbaar() from fout
    if antwoord.status_code >= 500:
        raise _niet_bereikbaar()
    if antwoord.status_code in (401, 403):  # for the person, the bot is just not there
        log.error("Rasa weigert de vraag: het token (RASA_TOKEN) ontbreekt of klopt niet.")
        raise _niet_bereikbaar()
    return antwoord


async def lees_tracker(chat: ChatDiensten, sessie: str) -> dict[str, Any]:
    """The conversation as Rasa keeps it (events and slots); 503 when Rasa cannot say."""
    antwoord = await _rasa(chat, "GET", f"/conversations/{sessie}/tracker", params=chat.api_params)
    if antwoord.status_code != 200:
        raise _niet_bereikbaar()
    return antwoord.json()


@router.post(
    "/chat",
    response_model=ChatUit,
    responses={
        **CHAT_FOUTEN,
        422: foutantwoord("Ongeldige sessie of te lang bericht", voorbeelden.FOUT_CHAT_BERICHT),
        429: foutantwoord("Te veel berichten in een minuut", voorbeelden.FOUT_TE_SNEL),
    },
    response_model_exclude_none=True,  # "actie" only when the widget has something to do
    summary="Een bericht aan de assistent",
)
async def chat_bericht(vraag: ChatIn, request: Request, chat: ChatDep) -> ChatUit:
    """Stuurt het bericht door naar de assistent en geeft zijn antwoorden terug."""
    controleer_origin(request, chat)
    if len(vraag.bericht) > chat.max_tekens:
        raise HTTPException(
            status_code=422,
            detail={
                "detail": "De vraag klopt niet.",
                "fouten": [
                    {
                        "veld": "bericht",
                        "bericht": f"Uw bericht is te lang. Gebruik ten hoogste "
                        f"{chat.max_tekens} tekens.",
                    }
                ],
            },
        )
    wacht = await chat.tempo.wachttijd(vraag.sessie)
    if wacht:
        raise HTTPException(
            status_code=429,
            detail={"detail": "U stuurt te veel berichten kort na elkaar. Wacht even."},
            headers={"Retry-After": str(math.ceil(wacht))},
        )
    lezing = chat.vangnet.lees(vraag.bericht)
    berichten: list[BotBericht] = []
    if lezing.doorsturen:  # a message of only an identifier does not go to the bot
        try:
            berichten = await _naar_de_bot(chat, vraag.sessie, lezing)
        except HTTPException:
            if not lezing.nood:
                raise
            # someone in need gets where to go now, also when the bot is down
            berichten = [BotBericht(tekst=NIET_BEREIKBAAR)]
    if lezing.iets_te_zeggen:
        extra = await _vangnet_berichten(chat, vraag.sessie, lezing)
        berichten = [BotBericht(tekst=e.tekst) for e in extra] + berichten
    return ChatUit(berichten=berichten)


async def _naar_de_bot(chat: ChatDiensten, sessie: str, lezing: Lezing) -> list[BotBericht]:
    """The bot's answers. The bot hears what the safety net recognised (another language,
    an urgent situation): it then does not say it did not understand after our note."""
    bericht: dict[str, Any] = {"sender": sessie, "message": lezing.doorsturen}
    metadata = {"taal": lezing.taal, "nood": list(lezing.nood)}
    if any(metadata.values()):
        bericht["metadata"] = {k: v for k, v in metadata.items() if v}
    antwoord = await _rasa(chat, "POST", "/webhooks/rest/webhook", json=bericht)
    if antwoord.status_code != 200:
        raise _niet_bereikbaar()
    return [_bericht(b) for b in antwoord.json() if isinstance(b, dict)]


async def _vangnet_berichten(chat: ChatDiensten, sessie: str, lezing: Lezing) -> list[Extra]:
    """The safety net's messages for this turn, remembered in the tracker.

    What was said before and the municipality come from the tracker. When Rasa does not
    answer here, the messages are still shown (help in need comes first), just not kept.
    """
    gebeurtenissen: list[Any] = []
    gemeente: str | None = None
    try:
        antwoord = await chat.client.get(f"/conversations/{sessie}/tracker", params=chat.api_params)
        if antwoord.status_code == 200:
            tracker = antwoord.json()
            gebeurtenissen = tracker.get("events") or []
            slot = (tracker.get("slots") or {}).get("gemeente")
            gemeente = slot if isinstance(slot, str) else None
    except httpx.HTTPError:
        pass
    extra = chat.vangnet.berichten(lezing, gezegd_in(gebeurtenissen), gemeente)
    if extra:
        nu = time.time()
        events = [
            {
                "event": "bot",
                "text": e.tekst,
                "timestamp": nu,
                "metadata": {
                    METADATA: {
                        "vangnet": list(e.sleutels),
                        # shown before this turn's answer, also in the history
                        "voor_antwoord": bool(lezing.doorsturen),
                    }
                },
            }
            for e in extra
        ]
        with contextlib.suppress(httpx.HTTPError):
            await chat.client.post(
                f"/conversations/{sessie}/tracker/events", json=events, params=chat.api_params
            )
    return extra


@router.get(
    "/chat/{sessie}/geschiedenis",
    response_model=Geschiedenis,
    responses=CHAT_FOUTEN,
    response_model_exclude_none=True,
    summary="Het gesprek tot nu toe (na het herladen van de pagina)",
)
async def geschiedenis(sessie: SessieId, request: Request, chat: ChatDep) -> Geschiedenis:
    controleer_origin(request, chat)
    tracker = await lees_tracker(chat, sessie)
    berichten: list[BotBericht] = []
    voor_antwoord: int | None = None  # where the safety net's messages of this turn go
    for gebeurtenis in tracker.get("events") or []:
        soort = gebeurtenis.get("event")
        if soort == "restart":
            berichten, voor_antwoord = [], None
        elif soort == "user" and gebeurtenis.get("text"):
            tekst = _knoptitel(berichten, gebeurtenis["text"])
            berichten.append(BotBericht(van="gebruiker", tekst=tekst))
            voor_antwoord = len(berichten)
        elif soort == "bot":
            data = gebeurtenis.get("data") or {}
            bericht = _bericht({"text": gebeurtenis.get("text"), "buttons": data.get("buttons")})
            if not (bericht.tekst or bericht.knoppen):
                continue
            eigen = (gebeurtenis.get("metadata") or {}).get(METADATA) or {}
            if eigen.get("voor_antwoord") and voor_antwoord is not None:
                berichten.insert(voor_antwoord, bericht)
                voor_antwoord += 1
            else:
                berichten.append(bericht)
    return Geschiedenis(berichten=berichten)


@router.delete(
    "/chat/{sessie}",
    status_code=204,
    responses={
        204: {"description": "Het gesprek is gewist"},
        **CHAT_FOUTEN,
        503: foutantwoord(
            "De opslag van gesprekken is niet bereikbaar", voorbeelden.FOUT_NIET_GEWIST
        ),
    },
    summary="Wis mijn gesprek (ook op de server)",
    response_class=Response,
)
async def wis_gesprek(sessie: SessieId, request: Request, chat: ChatDep) -> Response:
    """Wist het gesprek meteen waar de assistent het bewaart (niet alleen in dit venster)."""
    controleer_origin(request, chat)
    if chat.gesprekken is None:
        raise _niet_bereikbaar()
    try:
        # in the store itself: Rasa's API only adds rows, it never deletes
        await run_in_threadpool(chat.gesprekken.wis, sessie)
    except GesprekopslagFout as fout:
        raise HTTPException(status_code=503, detail={"detail": str(fout)}) from fout
    return Response(status_code=204)
