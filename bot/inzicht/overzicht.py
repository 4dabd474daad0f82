"""What the city may see: the counts summed per right, with small numbers hidden.

Every stored count is one municipality in one month. A count under ``DREMPEL`` is hidden,
and it is never added to a sum: a sum only adds counts that are shown elsewhere too, so no
difference of two sums (two month ranges, one municipality against all) can reveal a
hidden count. A sum that left something out says "minstens".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Final

from bot.inzicht.opslag import Sleutel

DREMPEL: Final = 10
"""Counts under this number are not shown."""
VERBORGEN: Final = f"< {DREMPEL}"

KOLOMMEN: Final = (
    ("gesprek", "waarschijnlijk"),
    ("gesprek", "mogelijk"),
    ("gesprek", "gevraagd"),
    ("screening", "waarschijnlijk"),
    ("screening", "mogelijk"),
)
"""The columns of the table: (bron, soort)."""


def zichtbaar(aantal: int) -> bool:
    return aantal >= DREMPEL


def getal_tekst(aantal: int) -> str:
    """One stored count as the city sees it: the number, or "< 10"."""
    return str(aantal) if zichtbaar(aantal) else VERBORGEN


@dataclass
class Cel:
    """A sum of counts: only the shown ones are added."""

    som: int = 0
    weggelaten: bool = False
    """A count under ``DREMPEL`` was left out."""

    def voeg_toe(self, aantal: int) -> None:
        if zichtbaar(aantal):
            self.som += aantal
        elif aantal > 0:
            self.weggelaten = True

    @property
    def tekst(self) -> str:
        """ "42", "minstens 42" (something small left out) or "< 10"."""
        if self.som == 0:
            return VERBORGEN
        return f"minstens {self.som}" if self.weggelaten else str(self.som)


@dataclass
class RechtRij:
    recht_id: str
    naam: str
    cellen: dict[tuple[str, str], Cel] = field(default_factory=lambda: {k: Cel() for k in KOLOMMEN})


def per_recht(tellingen: Mapping[Sleutel, int], naam: Callable[[str], str]) -> list[RechtRij]:
    """One row per right that has any count, most "waarschijnlijk" in conversations first."""
    rijen: dict[str, RechtRij] = {}
    for sleutel, aantal in tellingen.items():
        kolom = (sleutel.bron, sleutel.soort)
        if kolom not in KOLOMMEN:
            continue
        rij = rijen.get(sleutel.recht_id)
        if rij is None:
            rij = rijen[sleutel.recht_id] = RechtRij(sleutel.recht_id, naam(sleutel.recht_id))
        rij.cellen[kolom].voeg_toe(aantal)

    def volgorde(r: RechtRij) -> tuple[int, ...] | tuple[int | str, ...]:
        return (*(-r.cellen[k].som for k in KOLOMMEN), r.naam.lower())

    return sorted(rijen.values(), key=volgorde)
