"""Screen one validated profile: the rights worth acting on, as JSON-ready data.

- ``waarschijnlijk``: every checkable condition holds and the person does not receive the
  right yet (the rule file's ``krijgt_al`` attribute is not "ja");
- ``mogelijk``: no condition fails, some are unknown, and the right is worth at least
  ``min_waarde`` euro a year (or its value is not known); with the conditions still to
  check and the attributes those conditions read that the row does not give (empty or
  "weet ik niet");
- ``al_ontvangen``: the rights the profile says the household already receives.

No rule is decided here: statuses and amounts are the engine's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.rules import Catalogus, RechtUitkomst, Status, VoorwaardeStatus, evalueer

MIN_WAARDE = 200.0
"""Default: a "mogelijk" right worth less than this per year is left out (0: unknown value,
always kept)."""


@dataclass(frozen=True)
class Opties:
    peildatum: date
    recht: str | None = None
    """Screen for this one right only ("van één recht naar meerdere personen")."""
    min_waarde: float = MIN_WAARDE


def screen_profiel(
    profiel: dict[str, Any], catalogus: Catalogus, opties: Opties
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """(waarschijnlijk, mogelijk, al ontvangen) for one profile."""
    alleen = frozenset((opties.recht,)) if opties.recht else None
    # statuses only: no next question, and nothing worked out about what is still open
    evaluatie = evalueer(profiel, catalogus, opties.peildatum, alleen=alleen, met_open=False)
    waarschijnlijk: list[dict[str, Any]] = []
    mogelijk: list[dict[str, Any]] = []
    al: list[dict[str, Any]] = []
    for u in evaluatie.uitkomsten:
        if u.status is not Status.WAARSCHIJNLIJK and u.status is not Status.MOGELIJK:
            continue
        krijgt_al = u.recht.krijgt_al
        if krijgt_al is not None and profiel.get(krijgt_al) is True:
            al.append({"id": u.recht.id, "naam": u.recht.naam})
        elif u.status is Status.WAARSCHIJNLIJK:
            waarschijnlijk.append(_waarschijnlijk(u))
        elif opties.recht or _waardevol(u, opties.min_waarde):
            mogelijk.append(_mogelijk(u, profiel))
    return waarschijnlijk, mogelijk, al


def _waardevol(u: RechtUitkomst, min_waarde: float) -> bool:
    return u.waarde_per_jaar == 0 or u.waarde_per_jaar >= min_waarde


def _waarschijnlijk(u: RechtUitkomst) -> dict[str, Any]:
    return {
        "id": u.recht.id,
        "naam": u.recht.naam,
        "bedrag": u.bedrag,
        "waarde_per_jaar": round(u.waarde_per_jaar, 2) or None,
        "via": list(u.via_rechten),
    }


def _mogelijk(u: RechtUitkomst, profiel: dict[str, Any]) -> dict[str, Any]:
    onbekend = {v.id for v in u.voorwaarden if v.status is VoorwaardeStatus.ONBEKEND}
    gelezen = set().union(*(v.attributen for v in u.recht.voorwaarden if v.id in onbekend))
    return {
        "id": u.recht.id,
        "naam": u.recht.naam,
        "waarde_per_jaar": round(u.waarde_per_jaar, 2) or None,
        "na_te_gaan": [v.tekst for v in u.voorwaarden if v.status is VoorwaardeStatus.ONBEKEND],
        "vragen": sorted(a for a in gelezen if profiel.get(a) is None),
    }
