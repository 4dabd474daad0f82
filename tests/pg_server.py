"""A throw-away PostgreSQL server for tests: initdb in a temp dir, pg_ctl on a free port.

Usage (tests/conftest.py exposes this as the session fixture ``postgres_url``)::

    with running_postgres() as server:
        engine = create_engine(server.url)

PostgreSQL refuses to run as root, so as root the server commands run as the ``postgres``
OS user (created by Debian's ``postgresql`` package) through ``runuser``. The server and its
files are removed when the ``with`` block ends.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SERVER_USER = "postgres"
"""The OS user that runs the server when we are root."""
SUPERUSER = "postgres"
"""The database superuser created by initdb (trust authentication, loopback only)."""


class PostgresNotAvailable(RuntimeError):
    """The PostgreSQL server binaries (initdb, pg_ctl, postgres) cannot be found."""


class PostgresStartError(RuntimeError):
    """The binaries are there, but the throw-away server did not come up."""


@dataclass(frozen=True)
class PostgresServer:
    bindir: Path
    datadir: Path
    host: str
    port: int
    user: str
    dbname: str

    @property
    def url(self) -> str:
        """SQLAlchemy URL for the test database (psycopg 3 driver)."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{self.dbname}"


DEBIAN_BINDIRS = "/usr/lib/postgresql/*/bin"


def find_bindir(search_path: str | None = None, versioned: str = DEBIAN_BINDIRS) -> Path:
    """The directory holding initdb, pg_ctl and postgres: from PATH, else /usr/lib/postgresql/*/bin.

    Debian does not put the server binaries on PATH, only in /usr/lib/postgresql/VERSION/bin;
    the newest version there wins. ``search_path`` defaults to $PATH.
    """
    needed = ("initdb", "pg_ctl", "postgres", "createdb")
    on_path = shutil.which("initdb", path=search_path)
    candidates = [Path(on_path).parent] if on_path else []
    found = glob.glob(versioned)
    found.sort(key=lambda p: _version_key(Path(p).parent.name), reverse=True)
    candidates += [Path(p) for p in found]
    for directory in candidates:
        if all(os.access(directory / name, os.X_OK) for name in needed):
            return directory
    raise PostgresNotAvailable(
        "initdb/pg_ctl/postgres niet gevonden op PATH of in /usr/lib/postgresql/*/bin "
        "(installeer het Debian-pakket 'postgresql', of voer 'make setup' uit als root)"
    )


def _version_key(name: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in name.split("."))
    except ValueError:
        return (0,)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(argv: list[str]) -> list[str]:
    """Prefix argv with runuser when we are root: postgres will not run as root."""
    if os.geteuid() != 0:
        return argv
    _server_user()
    return ["runuser", "-u", SERVER_USER, "--", *argv]


def _server_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(SERVER_USER)
    except KeyError as exc:
        raise PostgresStartError(
            f"draaiend als root, maar OS-gebruiker '{SERVER_USER}' bestaat niet "
            "(het Debian-pakket 'postgresql' maakt die aan)"
        ) from exc


def _run(argv: list[str], what: str, log: Path | None = None) -> None:
    result = subprocess.run(
        argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120, check=False
    )
    if result.returncode != 0:
        detail = (result.stdout + result.stderr).strip()
        if log is not None and log.exists():
            detail += "\n--- server log ---\n" + log.read_text(errors="replace")[-4000:]
        raise PostgresStartError(f"{what} mislukt (exit {result.returncode}):\n{detail}")


@contextmanager
def running_postgres(dbname: str = "rechtenverkenner_test") -> Iterator[PostgresServer]:
    """Start a fresh cluster with one database; stop it and delete its files on exit."""
    bindir = find_bindir()
    workdir = Path(tempfile.mkdtemp(prefix="rv-pg-"))
    datadir = workdir / "data"
    socketdir = workdir / "sock"
    log = workdir / "server.log"
    started = False
    try:
        socketdir.mkdir()
        if os.geteuid() == 0:  # the server user must own its data and socket directories
            entry = _server_user()
            for path in (workdir, socketdir):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        _run(
            _as_server_user(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(datadir),
                    "-U",
                    SUPERUSER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ]
            ),
            "initdb",
        )
        server = None
        for _attempt in range(3):  # a free port can be taken between probe and bind: retry
            port = _free_port()
            options = (
                f"-p {port} -k {socketdir} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            start = _as_server_user(
                [
                    str(bindir / "pg_ctl"),
                    "start",
                    "-D",
                    str(datadir),
                    "-l",
                    str(log),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    options,
                ]
            )
            result = subprocess.run(
                start,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            if result.returncode == 0:
                started = True
                server = PostgresServer(bindir, datadir, "127.0.0.1", port, SUPERUSER, dbname)
                break
        if server is None:
            tail = log.read_text(errors="replace")[-4000:] if log.exists() else ""
            raise PostgresStartError(f"pg_ctl start mislukt:\n{result.stderr}\n{tail}")
        _run(
            [str(bindir / "createdb"), "-h", server.host, "-p", str(port), "-U", SUPERUSER, dbname],
            "createdb",
            log,
        )
        yield server
    finally:
        if started:
            subprocess.run(
                _as_server_user(
                    [
                        str(bindir / "pg_ctl"),
                        "stop",
                        "-D",
                        str(datadir),
                        "-m",
                        "immediate",
                        "-w",
                    ]
                ),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=60,
                check=False,
            )
        shutil.rmtree(workdir, ignore_errors=True)
