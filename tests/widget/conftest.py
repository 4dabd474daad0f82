"""The real stack for the widget: API (uvicorn) + Rasa + action server, and one browser.

The bot fixtures are those of ``tests/bot`` (imported, not copied): the model is trained once
per run by ``scripts/train_bot.sh``; Rasa and the actions run on free ports. The API runs in
its own process like ``make run`` starts it, pointed at that Rasa with ``RASA_URL`` and
``RASA_TOKEN`` (the token of Rasa's HTTP API).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS / "bot"))
sys.path.insert(0, str(TESTS / "api"))
from botproces import BotServer, vrije_poort  # noqa: E402
from serverproces import api_proces  # noqa: E402


def _bot_conftest():  # the fixtures of tests/bot, under another module name
    spec = importlib.util.spec_from_file_location("bot_conftest", TESTS / "bot" / "conftest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_bot = _bot_conftest()
getraind_model = _bot.getraind_model
bot_server = _bot.bot_server


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "bot: needs the trained Rasa bot (trains it once per run)")
    config.addinivalue_line("markers", "widget: the chat widget in a real headless Chromium")


def api_met_rasa(
    rasa_url: str, map_: Path, rasa_token: str = "", gesprekken_url: str | None = None
) -> AbstractContextManager[str]:
    """The real API in its own process, with the chat pointed at ``rasa_url`` and at Rasa's
    store of conversations (``gesprekken_url``; else an empty one in ``map_``)."""
    return api_proces(
        map_,
        RASA_URL=rasa_url,
        RASA_TOKEN=rasa_token,
        GESPREKKEN_URL=gesprekken_url or f"sqlite:///{map_ / 'gesprekken.db'}",
    )


@pytest.fixture(scope="session")
def api_zonder_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API with Rasa 'down': a port where nothing listens."""
    with api_met_rasa(f"http://127.0.0.1:{vrije_poort()}", tmp_path_factory.mktemp("geenbot")) as u:
        yield u


@pytest.fixture(scope="session")
def api_met_bot_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of the API that talks to the real bot: its ``server.log`` is there."""
    return tmp_path_factory.mktemp("apibot")


@pytest.fixture(scope="session")
def api_met_bot(bot_server: BotServer, api_met_bot_map: Path) -> Iterator[str]:
    with api_met_rasa(
        bot_server.url, api_met_bot_map, bot_server.token, bot_server.gesprekken_url
    ) as url:
        yield url


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Debian Chromium for the whole run (Playwright's own download does not work here)."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium ontbreekt (make setup installeert het als root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
