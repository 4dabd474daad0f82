"""scripts/rasa_server.py: Rasa with its per-turn fixes still rejects a bad action answer."""

from __future__ import annotations

import subprocess

import pytest
from botproces import RASA_PYTHON, RASA_SERVER, REPO

pytestmark = pytest.mark.bot

CONTROLE = f"""
import runpy, sys
sys.argv = ["rasa_server"]
m = runpy.run_path({str(RASA_SERVER)!r}, run_name="rasa_server")
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
oorspronkelijk = RemoteAction._validate_action_result
m["verbeter"]()
assert RemoteAction._validate_action_result is not oorspronkelijk
actie = RemoteAction("action_test", None)
assert actie._validate_action_result({{"events": [], "responses": [{{"text": "ok"}}]}})
try:
    actie._validate_action_result({{"events": "geen lijst"}})
except ValidationError as fout:
    assert "Failed to validate Action server response" in fout.message, fout.message
    print("geweigerd")
import os
print(os.environ["TF_INTRA_OP_PARALLELISM_THREADS"])
"""


def test_slechte_antwoorden_van_de_acties_worden_nog_altijd_geweigerd() -> None:
    uit = subprocess.run(
        [str(RASA_PYTHON), "-c", CONTROLE],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"},
    )
    assert uit.returncode == 0, uit.stderr[-3000:]
    assert uit.stdout.split() == ["geweigerd", "1"]
