"""A bigger catalogue for the benchmarks, made from the bundled rule files.

The catalogue grows mostly with local rights: the same kind of premium, pass or discount
in one more municipality, with its own amounts and limits. So the generator copies the
bundled rule files round-robin until there are ``aantal`` rights: a copy of a local right
goes to another Flemish municipality; of a copy of a national or Flemish right, two in
three become a local supplement in one municipality (many towns add something to a
national right, on the same conditions) and one in three stays national. Every copy
gets its own id and its numeric parameters (and per-municipality values) scaled by a
seeded factor of 0.85–1.15, so that the copies do not share every parameter value.
Copies read the same other rights as their original; nothing reads a copy.
"""

from __future__ import annotations

import copy
import csv
import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def vlaamse_gemeenten() -> list[str]:
    """The NIS codes of the Flemish municipalities (``catalogus/gemeenten``)."""
    pad = ROOT / "catalogus" / "gemeenten" / "gemeenten-2025.csv"
    with pad.open(encoding="utf-8", newline="") as f:
        return [r["nis"] for r in csv.DictReader(f) if r["gewest"] == "Vlaanderen"]


def vergroot(
    regelbestanden: Sequence[Mapping[str, Any]],
    aantal: int,
    gemeenten: Sequence[str],
    *,
    seed: int = 13,
) -> list[dict[str, Any]]:
    """The rule files plus copies until there are ``aantal`` (at least the originals).

    ``gemeenten``: NIS codes to place local copies in (those already used by a bundled
    local right are skipped first, so that most copies land in a town of their own).
    """
    rng = random.Random(seed)
    uit = [dict(r) for r in regelbestanden]
    bezet = {g for r in regelbestanden for g in (r.get("gemeenten") or ())}
    vrij = [g for g in gemeenten if g not in bezet] or list(gemeenten)
    bronnen = sorted(regelbestanden, key=lambda r: r["id"])
    k = 0
    while len(uit) < aantal:
        bron = bronnen[k % len(bronnen)]
        k += 1
        kopie = copy.deepcopy(dict(bron))
        kopie["id"] = f"{bron['id']}-kopie-{k}"
        kopie["product"] = kopie["id"]
        ronde = (k - 1) // len(bronnen)  # the how-manieth copy of this rule file
        lokaal = bool(bron.get("gemeenten")) or ronde % 3 != 2
        if lokaal:
            gemeente = vrij[k % len(vrij)]
            kopie["gemeenten"] = [gemeente]
            kopie["niveau"] = "lokaal"
            kopie["naam"] = f"{bron['naam']} ({gemeente})"
        else:
            kopie["naam"] = f"{bron['naam']} (variant {k})"
        kopie.pop("krijgt_al", None)  # "you already get it" belongs to the original
        factor = rng.uniform(0.85, 1.15)
        for parameter in (kopie.get("parameters") or {}).values():
            _schaal(parameter.get("waarden") or [], factor)
            for reeks in (parameter.get("per_gemeente") or {}).values():
                _schaal(reeks, factor)
        uit.append(kopie)
    return uit


def _schaal(reeks: list[dict[str, Any]], factor: float) -> None:
    for w in reeks:
        w["waarde"] = _geschaald(w["waarde"], factor)


def _geschaald(waarde: Any, factor: float) -> Any:
    if isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, int):
        return round(waarde * factor)
    if isinstance(waarde, float):
        return round(waarde * factor, 2)
    if isinstance(waarde, list):
        return [_geschaald(w, factor) for w in waarde]
    return waarde
