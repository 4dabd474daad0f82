"""Households for the screening tests, written by hand and generated with a fixed seed."""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

PEILDATUM = "2025-06-01"

KOLOMMEN = (
    "referentie",
    "gemeente",
    "leeftijd",
    "samenwonend_met_partner",
    "aantal_kinderen",
    "woonsituatie",
    "netto_maandinkomen_gezin",
    "werksituatie",
    "verblijfsstatus",
    "verhoogde_tegemoetkoming",
    "ontvangt_leefloon",
)

ALLEEN_LAAG = ["gent-001", "Gent", "34", "nee", "0", "huurder_privaat", "700,00", "zonder_inkomen",
               "belg", "nee", "nee"]  # fmt: skip
"""Alone, no income, renting in Gent: the leefloon is likely and not received yet."""
KRIJGT_LEEFLOON = ["gent-002", "9000", "34", "ja", "0", "huurder_privaat", "700", "zonder_inkomen",
                   "belg", "ja", "ja"]  # fmt: skip
"""Says so: already receives the leefloon and the increased allowance."""
SLECHTE_CEL = ["gent-003", "Gent", "vier", "nee", "0", "huurder_privaat", "700", "zonder_inkomen",
               "belg", "nee", "nee"]  # fmt: skip
"""'vier' in the age column."""
HOOG_INKOMEN = ["brugge-004", "Brugge", "45", "ja", "2", "eigenaar", "6200", "werknemer", "belg",
                "nee", "nee"]  # fmt: skip


def schrijf_csv(pad: Path, rijen: list[list[str]], kolommen: tuple[str, ...] = KOLOMMEN) -> Path:
    with pad.open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.writer(f, delimiter=";")
        schrijver.writerow(kolommen)
        schrijver.writerows(rijen)
    return pad


def willekeurige_rijen(aantal: int, seed: int) -> list[list[str]]:
    """Varied households (all columns of ``KOLOMMEN``), some cells empty or '?'."""
    rng = random.Random(seed)
    rijen = []
    for i in range(aantal):
        leeftijd = rng.randint(18, 95)
        werk = rng.choice(
            ["werknemer", "zelfstandige", "werkzoekend", "student", "gepensioneerd",
             "arbeidsongeschikt", "zonder_inkomen"]
        )  # fmt: skip
        rij: list[Any] = [
            f"h-{i:05d}",
            rng.choice(
                ["Gent", "Brugge", "Kortrijk", "Oostende", "Sint-Niklaas", "Leuven", "11001"]
            ),
            leeftijd,
            rng.choice(["ja", "nee"]),
            rng.choice([0, 0, 1, 2, 3]),
            rng.choice(["huurder_privaat", "huurder_sociaal", "eigenaar", "inwonend"]),
            f"{rng.uniform(300, 5000):.2f}".replace(".", ","),
            werk,
            rng.choice(["belg", "belg", "eu_burger", "erkend_vluchteling"]),
            rng.choice(["ja", "nee", "?"]),
            rng.choice(["ja", "nee", "nee", ""]),
        ]
        rijen.append([str(c) for c in rij])
    return rijen
