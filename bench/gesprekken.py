"""Conversation benchmark: simulated Dutch conversations over Rasa's REST channel.

Starts the real action server and Rasa server (the trained model, free ports, SQLite in
a temp dir) and drives conversations with varied profiles from a seeded generator: each
simulated person starts with "ontdek mijn rechten" and answers whatever the bot asks
(numbers as text, choices with the button payloads, sometimes "weet ik niet"). Reports,
for 1, 5, 10 and 20 concurrent conversations: p50/p95 turn latency and turns per
second; and the mean number of questions until the result next to the number of
attributes in the vocabulary. As the baseline, in the same run, ``rasa init``'s default
bot (trained in a temp dir) answers "hi" at the same concurrency levels.

The levels are closed loops without think time: they measure capacity, and by Little's
law their latency grows with the level (20 conversations at 15 turns/s wait 1.3 s each).
The target's situation is measured as the *peak*: a hundred people chatting at once,
each typing every few seconds (exponential think time, mean 100/15 s), so about 15
turns per second are offered; it reports the turns per second served and p50/p95.

Targets on a 2-core machine: >= 15 turns/s with p95 < 300 ms at the peak; on average at
most 8 questions and fewer than half of the vocabulary.

    .venv/bin/python bench/gesprekken.py [--gesprekken 40] [--zonder-basislijn]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "bot"))

from api import willekeurig_profiel  # noqa: E402  (bench/api.py: the same generator)
from botproces import (  # noqa: E402
    RASA,
    RASA_PYTHON,
    RASA_SERVER,
    draaiende_bot,
    stop,
    vrije_poort,
    wacht,
)

from bot.vocabulary import AttribuutType, laad_vocabulaire  # noqa: E402

NIVEAUS = (1, 5, 10, 20)
GEMEENTENAAM = {
    "44021": "Gent",
    "11002": "Antwerpen",
    "31005": "Brugge",
    "35013": "Oostende",
    "34022": "Kortrijk",
    "46021": "Sint-Niklaas",
    "24062": "Leuven",
    "71016": "Genk",
}
VOCABULAIRE = laad_vocabulaire()
VRAAG_VAN = {a.vraag: sleutel for sleutel, a in VOCABULAIRE.attributen.items()}
VRAAG_VAN |= {g.vraag: sleutel for sleutel, g in VOCABULAIRE.vraaggroepen.items()}
SITUATIEWOORD = {
    "ontvangt_leefloon": "leefloon",
    "verhoogde_tegemoetkoming": "verhoogde tegemoetkoming",
    "erkende_handicap": "handicap",
    "mantelzorger": "mantelzorg",
    "ontvangt_igo": "inkomensgarantie",
    "ontvangt_tegemoetkoming_handicap": "tegemoetkoming handicap",
    "ontvangt_zorgbudget_ouderen": "zorgbudget voor ouderen",
    "zelf_zorgbehoevend": "ik heb elke dag veel hulp nodig",
}
SOORT_WOORD = {
    "loon": "loon",
    "pensioen": "pensioen",
    "uitkering": "een uitkering",
    "zelfstandige": "als zelfstandige",
    "bijstand": "leefloon",
    "gemengd": "loon en pensioen",
}
WOON_WOORD = {
    "huurder_privaat": "ik huur van een private verhuurder",
    "huurder_sociaal": "ik huur een sociale woning",
    "huurder_svk": "ik huur via een sociaal verhuurkantoor",
    "eigenaar": "ik ben eigenaar",
    "inwonend": "ik woon in bij iemand",
    "dakloos": "ik heb geen vaste woning",
}
WARMTE_WOORD = {
    "stookolie": "met stookolie",
    "aardgas": "met aardgas",
    "elektriciteit": "met een warmtepomp",
    "andere": "met een houtkachel",
}


def groepsantwoord(groep: str, profiel: dict, knoppen: list[dict], rng: random.Random) -> str:
    """What a person types (or clicks) for a question group, as its question suggests."""
    if rng.random() < 0.05:
        return "weet ik niet"
    if groep == "over_u":
        leeftijd, gemeente = profiel["leeftijd"], GEMEENTENAAM.get(profiel["gemeente"], "Gent")
        return rng.choice([f"{leeftijd}, {gemeente}", f"ik ben {leeftijd} en woon in {gemeente}"])
    if groep == "gezin":
        partner, kinderen = profiel["samenwonend_met_partner"], profiel["aantal_kinderen"]
        if not kinderen:
            return "met mijn partner" if partner else "alleen"
        n = "1 kind" if kinderen == 1 else f"{kinderen} kinderen"
        return f"met mijn partner en {n}" if partner else f"alleen met mijn {n}"
    if groep == "inkomen":
        bedrag, soort = profiel["netto_maandinkomen_gezin"], profiel["soort_inkomen"]
        return f"{bedrag:.0f} euro, {SOORT_WOORD[soort]}"
    if groep == "wonen":
        return f"{WOON_WOORD[profiel['woonsituatie']]}, {WARMTE_WOORD[profiel['verwarming']]}"
    if groep == "huurwoning":
        jaren = profiel["jaren_op_wachtlijst_sociale_woning"]
        verhuisd = profiel["verhuisd_uit_slechte_woning"]
        if not jaren and not verhuisd:
            return rng.choice(["nee", "Nee, geen van beide"])
        return f"{jaren} jaar, {'ja' if verhuisd else 'nee'}"
    if groep == "zorg":
        waar = "bij mij" if profiel["zorgbehoevende_zelfde_adres"] else "niet bij mij"
        return f"{profiel['zorgbehoevende_leeftijd']}, {waar}"
    # aankruisen: the button that says it all, else the situations typed together
    for knop in knoppen:
        payload = knop.get("payload", "")
        if payload.startswith("/inform{"):
            waarden = json.loads(payload.removeprefix("/inform"))
            if all(profiel.get(a) == w for a, w in waarden.items()):
                return payload
    ja = [a for a in SITUATIEWOORD if profiel.get(a)]
    return " en ".join(SITUATIEWOORD[a] for a in ja) or "geen van deze"


def antwoord(attribuut: str, waarde: object, rng: random.Random) -> str:
    """What a person types (or clicks) for this value."""
    if waarde is None or rng.random() < 0.05:
        return "weet ik niet"
    soort = VOCABULAIRE.attributen[attribuut].type
    if soort is AttribuutType.GEMEENTE:
        return GEMEENTENAAM.get(str(waarde), "Gent")
    if soort is AttribuutType.BOOL:
        return "ja" if waarde else "nee"
    if soort is AttribuutType.ENUM:
        return f'/inform{{"{attribuut}": "{waarde}"}}'
    if soort is AttribuutType.EURO:
        per = "jaar" if attribuut == "belastbaar_inkomen_gezin_jaar" else "maand"
        return f"{waarde:.0f} euro per {per}"
    return str(waarde)


class Beurten:
    """One sender's turns over the REST channel: each latency is kept and passed to
    ``meet`` as it happens."""

    def __init__(
        self,
        client: httpx.Client,
        url: str,
        afzender: str,
        meet: Callable[[float], None] | None = None,
    ) -> None:
        self.client, self.url, self.afzender, self.meet = client, url, afzender, meet
        self.tijden: list[float] = []

    def zeg(self, tekst: str) -> list[dict]:
        begin = time.perf_counter()
        r = self.client.post(
            f"{self.url}/webhooks/rest/webhook", json={"sender": self.afzender, "message": tekst}
        )
        duur = time.perf_counter() - begin
        r.raise_for_status()
        self.tijden.append(duur)
        if self.meet is not None:
            self.meet(duur)
        return r.json()


def gesprek(
    url: str,
    nummer: int,
    seed: int,
    denk: Callable[[], bool] | None = None,
    meet: Callable[[float], None] | None = None,
) -> tuple[list[float], int]:
    """One whole conversation; (turn latencies, number of questions asked). ``denk`` is
    called before each message: the person arrives, reads and types (None: at once), and
    says False when the measurement is over;
    ``meet`` gets each turn's latency as it happens."""
    rng = random.Random(seed * 100_003 + nummer)
    profiel = willekeurig_profiel(rng)
    vragen = 0
    with httpx.Client(timeout=60.0) as client:
        beurten = Beurten(client, url, f"bench-{seed}-{nummer}", meet)
        if denk is not None and not denk():
            return beurten.tijden, vragen
        berichten = beurten.zeg("ontdek mijn rechten")
        for _ in range(len(VOCABULAIRE.attributen) + 2):
            if denk is not None and not denk():
                break
            vraag = next((b for b in reversed(berichten) if b.get("text") in VRAAG_VAN), None)
            if vraag is None:
                break
            gevraagd = VRAAG_VAN[vraag["text"]]
            vragen += 1
            if gevraagd in VOCABULAIRE.vraaggroepen:
                tekst = groepsantwoord(gevraagd, profiel, vraag.get("buttons") or [], rng)
            else:
                tekst = antwoord(gevraagd, profiel.get(gevraagd), rng)
            berichten = beurten.zeg(tekst)
    return beurten.tijden, vragen


def basislijn_gesprek(
    url: str,
    nummer: int,
    seed: int,
    denk: Callable[[], bool] | None = None,
    meet: Callable[[float], None] | None = None,
) -> tuple[list[float], int]:
    with httpx.Client(timeout=60.0) as client:
        beurten = Beurten(client, url, f"basis-{seed}-{nummer}", meet)
        for tekst in ("hi", "I am great", "bye"):
            if denk is not None and not denk():
                break
            beurten.zeg(tekst)
    return beurten.tijden, 0


def piek(
    doe: Callable[..., tuple[list[float], int]],
    url: str,
    mensen: int,
    denktijd_s: float,
    duur_s: float,
    seed: int,
    opwarmen_s: float = 20.0,
) -> dict[str, float]:
    """A city's peak: ``mensen`` people chat at once, each reading and typing for
    ``denktijd_s`` on average (exponential) before every message, the first one included;
    when a conversation ends, that person starts a new one. Offered load is about
    ``mensen / denktijd_s`` turns per second. The first ``opwarmen_s`` seconds (everyone
    arriving) are not counted; then ``duur_s`` seconds are measured."""
    tijden: list[float] = []
    slot = threading.Lock()
    begin = time.perf_counter()
    meten_vanaf = begin + opwarmen_s
    einde = meten_vanaf + duur_s

    def persoon(p: int) -> None:
        rng = random.Random(seed * 7919 + p)
        klaar = False

        def denk() -> bool:
            # A person whose next message would fall after the window stops: drawing again
            # would favour short think times (and start conversations in a tight loop).
            nonlocal klaar
            wacht = rng.expovariate(1.0 / denktijd_s)
            if time.perf_counter() + wacht >= einde:
                klaar = True
                return False
            time.sleep(wacht)
            return True

        def meet(duur: float) -> None:
            if time.perf_counter() >= meten_vanaf:
                with slot:
                    tijden.append(duur)

        nummer = p * 10_000
        while not klaar:
            doe(url, nummer, seed, denk, meet)
            nummer += 1

    with ThreadPoolExecutor(max_workers=mensen) as pool:
        list(pool.map(persoon, range(mensen)))
    tijden.sort()
    return {
        "p50_ms": 1000 * statistics.median(tijden),
        "p95_ms": 1000 * tijden[int(0.95 * (len(tijden) - 1))],
        "beurten_per_s": len(tijden) / duur_s,
    }


def niveau(
    doe: Callable[[str, int, int], tuple[list[float], int]],
    url: str,
    gelijktijdig: int,
    aantal: int,
    seed: int,
) -> dict[str, float]:
    tijden: list[float] = []
    vragen: list[int] = []
    slot = threading.Lock()

    def een(i: int) -> None:
        t, v = doe(url, i, seed)
        with slot:
            tijden.extend(t)
            vragen.append(v)

    begin = time.perf_counter()
    with ThreadPoolExecutor(max_workers=gelijktijdig) as pool:
        list(pool.map(een, range(aantal)))
    duur = time.perf_counter() - begin
    tijden.sort()
    return {
        "p50_ms": 1000 * statistics.median(tijden),
        "p95_ms": 1000 * tijden[int(0.95 * (len(tijden) - 1))],
        "beurten_per_s": len(tijden) / duur,
        "vragen": statistics.mean(vragen),
    }


def basislijn_bot(tmp: Path) -> tuple[Path, Path]:
    """``rasa init``'s default bot, trained in ``tmp``; (project folder, model)."""
    map_ = tmp / "rasa-init"
    map_.mkdir()
    env = {**os.environ, "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    subprocess.run(
        [str(RASA), "init", "--no-prompt", "--init-dir", str(map_)],
        cwd=map_,
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return map_, next((map_ / "models").glob("*.tar.gz"))


def druk(naam: str, resultaten: dict[int, dict[str, float]]) -> None:
    print(f"\n{naam}")
    print(f"{'gelijktijdig':>12} {'p50 ms':>8} {'p95 ms':>8} {'beurten/s':>10}")
    for n, r in resultaten.items():
        print(f"{n:>12} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} {r['beurten_per_s']:>10.1f}")


def druk_piek(r: dict[str, float], args: argparse.Namespace) -> None:
    aangeboden = args.mensen / args.denktijd
    print(
        f"{'piek':>12} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} {r['beurten_per_s']:>10.1f}"
        f"   ({args.mensen} mensen, elk om de {args.denktijd:.1f} s een bericht: "
        f"~{aangeboden:.0f} beurten/s aangeboden; doel >= 15/s met p95 < 300 ms)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gesprekken", type=int, default=40, help="gesprekken per niveau")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--zonder-basislijn", action="store_true")
    parser.add_argument(
        "--mensen", type=int, default=115, help="piek: mensen tegelijk (115: ~15 beurten/s)"
    )
    parser.add_argument(
        "--denktijd", type=float, default=100 / 15, help="piek: s lezen en typen (6,7)"
    )
    parser.add_argument("--piekduur", type=float, default=60.0, help="piek: meetduur in s (60)")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} kernen, belasting {os.getloadavg()[0]:.2f}")
    subprocess.run(["bash", "scripts/train_bot.sh"], cwd=REPO, check=True)
    model = REPO / "models" / "rechtenverkenner.tar.gz"

    with tempfile.TemporaryDirectory() as tmp_:
        tmp = Path(tmp_)
        with draaiende_bot(model, tmp) as bot:
            gesprek(bot.url, -1, args.seed)  # warm up: the engine is built on first use
            bot_res = {
                n: niveau(gesprek, bot.url, n, max(args.gesprekken, n), args.seed + n)
                for n in NIVEAUS
            }
            bot_piek = piek(gesprek, bot.url, args.mensen, args.denktijd, args.piekduur, args.seed)
        druk("Rechtenverkenner (ontdek mijn rechten -> resultaat)", bot_res)
        druk_piek(bot_piek, args)
        vragen = statistics.mean(r["vragen"] for r in bot_res.values())
        totaal = len(VOCABULAIRE.attributen)
        print(
            f"\nvragen tot het resultaat: gemiddeld {vragen:.1f} van {totaal} attributen "
            f"({100 * (1 - vragen / totaal):.0f}% bespaard)"
        )

        if not args.zonder_basislijn:
            map_, basis_model = basislijn_bot(tmp)
            poort = vrije_poort()
            log = tmp / "basis.log"
            proces = subprocess.Popen(
                # the same server wrapper as the bot, so that only the bots differ
                [str(RASA_PYTHON), str(RASA_SERVER), "run", "-i", "127.0.0.1", "-p", str(poort)]
                + ["-m", str(basis_model)],
                cwd=map_,
                stdout=log.open("wb"),
                stderr=subprocess.STDOUT,
                env={**os.environ, "SQLALCHEMY_SILENCE_UBER_WARNING": "1"},
            )
            try:
                url = f"http://127.0.0.1:{poort}"
                wacht(f"{url}/", proces, log, 240.0)
                basislijn_gesprek(url, -1, args.seed)
                basis = {
                    n: niveau(basislijn_gesprek, url, n, max(args.gesprekken, n), args.seed)
                    for n in NIVEAUS
                }
                basis_piek = piek(
                    basislijn_gesprek, url, args.mensen, args.denktijd, args.piekduur, args.seed
                )
            finally:
                stop([proces])
            druk("Basislijn: rasa init (hi / I am great / bye)", basis)
            druk_piek(basis_piek, args)
            print("\nverhouding p50 (Rechtenverkenner / basislijn):")
            for n in NIVEAUS:
                print(f"{n:>12} {bot_res[n]['p50_ms'] / basis[n]['p50_ms']:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
