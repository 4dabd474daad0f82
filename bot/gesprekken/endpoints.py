"""Rasa's endpoints file, made from the settings: the action server and the tracker store.

One source of truth: the app deletes conversations in the store that Rasa writes to
(``Settings.gesprekken_url``), so Rasa's endpoints file is made from the same setting
(``python -m bot endpoints``), never written by hand. In the production set
(``Settings.redis_url``) it adds Rasa's Redis lock store.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import yaml
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

OPSLAGSOORTEN = ("sqlite", "postgresql")
"""The kinds of conversation store (``GESPREKKEN_URL``) that both Rasa's endpoints file
and the app's deleting (``bot.gesprekken.opslag``) know: Rasa's SQL tracker store."""


def opslagsoort(gesprekken_url: str) -> str:
    """The kind of store of this URL; ValueError (in Dutch) for any other kind."""
    try:
        soort = make_url(gesprekken_url).get_backend_name()
    except ArgumentError:
        soort = gesprekken_url.split(":")[0]
    if soort not in OPSLAGSOORTEN:
        raise ValueError(f"GESPREKKEN_URL: dit soort opslag kennen we niet: {soort}")
    return soort


def tracker_store(gesprekken_url: str) -> dict[str, Any]:
    """Rasa's ``tracker_store`` section for this URL: its SQL store on SQLite or PostgreSQL."""
    dialect = opslagsoort(gesprekken_url)
    url = make_url(gesprekken_url)
    if dialect == "sqlite":
        if not url.database:
            raise ValueError("GESPREKKEN_URL: geef een bestand voor SQLite (sqlite:///pad.db)")
        return {"type": "SQL", "dialect": "sqlite", "db": url.database}
    if dialect == "postgresql":
        # Rasa passes the section's ``url`` to its SQL store as ``host``, where a whole URL
        # is taken as it is; Rasa has its own driver (psycopg2)
        zonder_driver = url.set(drivername="postgresql")
        return {
            "type": "SQL",
            "dialect": "postgresql",
            "url": zonder_driver.render_as_string(hide_password=False),
            "db": url.database,
        }
    raise AssertionError(dialect)  # opslagsoort knows no other kind


def lock_store(redis_url: str) -> dict[str, Any]:
    """Rasa's ``lock_store`` section: its Redis lock store, so that replicas sharing the
    tracker store never handle two messages of one conversation at the same time."""
    deel = urlsplit(redis_url)
    if deel.scheme not in ("redis", "rediss") or not deel.hostname:
        raise ValueError("REDIS_URL: geef een adres als redis://127.0.0.1:6379/0")
    sectie: dict[str, Any] = {
        "type": "redis",
        "url": deel.hostname,
        "port": deel.port or 6379,
        "db": int(deel.path.strip("/") or 0),
        "key_prefix": "rechtenverkenner",
    }
    if deel.password:
        sectie["password"] = deel.password
    if deel.scheme == "rediss":
        sectie["use_ssl"] = True
    return sectie


def endpoints(acties_url: str, gesprekken_url: str, redis_url: str | None = None) -> dict[str, Any]:
    secties: dict[str, Any] = {
        "action_endpoint": {"url": acties_url},
        "tracker_store": tracker_store(gesprekken_url),
    }
    if redis_url:
        secties["lock_store"] = lock_store(redis_url)
    return secties


def endpoints_yaml(acties_url: str, gesprekken_url: str, redis_url: str | None = None) -> str:
    kop = (
        "# Gemaakt door `python -m bot endpoints` uit de instellingen (GESPREKKEN_URL,\n"
        "# REDIS_URL): niet met de hand aanpassen.\n"
    )
    inhoud = endpoints(acties_url, gesprekken_url, redis_url)
    return kop + yaml.safe_dump(inhoud, sort_keys=False)
