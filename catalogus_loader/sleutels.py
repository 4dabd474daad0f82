"""The key of a product in the catalogue: its IPDC product number, or one derived from its
URI or uuid when it has none (a municipality's own LPDC product need not have a number).

The derived key is stable, so reloading is idempotent and a rule file can point at it
(``product: lpdc-<uuid>``).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from bot.catalogue.tekst import kies_taal, platte_tekst

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_NEDERLANDS = ("nl", "")
INSTANTIE_SOORTEN = frozenset({"Instantie", "InstantieSnapshot"})
"""LPDC instances: a municipality's (or another government's) own offer of a product."""
PRODUCT_SOORTEN = frozenset({"Concept", "ConceptSnapshot", *INSTANTIE_SOORTEN})
"""The compact JSON-LD ``@type`` of an IPDC/LPDC product."""


def uuid_van(*waarden: Any) -> str | None:
    """The first uuid in ``waarden``: a uuid itself, or the last part of a URI."""
    for waarde in waarden:
        if not isinstance(waarde, str):
            continue
        laatste = waarde.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        if _UUID.fullmatch(laatste):
            return laatste.lower()
    return None


def afgeleide_sleutel(soort: str, uri: str | None, uuid: str | None) -> str | None:
    """``lpdc-<uuid>`` for an instance, ``concept-<uuid>`` for a concept; without a uuid,
    a short hash of the URI; ``None`` when there is neither."""
    voorvoegsel = "concept" if soort.startswith("Concept") else "lpdc"
    gevonden = uuid_van(uuid, uri)
    if gevonden:
        return f"{voorvoegsel}-{gevonden}"
    if uri:
        return f"{voorvoegsel}-{hashlib.sha256(uri.encode('utf-8')).hexdigest()[:16]}"
    return None


def nederlandse_tekst(waarden: Any) -> str | None:
    """The Dutch text of a language map (``nl``, ``nl-BE-x-…`` or no language), as plain
    text; ``None`` when there is only text in other languages."""
    if isinstance(waarden, str):
        return platte_tekst(waarden) or None
    if not isinstance(waarden, dict):
        return None
    nederlands = {
        taal: waarde
        for taal, waarde in waarden.items()
        if str(taal).lower() in _NEDERLANDS or str(taal).lower().startswith("nl-")
    }
    return platte_tekst(kies_taal(nederlands)) or None
