"""``python -m bot serve``: prepare the database on first run and start the web app.
``python -m bot screen FILE``: screen many households at once (see ``bot.screening.cli``).
``python -m bot endpoints --uit FILE``: Rasa's endpoints file from the settings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import uvicorn

from bot.screening import cli as screening_cli
from bot.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Rechtenverkenner")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    serve = sub.add_parser(
        "serve", help="start de web-API (en vul de databank bij de eerste start)"
    )
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    endpoints = sub.add_parser(
        "endpoints",
        help="schrijf het endpoints-bestand van Rasa (acties en gesprekkenopslag) uit de "
        "instellingen",
    )
    endpoints.add_argument("--acties-url", default="http://127.0.0.1:5055/webhook")
    endpoints.add_argument("--uit", type=Path, required=True, help="het bestand om te schrijven")
    screening_cli.voeg_toe(sub)
    args = parser.parse_args(argv)
    if args.opdracht == "screen":
        return screening_cli.voer_uit(args)
    if args.opdracht == "endpoints":
        return _schrijf_endpoints(args.acties_url, args.uit)

    settings = Settings()
    from catalogus_loader.init import initialiseer

    print("Databank voorbereiden (de eerste keer wordt de catalogus geladen)...", flush=True)
    resultaat = initialiseer(settings)
    if resultaat is not None:
        print(
            f"Catalogus geladen: {resultaat.producten.nieuw} producten, "
            f"{resultaat.regels.nieuw} regelbestanden, {resultaat.gemeenten.nieuw} gemeenten."
        )
    poort = args.port or settings.port
    print(
        f"Rechtenverkenner start op http://localhost:{poort} (API-documentatie: /docs)", flush=True
    )
    uvicorn.run(
        "bot.api.main:create_app",
        factory=True,
        host=args.host or settings.host,
        port=poort,
        access_log=False,  # paths and queries can hold personal data: never log them
        # X-Forwarded-For is read by the app, only from VERTROUWDE_PROXIES (bot.api.klantadres);
        # uvicorn's own reading would trust it from 127.0.0.1 whatever the setting says
        proxy_headers=False,
    )
    return 0


def _schrijf_endpoints(acties_url: str, uit: Path) -> int:
    """Rasa's endpoints file from the settings (``GESPREKKEN_URL``, ``REDIS_URL``): see
    bot.gesprekken."""
    from bot.gesprekken.endpoints import endpoints_yaml

    settings = Settings()
    try:
        tekst = endpoints_yaml(acties_url, settings.gesprekken_url, settings.redis_url)
    except ValueError as fout:
        print(fout, file=sys.stderr)
        return 2
    uit.parent.mkdir(parents=True, exist_ok=True)
    uit.write_text(tekst, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
