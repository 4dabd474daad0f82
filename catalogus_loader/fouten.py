"""Problems found while reading or checking catalogue data, with file, line and field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.catalogue.fouten import CatalogusFout
from bot.catalogue.tekst import kies_taal


@dataclass(frozen=True)
class Probleem:
    """One problem in one file. ``regel`` is the 1-based line number when it is known."""

    bestand: str
    bericht: str
    regel: int | None = None
    veld: str | None = None

    def __str__(self) -> str:
        plaats = self.bestand + (f", regel {self.regel}" if self.regel else "")
        veld = f" (veld {self.veld})" if self.veld else ""
        return f"{plaats}{veld}: {self.bericht}"


@dataclass(frozen=True)
class Overgeslagen:
    """A product the loader cannot use: it is left out, the rest of the load goes on."""

    bestand: str
    product: str
    """The product's name, number or URI: whatever identifies it best."""
    reden: str
    veld: str | None = None
    sleutel: str | None = None
    """Its key in the catalogue (product number or derived key), when that is known."""

    def __str__(self) -> str:
        veld = f" (veld {self.veld})" if self.veld else ""
        return f"{self.bestand}: product '{self.product}' overgeslagen{veld}: {self.reden}"


class LaadFout(CatalogusFout):
    """The catalogue was not loaded; nothing changed. ``problemen`` lists every problem found."""

    def __init__(self, problemen: Sequence[Probleem]):
        self.problemen = tuple(problemen)
        aantal = len(self.problemen)
        kop = "De catalogus is niet geladen; er is niets gewijzigd. " + (
            "Er is 1 probleem:" if aantal == 1 else f"Er zijn {aantal} problemen:"
        )
        super().__init__("\n".join([kop, *(f"- {p}" for p in self.problemen)]))


def ipdc_foutmelding(body: object) -> str | None:
    """The Dutch message of an IPDC API error body, or ``None`` when it is not one."""
    if not isinstance(body, dict) or "status" not in body or "productnummer" in body:
        return None
    if not any(k in body for k in ("detail", "title", "type")):
        return None
    status = body.get("status")
    titel = kies_taal(body.get("title"))
    detail = kies_taal(body.get("detail"))
    kop = " ".join(str(s) for s in (status, titel) if s)
    bericht = "Dit is een foutmelding van de IPDC-API, geen product"
    bericht += f" ({kop})" if kop else ""
    return bericht + (f": {detail}" if detail else ".")
