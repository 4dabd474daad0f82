"""Settings from the environment (or a .env file). Read when the app starts, never at import."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = f"sqlite:///{REPO / 'var' / 'rechtenverkenner.db'}"
    """SQLite under var/ by default; e.g. postgresql+psycopg://user:pw@host/db in production."""
    catalogus_pad: Path = REPO / "catalogus"
    """The bundled catalogue: products, rule files, code lists, municipalities."""
    catalogus_controle_s: float = Field(default=60.0, ge=0)
    """Every so many seconds the app and the action server check whether the catalogue in
    the database changed (``catalogus_loader load``) and then take the new one in, whole,
    without a restart. 0: never (the catalogue of the start stays)."""
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
    """The Rasa server (REST channel and HTTP API); it listens on 127.0.0.1 only. Several
    replicas that share their stores (the production set): their URLs separated by commas;
    the app uses them in turn and skips one that is down."""
    redis_url: str | None = None
    """Production: Redis (``redis://127.0.0.1:6379/0``) for Rasa's lock store and the app's
    rate-limit counters, shared by every process. Empty: locks and counters in the memory
    of the one process (the embedded default)."""
    rasa_token: SecretStr | None = None
    """The token of Rasa's HTTP API (``rasa run --auth-token``): the app sends it as
    ``?token=`` when it reads, adds to or deletes a conversation. ``make run`` makes a new
    random one at each start when it is not set. Not needed for the REST channel."""
    rasa_timeout: float = 4.5
    """Seconds the chat waits for Rasa: a hung Rasa gives a Dutch 503 within 5 seconds.
    Rasa itself waits ``ACTIE_TIMEOUT`` (3 s) for the action server (scripts/rasa_server.py),
    so a hung action server still gives an answer in time."""
    gesprekken_url: str = f"sqlite:///{REPO / 'var' / 'gesprekken.db'}"
    """Where Rasa keeps the conversations (its SQL tracker store): a SQLite file by default
    (no extra server; a restart loses nothing), ``postgresql+psycopg://…`` in production.
    Rasa's endpoints file is made from it (``python -m bot endpoints``); the app deletes
    conversations there."""
    gesprekken_bewaren: timedelta = timedelta(hours=24)
    """How long a conversation is kept after its last message; then the app deletes it
    (an ISO 8601 duration: ``GESPREKKEN_BEWAREN=PT24H``, ``P2D``, ``PT30M``)."""
    toegestane_origins: list[str] = ["http://localhost:8000", "http://127.0.0.1:8000"]
    """Sites that may embed the chat widget (the demo page on the app itself always may)."""
    chat_max_tekens: int = 500
    """Longest chat message accepted."""
    chat_max_per_minuut: int = 30
    """Chat messages per session per minute."""

    # --- limits of the whole app (bot.api.grenzen) ---
    max_per_adres_per_minuut: int = Field(default=300, ge=1)
    """Requests per client address per minute, over all pages and API operations; then a
    429. Generous: a helpdesk or a city office may send everyone through one address."""
    vertrouwde_proxies: list[str] = []
    """Addresses (or networks, e.g. ``10.0.0.0/8``) of your own reverse proxies or load
    balancers. Only when the request comes straight from one of them does the app take the
    client's address from ``X-Forwarded-For``. Empty: that header is never trusted."""
    max_inhoud_kb: int = Field(default=64, ge=1)
    """Largest request body in kB (chat and JSON API); larger gets a 413. The screening
    upload has its own limit, ``screening_max_mb``."""

    # --- integrators (server-to-server) ---
    integratie_sleutel: SecretStr | None = None
    """The API key for server-to-server endpoints (e.g. ``POST /api/v1/screening``), sent
    in the ``X-API-Sleutel`` header. Not set: those endpoints answer 503. The public
    widget endpoints never need it. Use a long random value (``openssl rand -hex 32``)."""
    screening_max_mb: int = 50
    """Largest upload to ``POST /api/v1/screening`` (the chat's limits do not apply)."""

    # --- city staff pages (/beheer/...) ---
    beheerders: dict[str, SecretStr] = {}
    """City staff who may read the read-only pages under ``/beheer`` (catalogue freshness,
    anonymous insight): login -> password (HTTP Basic), e.g.
    ``BEHEERDERS='{"beleid.gent": "een lang wachtwoord"}'``. Separate from the integrator key
    and from the social workers. Empty: those pages answer 503 with an explanation."""
    inzicht_lopende_maand: bool = False
    """Show the running month on ``/beheer/inzicht``. Off: only months that are over, so
    no one can watch a count change right after a conversation they know of."""

    # --- hand-over of a chat to a social worker (bot.overdracht) ---
    begeleiders: dict[str, SecretStr] = {}
    """Social workers who may redeem a code: login -> password (HTTP Basic), e.g.
    ``BEGELEIDERS='{"an.peeters": "een lang wachtwoord"}'``. Empty: redeeming is refused."""
    overdracht_dagen: int = Field(default=7, ge=1, le=30)
    """Days a hand-over is kept; after that its code no longer works and the row is deleted."""
    overdracht_sleutel: SecretStr | None = None
    """The key that encrypts the kept profiles (a Fernet key:
    ``python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"``).
    Without it, a key is made at the first start in ``overdracht_sleutelbestand``."""
    overdracht_sleutelbestand: Path = REPO / "var" / "overdracht.sleutel"
    """Where the generated key is kept (mode 0600) when ``overdracht_sleutel`` is not set."""
    overdracht_max_fouten: int = 5
    """Wrong codes per login and per address in ``overdracht_venster_minuten``; then a 429."""
    overdracht_max_fouten_totaal: int = 50
    """Wrong codes of everyone together in that window; then everyone waits."""
    overdracht_venster_minuten: int = 15
