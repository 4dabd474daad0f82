"""Security headers on every answer: pages, JSON, errors and static files (issue 14).

Over HTTP against the real API process (``api_proces``); the allowed sites in
``frame-ancestors`` with the app built on other settings.
"""

from __future__ import annotations

import base64
import hashlib
import re

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.api.main import create_app
from bot.api.veiligheidskoppen import OngeldigeOrigin
from bot.diensten import Diensten
from bot.settings import Settings


def richtlijnen(koptekst: str) -> dict[str, str]:
    """A Content-Security-Policy as directive -> its sources."""
    delen = (d.strip().split(" ", 1) for d in koptekst.split(";") if d.strip())
    return {d[0]: d[1] if len(d) > 1 else "" for d in delen}


def controleer_koppen(antwoord: httpx.Response) -> dict[str, str]:
    assert antwoord.headers["x-content-type-options"] == "nosniff"
    assert antwoord.headers["referrer-policy"] in (
        "strict-origin-when-cross-origin",
        "same-origin",
        "no-referrer",
    )
    beleid = richtlijnen(antwoord.headers["content-security-policy"])
    assert "'unsafe-inline'" not in beleid.get("script-src", "'unsafe-inline'")
    assert "'unsafe-eval'" not in beleid["script-src"]
    return beleid


@pytest.mark.parametrize(
    ("methode", "pad", "inhoud", "status"),
    [
        ("GET", "/", None, 200),  # the demo page with the widget
        ("GET", "/begeleid", None, 200),  # the guided form
        ("GET", "/api/v1/attributen", None, 200),  # JSON
        ("POST", "/api/v1/evaluatie", {"profiel": {"leeftijd": "vier"}}, 422),
        ("GET", "/bestaat-niet", None, 404),
        ("DELETE", "/api/v1/attributen", None, 405),
        ("GET", "/widget/rechten-chat.js", None, 200),  # static files
        ("GET", "/widget/demo.css", None, 200),
        ("GET", "/begeleid/bestanden/begeleid.js", None, 200),
        ("GET", "/openapi.json", None, 200),
    ],
)
def test_koppen_op_elk_antwoord(
    api: httpx.Client, methode: str, pad: str, inhoud: dict | None, status: int
) -> None:
    antwoord = api.request(methode, pad, json=inhoud)
    assert antwoord.status_code == status, antwoord.text
    beleid = controleer_koppen(antwoord)
    assert beleid["script-src"] == "'self'"
    assert beleid["style-src"] == "'self'"
    assert beleid["object-src"] == "'none'"
    assert beleid["frame-ancestors"].split() == [
        "'self'",
        "http://localhost:8000",
        "http://127.0.0.1:8000",
    ]


@pytest.mark.parametrize("pad", ["/", "/begeleid"])
def test_paginas_hebben_geen_inline_script_of_stijl(api: httpx.Client, pad: str) -> None:
    """What the policy forbids is not in our pages: scripts and styles come from files."""
    html = api.get(pad).text
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


def test_beheerpagina_houdt_haar_strengere_beleid(api: httpx.Client) -> None:
    antwoord = api.get("/beheer/catalogus")  # no BEHEERDERS on this server: 503
    assert antwoord.status_code == 503
    controleer_koppen(antwoord)


def test_documentatie_mag_alleen_haar_eigen_inline_script(api: httpx.Client) -> None:
    """/docs is FastAPI's page: Swagger UI from our own files, started by one inline script."""
    antwoord = api.get("/docs")
    assert antwoord.status_code == 200
    beleid = controleer_koppen(antwoord)
    scripts = re.findall(r"<script>(.*?)</script>", antwoord.text, re.DOTALL)
    assert scripts
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in beleid["script-src"].split()
    assert beleid["frame-ancestors"] == "'none'"
    assert "http" not in " ".join(beleid.values()), "geen CDN of andere site"


def test_frame_ancestors_uit_de_toegestane_sites(diensten: Diensten) -> None:
    instellingen = Settings(toegestane_origins=["https://www.gent.be/", "https://stad.brugge.be"])
    with TestClient(create_app(instellingen, diensten=diensten)) as client:
        antwoord = client.get("/api/v1/gezondheid")
    beleid = richtlijnen(antwoord.headers["content-security-policy"])
    assert beleid["frame-ancestors"] == "'self' https://www.gent.be https://stad.brugge.be"


@pytest.mark.parametrize("fout", ["*", "https://www.gent.be; script-src *", "gent.be"])
def test_een_toegestane_site_die_geen_site_is_stopt_de_start(fout: str) -> None:
    with pytest.raises(OngeldigeOrigin, match="TOEGESTANE_ORIGINS"):
        create_app(Settings(toegestane_origins=[fout]))


def test_ook_een_onverwachte_fout_heeft_de_koppen(diensten: Diensten) -> None:
    """The 500 answer is made outside the middleware (Starlette's last resort)."""
    app = create_app(Settings(), diensten=diensten)

    @app.get("/kapot")
    async def kapot() -> None:
        raise RuntimeError("stuk")

    with TestClient(app, raise_server_exceptions=False) as client:
        antwoord = client.get("/kapot")
    assert antwoord.status_code == 500
    assert antwoord.json() == {
        "detail": "Er ging iets mis aan onze kant. Probeer het later opnieuw."
    }
    controleer_koppen(antwoord)  # type: ignore[arg-type]
