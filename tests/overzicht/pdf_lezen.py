"""Read a PDF as a reader (and a screen reader) sees it: text, pages, catalog, structure."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


@dataclass(frozen=True)
class GelezenPdf:
    tekst: str
    """All pages' text, with line breaks and runs of spaces made single spaces."""
    paginas: int
    catalogus: DictionaryObject
    metadata: dict[str, Any]
    structuur: list[str]
    """The structure types in document order ("/H1", "/L", …)."""


def _soorten(knoop: Any, uit: list[str]) -> None:
    knoop = knoop.get_object() if hasattr(knoop, "get_object") else knoop
    if isinstance(knoop, ArrayObject):
        for kind in knoop:
            _soorten(kind, uit)
        return
    if not isinstance(knoop, DictionaryObject):
        return
    if "/S" in knoop:
        uit.append(str(knoop["/S"]))
    if "/K" in knoop:
        _soorten(knoop["/K"], uit)


def lees_pdf(inhoud: bytes) -> GelezenPdf:
    lezer = PdfReader(io.BytesIO(inhoud))
    tekst = " ".join(" ".join((p.extract_text() or "").split()) for p in lezer.pages)
    catalogus = lezer.trailer["/Root"].get_object()
    structuur: list[str] = []
    if "/StructTreeRoot" in catalogus:
        _soorten(catalogus["/StructTreeRoot"].get_object().get("/K"), structuur)
    return GelezenPdf(
        tekst=tekst,
        paginas=len(lezer.pages),
        catalogus=catalogus,
        metadata=dict(lezer.metadata or {}),
        structuur=structuur,
    )


def _waar(waarde: Any) -> bool:
    """A PDF boolean that is true (pypdf's BooleanObject is truthy even when false)."""
    return getattr(waarde, "value", waarde) is True


def controleer_toegankelijk(pdf: GelezenPdf) -> None:
    """Tagged (PDF/UA): marked content with a structure tree, Dutch, the title shown."""
    mark_info = pdf.catalogus["/MarkInfo"].get_object()
    assert _waar(mark_info["/Marked"])
    assert "/StructTreeRoot" in pdf.catalogus
    assert str(pdf.catalogus["/Lang"]) == "nl"
    assert pdf.metadata.get("/Title") == "Overzicht van uw sociale rechten"
    assert _waar(pdf.catalogus["/ViewerPreferences"].get_object()["/DisplayDocTitle"])
    for soort in ("/Document", "/H1", "/H2", "/H3", "/P", "/L", "/LI"):
        assert soort in pdf.structuur, f"{soort} ontbreekt in de structuur"
