"""Start the real action server and Rasa server on free ports (tests and benchmarks)."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import httpx

from bot.gesprekken.endpoints import endpoints_yaml

REPO = Path(__file__).resolve().parents[2]
PEILDATUM = date(2025, 6, 1)
"""The date the action server evaluates rights on in every bot and widget test."""
RASA = REPO / ".venv-rasa" / "bin" / "rasa"
RASA_PYTHON = REPO / ".venv-rasa" / "bin" / "python"
RASA_SERVER = REPO / "scripts" / "rasa_server.py"
"""``rasa run`` with the per-turn fixes of scripts/rasa_server.py."""
PYTHON = REPO / ".venv" / "bin" / "python"
START_TIMEOUT = 240.0


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wacht(url: str, proces: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
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


@dataclass
class BotServer:
    url: str
    actions_url: str
    token: str
    """The token of Rasa's HTTP API (``--auth-token``); the REST channel does not need it."""
    gesprekken_url: str
    """Rasa's tracker store (a SQLite file, as in ``make run``): the API deletes there."""
    endpoints: Path
    """Rasa's endpoints file (actions and tracker store): another Rasa can share them."""
    omgeving: dict[str, str]
    """Rasa's environment (with ``RASA_TOKEN``): another Rasa starts with the same."""

    def tracker_url(self, afzender: str) -> str:
        return f"{self.url}/conversations/{afzender}/tracker?token={self.token}"

    def gesprek(self, afzender: str) -> Gesprek:
        return Gesprek(self.url, afzender, self.token)


def start_rasa(
    model: Path, endpoints: Path, poort: int, log: Path, env: dict[str, str]
) -> subprocess.Popen[bytes]:
    """Rasa (REST channel and HTTP API) on 127.0.0.1:``poort``, as ``make run`` starts it."""
    return subprocess.Popen(
        [
            str(RASA_PYTHON),
            str(RASA_SERVER),
            "run",
            "--enable-api",
            "-i",
            "127.0.0.1",
            "-p",
            str(poort),
            "-m",
            str(model),
            "--endpoints",
            str(endpoints),
            "--credentials",
            str(REPO / "credentials.yml"),
        ],
        cwd=REPO,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def start_acties(poort: int, log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """The action server on 127.0.0.1:``poort``, as ``make run`` starts it."""
    return subprocess.Popen(
        [str(PYTHON), "-m", "rasa_sdk", "--actions", "actions", "-p", str(poort)],
        cwd=REPO,
        env={**env, "SANIC_HOST": "127.0.0.1"},  # rasa-sdk's only way to pick the interface
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


@contextmanager
def nog_een_rasa(model: Path, bot: BotServer, tmp: Path) -> Iterator[str]:
    """A second Rasa on the same action server and tracker store as ``bot``: its URL."""
    poort = vrije_poort()
    log = tmp / "rasa-2.log"
    rasa = start_rasa(model, bot.endpoints, poort, log, bot.omgeving)
    try:
        url = f"http://127.0.0.1:{poort}"
        wacht(f"{url}/status?token={bot.token}", rasa, log, START_TIMEOUT)
        yield url
    finally:
        stop([rasa])


def stop(processen: list[subprocess.Popen[bytes]]) -> None:
    for p in processen:
        p.terminate()
    for p in processen:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()


def bereid_databank_voor(env: dict[str, str]) -> None:
    """As `make run` does: the set-up prepares the database (``DATABASE_URL``) before the
    action server starts; the actions only read it."""
    init = subprocess.run(
        [str(PYTHON), "-m", "catalogus_loader", "init"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
    )
    if init.returncode != 0:
        raise RuntimeError(f"catalogus_loader init faalde:\n{init.stdout}{init.stderr}")


@contextmanager
def draaiende_bot(model: Path, tmp: Path) -> Iterator[BotServer]:
    """Action server and Rasa (REST channel) on free ports, with a SQLite database in ``tmp``
    that is prepared (``catalogus_loader init``) before the action server starts, and the
    conversations in ``tmp/gesprekken.db`` (Rasa's SQL tracker store, as ``make run``).

    As ``make run``: both listen on 127.0.0.1 only, and Rasa's HTTP API needs a random
    token (``BotServer.token``), given through ``RASA_TOKEN`` (see scripts/rasa_server.py)."""
    actions_poort, rasa_poort = vrije_poort(), vrije_poort()
    # a random token may start with "-" (one time in 64): always here, so that every test
    # with a bot checks that Rasa still takes it (scripts/rasa_server.py, met_token)
    token = "-" + secrets.token_urlsafe(24)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'rechtenverkenner.db'}",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        # evaluate at a fixed date, so that the conversations keep passing as time goes by
        "PEILDATUM": PEILDATUM.isoformat(),
    }
    gesprekken_url = f"sqlite:///{tmp / 'gesprekken.db'}"
    endpoints = tmp / "endpoints.yml"
    # as `make run` makes it: python -m bot endpoints
    endpoints.write_text(
        endpoints_yaml(f"http://127.0.0.1:{actions_poort}/webhook", gesprekken_url)
    )
    bereid_databank_voor(env)
    processen: list[subprocess.Popen[bytes]] = []
    try:
        acties_log = tmp / "acties.log"
        acties = start_acties(actions_poort, acties_log, env)
        processen.append(acties)
        rasa_log = tmp / "rasa.log"
        rasa_omgeving = {**env, "RASA_TOKEN": token}
        rasa = start_rasa(model, endpoints, rasa_poort, rasa_log, rasa_omgeving)
        processen.append(rasa)
        bot = BotServer(
            f"http://127.0.0.1:{rasa_poort}",
            f"http://127.0.0.1:{actions_poort}",
            token,
            gesprekken_url,
            endpoints,
            rasa_omgeving,
        )
        wacht(f"{bot.actions_url}/health", acties, acties_log, START_TIMEOUT)
        wacht(f"{bot.url}/status?token={token}", rasa, rasa_log, START_TIMEOUT)
        yield bot
    finally:
        stop(processen)


@dataclass
class Gesprek:
    """One conversation over the REST channel; keeps every bot message."""

    url: str
    afzender: str
    token: str | None = None
    """Rasa's API token: only :meth:`slots` needs it (the REST channel does not)."""
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
        tracker = httpx.get(
            f"{self.url}/conversations/{self.afzender}/tracker",
            params={"token": self.token} if self.token else None,
            timeout=30.0,
        )
        tracker.raise_for_status()
        return tracker.json()["slots"]
