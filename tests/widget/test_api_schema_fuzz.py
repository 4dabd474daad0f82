"""Fuzzing the API from its own OpenAPI document (schemathesis): valid and invalid input
for every operation, against the real app process with the real bot behind it. No answer
may be a 500 or a 503 (every dependency runs), and every 4xx says in Dutch what is wrong.
At least 1000 generated cases."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from botproces import BotServer
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from serverproces import api_proces  # noqa: E402

pytestmark = pytest.mark.bot

PER_OPERATIE = 50
"""Examples per operation and mode (valid, invalid input): operations without input give
one, the others up to this."""
MINSTENS = 1000

ENGELS = (
    "Not Found",
    "Method Not Allowed",
    "Field required",
    "Input should",
    "Unprocessable",
    "Internal Server Error",
    "Bad Request",
    "Unauthorized",
    "Forbidden",
    "Too Many Requests",
    "Content Too Large",
    "Expecting value",
    "value is not",
    "Not authenticated",
)
"""What FastAPI, Starlette and pydantic say by themselves, in English."""


@pytest.fixture(scope="module")
def fuzz_api(bot_server: BotServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app in its own process, on the real bot, with every optional service configured
    (so a 503 can only mean a fault)."""
    map_ = tmp_path_factory.mktemp("fuzz")
    instellingen = {
        "RASA_URL": bot_server.url,
        "RASA_TOKEN": bot_server.token,
        "GESPREKKEN_URL": bot_server.gesprekken_url,
        "INTEGRATIE_SLEUTEL": "fuzz-sleutel-" + "k" * 40,
        "BEGELEIDERS": '{"fuzz.werker": "een lang wachtwoord voor de fuzz"}',
        "BEHEERDERS": '{"fuzz.beheer": "een lang wachtwoord voor de fuzz"}',
        "CHAT_MAX_PER_MINUUT": "100000",
    }
    with api_proces(map_, **instellingen) as url:
        yield url


def _controleer(case: schemathesis.Case, geteld: list[int], fouten: list[str]) -> None:
    antwoord = case.call(timeout=30)
    geteld.append(antwoord.status_code)
    beschrijving = f"{case.method} {case.formatted_path} → {antwoord.status_code}"
    if antwoord.status_code >= 500:
        fouten.append(f"{beschrijving}: {antwoord.text[:200]}")
    elif antwoord.status_code >= 400:
        try:
            inhoud = antwoord.json()
        except ValueError:
            fouten.append(f"{beschrijving}: geen JSON: {antwoord.text[:200]}")
            return
        detail = inhoud.get("detail") if isinstance(inhoud, dict) else None
        tekst = str(inhoud)
        if not (isinstance(detail, str) and len(detail) > 3) or any(e in tekst for e in ENGELS):
            fouten.append(f"{beschrijving}: {tekst[:200]}")


def test_geen_500_en_elke_fout_in_het_nederlands(fuzz_api: str) -> None:
    """Every operation, with valid (positive) and invalid (negative) input."""
    schema = schemathesis.openapi.from_url(f"{fuzz_api}/openapi.json")
    schema.config.update(base_url=fuzz_api)
    geteld: list[int] = []
    fouten: list[str] = []
    for resultaat in schema.get_all_operations():
        operatie = resultaat.ok()
        for modus in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operatie.as_strategy(generation_mode=modus))
            @settings(
                max_examples=PER_OPERATIE,
                deadline=None,
                database=None,
                derandomize=True,  # the same cases every run
                suppress_health_check=list(HealthCheck),
            )
            def probeer(case: schemathesis.Case) -> None:
                _controleer(case, geteld, fouten)

            try:
                probeer()
            except Unsatisfiable:  # no invalid input exists (an operation without input)
                continue
    per_status = ", ".join(f"{s}: {geteld.count(s)}" for s in sorted(set(geteld)))
    print(f"{len(geteld)} gevallen; per status: {per_status}")
    assert not fouten, "\n".join(dict.fromkeys(fouten))
    assert len(geteld) >= MINSTENS, len(geteld)
