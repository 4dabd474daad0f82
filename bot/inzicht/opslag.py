"""The counts in the database: an atomic increment (upsert) and a filtered read."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, Final, NamedTuple

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.catalogue.models import InzichtTelling

ONBEKEND: Final = "onbekend"
"""The municipality of a conversation that did not name one (or named none we know)."""
SOORTEN: Final = ("waarschijnlijk", "mogelijk", "gevraagd")
BRONNEN: Final = ("gesprek", "screening")


class InzichtFout(Exception):
    """A count that cannot be stored (Dutch message)."""


class Sleutel(NamedTuple):
    """One counted cell: the table's primary key."""

    gemeente: str
    maand: str
    recht_id: str
    soort: str
    bron: str


def maand_van(datum: date) -> str:
    """2026-12-07 -> "2026-12"."""
    return f"{datum.year:04d}-{datum.month:02d}"


def vorige_maand(datum: date) -> str:
    """2026-01-07 -> "2025-12": the last month that is over."""
    return maand_van(datum.replace(day=1) - timedelta(days=1))


def afgesloten_tot(tot: str | None, vandaag: date) -> str:
    """The last month to show when the running month stays hidden: ``tot``, at most the
    month before ``vandaag``."""
    laatste = vorige_maand(vandaag)
    return min(tot, laatste) if tot else laatste


def _insert(dialect: str) -> Any:
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        raise InzichtFout(f"tellen kan alleen in SQLite of PostgreSQL, niet in {dialect}")
    return insert


def tel(engine: Engine, tellingen: Mapping[Sleutel, int]) -> None:
    """Add ``tellingen`` to the stored counts, in one transaction.

    One ``INSERT … ON CONFLICT DO UPDATE SET aantal = aantal + …``: two processes counting
    at once both count. The keys go in sorted order, so concurrent writers lock rows in the
    same order (no deadlock on PostgreSQL).
    """
    rijen = [
        {**sleutel._asdict(), "aantal": aantal}
        for sleutel, aantal in sorted(tellingen.items())
        if aantal > 0
    ]
    if not rijen:
        return
    for rij in rijen:
        if rij["soort"] not in SOORTEN or rij["bron"] not in BRONNEN:
            raise InzichtFout(f"onbekende soort of bron: {rij['soort']}, {rij['bron']}")
    insert = _insert(engine.dialect.name)
    tabel = InzichtTelling.__table__
    opdracht = insert(tabel).values(rijen)
    opdracht = opdracht.on_conflict_do_update(
        index_elements=list(tabel.primary_key.columns),
        set_={"aantal": tabel.c.aantal + opdracht.excluded.aantal},
    )
    with engine.begin() as verbinding:
        verbinding.execute(opdracht)


def lees(
    sessie: Session,
    *,
    gemeente: str | None = None,
    van: str | None = None,
    tot: str | None = None,
) -> dict[Sleutel, int]:
    """The stored counts, for one municipality (or all) and months ``van`` to ``tot``
    (``JJJJ-MM``, both included; ``None``: no limit)."""
    t = InzichtTelling
    vraag = select(t.gemeente, t.maand, t.recht_id, t.soort, t.bron, t.aantal)
    if gemeente is not None:
        vraag = vraag.where(t.gemeente == gemeente)
    if van is not None:
        vraag = vraag.where(t.maand >= van)
    if tot is not None:
        vraag = vraag.where(t.maand <= tot)
    return {Sleutel(*rij[:5]): rij[5] for rij in sessie.execute(vraag)}


def gemeenten_met_tellingen(sessie: Session, tot: str | None = None) -> list[str]:
    """The municipalities (NIS codes, ``onbekend``) that have any count up to month ``tot``."""
    t = InzichtTelling
    vraag = select(t.gemeente).distinct().order_by(t.gemeente)
    if tot is not None:
        vraag = vraag.where(t.maand <= tot)
    return list(sessie.scalars(vraag))
