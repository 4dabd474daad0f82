"""Counts per right over all rows, and the closing summary line."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Telling:
    rijen: int = 0
    fouten: int = 0
    waarschijnlijk: Counter[str] = field(default_factory=Counter)
    mogelijk: Counter[str] = field(default_factory=Counter)
    al_ontvangen: Counter[str] = field(default_factory=Counter)
    namen: dict[str, str] = field(default_factory=dict)

    def tel(self, uitkomst: dict[str, Any]) -> None:
        self.rijen += 1
        if uitkomst.get("fout"):
            self.fouten += 1
            return
        for soort, teller in (
            ("waarschijnlijk", self.waarschijnlijk),
            ("mogelijk", self.mogelijk),
            ("al_ontvangen", self.al_ontvangen),
        ):
            for r in uitkomst[soort]:
                teller[r["id"]] += 1
                self.namen.setdefault(r["id"], r["naam"])

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
