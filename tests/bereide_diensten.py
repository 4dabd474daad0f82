"""The services the action server builds (``bot.diensten``), on the bundled catalogue loaded
into a real SQLite file: one helper for the test modules that read messages like the bot."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from bot.diensten import Diensten, bouw_diensten
from bot.settings import Settings
from catalogus_loader.init import initialiseer


@contextmanager
def bereide_diensten(
    tmp_path_factory: pytest.TempPathFactory, naam: str, peildatum: date | None = None
) -> Iterator[Diensten]:
    """Diensten on a fresh catalogue in a temporary folder called ``naam``; closed after."""
    pad: Path = tmp_path_factory.mktemp(naam) / "catalogus.db"
    extra = {"peildatum": peildatum} if peildatum is not None else {}
    instellingen = Settings(database_url=f"sqlite:///{pad}", **extra)
    initialiseer(instellingen)
    d = bouw_diensten(instellingen)
    try:
        yield d
    finally:
        d.sluit()
