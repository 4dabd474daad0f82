"""The action server builds the engine when it starts, not at the first action.

Building it (catalogue, vocabulary, search index) takes seconds; Rasa waits only a few
seconds for an action (``ACTIE_TIMEOUT`` in scripts/rasa_server.py), so the first person
after a start would hear that rights cannot be checked now. The server answers its health
check only once this is done. Registered through rasa-sdk's plugin hook
(``rasa_sdk_plugins``); nothing is built at import.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import pluggy
from sanic import Sanic

from actions.diensten import diensten, vast_voor_deze_vraag
from bot.catalogue.fouten import CatalogusNietKlaar

log = logging.getLogger(__name__)
hookimpl = pluggy.HookimplMarker("rasa_sdk")


@hookimpl
def attach_sanic_app_extensions(app: Sanic) -> None:
    @app.before_server_start
    async def bouw_de_diensten(app: Sanic) -> None:
        # not ready: logged in Dutch; the next action tries again after `init`
        with contextlib.suppress(CatalogusNietKlaar):
            await asyncio.get_running_loop().run_in_executor(None, diensten)

    @app.on_request
    async def een_catalogus_per_vraag(_request: object) -> None:
        vast_voor_deze_vraag()
