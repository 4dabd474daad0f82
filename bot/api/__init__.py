"""The web API (FastAPI). Build it with :func:`bot.api.main.create_app`."""
