"""The store of conversations as the app deletes in it (bot.gesprekken.opslag), on SQLite
and on PostgreSQL. The table has the columns of Rasa's SQL tracker store; that Rasa's own
table works the same is tested with the real Rasa (tests/bot/test_gesprekken_bewaren.py)."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, insert, select

from bot.api.main import create_app
from bot.diensten import Diensten
from bot.gesprekken.endpoints import endpoints, tracker_store
from bot.gesprekken.opruimen import tussentijd
from bot.gesprekken.opslag import EVENTS, GesprekopslagFout, SqlGesprekken
from bot.gesprekken.tekst import bewaarzin, duur
from bot.settings import Settings

DAG = timedelta(hours=24)


def _vul(engine: Engine, sessie: str, *leeftijden_s: float) -> None:
    """Events of one conversation, ``leeftijden_s`` seconds old."""
    nu = time.time()
    with engine.begin() as c:
        c.execute(
            insert(EVENTS),
            [
                {"sender_id": sessie, "type_name": "user", "timestamp": nu - leeftijd}
                for leeftijd in leeftijden_s
            ],
        )


def _aantal(engine: Engine, sessie: str) -> int:
    with engine.connect() as c:
        return c.execute(
            select(func.count()).select_from(EVENTS).where(EVENTS.c.sender_id == sessie)
        ).scalar_one()


def _controleer(opslag: SqlGesprekken) -> None:
    EVENTS.metadata.create_all(opslag.engine)
    _vul(opslag.engine, "vandaag", 60, 30)
    _vul(opslag.engine, "gisteren", 90_000, 87_000)
    _vul(opslag.engine, "loopt_nog", 200_000, 10)  # began long ago, last message now
    _vul(opslag.engine, "wis_mij", 5)

    opslag.wis("wis_mij")
    assert _aantal(opslag.engine, "wis_mij") == 0
    assert _aantal(opslag.engine, "vandaag") == 2
    opslag.wis("bestaat_niet")  # nothing to delete: fine

    assert opslag.ruim_op() == 1
    assert _aantal(opslag.engine, "gisteren") == 0
    assert _aantal(opslag.engine, "vandaag") == 2
    assert _aantal(opslag.engine, "loopt_nog") == 2  # a conversation counts from its last message
    assert opslag.ruim_op() == 0
    # a day later, everything has had its time
    assert opslag.ruim_op(nu=time.time() + DAG.total_seconds() + 1) == 2


def test_wissen_en_opruimen_op_sqlite(tmp_path: Path) -> None:
    opslag = SqlGesprekken(f"sqlite:///{tmp_path / 'gesprekken.db'}", DAG)
    try:
        _controleer(opslag)
    finally:
        opslag.sluit()


def test_wissen_en_opruimen_op_postgresql(pg_engine: Engine) -> None:
    url = pg_engine.url.render_as_string(hide_password=False)
    opslag = SqlGesprekken(url, DAG)
    try:
        _controleer(opslag)
    finally:
        opslag.sluit()


def test_voor_rasa_ooit_draaide_is_er_niets_en_komt_er_geen_bestand(tmp_path: Path) -> None:
    bestand = tmp_path / "nog_niet.db"
    opslag = SqlGesprekken(f"sqlite:///{bestand}", DAG)
    assert opslag.ruim_op() == 0
    opslag.wis("iemand")
    assert not bestand.exists()


def test_onbereikbare_opslag_geeft_een_nederlandse_fout() -> None:
    opslag = SqlGesprekken("postgresql+psycopg://niemand:x@127.0.0.1:9/geen?connect_timeout=2", DAG)
    with pytest.raises(GesprekopslagFout, match="kan nu niet gewist worden"):
        opslag.wis("iemand")
    with pytest.raises(GesprekopslagFout, match="Oude gesprekken"):
        opslag.ruim_op()


def test_rasa_krijgt_dezelfde_opslag_als_de_app(tmp_path: Path) -> None:
    bestand = tmp_path / "g.db"
    assert tracker_store(f"sqlite:///{bestand}") == {
        "type": "SQL",
        "dialect": "sqlite",
        "db": str(bestand),
    }
    pg = tracker_store("postgresql+psycopg://rv:geheim@db.local:5433/gesprekken")
    assert pg["dialect"] == "postgresql"
    # Rasa's driver; in ``url``: Rasa gives it to its store as ``host`` (a ``host`` key of
    # its own would be a second one: TypeError, seen with the real Rasa)
    assert pg["url"] == "postgresql://rv:geheim@db.local:5433/gesprekken"
    assert "host" not in pg
    with pytest.raises(ValueError, match="GESPREKKEN_URL"):
        tracker_store("mysql://x@y/z")


def test_opruimen_om_het_kwartier_of_vaker() -> None:
    assert tussentijd(DAG) == 15 * 60
    assert tussentijd(timedelta(minutes=20)) == 5 * 60
    assert tussentijd(timedelta(seconds=2)) == 1.0


def test_de_app_wist_oude_gesprekken_zelf(tmp_path: Path, diensten: Diensten) -> None:
    """The app's clean-up runs while it runs: with a retention of 2 seconds, a conversation
    whose last message is older goes, a newer one stays until its time."""
    url = f"sqlite:///{tmp_path / 'gesprekken.db'}"
    opslag = SqlGesprekken(url, DAG)
    EVENTS.metadata.create_all(opslag.engine)
    _vul(opslag.engine, "oud", 10)
    _vul(opslag.engine, "nieuw", 0)
    instellingen = Settings(gesprekken_url=url, gesprekken_bewaren=timedelta(seconds=2))
    with TestClient(create_app(instellingen, diensten=diensten)):
        einde = time.monotonic() + 10
        while _aantal(opslag.engine, "oud") and time.monotonic() < einde:
            time.sleep(0.2)
        assert _aantal(opslag.engine, "oud") == 0
        assert _aantal(opslag.engine, "nieuw") == 1
        while _aantal(opslag.engine, "nieuw") and time.monotonic() < einde:
            time.sleep(0.2)
        assert _aantal(opslag.engine, "nieuw") == 0
    opslag.sluit()


def test_de_bot_zegt_hoe_lang_hij_bewaart() -> None:
    assert duur(timedelta(hours=24)) == "24 uur"
    assert duur(timedelta(days=2)) == "2 dagen"
    assert duur(timedelta(minutes=1)) == "1 minuut"
    assert duur(timedelta(minutes=30)) == "30 minuten"
    assert duur(timedelta(seconds=3)) == "3 seconden"
    assert "24 uur na uw laatste bericht" in bewaarzin(DAG)


def test_productie_krijgt_het_slot_van_rasa_in_redis() -> None:
    """REDIS_URL adds Rasa's Redis lock store: replicas sharing the tracker store never
    handle two messages of one conversation at once. Without it: Rasa's in-memory lock."""
    zonder = endpoints("http://127.0.0.1:5055/webhook", "sqlite:///x.db")
    assert "lock_store" not in zonder
    met = endpoints(
        "http://127.0.0.1:5055/webhook",
        "postgresql+psycopg://rv:pw@127.0.0.1:5432/gesprekken",
        "redis://:geheim@127.0.0.1:6390/2",
    )
    assert met["lock_store"] == {
        "type": "redis",
        "url": "127.0.0.1",
        "port": 6390,
        "db": 2,
        "key_prefix": "rechtenverkenner",
        "password": "geheim",
    }
    assert met["tracker_store"]["dialect"] == "postgresql"
    with pytest.raises(ValueError, match="REDIS_URL"):
        endpoints("http://a/webhook", "sqlite:///x.db", "localhost:6379")
