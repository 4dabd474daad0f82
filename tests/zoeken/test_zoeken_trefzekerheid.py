"""The everyday test queries (zoekvragen.yaml) against the bundled catalogue, through the
same path as GET /api/v1/rechten?q= (database -> search documents -> index -> filters):
the expected right is in the top 3 for at least 90 % of them, on SQLite and on PostgreSQL,
and both databases rank every query the same."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from uuid import uuid4

import pytest
from bereide_diensten import bereide_diensten
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from zoekvragenset import zoekvragen

from bot.catalogue.repository import zoek_rechten
from bot.diensten import Diensten, bouw_diensten
from bot.settings import Settings
from catalogus_loader.init import initialiseer

MIN_TREFZEKERHEID = 0.90
TOP = 3

Rangschikking = dict[str, list[str]]


def rangschik(d: Diensten) -> Rangschikking:
    """Per query: the ids of the rights found, best first."""
    uit: Rangschikking = {}
    with d.sessiemaker() as sessie:
        for v in zoekvragen():
            nis = d.los_gemeente_op(v["gemeente"]) if v.get("gemeente") else None
            gevonden = zoek_rechten(sessie, q=v["vraag"], gemeente=nis, index=d.zoekindex)
            uit[v["vraag"]] = [r.recht_id for r in gevonden]
    return uit


def trefzekerheid(rangschikking: Rangschikking, db: str) -> tuple[float, list[str]]:
    vragen = zoekvragen()
    missers = [
        f"{v['vraag']!r}: verwacht {v['verwacht']}, kreeg {rangschikking[v['vraag']][:TOP]}"
        for v in vragen
        if v["verwacht"] not in rangschikking[v["vraag"]][:TOP]
    ]
    score = 1 - len(missers) / len(vragen)
    print(f"\n{db}: {len(vragen) - len(missers)}/{len(vragen)} in de top {TOP} ({score:.1%})")
    for m in missers:
        print(f"  mis: {m}")
    return score, missers


@pytest.fixture(scope="module")
def op_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rangschikking]:
    with bereide_diensten(tmp_path_factory, "zoeken_sqlite", date(2025, 6, 1)) as d:
        yield rangschik(d)


@pytest.fixture(scope="module")
def op_postgres(postgres_url: str) -> Iterator[Rangschikking]:
    naam = f"zoeken_{uuid4().hex[:12]}"
    beheer = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with beheer.connect() as verbinding:
        verbinding.execute(text(f'CREATE DATABASE "{naam}"'))
    url = make_url(postgres_url).set(database=naam).render_as_string(hide_password=False)
    instellingen = Settings(database_url=url, peildatum=date(2025, 6, 1))
    initialiseer(instellingen)
    d = bouw_diensten(instellingen)
    try:
        yield rangschik(d)
    finally:
        d.sluit()
        with beheer.connect() as verbinding:
            verbinding.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        beheer.dispose()


def test_trefzekerheid_op_sqlite(op_sqlite: Rangschikking) -> None:
    score, missers = trefzekerheid(op_sqlite, "SQLite")
    assert score >= MIN_TREFZEKERHEID, "\n".join(missers)


@pytest.mark.postgres
def test_trefzekerheid_op_postgres_en_dezelfde_rangschikking(
    op_postgres: Rangschikking, op_sqlite: Rangschikking
) -> None:
    score, missers = trefzekerheid(op_postgres, "PostgreSQL")
    assert score >= MIN_TREFZEKERHEID, "\n".join(missers)
    verschillen = {
        q: (op_sqlite[q], op_postgres[q]) for q in op_sqlite if op_sqlite[q] != op_postgres[q]
    }
    assert not verschillen
