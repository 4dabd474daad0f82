"""A new catalogue while the app serves: `catalogus_loader load` in another process, many
requests meanwhile. No request fails, every answer comes wholly from the old or wholly
from the new catalogue, and the new one is served without a restart."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from serverproces import REPO, api_proces

from bot.diensten import bouw_diensten
from bot.herladen import Herlader
from bot.settings import Settings
from catalogus_loader.init import initialiseer

GEWIJZIGD = {
    "leefloon": ("Leefloon", "Leefloon (nieuwe versie)"),
    "studietoelage-hoger-onderwijs": (
        "Studietoelage voor het hoger onderwijs",
        "Studietoelage hoger onderwijs (nieuwe versie)",
    ),
}

VRAAG = {"profiel": {"gemeente": "Gent", "leeftijd": 34}}
"""The engine's answer names every right: from the catalogue the app holds in memory."""


def _nieuwe_regels(map_: Path) -> Path:
    """Two rule files whose name changed: one load, one transaction."""
    map_.mkdir()
    for recht, (oud, nieuw) in GEWIJZIGD.items():
        tekst = (REPO / "catalogus" / "regels" / f"{recht}.yaml").read_text(encoding="utf-8")
        assert f"\nnaam: {oud}\n" in tekst
        (map_ / f"{recht}.yaml").write_text(tekst.replace(f"\nnaam: {oud}\n", f"\nnaam: {nieuw}\n"))
    return map_


def _laad(database_url: str, bronnen: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "catalogus_loader", "load", str(bronnen)],
        cwd=REPO,
        env={"DATABASE_URL": database_url, "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )


def test_herlader_neemt_een_nieuwe_catalogus_in_zijn_geheel(tmp_path: Path) -> None:
    instellingen = Settings(database_url=f"sqlite:///{tmp_path / 'c.db'}")
    initialiseer(instellingen)
    eerste = bouw_diensten(instellingen)
    herlader = Herlader(eerste, lambda: bouw_diensten(instellingen), 60.0)
    try:
        assert herlader.controleer() is False, "niets veranderd: niets opnieuw gebouwd"
        assert herlader.huidige() is eerste
        _laad(instellingen.database_url, _nieuwe_regels(tmp_path / "nieuw"))
        assert herlader.huidige() is eerste, "de oude blijft tot de controle"
        assert herlader.controleer() is True
        nieuw = herlader.huidige()
        assert nieuw is not eerste
        assert nieuw.versie is not None and eerste.versie is not None
        assert nieuw.versie.code != eerste.versie.code
        for recht, (oud, nieuwe_naam) in GEWIJZIGD.items():
            assert eerste.catalogus.recht(recht).naam == oud
            assert nieuw.catalogus.recht(recht).naam == nieuwe_naam
    finally:
        herlader.sluit()


def test_zonder_bouwer_of_met_nul_blijft_de_catalogus(tmp_path: Path) -> None:
    instellingen = Settings(database_url=f"sqlite:///{tmp_path / 'c.db'}")
    initialiseer(instellingen)
    eerste = bouw_diensten(instellingen)
    herlader = Herlader(eerste)
    try:
        _laad(instellingen.database_url, _nieuwe_regels(tmp_path / "nieuw"))
        assert herlader.controleer() is False
        assert herlader.huidige() is eerste
    finally:
        herlader.sluit()


def test_laden_terwijl_de_app_antwoordt(tmp_path: Path) -> None:
    map_ = tmp_path / "app"
    map_.mkdir()
    with api_proces(map_, CATALOGUS_CONTROLE_S="0.2", PEILDATUM="2025-06-01") as url:
        database_url = f"sqlite:///{map_ / 'api.db'}"
        namen: list[tuple[str, str]] = []
        fouten: list[str] = []
        stoppen = threading.Event()

        def vraag() -> None:
            with httpx.Client(base_url=url, timeout=30) as client:
                while not stoppen.is_set():
                    antwoord = client.post("/api/v1/evaluatie", json=VRAAG)
                    if antwoord.status_code != 200:
                        fouten.append(f"{antwoord.status_code} {antwoord.text[:200]}")
                        continue
                    per_id = {r["id"]: r["naam"] for r in antwoord.json()["rechten"]}
                    namen.append((per_id["leefloon"], per_id["studietoelage-hoger-onderwijs"]))

        draden = [threading.Thread(target=vraag) for _ in range(4)]
        for d in draden:
            d.start()
        try:
            _laad(database_url, _nieuwe_regels(tmp_path / "nieuw"))
            # the new catalogue is served within a few checks
            with httpx.Client(base_url=url, timeout=30) as client:
                for _ in range(100):
                    rechten = client.post("/api/v1/evaluatie", json=VRAAG).json()["rechten"]
                    if any(r["naam"] == "Leefloon (nieuwe versie)" for r in rechten):
                        break
                    stoppen.wait(0.2)
                else:
                    pytest.fail("de nieuwe catalogus kwam niet in gebruik")
            stoppen.wait(1.0)
        finally:
            stoppen.set()
            for d in draden:
                d.join(timeout=30)
    assert not fouten
    oud = tuple(o for o, _ in GEWIJZIGD.values())
    nieuw = tuple(n for _, n in GEWIJZIGD.values())
    assert set(namen) <= {oud, nieuw}, "nooit half oud, half nieuw"
    assert oud in namen and nieuw in namen
