"""The safety net around the bot: what the web app does with a message before and after
the bot sees it.

Before: remove personal identifiers (``privacy``), recognise an urgent situation (``nood``)
and another language (``taal``). After the bot answered: the extra messages to show first,
each at most as often as it should (once per conversation, per language, per situation),
which the caller remembers in the bot's tracker with :data:`METADATA`.

Built once at start-up (:func:`bouw_vangnet`); pure otherwise: no HTTP, no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.catalogue.repository import Contactpunten
from bot.chat.nood import Noodhulp, Plaats, laad_noodhulp
from bot.chat.plaats import gemeente_in_tekst
from bot.chat.privacy import PrivacyTeksten, Soort, laad_privacyteksten, verwijder_persoonsgegevens
from bot.chat.taal import Taalherkenner, Talen, bouw_taalherkenner, laad_talen
from bot.gemeenten import Gemeente, GemeenteFout, GemeenteRegister

METADATA = "rechtenverkenner"
"""Key of our part of a bot event's metadata in the tracker: ``{"vangnet": [keys],
"voor_antwoord": bool}``."""
PRIVACY = "privacy"


@dataclass(frozen=True)
class Extra:
    """A message of the safety net. ``sleutels`` say what it said ("nood:geweld")."""

    tekst: str
    sleutels: tuple[str, ...]


@dataclass(frozen=True)
class Lezing:
    """What the safety net read in one message."""

    doorsturen: str
    """The text for the bot, without identifiers; empty when nothing is left."""
    verwijderd: frozenset[Soort]
    nood: tuple[str, ...]
    taal: str | None
    plaats: Gemeente | None
    """The municipality the message names (only looked for in an urgent message)."""

    @property
    def iets_te_zeggen(self) -> bool:
        return bool(self.verwijderd or self.nood or self.taal)


def gezegd_in(gebeurtenissen: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """The keys of the safety net's messages in this conversation (since the last restart
    or new session), from the tracker's events."""
    gezegd: set[str] = set()
    for g in gebeurtenissen:
        if g.get("event") in ("restart", "session_started"):
            gezegd.clear()
        elif g.get("event") == "bot":
            eigen = (g.get("metadata") or {}).get(METADATA) or {}
            gezegd.update(str(s) for s in eigen.get("vangnet") or [])
    return frozenset(gezegd)


@dataclass(frozen=True)
class Vangnet:
    privacy: PrivacyTeksten
    noodhulp: Noodhulp
    talen: Talen
    taalherkenner: Taalherkenner
    gemeenten: GemeenteRegister
    contactpunten: Contactpunten

    def lees(self, bericht: str) -> Lezing:
        """Read a message as typed. Urgency and language are not looked for in a button's
        payload ("/inform{...}")."""
        schoon = verwijder_persoonsgegevens(bericht)
        doorsturen = "" if schoon.leeg else schoon.tekst
        if doorsturen.startswith("/"):
            return Lezing(doorsturen, schoon.soorten, (), None, None)
        nood = tuple(self.noodhulp.herken(doorsturen))
        plaats = gemeente_in_tekst(doorsturen, self.gemeenten) if nood else None
        taal = self.taalherkenner.herken(doorsturen)
        return Lezing(doorsturen, schoon.soorten, nood, taal, plaats)

    def berichten(
        self, lezing: Lezing, gezegd: frozenset[str], gemeente: str | None = None
    ) -> list[Extra]:
        """The extra messages for this turn, to show before the bot's answer: urgent help
        first, then the note in the other language, then the note about identifiers.
        ``gezegd``: what was said before (:func:`gezegd_in`); ``gemeente``: the
        conversation's municipality slot, if any."""
        extra: list[Extra] = []
        nood = [
            s
            for s in lezing.nood
            if self.noodhulp.situatie(s).elke_keer or f"nood:{s}" not in gezegd
        ]
        if nood:
            plaats = self._plaats(lezing.plaats, gemeente)
            tekst = self.noodhulp.bericht(nood, plaats, self.contactpunten)
            extra.append(Extra(tekst, tuple(f"nood:{s}" for s in nood)))
        if lezing.taal and f"taal:{lezing.taal}" not in gezegd:
            tekst = self.talen.per_taal[lezing.taal].tekst
            extra.append(Extra(tekst, (f"taal:{lezing.taal}",)))
        if lezing.verwijderd:
            wat = self.privacy.wat(lezing.verwijderd)
            if PRIVACY not in gezegd:
                zinnen = [self.privacy.melding.format(wat=wat)]
            elif not lezing.doorsturen:
                zinnen = [self.privacy.herinnering.format(wat=wat)]
            else:
                zinnen = []
            if zinnen and not lezing.doorsturen:
                zinnen.append(self.privacy.verder)
            if zinnen:
                extra.append(Extra(" ".join(zinnen), (PRIVACY,)))
        return extra

    def _plaats(self, uit_bericht: Gemeente | None, slot: str | None) -> Plaats | None:
        if uit_bericht is not None:
            return Plaats(uit_bericht.nis, uit_bericht.naam, uit_bericht=True)
        if not slot:
            return None
        try:
            gemeente = self.gemeenten.resolve(slot, officieel_voorrang=True)
        except GemeenteFout:
            return None
        return Plaats(gemeente.nis, gemeente.naam, uit_bericht=False)


def bouw_vangnet(gemeenten: GemeenteRegister, contactpunten: Contactpunten) -> Vangnet:
    """Read and check the data files and build the language detector. At start-up only:
    a broken file stops the app with a Dutch message naming file and line."""
    talen = laad_talen()
    return Vangnet(
        privacy=laad_privacyteksten(),
        noodhulp=laad_noodhulp(),
        talen=talen,
        taalherkenner=bouw_taalherkenner(talen),
        gemeenten=gemeenten,
        contactpunten=contactpunten,
    )
