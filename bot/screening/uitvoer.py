"""The output of one row as bytes: a JSON line, or a CSV line (rights as ids separated by
``;``, what to check as "recht: voorwaarde" separated by ``|``). The counts per right go to
the summary (the closing JSON line, or the table on the command line)."""

from __future__ import annotations

import csv
import io
from typing import Any

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
FORMATEN = ("json", "csv")


def json_regel(data: dict[str, Any]) -> bytes:
    return orjson.dumps(data) + b"\n"


def _csv_regel(cellen: tuple[Any, ...]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(cellen)
    return buffer.getvalue().encode()


CSV_KOP = _csv_regel(CSV_KOLOMMEN)


def csv_regel(u: dict[str, Any]) -> bytes:
    na_te_gaan = [f"{m['id']}: {t}" for m in u["mogelijk"] for t in m["na_te_gaan"]]
    return _csv_regel(
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


def regel(u: dict[str, Any], formaat: str) -> bytes:
    return csv_regel(u) if formaat == "csv" else json_regel(u)
