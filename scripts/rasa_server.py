"""Start ``rasa`` (Rasa 3.6, in .venv-rasa) with its per-turn overhead fixed.

    .venv-rasa/bin/python scripts/rasa_server.py run --enable-api -i 127.0.0.1 -p 5005 ...

Takes exactly the arguments of the ``rasa`` command. With ``RASA_TOKEN`` in the environment,
``rasa run`` gets it as ``--auth-token`` (so the token protects Rasa's HTTP API without
being on the command line, where ``ps`` shows it). A hung or dead action server no longer
makes the chat wait or answer nothing (``acties_begrensd``). Three fixes for speed,
measured with bench/gesprekken.py (together: from about 11 to about 30 turns per second on
2 cores):

- Rasa 3.6 checks every answer of the action server with ``jsonschema.validate(answer,
  schema)``; that call first checks the (large, constant) schema itself against the JSON
  Schema meta-schema, which costs about 25 ms per call: half of a conversation turn. Here
  the schema is checked and compiled once; every answer is still validated against it,
  with the same error.
- Rasa 3.6 opens a new HTTP session, and so a new TCP connection, for every call to the
  action server, and encodes the tracker (tens of kB) with the standard ``json`` module.
  Here one session per endpoint keeps its connections open, and encodes with ``ujson``
  (a dependency of Rasa).
- TensorFlow runs one message at a time on one thread (``TF_INTRA_OP_PARALLELISM_THREADS``
  and ``TF_INTER_OP_PARALLELISM_THREADS``, unless set): the model is small, and on a
  small machine the conversations in parallel and the action server need the other cores.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import os
import sys
from typing import Any

import aiohttp
import ujson
from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.shared.constants import DOCS_BASE_URL
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)


def snel_valideren() -> None:
    """Validate action server answers with a validator compiled once."""
    schema = RemoteAction.action_response_format_spec()
    klasse = validators.validator_for(schema)
    klasse.check_schema(schema)
    validator = klasse(schema)

    def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        try:
            validator.validate(result)
        except ValidationError as e:
            e.message += (
                ". Failed to validate Action server response from API, "
                "make sure your response from the Action endpoint is valid. "
                f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
            )
            raise
        return True

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


class _OpenSessie:
    """``async with`` on a session that stays open for the next request."""

    def __init__(self, sessie: aiohttp.ClientSession) -> None:
        self.sessie = sessie

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.sessie

    async def __aexit__(self, *_: object) -> None:
        return None


def verbindingen_openhouden() -> None:
    """One HTTP session per endpoint and event loop, so connections are reused."""
    sessies: dict[tuple[int, int], aiohttp.ClientSession] = {}

    def session(self: EndpointConfig) -> _OpenSessie:
        sleutel = (id(self), id(asyncio.get_running_loop()))
        sessie = sessies.get(sleutel)
        if sessie is None or sessie.closed:
            sessie = aiohttp.ClientSession(
                headers=self.headers,
                auth=aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
                if self.basic_auth
                else None,
                timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
                json_serialize=ujson.dumps,
            )
            sessies[sleutel] = sessie
        return _OpenSessie(sessie)

    EndpointConfig.session = session  # type: ignore[assignment]


GEEN_ACTIES = (
    "Ik kan uw rechten nu even niet nagaan. Probeer het over enkele minuten opnieuw. "
    "Uw antwoorden blijven bewaard."
)
"""What the bot says when the action server does not answer in time (or not at all)."""


_storing: contextvars.ContextVar[bool] = contextvars.ContextVar("storing", default=False)
"""Set during one message's turn once the action server failed to answer."""


def acties_begrensd() -> None:
    """A custom action answers within ``ACTIE_TIMEOUT`` seconds (3 by default), or the bot
    says in Dutch that it cannot check rights now and waits for the next message.

    Rasa 3.6 waits up to 300 s for the action server, and on an error it drops the action
    and goes on predicting (or, for a form's slots, goes on without them), so a hung action
    server made the chat wait minutes and a dead one gave an empty or a confusing answer.
    Now the first failure of a turn ends the turn (later calls in that turn fail at once),
    and the person gets exactly one message: ``GEEN_ACTIES``. The conversation goes on when
    the server is back: the failed actions' events are lost, nothing else. A form's
    rejection (the action server answers 400) is still Rasa's own business.
    ``TICKET_LOCK_LIFETIME`` (Rasa's lock per conversation, 60 s by default) becomes 10 s:
    a turn now ends well within that.
    """
    from rasa.core.actions.action import ActionExecutionRejection
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.core.processor import MessageProcessor
    from rasa.shared.core.events import BotUttered, FollowupAction
    from rasa.shared.exceptions import RasaException

    os.environ.setdefault("TICKET_LOCK_LIFETIME", "10")
    timeout = float(os.environ.get("ACTIE_TIMEOUT", "3"))
    run = RemoteAction.run
    handle_message = MessageProcessor.handle_message

    async def begrensd(self: RemoteAction, *args: Any, **kwargs: Any) -> list[Any]:
        if _storing.get():  # it failed already in this turn: do not wait again
            return [FollowupAction("action_listen")]
        try:
            return await asyncio.wait_for(run(self, *args, **kwargs), timeout)
        except ActionExecutionRejection:
            raise
        # Rasa runs on Python 3.10: asyncio.TimeoutError is not yet the builtin one
        except (asyncio.TimeoutError, RasaException, aiohttp.ClientError) as fout:  # noqa: UP041
            logger.error("actie %s niet uitgevoerd: %s", self.name(), type(fout).__name__)
            _storing.set(True)
            return [BotUttered(text=GEEN_ACTIES), FollowupAction("action_listen")]

    async def een_bericht(self: MessageProcessor, message: UserMessage) -> Any:
        vorige = _storing.set(False)
        try:
            antwoord = await handle_message(self, message)
            kanaal = message.output_channel
            if _storing.get() and isinstance(kanaal, CollectingOutputChannel):
                # only the message that says what is wrong (not a guess made without it)
                kanaal.messages[:] = [{"recipient_id": message.sender_id, "text": GEEN_ACTIES}]
            return antwoord
        finally:
            _storing.reset(vorige)

    RemoteAction.run = begrensd  # type: ignore[method-assign]
    MessageProcessor.handle_message = een_bericht  # type: ignore[method-assign]


def tensorflow_een_draad() -> None:
    """One thread per TensorFlow operation; Rasa reads these when it starts."""
    os.environ.setdefault("TF_INTRA_OP_PARALLELISM_THREADS", "1")
    os.environ.setdefault("TF_INTER_OP_PARALLELISM_THREADS", "1")


def verbeter() -> None:
    """All fixes, before Rasa starts."""
    snel_valideren()
    verbindingen_openhouden()
    acties_begrensd()
    tensorflow_een_draad()


def met_token(argumenten: list[str]) -> list[str]:
    """``rasa run`` with the token of ``RASA_TOKEN``, unless ``--auth-token`` is given."""
    token = os.environ.get("RASA_TOKEN")
    gegeven = {"-t", "--auth-token"} & {a.split("=")[0] for a in argumenten}
    if token and argumenten[:1] == ["run"] and not gegeven:
        # one argument with "=": a token may start with "-" (token_urlsafe gives that one
        # time in 64), and argparse would take it for an option
        return [*argumenten, f"--auth-token={token}"]
    return argumenten


def main() -> None:
    verbeter()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *met_token(sys.argv[1:])]
    rasa_main()


if __name__ == "__main__":
    main()
