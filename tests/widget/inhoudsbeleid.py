"""Watch a page in Chromium for Content-Security-Policy violations."""

from __future__ import annotations

from typing import Any


def volg_inhoudsbeleid(pagina: Any, fouten: list[str]) -> None:
    """Add to ``fouten`` every Content-Security-Policy violation Chromium reports on
    ``pagina`` (a blocked inline style or script, a source the policy does not allow)."""

    def bericht(b: Any) -> None:
        if "Content Security Policy" in b.text:
            fouten.append(f"CSP: {b.text}")

    pagina.on("console", bericht)
