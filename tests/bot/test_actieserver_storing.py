"""A hung or dead action server, with the real Rasa (scripts/rasa_server.py): the bot
answers within 5 seconds, in Dutch, that it cannot check rights now, and the
conversation goes on when the action server is back."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from botproces import (
    START_TIMEOUT,
    Gesprek,
    bereid_databank_voor,
    start_acties,
    start_rasa,
    stop,
    vrije_poort,
    wacht,
)

from bot.gesprekken.endpoints import endpoints_yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from serverproces import hangende_server  # noqa: E402

pytestmark = pytest.mark.bot

GEEN_ACTIES = "Ik kan uw rechten nu even niet nagaan."


def _zeg_op_tijd(gesprek: Gesprek, tekst: str) -> list[str]:
    begin = time.monotonic()
    antwoord = gesprek.zeg(tekst)
    duur = time.monotonic() - begin
    assert duur < 5.0, f"{tekst!r}: {duur:.1f} s"
    return [b.get("text", "") for b in antwoord]


def test_zonder_actieserver_zegt_de_bot_het_en_daarna_gaat_het_verder(
    getraind_model: Path, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'rechtenverkenner.db'}",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "SANIC_HOST": "127.0.0.1",  # as make run: the action server on loopback only
    }
    bereid_databank_voor(env)
    endpoints = tmp_path / "endpoints.yml"
    rasa_poort = vrije_poort()
    processen: list[subprocess.Popen[bytes]] = []
    try:
        with hangende_server() as acties_poort:
            endpoints.write_text(
                endpoints_yaml(
                    f"http://127.0.0.1:{acties_poort}/webhook",
                    f"sqlite:///{tmp_path / 'gesprekken.db'}",
                )
            )
            rasa_log = tmp_path / "rasa.log"
            rasa = start_rasa(getraind_model, endpoints, rasa_poort, rasa_log, env)
            processen.append(rasa)
            url = f"http://127.0.0.1:{rasa_poort}"
            wacht(f"{url}/status", rasa, rasa_log, START_TIMEOUT)
            gesprek = Gesprek(url, f"storing-{uuid.uuid4().hex[:8]}")
            # the action server hangs: the answer comes in time, in Dutch
            hangt = _zeg_op_tijd(gesprek, "Ik woon in Gent")
            assert any(GEEN_ACTIES in t for t in hangt), hangt
        # now nothing listens there at all (the server is down)
        weg = _zeg_op_tijd(gesprek, "ik woon in Gent")
        assert any(GEEN_ACTIES in t for t in weg), weg
        # the action server is back on its port: the conversation goes on
        acties_log = tmp_path / "acties.log"
        acties = start_acties(acties_poort, acties_log, env)
        processen.append(acties)
        wacht(f"http://127.0.0.1:{acties_poort}/health", acties, acties_log, START_TIMEOUT)
        terug = _zeg_op_tijd(gesprek, "Ik woon in Gent")
        assert not any(GEEN_ACTIES in t for t in terug), terug
        assert gesprek.slots()["gemeente"] == "Gent"
    finally:
        stop(processen)
