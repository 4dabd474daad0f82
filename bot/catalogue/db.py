"""Engine, sessions and migrations. Nothing connects until a function here is called."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIES = Path(__file__).with_name("migrations")


def maak_engine(url: str, **opties: Any) -> Engine:
    """An engine for ``url``. SQLite: creates the folder and turns on foreign keys."""
    url_obj = make_url(url)
    if url_obj.get_backend_name() == "sqlite":
        database = url_obj.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url_obj, **opties)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_foreign_keys)
    return engine


def _sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def sessie_fabriek(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIES))
    if engine is not None:
        config.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
        config.attributes["engine"] = engine
    return config


def migreer(engine: Engine, revisie: str = "head") -> None:
    """Bring the schema to ``revisie`` (default: the newest)."""
    with engine.begin() as verbinding:
        config = alembic_config(engine)
        config.attributes["connection"] = verbinding
        command.upgrade(config, revisie)


def migreer_terug(engine: Engine, revisie: str = "base") -> None:
    """Undo migrations down to ``revisie`` (default: an empty database)."""
    with engine.begin() as verbinding:
        config = alembic_config(engine)
        config.attributes["connection"] = verbinding
        command.downgrade(config, revisie)


def huidige_revisie(engine: Engine) -> str | None:
    with engine.connect() as verbinding:
        return MigrationContext.configure(verbinding).get_current_revision()


def nieuwste_revisie() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()
