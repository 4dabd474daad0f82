"""Today is the Belgian date, also on a server that runs on UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.tijd import vandaag


def test_een_uur_voor_middernacht_utc_is_het_in_brussel_al_morgen() -> None:
    assert vandaag(datetime(2026, 12, 7, 23, 30, tzinfo=UTC)) == date(2026, 12, 8)
    assert vandaag(datetime(2026, 12, 7, 22, 59, tzinfo=UTC)) == date(2026, 12, 7)


def test_in_de_zomer_is_het_verschil_twee_uur() -> None:
    assert vandaag(datetime(2026, 7, 1, 22, 0, tzinfo=UTC)) == date(2026, 7, 2)
    assert vandaag(datetime(2026, 7, 1, 21, 59, tzinfo=UTC)) == date(2026, 7, 1)
