"""``.env.example`` documents every setting of ``bot/settings.py``, and its examples load."""

from __future__ import annotations

import re
from pathlib import Path

from bot.settings import Settings

VOORBEELD = Path(__file__).resolve().parents[1] / ".env.example"
REGEL = re.compile(r"^# ([A-Z][A-Z0-9_]*)=(.*)$")
ALLEEN_VOOR_RUN_ALL = {"API_PORT", "ACTIONS_PORT", "RASA_PORT", "SKIP_BOT"}


def voorbeelden() -> dict[str, str]:
    return {
        m.group(1): m.group(2)
        for regel in VOORBEELD.read_text(encoding="utf-8").splitlines()
        if (m := REGEL.match(regel))
    }


def test_elke_instelling_staat_erin() -> None:
    namen = set(voorbeelden())
    velden = {naam.upper() for naam in Settings.model_fields}
    assert velden - namen == set(), "ontbreekt in .env.example"
    assert namen - velden - ALLEEN_VOOR_RUN_ALL == set(), "geen instelling van de app"


def test_alles_staat_in_commentaar() -> None:
    """Nothing is set by copying the file (and so no secret can sit in it)."""
    for nummer, regel in enumerate(VOORBEELD.read_text(encoding="utf-8").splitlines(), 1):
        assert not regel.strip() or regel.startswith("#"), f".env.example, regel {nummer}"


def test_de_voorbeelden_zijn_geldige_waarden(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text(
        "".join(f"{k}={v}\n" for k, v in voorbeelden().items() if k not in ALLEEN_VOOR_RUN_ALL)
    )
    instellingen = Settings(_env_file=env)  # type: ignore[call-arg]
    assert instellingen.vertrouwde_proxies == ["10.0.0.0/8"]
    assert instellingen.max_per_adres_per_minuut == 300
    assert set(instellingen.beheerders) == {"beleid.gent"}
