"""Counts per right over all rows, and the closing summary line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.screening.verwerking import Verwerkt


@dataclass
class Telling:
    namen: Mapping[str, str]
    """Right id -> name (from the catalogue)."""
    rijen: int = 0
    fouten: int = 0
    waarschijnlijk: Counter[str] = field(default_factory=Counter)
    mogelijk: Counter[str] = field(default_factory=Counter)
    al_ontvangen: Counter[str] = field(default_factory=Counter)
    per_gemeente: Counter[tuple[str | None, str, str]] = field(default_factory=Counter)
    """(gemeente NIS or None, right id, "waarschijnlijk"/"mogelijk") -> rows: the run's
    totals for the city's anonymous insight (``bot.inzicht.tel_screening``)."""

    def tel(self, v: Verwerkt) -> None:
        self.rijen += 1
        self.fouten += v.fout
        self.waarschijnlijk.update(v.waarschijnlijk)
        self.mogelijk.update(v.mogelijk)
        self.al_ontvangen.update(v.al_ontvangen)
        self.per_gemeente.update((v.gemeente, r, "waarschijnlijk") for r in v.waarschijnlijk)
        self.per_gemeente.update((v.gemeente, r, "mogelijk") for r in v.mogelijk)

    def per_recht(self) -> list[dict[str, Any]]:
        """Per right, most "waarschijnlijk" first."""
        ids = sorted(
            set(self.waarschijnlijk) | set(self.mogelijk) | set(self.al_ontvangen),
            key=lambda i: (-self.waarschijnlijk[i], -self.mogelijk[i], i),
        )
        return [
            {
                "id": i,
                "naam": self.namen.get(i, i),
                "waarschijnlijk": self.waarschijnlijk[i],
                "mogelijk": self.mogelijk[i],
                "al_ontvangen": self.al_ontvangen[i],
            }
            for i in ids
        ]

    def samenvatting(self, datum: str) -> dict[str, Any]:
        return {
            "samenvatting": {
                "datum": datum,
                "rijen": self.rijen,
                "fouten": self.fouten,
                "per_recht": self.per_recht(),
            }
        }
