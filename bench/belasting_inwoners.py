"""Locust users for ``bench/belasting.py``: people who chat through the app's chat endpoint.

Each user has whole conversations, one after the other, as ``bench/gesprekken.py``
simulates them (a seeded household, "ontdek mijn rechten", then an answer to every
question, as people type it, sometimes "weet ik niet"), with an exponential think time
between two messages (``BELASTING_DENKTIJD`` seconds on average). A quarter of them end
with "wis mijn gesprek". Every answer must be a 200 with at least one message of the
bot; anything else counts as an error.

Not started by hand: ``bench/belasting.py`` runs it with ``locust --headless``.
"""

from __future__ import annotations

import itertools
import os
import random
import sys
from pathlib import Path
from typing import Any

import gevent
from locust import HttpUser, task

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api import willekeurig_profiel  # noqa: E402
from gesprekken import VOCABULAIRE, VRAAG_VAN, antwoord, groepsantwoord  # noqa: E402

DENKTIJD = float(os.environ.get("BELASTING_DENKTIJD", "6.7"))
SEED = int(os.environ.get("BELASTING_SEED", "7"))
BASISLIJN = os.environ.get("BELASTING_BASISLIJN") == "1"
_nummers = itertools.count()


class Inwoner(HttpUser):
    """One person at a time in the chat widget."""

    def wait_time(self) -> float:  # between two conversations
        return self.rng.expovariate(1 / DENKTIJD)

    def on_start(self) -> None:
        self.nummer = next(_nummers)
        self.rng = random.Random(SEED * 1_000_003 + self.nummer)
        self.gesprekken = 0

    def denk(self) -> None:
        gevent.sleep(self.rng.expovariate(1 / DENKTIJD))

    def zeg(self, sessie: str, tekst: str) -> list[dict[str, Any]]:
        with self.client.post(
            "/api/v1/chat",
            json={"sessie": sessie, "bericht": tekst},
            name="chat",
            catch_response=True,
        ) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}: {r.text[:200]}")
                return []
            berichten = r.json().get("berichten") or []
            if not berichten:
                r.failure("geen antwoord van de assistent")
            return berichten

    @task
    def gesprek(self) -> None:
        if BASISLIJN:  # the cheapest answer of the same app, at the same pace
            self.client.get("/api/v1/gezondheid", name="gezondheid")
            return
        self.gesprekken += 1
        sessie = f"last-{self.nummer}-{self.gesprekken}"
        profiel = willekeurig_profiel(self.rng)
        berichten = self.zeg(sessie, "ontdek mijn rechten")
        for _ in range(len(VOCABULAIRE.attributen) + 2):
            vraag = next((b for b in reversed(berichten) if b.get("tekst") in VRAAG_VAN), None)
            if vraag is None:
                break
            self.denk()
            gevraagd = VRAAG_VAN[vraag["tekst"]]
            if gevraagd in VOCABULAIRE.vraaggroepen:
                knoppen = [{"payload": k["payload"]} for k in vraag.get("knoppen") or []]
                tekst = groepsantwoord(gevraagd, profiel, knoppen, self.rng)
            else:
                tekst = antwoord(gevraagd, profiel.get(gevraagd), self.rng)
            berichten = self.zeg(sessie, tekst)
        if self.rng.random() < 0.25:
            self.denk()
            with self.client.delete(
                f"/api/v1/chat/{sessie}", name="wis gesprek", catch_response=True
            ) as r:
                if r.status_code != 204:
                    r.failure(f"{r.status_code}: {r.text[:200]}")
