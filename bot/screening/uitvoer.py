"""Write results: JSON lines (one per row, then the summary line) or CSV (one line per row;
the counts per right go to the summary, not into the CSV)."""

from __future__ import annotations

import csv
from typing import Any, TextIO

import orjson

CSV_KOLOMMEN = (
    "rij",
    "referentie",
    "waarschijnlijk",
    "mogelijk",
    "na_te_gaan",
    "al_ontvangen",
    "fout",
)


def json_regel(data: dict[str, Any]) -> bytes:
    return orjson.dumps(data) + b"\n"


class CsvSchrijver:
    """Rights as ids separated by ``;``; what to check as "recht: voorwaarde" with ``|``."""

    def __init__(self, uit: TextIO) -> None:
        self._schrijver = csv.writer(uit)
        self._schrijver.writerow(CSV_KOLOMMEN)

    def schrijf(self, u: dict[str, Any]) -> None:
        na_te_gaan = [f"{m['id']}: {t}" for m in u["mogelijk"] for t in m["na_te_gaan"]]
        self._schrijver.writerow(
            (
                u["rij"],
                u["referentie"] or "",
                "; ".join(r["id"] for r in u["waarschijnlijk"]),
                "; ".join(r["id"] for r in u["mogelijk"]),
                " | ".join(na_te_gaan),
                "; ".join(r["id"] for r in u["al_ontvangen"]),
                u["fout"] or "",
            )
        )
