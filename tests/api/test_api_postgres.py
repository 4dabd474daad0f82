"""The whole chain on a real PostgreSQL server: first-run load, engine, API over HTTP.

The answers must be the same as on the default SQLite database.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import httpx
import pytest
from serverproces import start_server
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

pytestmark = pytest.mark.postgres

PROFIELEN = [
    {},
    {"gemeente": "Gent", "leeftijd": 34, "netto_maandinkomen_gezin": 1100},
    {
        "gemeente": "31005",
        "leeftijd": 70,
        "samenwonend_met_partner": True,
        "aantal_kinderen": 0,
        "netto_maandinkomen_gezin": 1500,
        "werksituatie": "gepensioneerd",
        "verblijfsstatus": "belg",
        "mantelzorger": True,
        "erkende_handicap": False,
    },
    {
        "gemeente": "Oostende",
        "leeftijd": 29,
        "samenwonend_met_partner": False,
        "aantal_kinderen": 2,
        "leeftijd_jongste_kind": 4,
        "woonsituatie": "huurder_privaat",
        "netto_maandinkomen_gezin": 1650,
        "werksituatie": "werknemer",
        "verhoogde_tegemoetkoming": True,
        "jaren_op_wachtlijst_sociale_woning": 5,
    },
]


@pytest.fixture(scope="module")
def pg_api(postgres_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    naam = f"api_{uuid4().hex[:12]}"
    beheer = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with beheer.connect() as verbinding:
        verbinding.execute(text(f'CREATE DATABASE "{naam}"'))
    url = make_url(postgres_url).set(database=naam).render_as_string(hide_password=False)
    log: Path = tmp_path_factory.mktemp("pg-api") / "server.log"
    proces, basis = start_server(url, log)
    yield basis
    proces.terminate()
    proces.wait(timeout=10)
    with beheer.connect() as verbinding:
        verbinding.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
    beheer.dispose()


def _antwoord(basis: str, profiel: dict) -> dict:
    antwoord = httpx.post(
        f"{basis}/api/v1/evaluatie", json={"profiel": profiel, "datum": "2025-06-01"}, timeout=10
    )
    assert antwoord.status_code == 200, antwoord.text
    return antwoord.json()


@pytest.mark.parametrize("profiel", PROFIELEN, ids=lambda p: ",".join(p) or "leeg")
def test_postgres_en_sqlite_geven_dezelfde_antwoorden(
    pg_api: str, api_server: str, profiel: dict
) -> None:
    op_pg = _antwoord(pg_api, profiel)
    op_sqlite = _antwoord(api_server, profiel)
    assert op_pg == op_sqlite
    assert len(op_pg["rechten"]) >= 25


def test_postgres_catalogus_en_zoeken(pg_api: str) -> None:
    rechten = httpx.get(f"{pg_api}/api/v1/rechten", params={"q": "huurpremie"}).json()
    assert "vlaamse-huurpremie" in {r["id"] for r in rechten}
    gemeente = httpx.get(f"{pg_api}/api/v1/gemeenten", params={"q": "Kortessem"}).json()[0]
    assert (gemeente["nis"], gemeente["naam"]) == ("71072", "Hasselt")
