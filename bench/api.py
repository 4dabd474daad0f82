"""HTTP benchmark: a full-catalogue evaluation against a trivial endpoint, same server, same run.

Starts the real API (uvicorn, SQLite in a temp dir) and sends requests from this
process over loopback with one keep-alive connection. The evaluations are turns of
simulated conversations: a new random person each time, answering whatever the API
asks next, so the engine's memo only helps as much as it would in real use. Prints
requests per second and the ratio to ``GET /api/v1/gezondheid`` (target: within 2x).

    .venv/bin/python bench/api.py [--aantal 2000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "api"))

from huishouden import aanvullen  # noqa: E402
from serverproces import start_server  # noqa: E402

GEMEENTEN = ["44021", "11002", "31005", "35013", "34022", "46021", "24062", "71016"]


def willekeurig_profiel(rng: random.Random) -> dict:
    """A full, plausible profile; a conversation reveals it one answer at a time."""
    kinderen = rng.choice([0, 0, 1, 2, 3])
    basis = {
        "gemeente": rng.choice(GEMEENTEN),
        "leeftijd": rng.randint(18, 90),
        "samenwonend_met_partner": rng.random() < 0.5,
        "aantal_kinderen": kinderen,
        "leeftijd_jongste_kind": rng.randint(0, 17) if kinderen else None,
        "woonsituatie": rng.choice(["huurder_privaat", "huurder_sociaal", "eigenaar", "inwonend"]),
        "netto_maandinkomen_gezin": float(rng.randint(0, 45) * 100),
        "werksituatie": rng.choice(["werknemer", "werkzoekend", "student", "gepensioneerd"]),
        "verblijfsstatus": rng.choice(["belg", "belg", "eu_burger", "erkend_vluchteling"]),
        "verhoogde_tegemoetkoming": rng.random() < 0.2,
        "erkende_handicap": rng.random() < 0.1,
        "mantelzorger": rng.random() < 0.15,
        "ontvangt_leefloon": rng.random() < 0.05,
        "jaren_op_wachtlijst_sociale_woning": rng.choice([0, 0, 1, 5]),
    }
    return aanvullen(rng, basis)


def meet(client: httpx.Client, verzoek, aantal: int, daarna=None) -> list[float]:
    """Time ``verzoek`` only; ``daarna`` (reading the answer, outside the timer) follows."""
    tijden = []
    for _ in range(aantal):
        begin = time.perf_counter()
        antwoord = verzoek(client)
        tijden.append(time.perf_counter() - begin)
        antwoord.raise_for_status()
        if daarna is not None:
            daarna(antwoord)
    return tijden


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--aantal", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(7)

    with tempfile.TemporaryDirectory() as map_:
        proces, url = start_server(f"sqlite:///{map_}/bench.db", Path(map_) / "server.log")
        try:
            with httpx.Client(base_url=url, timeout=10) as client:

                def triviaal(c: httpx.Client) -> httpx.Response:
                    return c.get("/api/v1/gezondheid")

                gesprek: dict = {"volledig": {}, "profiel": None}

                def beurt(c: httpx.Client) -> httpx.Response:
                    """One turn of a simulated conversation."""
                    if gesprek["profiel"] is None:
                        gesprek["volledig"] = willekeurig_profiel(rng)
                        gesprek["profiel"] = {}
                    return c.post("/api/v1/evaluatie", json={"profiel": gesprek["profiel"]})

                def beantwoord(antwoord: httpx.Response) -> None:
                    """The person answers what the API asked (client work: not timed)."""
                    vraag = antwoord.json()["volgende_vraag"]
                    if vraag is None:
                        gesprek["profiel"] = None  # done: the next turn starts a new person
                    else:
                        sleutel = vraag["attribuut"]
                        gesprek["profiel"][sleutel] = gesprek["volledig"][sleutel]

                meet(client, triviaal, 200)  # warm up
                meet(client, beurt, 200, beantwoord)
                basis = meet(client, triviaal, args.aantal)
                beurten = meet(client, beurt, args.aantal, beantwoord)
        finally:
            proces.terminate()
            proces.wait(timeout=10)

    def regel(naam: str, tijden: list[float]) -> str:
        p50 = statistics.median(tijden) * 1000
        p95 = statistics.quantiles(tijden, n=20)[18] * 1000
        return f"{naam:<28} {len(tijden) / sum(tijden):>9.0f} {p50:>9.2f} {p95:>9.2f}"

    belasting = os.getloadavg()[0]
    print(f"belasting van de machine: {belasting:.1f} op {os.cpu_count()} cpu's")
    print(f"{'verzoek':<28} {'verz./s':>9} {'p50 ms':>9} {'p95 ms':>9}")
    print(regel("GET /api/v1/gezondheid", basis))
    print(regel("POST /api/v1/evaluatie (beurt)", beurten))
    verhouding = statistics.median(beurten) / statistics.median(basis)
    print(f"verhouding evaluatie / triviaal (mediaan): {verhouding:.2f} (doel: hoogstens 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
