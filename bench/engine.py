"""Benchmark of the rights engine, in-process: one evaluation of the whole bundled catalogue.

Run: ``.venv/bin/python bench/engine.py`` (options: ``--help``).

It builds the bundled catalogue (``catalogus/regels/*.yaml``), makes realistic profiles
with a seeded generator (partial ones, as during a conversation, and full ones) and
times ``evalueer`` over all of them. As the baseline, measured in the same run, it times
the cheapest thing a caller does anyway: a function call that copies the profile dict.
The ratio is what to compare between machines; the target is well under 1 ms per
evaluation of the whole catalogue.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.rules import Catalogus, bouw_catalogus, evalueer  # noqa: E402
from bot.vocabulary import Vocabulaire, laad_vocabulaire  # noqa: E402
from catalogus_loader.regels import lees_regelbestand  # noqa: E402

DOEL_US = 1000.0
"""Target: one evaluation of the whole catalogue takes well under 1 ms."""

ANDERE_GEMEENTEN = ("11001", "23088", "44084", "71022")
"""Municipalities without local rights in the bundled catalogue."""


def bouw_meegeleverde_catalogus(vocabulaire: Vocabulaire) -> Catalogus:
    regelbestanden = []
    for pad in sorted((ROOT / "catalogus" / "regels").glob("*.yaml")):
        record, problemen, _ = lees_regelbestand(pad.read_text(encoding="utf-8"), pad.name)
        if problemen:
            raise SystemExit("\n".join(str(p) for p in problemen))
        if record is not None:
            regelbestanden.append(record.definitie)
    if not regelbestanden:
        raise SystemExit("catalogus/regels/ bevat geen regelbestanden.")
    return bouw_catalogus(regelbestanden, vocabulaire)


# --- realistic profiles -------------------------------------------------------------


def _volledig_profiel(rng: random.Random, gemeenten: Sequence[str]) -> dict[str, Any]:
    """One household, with the usual correlations (age, children, work, income)."""
    leeftijd = min(100, max(18, int(rng.gauss(46, 18))))
    partner = rng.random() < (0.55 if 25 <= leeftijd <= 75 else 0.25)
    kinderen = 0
    if 22 <= leeftijd <= 60 and rng.random() < 0.55:
        kinderen = rng.choices([1, 2, 3, 4, 5], weights=[35, 40, 15, 7, 3])[0]
    if leeftijd >= 66:
        werk = rng.choices(["gepensioneerd", "zonder_inkomen"], weights=[95, 5])[0]
    elif leeftijd < 25 and rng.random() < 0.5:
        werk = "student"
    else:
        werk = rng.choices(
            ["werknemer", "zelfstandige", "werkzoekend", "arbeidsongeschikt", "zonder_inkomen"],
            weights=[60, 10, 12, 12, 6],
        )[0]
    basis = {
        "werknemer": 2300,
        "zelfstandige": 2500,
        "werkzoekend": 1300,
        "student": 600,
        "gepensioneerd": 1700,
        "arbeidsongeschikt": 1400,
        "zonder_inkomen": 400,
    }[werk]
    inkomen = basis * rng.lognormvariate(0, 0.35) + (rng.uniform(800, 2500) if partner else 0)
    laag = inkomen < 1800
    woonsituatie = rng.choices(
        ["eigenaar", "huurder_privaat", "huurder_sociaal", "inwonend", "dakloos"],
        weights=[35, 40, 20, 4, 1] if laag else [70, 25, 3, 2, 0],
    )[0]
    wachtlijst = rng.choice([0, 0, 1, 2, 3, 4, 5, 7]) if woonsituatie == "huurder_privaat" else 0
    ontvangt_leefloon = werk == "zonder_inkomen" and rng.random() < 0.6
    return {
        "gemeente": rng.choice(gemeenten),
        "leeftijd": leeftijd,
        "samenwonend_met_partner": partner,
        "aantal_kinderen": kinderen,
        "leeftijd_jongste_kind": rng.randint(0, 20) if kinderen else None,
        "woonsituatie": woonsituatie,
        "netto_maandinkomen_gezin": round(min(inkomen, 100_000), 2),
        "werksituatie": werk,
        "verblijfsstatus": rng.choices(
            [
                "belg",
                "eu_burger",
                "erkend_vluchteling",
                "ander_verblijfsrecht",
                "geen_verblijfsrecht",
            ],
            weights=[82, 9, 4, 4, 1],
        )[0],
        "verhoogde_tegemoetkoming": laag and rng.random() < 0.6 or ontvangt_leefloon,
        "erkende_handicap": rng.random() < 0.08,
        "mantelzorger": rng.random() < 0.12,
        "ontvangt_leefloon": ontvangt_leefloon,
        "jaren_op_wachtlijst_sociale_woning": wachtlijst,
    }


def maak_profielen(
    aantal: int, seed: int, vocabulaire: Vocabulaire, catalogus: Catalogus
) -> list[tuple[bool, dict[str, Any]]]:
    """``(volledig, profiel)``: half full profiles, half partial ones (a conversation
    halfway, some "weet ik niet")."""
    rng = random.Random(seed)
    lokaal = sorted(
        {g for r in catalogus.rechten for g in (r.gemeenten or ())}
        | {g for r in catalogus.rechten for p in r.parameters.values() for g in p.per_gemeente}
    )
    gemeenten = [*lokaal, *ANDERE_GEMEENTEN]
    volgorde = list(vocabulaire.attributen)
    profielen = []
    for i in range(aantal):
        volledig = _volledig_profiel(rng, gemeenten)
        if i % 2 == 0:
            profiel = {k: v for k, v in volledig.items() if v is not None}
        else:
            beantwoord = rng.randint(0, len(volgorde))
            profiel = {}
            for sleutel in rng.sample(volgorde, beantwoord):
                profiel[sleutel] = None if rng.random() < 0.08 else volledig[sleutel]
        profielen.append((i % 2 == 0, vocabulaire.valideer_profiel(profiel)))
    return profielen


# --- timing -------------------------------------------------------------------------


def _basislijn(profiel: dict[str, Any], catalogus: Catalogus, peildatum: date) -> dict:
    return dict(profiel)


def meet(
    functie: Callable[[dict, Catalogus, date], Any],
    profielen: list[dict[str, Any]],
    catalogus: Catalogus,
    peildatum: date,
    herhalingen: int,
    minimum_s: float = 0.2,
) -> float:
    """Seconds per call: the best of ``herhalingen`` runs over all profiles."""
    rondes = 1
    while True:  # enough rounds per run for a measurable time
        start = time.perf_counter()
        for _ in range(rondes):
            for p in profielen:
                functie(p, catalogus, peildatum)
        if time.perf_counter() - start >= minimum_s or rondes >= 1 << 20:
            break
        rondes *= 2
    tijden = []
    gc.collect()
    for _ in range(herhalingen):
        start = time.perf_counter()
        for _ in range(rondes):
            for p in profielen:
                functie(p, catalogus, peildatum)
        tijden.append((time.perf_counter() - start) / (rondes * len(profielen)))
    return min(tijden)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profielen", type=int, default=200, help="aantal profielen (200)")
    parser.add_argument("--seed", type=int, default=20250601)
    parser.add_argument("--herhalingen", type=int, default=5, help="metingen, de beste telt (5)")
    parser.add_argument("--datum", type=date.fromisoformat, default=date.today())
    args = parser.parse_args(argv)

    vocabulaire = laad_vocabulaire()
    start = time.perf_counter()
    catalogus = bouw_meegeleverde_catalogus(vocabulaire)
    bouwtijd = time.perf_counter() - start
    gemaakt = maak_profielen(args.profielen, args.seed, vocabulaire, catalogus)
    profielen = [p for _, p in gemaakt]
    volledig = [p for vol, p in gemaakt if vol]
    gedeeltelijk = [p for vol, p in gemaakt if not vol]

    basis = meet(_basislijn, profielen, catalogus, args.datum, args.herhalingen)
    rijen = []
    for naam, groep in (
        ("alle profielen", profielen),
        ("volledige profielen", volledig),
        ("gedeeltelijke profielen", gedeeltelijk),
    ):
        if groep:
            s = meet(evalueer, groep, catalogus, args.datum, args.herhalingen)
            rijen.append((naam, len(groep), s))

    open_ = statistics.mean(len(evalueer(p, catalogus, args.datum).open_rechten) for p in profielen)
    print(
        f"Rekenmotor: {len(catalogus.rechten)} rechten, {len(profielen)} profielen "
        f"(seed {args.seed}), peildatum {args.datum.isoformat()}, Python {sys.version.split()[0]}"
    )
    print(
        f"catalogus bouwen: {bouwtijd * 1000:.1f} ms (eenmalig); gemiddeld {open_:.1f} open rechten"
    )
    print()
    print(f"{'meting':<26}{'n':>5}{'evaluaties/s':>15}{'µs/evaluatie':>15}{'× basislijn':>13}")
    print("-" * 74)
    print(
        f"{'basislijn (dict-kopie)':<26}{len(profielen):>5}"
        f"{1 / basis:>15,.0f}{basis * 1e6:>15.2f}{1:>13.0f}"
    )
    for naam, n, s in rijen:
        print(f"{naam:<26}{n:>5}{1 / s:>15,.0f}{s * 1e6:>15.1f}{s / basis:>13.0f}")
    print()
    alle_us = rijen[0][2] * 1e6
    oordeel = "gehaald" if alle_us < DOEL_US else "NIET gehaald"
    print(f"doel: < {DOEL_US:.0f} µs per evaluatie van de hele catalogus: {oordeel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
