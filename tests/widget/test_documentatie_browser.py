"""The API documentation in a real headless Chromium: /docs (Swagger UI) renders from the
app's own files (no CDN: nothing is fetched from elsewhere), under its strict
Content-Security-Policy, without a single violation. ReDoc is off: its page shows a logo
from its maker's CDN."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inhoudsbeleid import volg_inhoudsbeleid  # noqa: E402

pytestmark = pytest.mark.widget


@pytest.fixture()
def context(browser: Any) -> Iterator[Any]:
    c = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    yield c
    c.close()


def _open(context: Any, basis: str, pad: str) -> tuple[Any, list[str], list[str]]:
    """The page, its errors (CSP included) and every URL it asked outside the app."""
    pagina = context.new_page()
    fouten: list[str] = []
    elders: list[str] = []
    pagina.on("pageerror", lambda e: fouten.append(str(e)))
    volg_inhoudsbeleid(pagina, fouten)
    pagina.on(
        "request",
        lambda r: None if r.url.startswith((basis, "data:", "blob:")) else elders.append(r.url),
    )
    pagina.goto(basis + pad)
    return pagina, fouten, elders


def test_swagger_ui_komt_van_de_app_zelf(context: Any, api_zonder_bot: str) -> None:
    pagina, fouten, elders = _open(context, api_zonder_bot, "/docs")
    titel = pagina.locator(".swagger-ui .info .title")
    titel.wait_for(timeout=30_000)
    assert "Rechtenverkenner" in titel.inner_text()
    pagina.locator(".opblock-summary-path", has_text="/api/v1/evaluatie").first.wait_for()
    assert not fouten
    assert not elders


def test_geen_redoc_want_dat_toont_een_logo_van_elders(context: Any, api_zonder_bot: str) -> None:
    pagina = context.new_page()
    assert pagina.goto(api_zonder_bot + "/redoc").status == 404
