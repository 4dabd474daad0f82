"""Which catalogue an answer was made with: a short version and the date it was loaded."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.catalogue.models import Laadbeurt, Product, RechtRegel


@dataclass(frozen=True)
class Catalogusversie:
    code: str
    """8 hex digits from the content of the rule files and the products: the same catalogue
    gives the same code, on every machine."""
    geladen_op: datetime | None
    """The last successful load (``catalogus_loader``), if one is recorded."""


def catalogusversie(sessie: Session) -> Catalogusversie:
    """Only reads. Rule files count by their content hash, products by their last change."""
    hasher = hashlib.sha256()
    for recht_id, inhoud_hash in sessie.execute(
        select(RechtRegel.recht_id, RechtRegel.inhoud_hash).order_by(RechtRegel.recht_id)
    ):
        hasher.update(f"regel {recht_id} {inhoud_hash}\n".encode())
    for nummer, gewijzigd in sessie.execute(
        select(Product.productnummer, Product.laatst_gewijzigd).order_by(Product.productnummer)
    ):
        hasher.update(f"product {nummer} {gewijzigd.isoformat() if gewijzigd else ''}\n".encode())
    geladen_op = sessie.scalar(select(func.max(Laadbeurt.moment)))
    return Catalogusversie(code=hasher.hexdigest()[:8], geladen_op=geladen_op)
