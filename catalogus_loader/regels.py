"""Rule files (``catalogus/regels/*.yaml``): read, check against the schema, keep line numbers.

Every problem names the file, the line and the field. Line numbers come from the YAML
node tree (``yaml.compose``): a field path such as ``voorwaarden.2.regel`` is looked up
in the tree to find where it starts.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import PurePath
from typing import Any

import yaml

from bot.rules import valideer_regelbestand
from catalogus_loader.fouten import Probleem
from catalogus_loader.records import RegelRecord, regel_voor

Pad = tuple[str | int, ...]
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def lees_yaml(tekst: str, bron: str) -> tuple[yaml.Node | None, Any] | Probleem:
    """The YAML text as a node tree (for line numbers) and as data, or the problem that
    says where it is not valid YAML."""
    try:
        return yaml.compose(tekst, Loader=YAML_LOADER), yaml.load(tekst, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as fout:
        markering = fout.problem_mark or fout.context_mark
        regel = markering.line + 1 if markering else None
        uitleg = fout.problem or "ongeldige YAML"
        return Probleem(bron, f"Dit is geen geldige YAML: {uitleg}.", regel)
    except yaml.YAMLError as fout:
        return Probleem(bron, f"Dit is geen geldige YAML: {fout}.")


def regelnummers(knoop: yaml.Node) -> tuple[dict[Pad, int], list[tuple[str, int]]]:
    """Line (1-based) of every path in the document, and the keys that appear twice."""
    regels: dict[Pad, int] = {}
    dubbel: list[tuple[str, int]] = []

    def bezoek(k: yaml.Node, pad: Pad) -> None:
        regels.setdefault(pad, k.start_mark.line + 1)
        if isinstance(k, yaml.MappingNode):
            gezien: set[str] = set()
            for sleutel_knoop, waarde_knoop in k.value:
                sleutel = str(sleutel_knoop.value)
                if sleutel in gezien:
                    naam = ".".join(str(p) for p in (*pad, sleutel))
                    dubbel.append((naam, sleutel_knoop.start_mark.line + 1))
                gezien.add(sleutel)
                kind = (*pad, sleutel)
                regels[kind] = sleutel_knoop.start_mark.line + 1
                bezoek(waarde_knoop, kind)
        elif isinstance(k, yaml.SequenceNode):
            for i, element in enumerate(k.value):
                bezoek(element, (*pad, i))

    bezoek(knoop, ())
    return regels, dubbel


def _json_klaar(waarde: Any) -> Any:
    """YAML dates (``vanaf: 2024-01-01`` without quotes) become ISO text, as in the schema."""
    if isinstance(waarde, datetime | date):
        return waarde.isoformat()
    if isinstance(waarde, dict):
        return {str(k) if isinstance(k, date) else k: _json_klaar(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_json_klaar(v) for v in waarde]
    return waarde


def lees_regelbestand(
    tekst: str, bron: str
) -> tuple[RegelRecord | None, list[Probleem], list[Probleem]]:
    """Parse and check one rule file: ``(record or None, problems, warnings)``."""
    gelezen = lees_yaml(tekst, bron)
    if isinstance(gelezen, Probleem):
        return None, [gelezen], []
    knoop, data = gelezen
    if knoop is None:
        return None, [Probleem(bron, "Het bestand is leeg.", 1)], []
    regels, dubbel = regelnummers(knoop)
    problemen = [
        Probleem(
            bron,
            f"Het veld '{naam.rsplit('.', 1)[-1]}' staat twee keer in hetzelfde blok.",
            regel,
            naam,
        )
        for naam, regel in dubbel
    ]
    data = _json_klaar(data)
    for fout in valideer_regelbestand(data):
        problemen.append(
            Probleem(bron, fout.bericht, _regel(regels, fout.pad, fout.bericht), fout.veld)
        )
    if problemen:
        return None, problemen, []
    record = RegelRecord(
        recht_id=data["id"],
        product_sleutel=str(data["product"]),
        naam=data["naam"],
        niveau=data["niveau"],
        themas=list(data.get("thema") or []),
        gemeenten=list(data.get("gemeenten") or []),
        synoniemen=list(data.get("synoniemen") or []),
        definitie=data,
        bron=bron,
        regels=regels,
    )
    stam = PurePath(bron.split("?")[0]).stem
    meldingen = []
    if stam and stam != record.recht_id:
        meldingen.append(
            Probleem(
                bron,
                f"Het id '{record.recht_id}' verschilt van de bestandsnaam; noem het bestand "
                f"{record.recht_id}.yaml.",
                regels.get(("id",)),
                "id",
            )
        )
    return record, [], meldingen


def _regel(regels: dict[Pad, int], pad: Pad, bericht: str) -> int | None:
    """The line of ``pad``; for an unknown field named in the message, that field's line."""
    pad = tuple(pad)
    for kind, regel in regels.items():
        sleutel = kind[-1] if len(kind) == len(pad) + 1 and kind[:-1] == pad else None
        if isinstance(sleutel, str) and f"'{sleutel}'" in bericht:
            return regel
    return regel_voor(regels, pad)
