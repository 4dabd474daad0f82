"""Settings from the environment (or a .env file). Read when the app starts, never at import."""

from __future__ import annotations

from pathlib import Path

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
    host: str = "0.0.0.0"
    port: int = 8000
