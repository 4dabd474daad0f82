"""The helpdesk integration of the README works: the Python example and the curl commands run
against a real API server (uvicorn in its own process) and do the four things they promise."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from bot.settings import REPO

SCRIPT = REPO / "docs" / "voorbeelden" / "helpdesk.py"
SECTIE = "## Koppelen aan een helpdesk"


def _sectie() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    begin = readme.index(SECTIE)
    einde = readme.index("\n## ", begin + len(SECTIE))
    return readme[begin:einde]


def _blok(taal: str) -> str:
    gevonden = re.findall(rf"```{taal}\n(.*?)```", _sectie(), flags=re.S)
    assert len(gevonden) == 1, f"verwacht één {taal}-blok in de sectie '{SECTIE}'"
    return gevonden[0]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("helpdesk", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _verwacht(api: httpx.Client, profiel: dict) -> tuple[list[str], str]:
    """What the example must print: the probable and possible rights, the next question."""
    evaluatie = api.post("/api/v1/evaluatie", json={"profiel": profiel}).json()
    rechten = [
        f"{r['naam']} ({r['status']}): {r['reden'] or ''}"
        for r in evaluatie["rechten"]
        if r["status"] in ("waarschijnlijk", "mogelijk")
    ]
    return rechten, evaluatie["volgende_vraag"]["vraag"]


def test_het_python_voorbeeld_doet_de_vier_stappen(
    api_server: str, api: httpx.Client, tmp_path: Path
) -> None:
    pdf = tmp_path / "overzicht.pdf"
    gedaan = subprocess.run(
        [sys.executable, str(SCRIPT), api_server, str(pdf)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert gedaan.returncode == 0, gedaan.stderr
    uitvoer = gedaan.stdout.splitlines()
    rechten, vraag = _verwacht(api, _script().PROFIEL)
    assert any("(waarschijnlijk)" in r for r in rechten)  # the profile shows both kinds
    assert any("(mogelijk)" in r for r in rechten)
    assert uitvoer[: len(rechten)] == rechten
    assert any(r.startswith("Volgende vraag (") and r.endswith(vraag) for r in uitvoer)
    assert f"Overzicht bewaard in {pdf}" in uitvoer
    assert pdf.read_bytes().startswith(b"%PDF")
    assert re.search(
        r"^Leefloonadvies: (toekenning|verder_sociaal_onderzoek|geen_recht)$", gedaan.stdout, re.M
    )


def test_het_python_voorbeeld_meldt_een_fout_van_de_api(api_server: str, tmp_path: Path) -> None:
    """An integrator sees the API's Dutch explanation, not a traceback."""
    kapot = tmp_path / "helpdesk.py"
    kapot.write_text(
        SCRIPT.read_text(encoding="utf-8").replace('"leeftijd": 34', '"leeftijd": -3'),
        encoding="utf-8",
    )
    gedaan = subprocess.run(
        [sys.executable, str(kapot), api_server, str(tmp_path / "x.pdf")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert gedaan.returncode == 1
    assert "/api/v1/evaluatie gaf 422: Het profiel klopt niet." in gedaan.stderr
    assert "profiel.leeftijd:" in gedaan.stderr
    assert "Traceback" not in gedaan.stderr


def test_de_readme_citeert_het_script_letterlijk() -> None:
    """The Python in the README is the body of the script's main(), as it is."""
    blok = _blok("python").rstrip("\n").splitlines()
    ingesprongen = "\n".join(f"    {regel}" if regel else regel for regel in blok)
    assert ingesprongen in SCRIPT.read_text(encoding="utf-8")


def test_de_readme_en_het_script_sturen_hetzelfde_profiel() -> None:
    profiel = re.search(r"^PROFIEL='(.*)'$", _blok("bash"), flags=re.M)
    assert profiel is not None
    assert json.loads(profiel.group(1)) == _script().PROFIEL


@pytest.mark.skipif(
    shutil.which("curl") is None or shutil.which("jq") is None, reason="curl en jq nodig"
)
def test_de_curl_opdrachten_van_de_readme(
    api_server: str, api: httpx.Client, tmp_path: Path
) -> None:
    blok = _blok("bash")
    assert "API=http://localhost:8000\n" in blok
    gedaan = subprocess.run(
        [
            "bash",
            "-c",
            "set -euo pipefail\n" + blok.replace("API=http://localhost:8000", f"API={api_server}"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert gedaan.returncode == 0, gedaan.stderr
    uitvoer = gedaan.stdout.splitlines()
    rechten, vraag = _verwacht(api, _script().PROFIEL)
    assert uitvoer[: len(rechten)] == rechten
    assert f"Volgende vraag: {vraag}" in uitvoer
    assert (tmp_path / "overzicht.pdf").read_bytes().startswith(b"%PDF")
    assert re.match(r'^\{"advies":"(toekenning|verder_sociaal_onderzoek|geen_recht)"', uitvoer[-1])
