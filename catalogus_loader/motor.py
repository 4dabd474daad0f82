"""The one place where the loader asks the rights engine to check the whole rule set.

``bot.rules.bouw_catalogus`` checks what the schema cannot: unknown attributes,
parameters and rights, and cycles between rights. Its error names the right and the
field; here it becomes a problem with the file and the line.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.catalogue import repository
from bot.catalogue.models import RechtRegel
from bot.rules import RegelFout, bouw_catalogus
from bot.vocabulary import laad_vocabulaire
from catalogus_loader.fouten import Probleem
from catalogus_loader.records import RegelRecord


def controleer_met_motor(sessie: Session, nieuw: Mapping[str, RegelRecord]) -> list[Probleem]:
    """Build the engine's catalogue from the (flushed, not committed) database state."""
    invoer = repository.motor_invoer(sessie)
    try:
        bouw_catalogus(
            invoer.regelbestanden,
            laad_vocabulaire(),
            zonder_regels=invoer.zonder_regels,
            gemeentenamen=invoer.gemeentenamen,
        )
    except RegelFout as fout:
        record = nieuw.get(fout.recht_id or "")
        veld = ".".join(str(p) for p in fout.pad) or None
        if record is not None:
            return [Probleem(record.bron, fout.bericht, record.regel_van(fout.pad), veld)]
        bron = sessie.scalar(select(RechtRegel.bron).where(RechtRegel.recht_id == fout.recht_id))
        return [Probleem(bron or "catalogus", fout.bericht, None, veld)]
    return []
