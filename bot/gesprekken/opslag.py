"""Rasa's tracker store, as the app sees it: to delete one conversation at once ("wis mijn
gesprek") and every conversation older than the retention.

Rasa's HTTP API cannot delete a conversation: replacing its events with an empty list
leaves every stored row in Rasa's SQL store (it only ever adds rows). So the app deletes
in the store itself. One class per kind of store; :func:`bouw_gesprekopslag` picks it from
the URL in the settings (``GESPREKKEN_URL``), the same URL Rasa's endpoints file is made
from (:mod:`bot.gesprekken.endpoints`).
"""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path
from typing import Protocol

from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    func,
    inspect,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from bot.gesprekken.endpoints import opslagsoort


class GesprekopslagFout(RuntimeError):
    """The store of conversations cannot be reached; the message is for people."""


class Gesprekopslag(Protocol):
    def wis(self, sessie: str) -> None:
        """Delete this conversation now."""

    def ruim_op(self, nu: float | None = None) -> int:
        """Delete every conversation whose last message is older than the retention;
        returns how many."""

    def sluit(self) -> None: ...


_METADATA = MetaData()
EVENTS = Table(
    "events",  # Rasa's SQLTrackerStore: one row per event, never changed
    _METADATA,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
)


class SqlGesprekken:
    """Rasa's SQL tracker store (SQLite by default, PostgreSQL in production)."""

    def __init__(self, url: str, bewaren: timedelta) -> None:
        self.engine = create_engine(url, pool_pre_ping=True)
        self.bewaren = bewaren
        database = make_url(url).database
        self._bestand = (
            Path(database)
            if self.engine.dialect.name == "sqlite" and database not in (None, "", ":memory:")
            else None
        )

    def _heeft_tabel(self) -> bool:
        """Rasa makes its table (and a SQLite file) when it first starts: before that there
        is nothing to delete, and the app does not make the file."""
        if self._bestand is not None and not self._bestand.exists():
            return False
        return inspect(self.engine).has_table(EVENTS.name)

    def wis(self, sessie: str) -> None:
        try:
            if not self._heeft_tabel():
                return
            with self.engine.begin() as verbinding:
                verbinding.execute(delete(EVENTS).where(EVENTS.c.sender_id == sessie))
        except SQLAlchemyError as fout:
            raise GesprekopslagFout("Het gesprek kan nu niet gewist worden.") from fout

    def ruim_op(self, nu: float | None = None) -> int:
        grens = (time.time() if nu is None else nu) - self.bewaren.total_seconds()
        try:
            if not self._heeft_tabel():
                return 0
            oud = (
                select(EVENTS.c.sender_id)
                .group_by(EVENTS.c.sender_id)
                .having(func.max(EVENTS.c.timestamp) < grens)
            )
            with self.engine.begin() as verbinding:
                aantal = len(verbinding.execute(oud).all())
                if aantal:  # one statement: a conversation that just went on is kept
                    verbinding.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(oud)))
        except SQLAlchemyError as fout:
            raise GesprekopslagFout("Oude gesprekken kunnen nu niet gewist worden.") from fout
        return aantal

    def sluit(self) -> None:
        self.engine.dispose()


def bouw_gesprekopslag(url: str, bewaren: timedelta) -> Gesprekopslag:
    """The store for this URL (``Settings.gesprekken_url``): every kind Rasa's endpoints
    file can name (``OPSLAGSOORTEN``) is a SQL store."""
    opslagsoort(url)  # ValueError for a kind Rasa could not be given either
    return SqlGesprekken(url, bewaren)
