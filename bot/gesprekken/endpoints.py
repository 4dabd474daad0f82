"""Rasa's endpoints file, made from the settings: the action server and the tracker store.

One source of truth: the app deletes conversations in the store that Rasa writes to
(``Settings.gesprekken_url``), so Rasa's endpoints file is made from the same setting
(``python -m bot endpoints``), never written by hand.
"""

from __future__ import annotations

from typing import Any

import yaml
from sqlalchemy.engine import make_url


def tracker_store(gesprekken_url: str) -> dict[str, Any]:
    """Rasa's ``tracker_store`` section for this URL: its SQL store on SQLite or PostgreSQL."""
    url = make_url(gesprekken_url)
    dialect = url.get_backend_name()
    if dialect == "sqlite":
        if not url.database:
            raise ValueError("GESPREKKEN_URL: geef een bestand voor SQLite (sqlite:///pad.db)")
        return {"type": "SQL", "dialect": "sqlite", "db": url.database}
    if dialect == "postgresql":
        # Rasa takes a whole URL in ``host``; it has its own driver (psycopg2)
        zonder_driver = url.set(drivername="postgresql")
        return {
            "type": "SQL",
            "dialect": "postgresql",
            "host": zonder_driver.render_as_string(hide_password=False),
            "db": url.database,
        }
    raise ValueError(f"GESPREKKEN_URL: dit soort opslag kennen we niet: {dialect}")


def endpoints(acties_url: str, gesprekken_url: str) -> dict[str, Any]:
    return {
        "action_endpoint": {"url": acties_url},
        "tracker_store": tracker_store(gesprekken_url),
    }


def endpoints_yaml(acties_url: str, gesprekken_url: str) -> str:
    kop = (
        "# Gemaakt door `python -m bot endpoints` uit de instellingen (GESPREKKEN_URL):\n"
        "# niet met de hand aanpassen.\n"
    )
    return kop + yaml.safe_dump(endpoints(acties_url, gesprekken_url), sort_keys=False)
