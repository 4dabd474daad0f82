"""The kept hand-overs in the database: keep one, redeem it once, purge the expired ones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.catalogue.models import Overdracht
from bot.overdracht.code import maak_code, normaliseer_code
from bot.overdracht.fouten import CodeOnbekend
from bot.overdracht.kluis import Kluis

GEBRUIKT_OF_VERLOPEN = (
    "Deze code is al gebruikt of verlopen. Een code werkt maar één keer. "
    "Vraag de persoon om het gesprek opnieuw door te geven."
)


def utc_nu() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Bewaard:
    code: str
    """Without the dash; ``toon_code`` shows it in two groups."""
    vervalt_op: datetime


class Overdrachten:
    """Built at start-up on the app's database. ``nu`` is the clock (tests set it)."""

    def __init__(
        self,
        sessiemaker: sessionmaker[Session],
        kluis: Kluis,
        bewaartermijn: timedelta,
        nu: Callable[[], datetime] = utc_nu,
    ) -> None:
        self.sessiemaker = sessiemaker
        self.kluis = kluis
        self.bewaartermijn = bewaartermijn
        self.nu = nu

    def bewaar(self, inhoud: dict[str, Any]) -> Bewaard:
        """Keep ``inhoud`` (encrypted) under a new code until the end of the term."""
        gemaakt = self.nu()
        vervalt = gemaakt + self.bewaartermijn
        token = self.kluis.versleutel(inhoud)
        for _ in range(5):  # a code already taken is very unlikely: draw again
            code = maak_code()
            rij = Overdracht(
                sleutel=self.kluis.code_hash(code),
                inhoud=token,
                gemaakt_op=gemaakt,
                vervalt_op=vervalt,
            )
            try:
                with self.sessiemaker.begin() as sessie:
                    sessie.add(rij)
            except IntegrityError:
                continue
            return Bewaard(code=code, vervalt_op=vervalt)
        raise RuntimeError("geen vrije code gevonden")

    def wissel_in(self, tekst: str) -> dict[str, Any]:
        """The kept profile for a code, deleted in the same transaction: it works once.

        Raises ``CodeOngeldig`` for a text that is no code and ``CodeOnbekend`` for a code
        that is used, expired or unknown (both with a Dutch message)."""
        sleutel = self.kluis.code_hash(normaliseer_code(tekst))
        nu = self.nu()
        with self.sessiemaker.begin() as sessie:
            token = sessie.execute(
                delete(Overdracht)
                .where(Overdracht.sleutel == sleutel, Overdracht.vervalt_op > nu)
                .returning(Overdracht.inhoud)
            ).scalar_one_or_none()
            sessie.execute(delete(Overdracht).where(Overdracht.vervalt_op <= nu))
        if token is None:
            raise CodeOnbekend(GEBRUIKT_OF_VERLOPEN)
        return self.kluis.ontsleutel(token)

    def ruim_op(self) -> int:
        """Delete the expired hand-overs; how many there were."""
        with self.sessiemaker.begin() as sessie:
            resultaat = sessie.execute(delete(Overdracht).where(Overdracht.vervalt_op <= self.nu()))
        return int(getattr(resultaat, "rowcount", 0) or 0)
