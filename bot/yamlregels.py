"""Line numbers in a YAML document, so that an error in a data file names its line."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

Pad = tuple[str | int, ...]
"""A field's place in the document: keys and list positions, e.g. ("voorwaarden", 2)."""


def regelnummers(knoop: yaml.Node) -> dict[Pad, int]:
    """The line (1-based) where each path of the document starts."""
    regels: dict[Pad, int] = {}

    def bezoek(k: yaml.Node, pad: Pad) -> None:
        regels.setdefault(pad, k.start_mark.line + 1)
        if isinstance(k, yaml.MappingNode):
            for sleutel, waarde in k.value:
                kind = (*pad, str(sleutel.value))
                regels[kind] = sleutel.start_mark.line + 1
                bezoek(waarde, kind)
        elif isinstance(k, yaml.SequenceNode):
            for i, element in enumerate(k.value):
                bezoek(element, (*pad, i))

    bezoek(knoop, ())
    return regels


def regel_van(regels: Mapping[Pad, int], pad: Pad) -> int | None:
    """The line of the deepest part of ``pad`` that the file has."""
    for lengte in range(len(pad), -1, -1):
        if (regel := regels.get(tuple(pad[:lengte]))) is not None:
            return regel
    return None
