"""Check a rule file's content against ``regelbestand.schema.json``, with Dutch messages."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError


@dataclass(frozen=True)
class SchemaFout:
    pad: tuple[str | int, ...]
    """Where in the file: keys and list indexes from the top."""
    bericht: str

    @property
    def veld(self) -> str:
        return ".".join(str(p) for p in self.pad) or "(bestand)"


@cache
def _validator() -> Draft202012Validator:
    tekst = resources.files("bot.rules").joinpath("regelbestand.schema.json").read_text("utf-8")
    return Draft202012Validator(json.loads(tekst))


def valideer_regelbestand(data: Any) -> list[SchemaFout]:
    """All schema problems of one rule file, as Dutch messages; empty when it is valid."""
    if not isinstance(data, Mapping):
        return [
            SchemaFout((), "Een regelbestand is een lijst van velden (id, naam, voorwaarden…).")
        ]
    fouten = sorted(_validator().iter_errors(data), key=lambda f: list(map(str, f.absolute_path)))
    return [SchemaFout(tuple(f.absolute_path), schemabericht(f)) for f in fouten]


def schemabericht(fout: ValidationError) -> str:
    v = fout.validator
    if v == "required":
        ontbrekend = str(fout.message).split("'")[1] if "'" in fout.message else "?"
        return f"Het verplichte veld '{ontbrekend}' ontbreekt."
    if v == "additionalProperties":
        extra = sorted(set(fout.instance) - set(fout.schema.get("properties", {})))
        return f"Onbekend veld: {', '.join(map(repr, extra))}."
    if v == "enum":
        keuzes = ", ".join(map(str, fout.validator_value))
        return f"Waarde {fout.instance!r} is niet toegelaten. Kies uit: {keuzes}."
    if v == "type":
        return f"Verkeerd soort waarde {fout.instance!r}; verwacht: {fout.validator_value}."
    if v == "pattern":
        return f"Waarde {fout.instance!r} heeft niet de juiste vorm ({fout.validator_value})."
    if v in ("minItems", "minLength", "minProperties"):
        return "Dit veld is leeg of te kort."
    if v == "maxProperties" or (
        v == "anyOf" and isinstance(fout.instance, dict) and len(fout.instance) != 1
    ):
        return "Een uitdrukking heeft precies één operator."
    if v == "oneOf":
        return "Een voorwaarde heeft precies één van: 'regel', 'een_van' of 'na_te_gaan'."
    if v == "minimum":
        return f"De waarde moet minstens {fout.validator_value} zijn."
    if v == "anyOf" and fout.absolute_path and fout.absolute_path[-1] == "waarde":
        return f"Waarde {fout.instance!r} klopt niet: geef een getal of een lijst van getallen."
    if v == "anyOf":
        return f"Waarde {fout.instance!r} klopt niet: geef een uitdrukking (JSON Logic)."
    return f"Waarde {fout.instance!r} past hier niet."
