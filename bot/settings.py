"""Settings from the environment (or a .env file). Read when the app starts, never at import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = f"sqlite:///{REPO / 'var' / 'rechtenverkenner.db'}"
    """SQLite under var/ by default; e.g. postgresql+psycopg://user:pw@host/db in production."""
    catalogus_pad: Path = REPO / "catalogus"
    """The bundled catalogue: products, rule files, code lists, municipalities."""
    ipdc_api_url: str | None = None
    """Base URL of the IPDC API, e.g. https://ipdc.vlaanderen.be/api (needs a key)."""
    ipdc_api_key: str | None = None
    peildatum: date | None = None
    """Evaluate the rights on this date instead of today: for tests that must keep passing
    as time goes by, or to see what the result was on a given day (``PEILDATUM=2025-06-01``)."""
    host: str = "0.0.0.0"
    port: int = 8000

    # --- chat (widget -> web API -> Rasa) ---
    rasa_url: str = "http://127.0.0.1:5005"
    """The Rasa server (REST channel and HTTP API); it listens on 127.0.0.1 only."""
    rasa_timeout: float = 30.0
    toegestane_origins: list[str] = ["http://localhost:8000", "http://127.0.0.1:8000"]
    """Sites that may embed the chat widget (the demo page on the app itself always may)."""
    chat_max_tekens: int = 500
    """Longest chat message accepted."""
    chat_max_per_minuut: int = 30
    """Chat messages per session per minute."""

    # --- integrators (server-to-server) ---
    integratie_sleutel: SecretStr | None = None
    """The API key for server-to-server endpoints (e.g. ``POST /api/v1/screening``), sent
    in the ``X-API-Sleutel`` header. Not set: those endpoints answer 503. The public
    widget endpoints never need it. Use a long random value (``openssl rand -hex 32``)."""
    screening_max_mb: int = 50
    """Largest upload to ``POST /api/v1/screening`` (the chat's limits do not apply)."""
