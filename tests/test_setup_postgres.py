"""The throw-away PostgreSQL server really serves SQL: a round trip with SQLAlchemy 2 + psycopg."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from pg_server import PostgresNotAvailable, find_bindir, running_postgres
from sqlalchemy import Integer, String, create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Gemeente(Base):
    __tablename__ = "setup_test_gemeente"

    nis_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    naam: Mapped[str] = mapped_column(String(100))
    inwoners: Mapped[int] = mapped_column(Integer)


@pytest.mark.postgres
def test_postgres_round_trip(postgres_url: str) -> None:
    assert postgres_url.startswith("postgresql+psycopg://")
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            versie = conn.execute(text("SHOW server_version")).scalar_one()
            assert conn.dialect.name == "postgresql"
            assert versie.split(".")[0].isdigit()
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            session.add_all(
                [
                    Gemeente(nis_code="44021", naam="Gent", inwoners=265_000),
                    Gemeente(nis_code="11002", naam="Antwerpen", inwoners=536_000),
                ]
            )
            session.commit()
        with Session(engine) as session:
            namen = session.scalars(select(Gemeente.naam).where(Gemeente.inwoners > 300_000)).all()
            assert namen == ["Antwerpen"]
            # ILIKE exists in PostgreSQL, not in SQLite: proves we talk to the real server.
            gent = session.scalars(select(Gemeente).where(Gemeente.naam.ilike("GENT"))).one()
            assert gent.nis_code == "44021"
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


@pytest.mark.postgres
def test_postgres_survives_a_new_connection(postgres_url: str) -> None:
    """Data committed through one engine is visible through another: a real server, not a mock."""
    first = create_engine(postgres_url)
    second = create_engine(postgres_url)
    try:
        with first.begin() as conn:
            conn.execute(text("CREATE TABLE setup_test_teller (n integer)"))
            conn.execute(text("INSERT INTO setup_test_teller VALUES (41), (1)"))
        with second.connect() as conn:
            total = conn.execute(text("SELECT sum(n) FROM setup_test_teller")).scalar_one()
            assert total == 42
        with first.begin() as conn:
            conn.execute(text("DROP TABLE setup_test_teller"))
    finally:
        first.dispose()
        second.dispose()


@pytest.mark.postgres
def test_server_and_files_are_gone_after_the_block() -> None:
    try:
        find_bindir()
    except PostgresNotAvailable as exc:
        pytest.skip(f"PostgreSQL-server niet beschikbaar: {exc}")
    with running_postgres(dbname="opruimtest") as server:
        engine = create_engine(server.url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT current_database()")).scalar_one() == "opruimtest"
        engine.dispose()
        assert server.datadir.is_dir()
    assert not server.datadir.exists()
    with socket.socket() as s:
        assert s.connect_ex((server.host, server.port)) != 0, "server luistert nog"


def test_missing_binaries_are_reported_in_dutch(tmp_path: Path) -> None:
    with pytest.raises(PostgresNotAvailable, match="niet gevonden"):
        find_bindir(search_path=str(tmp_path), versioned=str(tmp_path / "*" / "bin"))


def test_binaries_found_in_a_debian_style_directory(tmp_path: Path) -> None:
    for version in ("9.6", "15", "13"):
        bindir = tmp_path / version / "bin"
        bindir.mkdir(parents=True)
        for name in ("initdb", "pg_ctl", "postgres", "createdb"):
            (bindir / name).write_text("#!/bin/sh\n")
            (bindir / name).chmod(0o755)
    found = find_bindir(search_path=str(tmp_path), versioned=str(tmp_path / "*" / "bin"))
    assert found == tmp_path / "15" / "bin"
