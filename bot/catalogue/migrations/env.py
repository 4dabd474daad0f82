"""Alembic environment for the catalogue. Batch mode so that SQLite can alter tables."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from bot.catalogue.db import maak_engine
from bot.catalogue.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    x = context.get_x_argument(as_dictionary=True)
    if "url" in x:
        return x["url"]
    url = config.get_main_option("sqlalchemy.url")
    if url:
        return url
    from bot.settings import Settings

    return Settings().database_url


def _configureer(verbinding: Connection) -> None:
    context.configure(
        connection=verbinding,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=_url(), target_metadata=target_metadata, render_as_batch=True, literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    verbinding = config.attributes.get("connection")
    if verbinding is not None:
        _configureer(verbinding)
        return
    engine = maak_engine(_url())
    try:
        with engine.begin() as nieuwe:
            _configureer(nieuwe)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
