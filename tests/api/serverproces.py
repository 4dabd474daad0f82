"""Start the real API in its own process, as the run command does (used by tests and bench)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    database_url: str, logbestand: Path, instellingen: Mapping[str, str] | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """Prepare the database like the run command does, then start uvicorn; return its URL.
    ``instellingen``: environment variables for the app, on top of ours.

    Every request of a test comes from 127.0.0.1: the limit per address is off here unless
    the environment sets it (tests/api/test_grenzen.py does)."""
    omgeving = {
        "MAX_PER_ADRES_PER_MINUUT": "1000000",
        **os.environ,
        **(instellingen or {}),
        "DATABASE_URL": database_url,
    }
    subprocess.run(
        [sys.executable, "-m", "catalogus_loader", "init"],
        cwd=REPO,
        env=omgeving,
        check=True,
        capture_output=True,
    )
    poort = vrije_poort()
    log = logbestand.open("wb")
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bot.api.main:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(poort),
            "--no-access-log",
            "--no-proxy-headers",  # as `bot serve`: the app decides whom to trust
        ],
        cwd=REPO,
        env=omgeving,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{poort}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proces.poll() is not None:
            raise RuntimeError(f"API-server stopte: {logbestand.read_text(errors='replace')}")
        try:
            if httpx.get(f"{url}/api/v1/gezondheid", timeout=1).status_code == 200:
                return proces, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proces.kill()
    raise RuntimeError(f"API-server startte niet: {logbestand.read_text(errors='replace')}")


@contextmanager
def api_proces(map_: Path, **instellingen: str) -> Iterator[str]:
    """The real API in its own process, on its own database in ``map_`` (its log:
    ``map_/server.log``), with these settings: its URL. Stopped on leaving."""
    proces, url = start_server(f"sqlite:///{map_ / 'api.db'}", map_ / "server.log", instellingen)
    try:
        yield url
    finally:
        proces.terminate()
        proces.wait(timeout=10)


@contextmanager
def hangende_server() -> Iterator[int]:
    """A port where a server accepts connections and reads, but never answers (a hung
    process): its number. Closed on leaving."""
    luisteraar = socket.socket()
    luisteraar.bind(("127.0.0.1", 0))
    luisteraar.listen(64)
    luisteraar.settimeout(0.2)
    verbindingen: list[socket.socket] = []
    stoppen = threading.Event()

    def aanvaard() -> None:
        while not stoppen.is_set():
            try:
                verbinding, _ = luisteraar.accept()
            except OSError:
                continue
            verbindingen.append(verbinding)  # kept open, never answered

    draad = threading.Thread(target=aanvaard, daemon=True)
    draad.start()
    try:
        yield int(luisteraar.getsockname()[1])
    finally:
        stoppen.set()
        draad.join(timeout=5)
        for v in verbindingen:
            v.close()
        luisteraar.close()
