"""The training data is valid and the NLU model understands held-out Dutch sentences."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from botproces import RASA, REPO

pytestmark = pytest.mark.bot

MIN_INTENT_F1 = 0.90


def rasa(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    if not RASA.exists():
        pytest.skip(".venv-rasa ontbreekt (make setup)")
    return subprocess.run(
        [str(RASA), *args],
        cwd=REPO,
        env={**os.environ, "SQLALCHEMY_SILENCE_UBER_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_rasa_data_validate(getraind_model: Path) -> None:
    # getraind_model: the generated files in nlu_data/gegenereerd/ exist
    uit = rasa(
        "data", "validate", "--domain", "domain.yml", "--data", "nlu_data", "--config", "config.yml"
    )
    assert uit.returncode == 0, uit.stdout[-3000:] + uit.stderr[-3000:]


def test_intent_f1_op_achtergehouden_zinnen(getraind_model: Path, tmp_path: Path) -> None:
    uit = rasa(
        "test",
        "nlu",
        "--nlu",
        "tests/bot/nlu_test.yml",
        "--model",
        str(getraind_model),
        "--out",
        str(tmp_path),
    )
    assert uit.returncode == 0, uit.stdout[-3000:] + uit.stderr[-3000:]
    rapport = json.loads((tmp_path / "intent_report.json").read_text())
    f1 = rapport["weighted avg"]["f1-score"]
    print(f"intent F1 (gewogen) = {f1:.3f}")
    entiteiten = tmp_path / "DIETClassifier_report.json"
    if entiteiten.exists():
        print(f"entity F1 = {json.loads(entiteiten.read_text())['weighted avg']['f1-score']:.3f}")
    assert f1 >= MIN_INTENT_F1, {k: v for k, v in rapport.items() if isinstance(v, dict)}


def test_testverhalen(getraind_model: Path, tmp_path: Path) -> None:
    verhalen = REPO / "tests" / "bot" / "test_stories.yml"
    assert verhalen.read_text().count("\n- story:") >= 30
    uit = rasa(
        "test",
        "core",
        "--stories",
        str(verhalen),
        "--model",
        str(getraind_model),
        "--out",
        str(tmp_path),
    )
    assert uit.returncode == 0, uit.stdout[-3000:] + uit.stderr[-3000:]
    mislukt = (tmp_path / "failed_test_stories.yml").read_text()
    assert "- story:" not in mislukt, mislukt
