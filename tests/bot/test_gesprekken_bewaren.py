"""Where the conversations are kept, with the real Rasa: in its SQL tracker store on
SQLite (the embedded default), so a restart of Rasa loses nothing, and "wis mijn gesprek"
deletes them in the store itself. The retention: tests/api/test_gesprekopslag.py."""

from __future__ import annotations

import sqlite3
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from botproces import BotServer, Gesprek, nog_een_rasa

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from serverproces import api_proces  # noqa: E402

pytestmark = pytest.mark.bot


def _rijen(gesprekken_url: str, sessie: str) -> int:
    """Rows of this conversation in Rasa's own table, read straight from the file."""
    bestand = gesprekken_url.removeprefix("sqlite:///")
    with sqlite3.connect(bestand) as db:
        rij = db.execute("SELECT count(*) FROM events WHERE sender_id = ?", (sessie,)).fetchone()
    return int(rij[0])


@contextmanager
def api(bot: BotServer, map_: Path, **instellingen: str) -> Iterator[httpx.Client]:
    """The real API in its own process, on this bot and its store."""
    with (
        api_proces(
            map_,
            RASA_URL=bot.url,
            RASA_TOKEN=bot.token,
            GESPREKKEN_URL=bot.gesprekken_url,
            **instellingen,
        ) as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def tweede_rasa(
    getraind_model: Path, bot_server: BotServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Gesprek, Gesprek, dict]]:
    """A conversation with the bot; then another Rasa process starts on the same store (as
    after a restart, or on another replica): the conversation seen by each, and its slots
    before the other started."""
    gesprek = bot_server.gesprek(f"bewaard-{uuid.uuid4().hex[:8]}")
    gesprek.zeg("Ik woon in Gent")
    gesprek.zeg("ik ben 34")
    voor = gesprek.slots()
    assert voor["gemeente"] == "Gent" and voor["leeftijd"] == 34
    with nog_een_rasa(getraind_model, bot_server, tmp_path_factory.mktemp("rasa2")) as url:
        yield gesprek, Gesprek(url, gesprek.afzender, bot_server.token), voor


def test_een_andere_rasa_gaat_verder_met_het_gesprek(
    tweede_rasa: tuple[Gesprek, Gesprek, dict],
) -> None:
    """Nothing of a conversation lives only in a Rasa process: a restart loses nothing."""
    eerste, tweede, voor = tweede_rasa
    assert tweede.slots() == voor
    assert tweede.zeg("ik woon samen met mijn partner"), "de andere Rasa antwoordt"
    na = eerste.slots()  # the first sees what the second noted
    assert na["gemeente"] == "Gent" and na["leeftijd"] == 34
    assert na["samenwonend_met_partner"] is True


def test_wis_mijn_gesprek_wist_in_de_opslag_zelf(
    bot_server: BotServer, tweede_rasa: tuple[Gesprek, Gesprek, dict], tmp_path: Path
) -> None:
    eerste, tweede, _ = tweede_rasa
    ander = bot_server.gesprek(f"blijft-{uuid.uuid4().hex[:8]}")
    ander.zeg("Ik woon in Brugge")
    assert _rijen(bot_server.gesprekken_url, eerste.afzender) > 0
    with api(bot_server, tmp_path) as client:
        assert client.delete(f"/api/v1/chat/{eerste.afzender}").status_code == 204
        assert client.get(f"/api/v1/chat/{eerste.afzender}/geschiedenis").json() == {
            "berichten": []
        }
        log = (tmp_path / "server.log").read_text()
    assert _rijen(bot_server.gesprekken_url, eerste.afzender) == 0
    assert eerste.slots()["gemeente"] is None  # both Rasa processes forgot it
    assert tweede.slots()["gemeente"] is None
    assert _rijen(bot_server.gesprekken_url, ander.afzender) > 0  # only that conversation
    assert ander.slots()["gemeente"] == "Brugge"
    assert eerste.afzender not in log
