"""Counting a screening run: its totals per municipality, right and status, once per run."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date

from sqlalchemy import Engine

from bot.inzicht.opslag import ONBEKEND, Sleutel, maand_van, tel

log = logging.getLogger(__name__)


def tel_screening(
    engine: Engine, totalen: Mapping[tuple[str | None, str, str], int], datum: date
) -> None:
    """Add a run's totals: ``(gemeente or None, recht_id, soort) -> aantal``, in the month
    of ``datum`` (the day of the run). Never a row."""
    maand = maand_van(datum)
    tellingen: dict[Sleutel, int] = {}
    for (gemeente, recht_id, soort), aantal in totalen.items():
        sleutel = Sleutel(gemeente or ONBEKEND, maand, recht_id, soort, "screening")
        tellingen[sleutel] = tellingen.get(sleutel, 0) + aantal
    tel(engine, tellingen)


def tel_screening_veilig(
    engine: Engine, totalen: Mapping[tuple[str | None, str, str], int], datum: date
) -> bool:
    """``tel_screening``, but a failure only logs a warning (nothing of the rows): the run's
    results are already out. False when it failed."""
    try:
        tel_screening(engine, totalen, datum)
    except Exception as fout:  # noqa: BLE001 - the screening itself went well
        log.warning("De screening is niet geteld voor het inzicht (%s).", type(fout).__name__)
        return False
    return True
