"""Start the production set on free loopback ports (tests and benchmarks): the action
server and two Rasa replicas sharing Rasa's SQL tracker store on PostgreSQL and its Redis
lock store, and the app with its catalogue in PostgreSQL and its counters in Redis, which
uses the replicas in turn. PostgreSQL and Redis themselves come from the caller."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from botproces import (
    PEILDATUM,
    START_TIMEOUT,
    Gesprek,
    bereid_databank_voor,
    start_acties,
    start_rasa,
    stop,
    vrije_poort,
    wacht,
)
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.gesprekken.endpoints import endpoints_yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from serverproces import start_server  # noqa: E402


def nieuwe_database(postgres_url: str, naam: str) -> str:
    beheer = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with beheer.connect() as verbinding:
        verbinding.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        verbinding.execute(text(f'CREATE DATABASE "{naam}"'))
    beheer.dispose()
    return make_url(postgres_url).set(database=naam).render_as_string(hide_password=False)


@dataclass
class Replica:
    poort: int
    proces: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.poort}"


def start_replica(
    model: Path, endpoints: Path, map_: Path, omgeving: dict[str, str], poort: int, naam: str
) -> Replica:
    log = map_ / f"rasa-{naam}.log"
    return Replica(poort, start_rasa(model, endpoints, poort, log, omgeving), log)


def wacht_op(replica: Replica, token: str) -> None:
    wacht(f"{replica.url}/status?token={token}", replica.proces, replica.log, START_TIMEOUT)


@dataclass
class Productieset:
    model: Path
    map_: Path
    endpoints: Path
    omgeving: dict[str, str]
    token: str
    replicas: list[Replica]
    api: httpx.Client
    gesprekken_url: str
    redis_url: str
    app_proces: subprocess.Popen[bytes]
    acties_proces: subprocess.Popen[bytes]

    def start_replica(self, poort: int, naam: str) -> Replica:
        return start_replica(self.model, self.endpoints, self.map_, self.omgeving, poort, naam)

    def wacht_op(self, replica: Replica) -> None:
        wacht_op(replica, self.token)

    def gesprek(self, replica: Replica, sessie: str) -> Gesprek:
        return Gesprek(replica.url, sessie, self.token)

    def chat(self, sessie: str, bericht: str) -> dict:
        antwoord = self.api.post("/api/v1/chat", json={"sessie": sessie, "bericht": bericht})
        assert antwoord.status_code == 200, antwoord.text
        return antwoord.json()


@contextmanager
def draaiende_productieset(
    model: Path,
    map_: Path,
    postgres_url: str,
    redis_url: str,
    app_instellingen: dict[str, str] | None = None,
) -> Iterator[Productieset]:
    """The whole set on the server of ``postgres_url`` (two new databases) and
    ``redis_url``; its logs in ``map_``. Stopped on leaving."""
    catalogus_url = nieuwe_database(postgres_url, "productie_catalogus")
    gesprekken_url = nieuwe_database(postgres_url, "productie_gesprekken")
    token = uuid.uuid4().hex
    omgeving = {
        **os.environ,
        "DATABASE_URL": catalogus_url,
        "GESPREKKEN_URL": gesprekken_url,
        "REDIS_URL": redis_url,
        "PEILDATUM": PEILDATUM.isoformat(),
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "RASA_TOKEN": token,
    }
    acties_poort = vrije_poort()
    endpoints = map_ / "endpoints.yml"
    endpoints.write_text(
        endpoints_yaml(f"http://127.0.0.1:{acties_poort}/webhook", gesprekken_url, redis_url)
    )
    bereid_databank_voor(omgeving)
    processen: list[subprocess.Popen[bytes]] = []
    api_proces: subprocess.Popen[bytes] | None = None
    try:
        acties_log = map_ / "acties.log"
        acties = start_acties(acties_poort, acties_log, omgeving)
        processen.append(acties)
        replicas = [
            start_replica(model, endpoints, map_, omgeving, vrije_poort(), n) for n in ("a", "b")
        ]
        processen += [r.proces for r in replicas]
        wacht(f"http://127.0.0.1:{acties_poort}/health", acties, acties_log, START_TIMEOUT)
        for replica in replicas:
            wacht_op(replica, token)
        api_proces, api_url = start_server(
            catalogus_url,
            map_ / "server.log",
            {
                "RASA_URL": ",".join(r.url for r in replicas),
                "RASA_TOKEN": token,
                "GESPREKKEN_URL": gesprekken_url,
                "REDIS_URL": redis_url,
                "PEILDATUM": PEILDATUM.isoformat(),
                **(app_instellingen or {}),
            },
        )
        with httpx.Client(base_url=api_url, timeout=60) as api:
            set_ = Productieset(
                model, map_, endpoints, omgeving, token, replicas, api, gesprekken_url,
                redis_url, api_proces, acties,
            )  # fmt: skip
            set_.chat("opwarmen", "hallo")  # the first action builds the engine
            yield set_
    finally:
        if api_proces is not None:
            stop([api_proces])
        stop(processen)
