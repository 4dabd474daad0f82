"""The production set, started by the test on free loopback ports: PostgreSQL (catalogue
and Rasa's tracker store), Redis (Rasa's lock store and the app's rate-limit counters),
the action server, two Rasa replicas and the app, which uses the replicas in turn.

One conversation goes on across the replicas, survives the loss of one replica mid-way
(the app moves on to the other), and survives a restart of Rasa as a whole. Marked
``bot``; skips only when PostgreSQL or Redis cannot be installed here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from botproces import stop
from productieproces import Productieset, draaiende_productieset
from sqlalchemy import create_engine, text

pytestmark = pytest.mark.bot


@pytest.fixture(scope="module")
def productieset(
    getraind_model: Path,
    postgres_url: str,
    redis_url: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Productieset]:
    map_ = tmp_path_factory.mktemp("productie")
    with draaiende_productieset(getraind_model, map_, postgres_url, redis_url) as set_:
        yield set_


def test_de_beurten_wisselen_tussen_de_replicas_en_het_profiel_blijft(
    productieset: Productieset,
) -> None:
    a, b = productieset.replicas
    sessie = f"wissel-{uuid.uuid4().hex[:8]}"
    bij_a, bij_b = productieset.gesprek(a, sessie), productieset.gesprek(b, sessie)
    redis_ = redis.Redis.from_url(productieset.redis_url)
    voor = int(redis_.info("stats")["total_commands_processed"])
    assert bij_a.zeg("Ik woon in Gent")
    na = int(redis_.info("stats")["total_commands_processed"])
    redis_.close()
    assert na > voor + 1, "Rasa neemt het slot van het gesprek in Redis"
    assert bij_b.zeg("ik ben 34")
    assert bij_a.zeg("ik woon samen met mijn partner")
    assert bij_b.zeg("we hebben 2 kinderen")
    slots_a, slots_b = bij_a.slots(), bij_b.slots()
    assert slots_a == slots_b
    assert slots_b["gemeente"] == "Gent"
    assert slots_b["leeftijd"] == 34
    assert slots_b["samenwonend_met_partner"] is True
    assert slots_b["aantal_kinderen"] == 2
    # nothing of it in the memory of a replica: it is in PostgreSQL
    engine = create_engine(productieset.gesprekken_url)
    with engine.connect() as verbinding:
        rijen = verbinding.execute(
            text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sessie}
        ).scalar_one()
    engine.dispose()
    assert rijen > 8


def test_een_replica_valt_weg_midden_in_een_gesprek(productieset: Productieset) -> None:
    """Through the app, as the widget talks: one replica stops between two turns; the
    next turns go to the other, with nothing lost. The app's counters are in Redis."""
    a, b = productieset.replicas
    sessie = f"uitval-{uuid.uuid4().hex[:8]}"
    productieset.chat(sessie, "Ik woon in Gent")
    productieset.chat(sessie, "ik ben 34")
    stop([a.proces])
    for bericht in ("ik woon samen met mijn partner", "we hebben 2 kinderen", "ik werk"):
        assert productieset.chat(sessie, bericht)["berichten"], bericht
    slots = productieset.gesprek(b, sessie).slots()
    assert (slots["gemeente"], slots["leeftijd"], slots["aantal_kinderen"]) == ("Gent", 34, 2)
    assert slots["samenwonend_met_partner"] is True
    tellers = redis.Redis.from_url(productieset.redis_url)
    assert tellers.keys(f"rv:teller:sessie:{sessie}:*"), "de tellers van de app staan in Redis"
    tellers.close()


def test_na_een_herstart_van_heel_rasa_loopt_het_gesprek_verder(
    productieset: Productieset,
) -> None:
    """Every replica stops (the app answers a Dutch 503) and starts again: the
    conversation is still there and goes on."""
    sessie = f"herstart-{uuid.uuid4().hex[:8]}"
    productieset.chat(sessie, "Ik woon in Gent")  # on whichever replica still runs
    productieset.chat(sessie, "ik ben 34")
    levend = next(r for r in productieset.replicas if r.proces.poll() is None)
    voor = productieset.gesprek(levend, sessie).slots()
    assert (voor["gemeente"], voor["leeftijd"]) == ("Gent", 34)
    stop([r.proces for r in productieset.replicas])
    zonder = productieset.api.post("/api/v1/chat", json={"sessie": sessie, "bericht": "ik werk"})
    assert zonder.status_code == 503
    assert "assistent" in zonder.json()["detail"].lower()
    nieuw = [productieset.start_replica(r.poort, f"{i}-herstart") for i, r in enumerate(
        productieset.replicas)]  # fmt: skip
    productieset.replicas[:] = nieuw
    try:
        for replica in nieuw:
            productieset.wacht_op(replica)
        assert productieset.gesprek(nieuw[1], sessie).slots() == voor
        assert productieset.chat(sessie, "ik woon alleen")["berichten"]
        slots = productieset.gesprek(nieuw[0], sessie).slots()
        assert (slots["gemeente"], slots["leeftijd"]) == ("Gent", 34)
    finally:
        stop([r.proces for r in nieuw])
