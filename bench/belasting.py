"""Load test: people chatting through the app for minutes, with locust (issue 14).

Starts the default set on free local ports (the action server, Rasa with its SQL tracker
store on SQLite, the app), then runs ``locust --headless`` on loopback with the users of
``belasting_inwoners.py``: ``--mensen`` people at once, each typing every ``--denktijd``
seconds on average, which offers about as many turns per second as
``bench/gesprekken.py`` shows one 2-core machine holds (115 people, 6.7 s: ~15 turns/s).
It reports turns per second, p50/p95/p99 and errors (target 0), and the resident memory
of each process at minute 2 and at the end (target: less than 10 % growth). As the
baseline, in the same run and at the same pace, the same users ask the app's health check
(``--basislijn`` seconds; 0 skips it).

    .venv/bin/python bench/belasting.py [--duur 600] [--mensen 115] [--denktijd 6.7]

``--set productie`` runs the same users against the production set (``make productie``):
PostgreSQL and Redis started here, two Rasa replicas sharing them, the action server and
the app, which uses the replicas in turn (tests/bot/productieproces.py).
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "bot"))
sys.path.insert(0, str(REPO / "tests" / "api"))
sys.path.insert(0, str(REPO / "tests"))

from botproces import draaiende_bot  # noqa: E402
from pg_server import running_postgres  # noqa: E402
from productieproces import draaiende_productieset  # noqa: E402
from redis_server import running_redis  # noqa: E402
from serverproces import start_server  # noqa: E402

GEBRUIKERS = Path(__file__).resolve().parent / "belasting_inwoners.py"
DOEL_P95_MS = 300.0
DOEL_GROEI = 0.10


def _ouders() -> dict[int, int]:
    """Every process's parent."""
    ouders: dict[int, int] = {}
    for map_ in Path("/proc").iterdir():
        if map_.name.isdigit():
            try:
                stat = (map_ / "stat").read_text()
                ouders[int(map_.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    return ouders


def met_nakomelingen(pid: int) -> list[int]:
    """The process and every process it started (the action server's web server runs
    its requests in a worker process of its own)."""
    ouders = _ouders()
    familie, nieuw = {pid}, True
    while nieuw:
        erbij = {p for p, o in ouders.items() if o in familie and p not in familie}
        familie |= erbij
        nieuw = bool(erbij)
    return sorted(familie)


def geheugen_kb(pids: list[int]) -> int | None:
    """Resident memory of these processes together (VmRSS), or None when one is gone."""
    totaal = 0
    for pid in pids:
        try:
            regels = Path(f"/proc/{pid}/status").read_text().splitlines()
        except OSError:
            return None
        totaal += next((int(r.split()[1]) for r in regels if r.startswith("VmRSS:")), 0)
    return totaal


def cpu_seconden(pids: list[int]) -> float | None:
    """User and system CPU time these processes used so far, or None when one is gone."""
    totaal = 0
    for pid in pids:
        try:
            velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        totaal += int(velden[11]) + int(velden[12])
    return totaal / os.sysconf("SC_CLK_TCK")


def bot_processen() -> dict[str, int]:
    """Rasa and the action server: this process's children that run them."""
    rollen = {"rasa_server.py": "Rasa", "rasa_sdk": "acties"}
    gevonden: dict[str, int] = {}
    for pid, ouder in _ouders().items():
        if ouder != os.getpid():
            continue
        try:
            woorden = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        for sleutel, rol in rollen.items():
            if any(w.endswith(sleutel) for w in woorden.split("\0")) and rol not in gevonden:
                gevonden[rol] = pid
                break
    return gevonden


class Geheugenmeter:
    """Samples the processes' resident memory every few seconds while locust runs."""

    def __init__(self, pids: dict[str, int]):
        self.pids = {rol: met_nakomelingen(pid) for rol, pid in pids.items()}
        self.metingen: list[tuple[float, dict[str, int | None]]] = []
        self._stop = threading.Event()
        self._draad = threading.Thread(target=self._meet, daemon=True)

    def __enter__(self) -> Geheugenmeter:
        self.start = time.monotonic()
        self.cpu_start = {r: cpu_seconden(p) for r, p in self.pids.items()}
        self._draad.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.duur = time.monotonic() - self.start
        self.cpu_einde = {r: cpu_seconden(p) for r, p in self.pids.items()}
        self._stop.set()
        self._draad.join(timeout=10)

    def cpu(self, rol: str) -> float | None:
        """The share of one core this process used while measuring (1.0: a whole core)."""
        a, b = self.cpu_start.get(rol), self.cpu_einde.get(rol)
        return None if a is None or b is None else (b - a) / self.duur

    def _meet(self) -> None:
        while True:
            nu = time.monotonic() - self.start
            self.metingen.append((nu, {r: geheugen_kb(p) for r, p in self.pids.items()}))
            if self._stop.wait(5.0):
                return

    def op(self, seconden: float) -> dict[str, int | None]:
        """The sample closest to this moment."""
        return min(self.metingen, key=lambda m: abs(m[0] - seconden))[1]


def locust(
    url: str, mensen: int, denktijd: float, duur: int, uit: Path, seed: int, basislijn: bool
) -> dict[str, float]:
    """Runs the users for ``duur`` seconds; the aggregated figures of the chat requests."""
    prefix = uit / ("basislijn" if basislijn else "chat")
    opdracht = [
        *(sys.executable, "-m", "locust", "-f", str(GEBRUIKERS), "--headless"),
        *("-u", str(mensen), "-r", str(max(1, mensen // 10)), "-t", f"{duur}s"),
        *("--host", url, "--csv", str(prefix), "--only-summary", "--stop-timeout", "5"),
        "--skip-log-setup",
    ]
    omgeving = {
        **os.environ,
        "BELASTING_DENKTIJD": str(denktijd),
        "BELASTING_SEED": str(seed),
        "BELASTING_BASISLIJN": "1" if basislijn else "0",
    }
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        opdracht,
        cwd=REPO,
        env=omgeving,
        check=False,  # locust exits 1 when a request failed: the report says how many
        stdout=(uit / "locust.log").open("ab"),
        stderr=subprocess.STDOUT,
    )
    na = resource.getrusage(resource.RUSAGE_CHILDREN)  # locust's own, the others still run
    cpu = na.ru_utime + na.ru_stime - voor.ru_utime - voor.ru_stime
    with (prefix.parent / f"{prefix.name}_stats.csv").open(encoding="utf-8") as f:
        rijen = {r["Name"]: r for r in csv.DictReader(f)}
    totaal = rijen["Aggregated"]
    # an exception in a user (a conversation that broke off) counts as an error too
    with (prefix.parent / f"{prefix.name}_exceptions.csv").open(encoding="utf-8") as f:
        uitzonderingen = sum(int(r["Count"]) for r in csv.DictReader(f))
    chat = rijen.get("gezondheid" if basislijn else "chat", totaal)
    return {
        "verzoeken": float(totaal["Request Count"]),
        "fouten": float(totaal["Failure Count"]) + uitzonderingen,
        "per_s": float(chat["Requests/s"]),
        "p50": float(chat["50%"]),
        "p95": float(chat["95%"]),
        "p99": float(chat["99%"]),
        "locust_cpu": cpu / duur,
    }


def druk(naam: str, r: dict[str, float]) -> None:
    print(
        f"{naam:<28}{r['per_s']:>10.1f}{r['p50']:>9.0f}{r['p95']:>9.0f}{r['p99']:>9.0f}"
        f"{r['verzoeken']:>10.0f}{r['fouten']:>8.0f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("standaard", "productie"), default="standaard")
    parser.add_argument("--duur", type=int, default=600, help="seconden (600: 10 minuten)")
    parser.add_argument("--mensen", type=int, default=115, help="mensen tegelijk (115)")
    parser.add_argument("--denktijd", type=float, default=100 / 15, help="s per bericht (6,7)")
    parser.add_argument("--basislijn", type=int, default=60, help="seconden basislijn (60)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    subprocess.run(["bash", "scripts/train_bot.sh"], cwd=REPO, check=True)
    model = REPO / "models" / "rechtenverkenner.tar.gz"
    print(f"machine: {os.cpu_count()} kernen, belasting {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp_, ExitStack() as stapel:
        tmp = Path(tmp_)
        if args.set == "productie":
            pg = stapel.enter_context(running_postgres())
            redis_url = stapel.enter_context(running_redis())
            productie = stapel.enter_context(
                draaiende_productieset(
                    model, tmp, pg.url, redis_url, {"MAX_PER_ADRES_PER_MINUUT": "1000000"}
                )
            )
            app, url = productie.app_proces, str(productie.api.base_url).rstrip("/")
            pids = {
                "acties": productie.acties_proces.pid,
                **{f"Rasa {i + 1}": r.proces.pid for i, r in enumerate(productie.replicas)},
                "app": app.pid,
            }
        else:
            bot = stapel.enter_context(draaiende_bot(model, tmp))
            app, url = start_server(
                f"sqlite:///{tmp / 'rechtenverkenner.db'}",
                tmp / "app.log",
                {
                    "RASA_URL": bot.url,
                    "RASA_TOKEN": bot.token,
                    "GESPREKKEN_URL": bot.gesprekken_url,
                    "MAX_PER_ADRES_PER_MINUUT": "1000000",  # every user is 127.0.0.1 here
                },
            )
            stapel.callback(app.wait, timeout=10)
            stapel.callback(app.terminate)
            pids = {**bot_processen(), "app": app.pid}
        print("processen: " + ", ".join(f"{r} {p}" for r, p in sorted(pids.items())))
        basis = None
        if args.basislijn:
            basis = locust(url, args.mensen, args.denktijd, args.basislijn, tmp, args.seed, True)
        with Geheugenmeter(pids) as meter:
            chat = locust(url, args.mensen, args.denktijd, args.duur, tmp, args.seed, False)
            einde = time.monotonic() - meter.start
        if chat["fouten"]:
            print((tmp / "locust.log").read_text(errors="replace")[-3000:])
    print()
    print(
        f"Belasting: {args.set}set, {args.mensen} mensen, denktijd {args.denktijd:.1f} s, "
        f"{args.duur} s (seed {args.seed})"
    )
    print(
        f"{'meting':<28}{'beurten/s':>10}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'verzoeken':>10}{'fouten':>8}"
    )
    print("-" * 83)
    if basis is not None:
        druk("basislijn (gezondheid)", basis)
    druk("chat (hele gesprekken)", chat)
    if basis is not None and basis["p95"]:
        print(f"verhouding p95 chat / basislijn: {chat['p95'] / basis['p95']:.1f}")
    print()
    twee = meter.op(120.0)
    eind = meter.op(einde)
    print(f"{'geheugen (RSS, MB)':<28}{'minuut 2':>10}{'einde':>10}{'groei':>9}{'cpu':>8}")
    groei_ok = True
    for rol in sorted(pids):
        a, b = twee.get(rol), eind.get(rol)
        if a is None or b is None:
            print(f"{rol:<28}{'weg':>10}")
            groei_ok = False
            continue
        groei = (b - a) / a
        groei_ok &= groei < DOEL_GROEI
        cpu = meter.cpu(rol)
        kern = f"{cpu * 100:>7.0f}%" if cpu is not None else f"{'?':>8}"
        print(f"{rol:<28}{a / 1024:>10.0f}{b / 1024:>10.0f}{groei * 100:>8.1f}%{kern}")
    print(f"{'locust (de mensen)':<28}{'':>10}{'':>10}{'':>9}{chat['locust_cpu'] * 100:>7.0f}%")
    print("cpu: het deel van één kern dat het proces gebruikte tijdens de meting")
    print()
    gehaald = chat["fouten"] == 0 and chat["p95"] < DOEL_P95_MS and groei_ok
    print(
        f"doel: 0 fouten, p95 < {DOEL_P95_MS:.0f} ms, geheugen < {DOEL_GROEI:.0%} groei: "
        + ("gehaald" if gehaald else "niet gehaald")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
