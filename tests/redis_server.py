"""A throw-away Redis server for tests: Debian's ``redis-server`` on a free loopback port,
without persistence, in a temporary folder.

Usage (tests/conftest.py exposes this as the session fixture ``redis_url``)::

    with running_redis() as url:
        ...
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class RedisNotAvailable(RuntimeError):
    """``redis-server`` is not installed (Debian package ``redis-server``)."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_redis() -> Iterator[str]:
    """``redis://127.0.0.1:<port>/0`` of a fresh server, stopped and removed on leaving."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RedisNotAvailable("redis-server ontbreekt (apt-get install redis-server)")
    map_ = Path(tempfile.mkdtemp(prefix="rv-redis-"))
    poort = _free_port()
    log = map_ / "redis.log"
    proces = subprocess.Popen(
        [
            binary,
            "--bind", "127.0.0.1",
            "--port", str(poort),
            "--save", "",
            "--appendonly", "no",
            "--dir", str(map_),
            "--logfile", str(log),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        einde = time.monotonic() + 20
        while True:
            if proces.poll() is not None:
                raise RuntimeError(f"redis-server stopte:\n{log.read_text(errors='replace')}")
            try:
                with socket.create_connection(("127.0.0.1", poort), timeout=0.5) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if time.monotonic() > einde:
                raise RuntimeError(f"redis-server startte niet:\n{log.read_text(errors='replace')}")
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{poort}/0"
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
        shutil.rmtree(map_, ignore_errors=True)
