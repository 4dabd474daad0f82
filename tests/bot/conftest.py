"""The real bot for the tests: trained once per run, real action server and Rasa server.

Both run on free ports (never 5005/5055, so a running ``make run`` does not clash), with
their own SQLite database in a temporary folder. Marked ``bot``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
RASA = REPO / ".venv-rasa" / "bin" / "rasa"
MODEL = REPO / "models" / "rechtenverkenner.tar.gz"
START_TIMEOUT = 240.0
TRAIN_TIMEOUT = 1800.0


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "bot: needs the trained Rasa bot (trains it once per run)")


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wacht(url: str, proces: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    einde = time.monotonic() + timeout
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise RuntimeError(f"{url}: proces gestopt\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(url, timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url}: niet klaar na {timeout}s\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def getraind_model() -> Path:
    if not RASA.exists():
        pytest.skip(".venv-rasa ontbreekt (make setup)")
    subprocess.run(["bash", "scripts/train_bot.sh"], cwd=REPO, check=True, timeout=TRAIN_TIMEOUT)
    return MODEL


@dataclass
class BotServer:
    url: str
    actions_url: str


@pytest.fixture(scope="session")
def bot_server(
    getraind_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotServer]:
    tmp = tmp_path_factory.mktemp("bot")
    actions_poort, rasa_poort = vrije_poort(), vrije_poort()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'rechtenverkenner.db'}",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{actions_poort}/webhook"\n')
    processen: list[subprocess.Popen[bytes]] = []
    try:
        acties_log = tmp / "acties.log"
        acties = subprocess.Popen(
            [
                str(REPO / ".venv/bin/python"),
                "-m",
                "rasa_sdk",
                "--actions",
                "actions",
                "-p",
                str(actions_poort),
            ],
            cwd=REPO,
            env=env,
            stdout=acties_log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        processen.append(acties)
        rasa_log = tmp / "rasa.log"
        rasa = subprocess.Popen(
            [
                str(RASA),
                "run",
                "--enable-api",
                "-i",
                "127.0.0.1",
                "-p",
                str(rasa_poort),
                "-m",
                str(getraind_model),
                "--endpoints",
                str(endpoints),
                "--credentials",
                "credentials.yml",
            ],
            cwd=REPO,
            env=env,
            stdout=rasa_log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        processen.append(rasa)
        actions_url = f"http://127.0.0.1:{actions_poort}"
        url = f"http://127.0.0.1:{rasa_poort}"
        _wacht(f"{actions_url}/health", acties, acties_log, START_TIMEOUT)
        _wacht(f"{url}/status", rasa, rasa_log, START_TIMEOUT)
        # The first action builds the engine: do it now, not inside a timed test.
        Gesprek(url, "opwarmen").zeg("hallo")
        yield BotServer(url=url, actions_url=actions_url)
    finally:
        for p in processen:
            p.terminate()
        for p in processen:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


@dataclass
class Gesprek:
    """One conversation over the REST channel; keeps every bot message."""

    url: str
    afzender: str
    berichten: list[dict] = field(default_factory=list)

    def zeg(self, tekst: str) -> list[dict]:
        antwoord = httpx.post(
            f"{self.url}/webhooks/rest/webhook",
            json={"sender": self.afzender, "message": tekst},
            timeout=60.0,
        )
        antwoord.raise_for_status()
        nieuw = antwoord.json()
        self.berichten += nieuw
        return nieuw

    def teksten(self) -> list[str]:
        return [b.get("text", "") for b in self.berichten]

    def slots(self) -> dict:
        tracker = httpx.get(f"{self.url}/conversations/{self.afzender}/tracker", timeout=30.0)
        tracker.raise_for_status()
        return tracker.json()["slots"]
