"""The Content-Security-Policy of our pages does not break them (real Chromium, issue 14).

The demo page with the widget and the guided form are opened under the policy the app
sends; Chromium reports every violation in the console. The widget's styles must be
applied (a blocked style sheet leaves the launcher unstyled, without an error), and an
inline ``<style>`` added to the page must be refused and reported: the policy is active
and the watch sees it. The API is the real one, without Rasa (not needed here).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from inhoudsbeleid import volg_inhoudsbeleid

pytestmark = pytest.mark.widget

INLINE_STIJL = """() => {
  const s = document.createElement("style");
  s.textContent = "body { --proef: ingelezen; }";
  document.head.append(s);
  return getComputedStyle(document.body).getPropertyValue("--proef").trim();
}"""


@pytest.fixture()
def pagina(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-BE")
    p = context.new_page()
    fouten: list[str] = []
    p.on("pageerror", lambda e: fouten.append(str(e)))
    volg_inhoudsbeleid(p, fouten)
    yield p, fouten
    context.close()


def test_demopagina_en_widget_onder_het_beleid(
    pagina: tuple[Any, list[str]], api_zonder_bot: str
) -> None:
    p, fouten = pagina
    antwoord = p.goto(api_zonder_bot + "/")
    assert "script-src 'self'" in antwoord.headers["content-security-policy"]
    assert p.evaluate("() => getComputedStyle(document.querySelector('.top')).display") == "flex"
    launcher = "document.querySelector('rechten-chat').shadowRoot.querySelector('.launcher')"
    p.wait_for_function(f"() => {launcher}")
    assert p.evaluate(f"() => getComputedStyle({launcher}).position") == "fixed"
    p.get_by_role("button", name="Open de chat: ontdek op welke sociale rechten").click()
    venster = "document.querySelector('rechten-chat').shadowRoot.querySelector('.venster')"
    assert p.evaluate(f"() => getComputedStyle({venster}).position") == "fixed"
    p.wait_for_timeout(300)  # the greeting and its animation
    assert not fouten, fouten
    # the policy is active and the watch sees a violation
    assert p.evaluate(INLINE_STIJL) == ""
    p.wait_for_timeout(200)
    assert any("style-src" in f for f in fouten), fouten


def test_begeleid_formulier_onder_het_beleid(
    pagina: tuple[Any, list[str]], api_zonder_bot: str
) -> None:
    p, fouten = pagina
    antwoord = p.goto(api_zonder_bot + "/begeleid")
    assert "frame-ancestors 'self'" in antwoord.headers["content-security-policy"]
    p.wait_for_function("() => Number(document.body.dataset.evaluaties || 0) > 0", timeout=15_000)
    assert p.locator("#profiel").is_visible()
    p.locator("#leeftijd").fill("34")
    p.wait_for_function("() => Number(document.body.dataset.evaluaties || 0) > 1", timeout=15_000)
    assert not fouten, fouten
