"""HTTP benchmark: a full-catalogue evaluation against a trivial endpoint, same server, same run.

Starts the real API (uvicorn, SQLite in a temp dir) and sends requests from this
process over loopback with one keep-alive connection. Prints requests per second
and the ratio of the evaluation to ``GET /api/v1/gezondheid`` (target: within 2x).

    .venv/bin/python bench/api.py [--aantal 2000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "api"))

from serverproces import start_server  # noqa: E402

PROFIELEN = [
    {
        "gemeente": "44021",
        "leeftijd": 34,
        "samenwonend_met_partner": False,
        "aantal_kinderen": 2,
        "leeftijd_jongste_kind": 6,
        "woonsituatie": "huurder_privaat",
        "netto_maandinkomen_gezin": 1450,
        "werksituatie": "werkzoekend",
        "verblijfsstatus": "belg",
    },
    {"gemeente": "31005", "leeftijd": 71, "netto_maandinkomen_gezin": 1300, "mantelzorger": True},
    {"leeftijd": 22, "werksituatie": "student", "netto_maandinkomen_gezin": 2600},
    {},
]


def meet(client: httpx.Client, verzoek, aantal: int) -> list[float]:
    tijden = []
    for _ in range(aantal):
        begin = time.perf_counter()
        antwoord = verzoek(client)
        tijden.append(time.perf_counter() - begin)
        antwoord.raise_for_status()
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

                def evaluatie(c: httpx.Client) -> httpx.Response:
                    profiel = rng.choice(PROFIELEN)
                    return c.post("/api/v1/evaluatie", json={"profiel": profiel})

                meet(client, triviaal, 200)  # warm up
                meet(client, evaluatie, 200)
                basis = meet(client, triviaal, args.aantal)
                eval_ = meet(client, evaluatie, args.aantal)
        finally:
            proces.terminate()
            proces.wait(timeout=10)

    def regel(naam: str, tijden: list[float]) -> str:
        p50 = statistics.median(tijden) * 1000
        p95 = statistics.quantiles(tijden, n=20)[18] * 1000
        return f"{naam:<28} {len(tijden) / sum(tijden):>9.0f} {p50:>9.2f} {p95:>9.2f}"

    print(f"{'verzoek':<28} {'verz./s':>9} {'p50 ms':>9} {'p95 ms':>9}")
    print(regel("GET /api/v1/gezondheid", basis))
    print(regel("POST /api/v1/evaluatie", eval_))
    verhouding = statistics.median(eval_) / statistics.median(basis)
    print(f"verhouding evaluatie / triviaal (mediaan): {verhouding:.2f} (doel: hoogstens 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
