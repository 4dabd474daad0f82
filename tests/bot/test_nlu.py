"""The training data is valid and the NLU model understands held-out Dutch sentences."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from botproces import RASA, REPO

pytestmark = pytest.mark.bot

MIN_INTENT_F1 = 0.90
MIN_RULER_RECALL = 0.90
"""Share of the annotated held-out entities the entity ruler finds (exact span and label)."""
MIN_RULER_PRECISIE = 0.90
"""Share of the ruler's entities that are annotated so: the held-out file annotates every
right, municipality and choice it names."""

ENTITEITEN_PROBE = """
import json, sys
sys.modules["tensorflow"] = None  # thinc would load it (~10 s); spaCy does not need it here
import spacy
import yaml
from rasa.shared.nlu.training_data.loading import load_data

nlp = spacy.load(sys.argv[1])
config = yaml.safe_load(open(sys.argv[3]))
labels = next(c["dimensions"] for c in config["pipeline"] if c["name"] == "SpacyEntityExtractor")
juist = gevonden = verwacht = 0
for voorbeeld in load_data(sys.argv[2]).intent_examples:
    echt = {(e["start"], e["end"], e["entity"]) for e in voorbeeld.get("entities") or []}
    doc = nlp(voorbeeld.get("text"))
    uit = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in labels}
    juist, gevonden, verwacht = juist + len(echt & uit), gevonden + len(uit), verwacht + len(echt)
print(json.dumps({"juist": juist, "gevonden": gevonden, "verwacht": verwacht}))
"""

ACHTERGEHOUDEN_PROBE = """
import json, sys
sys.modules["tensorflow"] = None
from pathlib import Path
from rasa.shared.nlu.training_data.loading import load_data

def zinnen(pad):
    return {v.get("text").lower().strip() for v in load_data(str(pad)).intent_examples}

training = set().union(*(zinnen(f) for f in sorted(Path(sys.argv[1]).rglob("*.yml"))
                         if "nlu:" in f.read_text()))
print(json.dumps(sorted(zinnen(sys.argv[2]) & training)))
"""


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


def probe(script: str, *args: str) -> Any:
    """Run ``script`` in the Rasa environment's Python; the JSON on its last output line."""
    uit = subprocess.run(
        [str(RASA.parent / "python"), "-c", script, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert uit.returncode == 0, uit.stderr[-3000:]
    return json.loads(uit.stdout.strip().splitlines()[-1])


def test_rasa_data_validate(getraind_model: Path) -> None:
    # getraind_model: the generated files in nlu_data/gegenereerd/ exist
    uit = rasa(
        "data", "validate", "--domain", "domain.yml", "--data", "nlu_data", "--config", "config.yml"
    )
    assert uit.returncode == 0, uit.stdout[-3000:] + uit.stderr[-3000:]


def test_testzinnen_staan_niet_in_de_training(getraind_model: Path) -> None:
    """The held-out sentences are really held out (generated examples included)."""
    assert probe(ACHTERGEHOUDEN_PROBE, "nlu_data", "tests/bot/nlu_test.yml") == []


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


def test_entity_ruler_op_achtergehouden_zinnen(getraind_model: Path) -> None:
    """SpacyEntityExtractor, as config.yml configures it, on the held-out sentences.

    ``rasa test nlu`` leaves pretrained extractors out, so this measures it directly with
    the pipeline Rasa loads (models/spacy_nl, built by scripts/train_bot.sh)."""
    telling = probe(ENTITEITEN_PROBE, "models/spacy_nl", "tests/bot/nlu_test.yml", "config.yml")
    precisie = telling["juist"] / max(telling["gevonden"], 1)
    recall = telling["juist"] / max(telling["verwacht"], 1)
    print(f"entity ruler: precisie = {precisie:.3f}, recall = {recall:.3f} ({telling})")
    assert telling["verwacht"] > 0
    assert recall >= MIN_RULER_RECALL, telling
    assert precisie >= MIN_RULER_PRECISIE, telling


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
