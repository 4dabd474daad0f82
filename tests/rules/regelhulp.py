"""Small helpers to write rule files by hand in tests.

Imported as ``from regelhulp import ...`` (pytest puts this folder on the path).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from bot.rules import Catalogus, Evaluatie, Status, bouw_catalogus, evalueer
from bot.vocabulary import Vocabulaire, laad_vocabulaire

PEILDATUM = date(2025, 1, 1)
BRON = "https://www.vlaanderen.be/"

W = Status.WAARSCHIJNLIJK
M = Status.MOGELIJK
N = Status.NIET
NG = Status.NIET_GECONTROLEERD


@cache
def vocabulaire() -> Vocabulaire:
    return laad_vocabulaire()


def voorwaarde(regel: Any, id: str = "v", tekst: str = "De voorwaarde is voldaan.", **extra: Any):
    return {"id": id, "tekst": tekst, "regel": regel, **extra}


def recht(id: str = "r", *voorwaarden: Any, **extra: Any) -> dict[str, Any]:
    """A rule file. A condition given as a bare expression gets an id and a text."""
    lijst = []
    for i, v in enumerate(voorwaarden):
        if isinstance(v, dict) and "tekst" in v:
            lijst.append(v)
        else:
            lijst.append(voorwaarde(v, id=f"v{i}"))
    data: dict[str, Any] = {
        "id": id,
        "product": id,
        "naam": f"Recht {id}",
        "niveau": "vlaams",
        "bron_url": BRON,
        "voorwaarden": lijst,
    }
    data.update(extra)
    return data


def parameter(*waarden: tuple[str, Any], per_gemeente: Mapping[str, Any] | None = None):
    """A parameter: ``parameter(("2024-01-01", 10), ("2025-01-01", 12))``."""
    data: dict[str, Any] = {
        "omschrijving": "Een grens.",
        "bron": BRON,
        "waarden": [{"vanaf": d, "waarde": w} for d, w in waarden],
    }
    if per_gemeente is not None:
        data["per_gemeente"] = {
            nis: [{"vanaf": d, "waarde": w} for d, w in lijst]
            for nis, lijst in per_gemeente.items()
        }
    return data


def bouw(*rechten: Mapping[str, Any], **kw: Any) -> Catalogus:
    return bouw_catalogus(list(rechten), vocabulaire(), **kw)


def evalueer_een(
    regel: Any, profiel: Mapping[str, Any], datum: date = PEILDATUM, **extra: Any
) -> Status:
    """The status of a one-condition right with this expression."""
    catalogus = bouw(recht("r", regel, **extra))
    return evalueer(profiel, catalogus, datum).uitkomsten[0].status


def statussen(evaluatie: Evaluatie) -> dict[str, Status]:
    return {u.recht.id: u.status for u in evaluatie.uitkomsten}


def uitleg(evaluatie: Evaluatie) -> str:
    """A readable dump of an evaluation, for assertion messages."""
    regels = []
    for u in evaluatie.uitkomsten:
        regels.append(f"{u.recht.id}: {u.status} (open: {sorted(u.open_attributen)})")
        for v in u.voorwaarden:
            regels.append(f"  - [{v.status}] {v.id}: {v.tekst}")
    regels.append(f"volgende vraag: {evaluatie.volgende_vraag}")
    return "\n".join(regels)
