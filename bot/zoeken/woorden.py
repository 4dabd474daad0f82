"""The search's word list (``bot/zoeken/synoniemen.yaml``): everyday words with the
catalogue words they stand for, and little words that never count. Checked against
``zoekwoorden.schema.json``; an error names the file, the line and the problem."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from bot.rules.schema import schemabericht
from bot.yamlregels import regel_van, regelnummers
from bot.zoeken.tekst import woorden

SYNONIEMEN_PAD = Path(__file__).with_name("synoniemen.yaml")


class ZoekwoordenFout(ValueError):
    """The word list is broken. The message is Dutch and names file and line."""


@dataclass(frozen=True)
class Zoekwoorden:
    synoniemen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """An everyday word (normalised) -> the catalogue words it stands for."""
    stopwoorden: frozenset[str] = frozenset()
    """Little words that say nothing about a right ("ik", "mijn", "te")."""


@cache
def _validator() -> Draft202012Validator:
    tekst = resources.files("bot.zoeken").joinpath("zoekwoorden.schema.json").read_text("utf-8")
    return Draft202012Validator(json.loads(tekst))


def zoekwoorden_uit_tekst(tekst: str, bron: str = "synoniemen.yaml") -> Zoekwoorden:
    try:
        knoop = yaml.compose(tekst, Loader=yaml.SafeLoader)
        data = yaml.safe_load(tekst)
    except yaml.MarkedYAMLError as fout:
        markering = fout.problem_mark or fout.context_mark
        waar = f", regel {markering.line + 1}" if markering else ""
        raise ZoekwoordenFout(f"{bron}{waar}: dit is geen geldige YAML: {fout.problem}.") from None
    regels = regelnummers(knoop) if knoop is not None else {}
    problemen = sorted(
        _validator().iter_errors(data), key=lambda f: list(map(str, f.absolute_path))
    )
    if problemen:
        meldingen = []
        for p in problemen:
            pad = tuple(p.absolute_path)
            regel = regel_van(regels, pad)
            waar = f", regel {regel}" if regel else ""
            veld = ".".join(str(d) for d in pad)
            meldingen.append(
                f"{bron}{waar}" + (f" (veld {veld})" if veld else "") + f": {schemabericht(p)}"
            )
        raise ZoekwoordenFout("\n".join(meldingen))
    synoniemen: dict[str, tuple[str, ...]] = {}
    for woord, betekenissen in (data.get("synoniemen") or {}).items():
        sleutel = " ".join(woorden(str(woord)))
        if sleutel in synoniemen:
            regel = regel_van(regels, ("synoniemen", str(woord)))
            raise ZoekwoordenFout(f"{bron}, regel {regel}: '{woord}' staat er twee keer in.")
        synoniemen[sleutel] = tuple(betekenissen)
    stop = frozenset(w for s in data.get("stopwoorden") or () for w in woorden(s))
    return Zoekwoorden(synoniemen=synoniemen, stopwoorden=stop)


def laad_zoekwoorden(pad: Path = SYNONIEMEN_PAD) -> Zoekwoorden:
    """The word list at ``pad``; :class:`ZoekwoordenFout` when it is missing or broken."""
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError as fout:
        raise ZoekwoordenFout(
            f"{pad.name}: het bestand kan niet gelezen worden ({fout})."
        ) from None
    return zoekwoorden_uit_tekst(tekst, bron=pad.name)
