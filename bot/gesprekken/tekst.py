"""What the bot and the privacy texts say about how long a conversation is kept."""

from __future__ import annotations

from datetime import timedelta


def duur(bewaren: timedelta) -> str:
    """The retention in plain Dutch: "24 uur", "2 dagen", "30 minuten"."""
    seconden = int(bewaren.total_seconds())
    for eenheid, enkelvoud, meervoud in (
        (86_400, "dag", "dagen"),
        (3_600, "uur", "uur"),
        (60, "minuut", "minuten"),
    ):
        if seconden % eenheid == 0 and (eenheid != 86_400 or seconden >= 2 * 86_400):
            aantal = seconden // eenheid
            return f"{aantal} {enkelvoud if aantal == 1 else meervoud}"
    return f"{seconden} seconden"


def bewaarzin(bewaren: timedelta) -> str:
    """One sentence for the person: what is kept, and when it goes."""
    return (
        f"Ik bewaar uw antwoorden alleen voor dit gesprek, en wis het {duur(bewaren)} na uw "
        "laatste bericht."
    )
