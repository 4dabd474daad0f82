"""What screening needs to evaluate rows: the vocabulary, the engine's catalogue and the
municipality resolver, built once (per process: a worker builds its own)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.rules import Catalogus, bouw_catalogus
from bot.screening.invoer import CelLezer
from bot.vocabulary import Vocabulaire, laad_vocabulaire
from bot.vocabulary.model import GemeenteOplosser


@dataclass(frozen=True)
class Motor:
    vocabulaire: Vocabulaire
    catalogus: Catalogus
    oplosser: GemeenteOplosser | None
    """Name or NIS code -> NIS code; ``None``: only NIS codes are accepted."""
    lezer: CelLezer = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lezer", CelLezer(self.vocabulaire, self.oplosser))


@dataclass(frozen=True)
class UitDatabank:
    """Builds the motor from the app's database, as the web app does (picklable: a worker
    process builds its own from the URL)."""

    database_url: str

    def __call__(self) -> Motor:
        from bot.diensten import bouw_diensten
        from bot.settings import Settings

        diensten = bouw_diensten(Settings(database_url=self.database_url))
        diensten.sluit()  # all we need is in memory now: no connection stays open
        return Motor(diensten.vocabulaire, diensten.catalogus, diensten.los_gemeente_op)


@dataclass(frozen=True)
class UitRegelbestanden:
    """Builds the motor from the bundled rule files (``catalogus/regels``), without a
    database: for benchmarks. Municipalities only as NIS codes."""

    map_: Path

    def __call__(self) -> Motor:
        from catalogus_loader.regels import lees_regelbestand

        vocabulaire = laad_vocabulaire()
        definities = []
        for pad in sorted(self.map_.glob("*.yaml")):
            record, problemen, _ = lees_regelbestand(pad.read_text(encoding="utf-8"), pad.name)
            if problemen:
                raise ValueError("\n".join(str(p) for p in problemen))
            if record is not None:
                definities.append(record.definitie)
        return Motor(vocabulaire, bouw_catalogus(definities, vocabulaire), None)
