"""Does the bot understand people who type the way people type? (issue 11, "Proof")

More than 40 personas (``tests/bot/personas/*.yaml``) talk to the real stack: the web app
(``POST /api/v1/chat``, with its safety net) in front of the real Rasa server and action
server, started once for this module at a fixed date. After every turn we read the bot's
slots from Rasa's tracker and judge the turn (see ``persona_spelen``).

The suite fails on the share of turns understood over all personas (below
:data:`ONDERGRENS`: for now the ratchet :data:`ONDERGRENS_NU`, 87 %, because today's bot
is below the issue's 90 %) and on hard failures (an HTTP error, a stack trace, a lost
conversation); never on one persona alone. A persona with turns that were not understood
is shown as xfail with its count; the report (every failed turn) is printed at the end.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from botproces import BotServer, draaiende_bot
from persona_laden import Persona, laad_personas
from persona_rapport import aandeel, rapport
from persona_spelen import Speler, Uitslag, speel_alle

from bot.vocabulary import laad_vocabulaire

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from serverproces import start_server  # noqa: E402

pytestmark = pytest.mark.bot

DOEL_ISSUE = 0.90
"""Issue 11: the suite fails below 90 % of turns understood."""
STREEFDOEL = 0.95
"""Issue 11: the target, 95 % of turns understood."""
ONDERGRENS_NU = 0.90
"""A ratchet: the share measured, rounded down, until it reached :data:`DOEL_ISSUE`.
On 2026-12-06 the bot went from 87.3 % to 94.9 % (538 of 567 turns), so the floor is now
the issue's 90 %. Never lower it."""
ONDERGRENS = min(ONDERGRENS_NU, DOEL_ISSUE)
"""The floor this test enforces."""
PEILDATUM = "2025-06-01"
"""The action server evaluates on this date, so results do not depend on today."""
WERKERS = 3
"""Personas played at the same time (separate conversations)."""

PERSONAS = laad_personas()


@contextmanager
def omgeving(**waarden: str) -> Iterator[None]:
    """Environment variables for the processes started inside (restored after)."""
    oud = {k: os.environ.get(k) for k in waarden}
    os.environ.update(waarden)
    try:
        yield
    finally:
        for k, v in oud.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@dataclass
class Stack:
    bot: BotServer
    api_url: str


@pytest.fixture(scope="module")
def stack(getraind_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Actions + Rasa + the web app, once for this module, at :data:`PEILDATUM`."""
    map_ = tmp_path_factory.mktemp("personas")
    with omgeving(PEILDATUM=PEILDATUM), draaiende_bot(getraind_model, map_) as bot:
        with omgeving(
            RASA_URL=bot.url,
            RASA_TOKEN=bot.token,
            PEILDATUM=PEILDATUM,
            # one persona may type faster than a person: the rate limit is not measured here
            CHAT_MAX_PER_MINUUT="100000",
        ):
            proces, api_url = start_server(f"sqlite:///{map_ / 'api.db'}", map_ / "api.log")
        try:
            yield Stack(bot, api_url)
        finally:
            proces.terminate()
            proces.wait(timeout=10)


@dataclass
class Meting:
    uitslagen: dict[str, Uitslag]
    seconden: float


@pytest.fixture(scope="module")
def meting(stack: Stack) -> Meting:
    # warm-up: the first action builds the engine
    httpx.post(
        f"{stack.api_url}/api/v1/chat",
        json={"sessie": "opwarmen-personas", "bericht": "hallo"},
        timeout=120.0,
    ).raise_for_status()
    speler = Speler(stack.api_url, stack.bot.url, laad_vocabulaire(), stack.bot.token)
    begin = time.monotonic()
    uitslagen = speel_alle(speler, PERSONAS, WERKERS)
    return Meting(uitslagen, time.monotonic() - begin)


def test_genoeg_personas() -> None:
    assert len(PERSONAS) >= 40, f"issue 11 vraagt minstens 40 personas, er zijn er {len(PERSONAS)}"
    assert (
        len({p.categorie for p in PERSONAS} | {b.categorie for p in PERSONAS for b in p.beurten})
        >= 10
    )


@pytest.mark.parametrize("persona", PERSONAS, ids=[p.id for p in PERSONAS])
def test_persona(persona: Persona, meting: Meting) -> None:
    """One persona: fails only on a hard failure; turns not understood make it xfail."""
    u = meting.uitslagen[persona.id]
    assert not u.harde_fouten, "\n".join(u.harde_fouten)
    niet = [s for s in u.stappen if not s.begrepen]
    if niet or (persona.einde is not None and not u.einde_gehaald):
        eerste = niet[0] if niet else None
        pytest.xfail(
            f"{len(niet)}/{len(u.stappen)} beurten niet begrepen"
            + (f"; eerste: #{eerste.nummer} {eerste.tekst!r}" if eerste else "")
            + (
                ""
                if u.einde_gehaald or persona.einde is None
                else f"; einde {persona.einde} niet gehaald"
            )
        )


def test_aandeel_begrepen(meting: Meting, capsys: pytest.CaptureFixture[str]) -> None:
    uitslagen = meting.uitslagen
    tekst = rapport(uitslagen, ONDERGRENS, DOEL_ISSUE, STREEFDOEL)
    tekst += f"\n(gespeeld in {meting.seconden:.0f} s, {WERKERS} personas tegelijk)"
    with capsys.disabled():
        print("\n" + tekst)
    harde = [f"{pid}: {h}" for pid, u in uitslagen.items() for h in u.harde_fouten]
    assert not harde, "\n".join(harde)
    begrepen, totaal = aandeel(uitslagen)
    assert totaal > 0
    assert begrepen / totaal >= ONDERGRENS, (
        f"{begrepen}/{totaal} beurten begrepen ({begrepen / totaal:.1%}), "
        f"minder dan de ondergrens {ONDERGRENS:.0%}"
    )
