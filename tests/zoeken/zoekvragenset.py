"""The everyday test queries of tests/zoeken/zoekvragen.yaml."""

from __future__ import annotations

from pathlib import Path

import yaml

PAD = Path(__file__).with_name("zoekvragen.yaml")


def zoekvragen() -> list[dict]:
    """Each query: ``vraag``, ``verwacht`` (a right id) and maybe ``gemeente``."""
    with PAD.open(encoding="utf-8") as f:
        return yaml.safe_load(f)["vragen"]
