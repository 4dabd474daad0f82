"""The hand-over code: 8 characters that can be read aloud, shown as two groups of 4.

The alphabet leaves out characters that look or sound alike: 0/O/Q/D, 1/I/L, 2/Z, 5/S,
8/B. 23 characters to the power 8 is about 8 x 10^10 codes; redeeming is limited in attempts.
"""

from __future__ import annotations

import secrets

from bot.overdracht.fouten import CodeOngeldig

ALFABET = "ACEFGHJKMNPRTUVWXY34679"
LENGTE = 8
VOORBEELD = "KEM4-7XPA"
ONGELDIG = (
    f"Deze code klopt niet. Een code heeft {LENGTE} tekens, bijvoorbeeld {VOORBEELD}. "
    "Kijk de code na en probeer opnieuw."
)


def maak_code() -> str:
    """A new random code (without the dash)."""
    return "".join(secrets.choice(ALFABET) for _ in range(LENGTE))


def toon_code(code: str) -> str:
    """The code as it is shown and read aloud: ``KEM4-7XPA``."""
    helft = LENGTE // 2
    return f"{code[:helft]}-{code[helft:]}"


def normaliseer_code(tekst: str) -> str:
    """The code in a typed text: upper case, without spaces or dashes.

    Raises ``CodeOngeldig`` (Dutch) when it cannot be a code."""
    code = "".join(t for t in tekst.upper() if not t.isspace() and t not in "-.")
    if len(code) != LENGTE or any(t not in ALFABET for t in code):
        raise CodeOngeldig(ONGELDIG)
    return code
