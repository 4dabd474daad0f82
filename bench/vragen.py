"""How many questions until the result, in-process: the engine's question choice played
out for realistic households, the way the bot asks (a question group once, then what is
still open one by one; ticked boxes are "ja", boxes marked ``leeg_is_nee`` "nee").

Run: ``.venv/bin/python bench/vragen.py`` (``--help``). The conversation benchmark
(``gesprekken.py``) measures the same over Rasa's REST channel; this one takes seconds,
so that a change to the vocabulary or the rules can be judged at once. It prints the
mean and the spread, the questions asked most, and the target (at most 8 on average).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from engine import ANDERE_GEMEENTEN, _volledig_profiel, lees_regelbestanden  # noqa: E402

from bot.rules import Catalogus, bouw_catalogus, evalueer  # noqa: E402
from bot.vocabulary import GroepSoort, Vocabulaire, laad_vocabulaire  # noqa: E402

DOEL = 8.0


def speel(
    waarheid: dict[str, Any], catalogus: Catalogus, vocabulaire: Vocabulaire, peildatum: date
) -> list[str]:
    """The questions (a group's key or an attribute) asked until no answer can change a
    result, answering from ``waarheid``."""
    profiel: dict[str, Any] = {}
    gevraagd: list[str] = []
    beantwoorde_groepen: set[str] = set()
    while len(gevraagd) < 60:
        evaluatie = evalueer(vocabulaire.valideer_profiel(profiel), catalogus, peildatum)
        if evaluatie.volgende_vraag is None:
            return gevraagd
        sleutel = evaluatie.volgende_groep
        if sleutel is not None and sleutel not in beantwoorde_groepen:
            beantwoorde_groepen.add(sleutel)
            gevraagd.append(sleutel)
            groep = vocabulaire.vraaggroepen[sleutel]
            for lid in evaluatie.volgende_leden:
                if groep.soort is GroepSoort.AANKRUISEN:
                    if waarheid.get(lid):
                        profiel[lid] = True
                    elif lid in groep.leeg_is_nee:
                        profiel[lid] = False
                    else:  # not ticked, and not a label everyone recognises: unknown
                        profiel[lid] = None
                else:
                    profiel[lid] = waarheid.get(lid)
            # a button that says it all ("Alleen") also fills what it names outside the
            # group (knoppen_vullen_ook), as in the bot
            past = [
                k for k in groep.knoppen if all(waarheid.get(a) == w for a, w in k.waarden.items())
            ]
            knop = past[0] if past else None
            if knop is not None:
                profiel.update(knop.waarden)
        else:
            lid = evaluatie.volgende_vraag
            gevraagd.append(lid)
            profiel[lid] = waarheid.get(lid)
    raise RuntimeError("meer dan 60 vragen: de vraagkeuze loopt rond")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--huishoudens", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20251206)
    parser.add_argument("--datum", type=date.fromisoformat, default=date(2025, 6, 1))
    args = parser.parse_args(argv)

    vocabulaire = laad_vocabulaire()
    catalogus = bouw_catalogus(lees_regelbestanden(), vocabulaire)
    lokaal = sorted({g for r in catalogus.rechten for g in (r.gemeenten or ())})
    gemeenten = [*lokaal, *ANDERE_GEMEENTEN]
    rng = random.Random(args.seed)
    aantallen: list[int] = []
    vragen: Counter[str] = Counter()
    for _ in range(args.huishoudens):
        gevraagd = speel(_volledig_profiel(rng, gemeenten), catalogus, vocabulaire, args.datum)
        aantallen.append(len(gevraagd))
        vragen.update(gevraagd)
    gemiddeld = statistics.fmean(aantallen)
    n = len(vocabulaire.attributen)
    print(
        f"{args.huishoudens} huishoudens, {n} attributen, {len(vocabulaire.vraaggroepen)} "
        f"vraaggroepen, peildatum {args.datum}"
    )
    kwartielen = statistics.quantiles(aantallen, n=4)
    print(
        f"vragen tot het resultaat: gemiddeld {gemiddeld:.1f} (mediaan {kwartielen[1]:.0f}, "
        f"kwartielen {kwartielen[0]:.0f}–{kwartielen[2]:.0f}, hoogstens {max(aantallen)})"
    )
    print("meest gesteld (aandeel van de gesprekken):")
    for vraag, aantal in vragen.most_common(14):
        print(f"  {vraag:38s} {aantal / args.huishoudens:5.0%}")
    oordeel = "gehaald" if gemiddeld <= DOEL and gemiddeld < n / 2 else "NIET gehaald"
    print(f"doel: gemiddeld hoogstens {DOEL:.0f} vragen en minder dan de helft van {n}: {oordeel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
