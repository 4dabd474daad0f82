"""The real bot for the tests: trained once per run, real action server and Rasa server.

Both run on free ports (never 5005/5055, so a running ``make run`` does not clash), with
their own SQLite database in a temporary folder. Marked ``bot``.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from botproces import RASA, REPO, BotServer, Gesprek, draaiende_bot

MODEL = REPO / "models" / "rechtenverkenner.tar.gz"
TRAIN_TIMEOUT = 1800.0


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "bot: needs the trained Rasa bot (trains it once per run)")


@pytest.fixture(scope="session")
def getraind_model() -> Path:
    if not RASA.exists():
        pytest.skip(".venv-rasa ontbreekt (make setup)")
    subprocess.run(["bash", "scripts/train_bot.sh"], cwd=REPO, check=True, timeout=TRAIN_TIMEOUT)
    return MODEL


@pytest.fixture(scope="session")
def bot_server(
    getraind_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotServer]:
    with draaiende_bot(getraind_model, tmp_path_factory.mktemp("bot")) as bot:
        # The first action builds the engine: do it now, not inside a test.
        Gesprek(bot.url, "opwarmen").zeg("hallo")
        yield bot
