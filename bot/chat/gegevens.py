"""Read a data file of the chat (YAML) and check it against its schema, with line numbers.

The chat's texts, help lines and keywords live in YAML files that a policy officer edits.
A mistake stops the app at start-up with a Dutch message that names the file, the line
and the field, e.g. ``noodhulp.yaml, regel 42 (veld hulplijnen.zelfmoordlijn.zin): ...``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.yamlregels import Pad, regel_van, regelnummers

M = TypeVar("M", bound=BaseModel)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ChatGegevensFout(ValueError):
    """A data file of the chat is broken. The message is Dutch and names file and line."""


def _bericht(fout: Any) -> str:
    soort = str(fout["type"])
    veld = str(fout["loc"][-1]) if fout["loc"] else ""
    if soort == "missing":
        return f"Het verplichte veld '{veld}' ontbreekt."
    if soort == "extra_forbidden":
        return f"Onbekend veld '{veld}'."
    if soort == "string_type":
        return "Verwacht tekst (zet een nummer tussen aanhalingstekens)."
    if soort == "string_too_short":
        return "Dit veld is leeg."
    if soort in ("list_type", "too_short"):
        return "Verwacht een lijst met minstens één element (elk op een regel met '- ')."
    if soort in ("dict_type", "model_type", "model_attributes_type"):
        return "Verwacht een blok met velden (veld: waarde)."
    if soort == "string_pattern_mismatch":
        return f"Waarde {fout.get('input')!r} heeft niet de juiste vorm."
    bericht = str(fout.get("msg", ""))
    return bericht.removeprefix("Value error, ") or "Deze waarde past hier niet."


def lees_gegevens(pad: Path, model: type[M]) -> tuple[M, dict[Pad, int]]:
    """The file as ``model`` and the line of each path; :class:`ChatGegevensFout` if not."""
    naam = pad.name
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError as fout:
        raise ChatGegevensFout(f"{naam}: het bestand kan niet gelezen worden ({fout}).") from None
    try:
        knoop = yaml.compose(tekst, Loader=_LOADER)
        data = yaml.load(tekst, Loader=_LOADER)
    except yaml.MarkedYAMLError as fout:
        markering = fout.problem_mark or fout.context_mark
        waar = f", regel {markering.line + 1}" if markering else ""
        raise ChatGegevensFout(
            f"{naam}{waar}: dit is geen geldige YAML: {fout.problem or 'onbekende fout'}."
        ) from None
    if knoop is None:
        raise ChatGegevensFout(f"{naam}: het bestand is leeg.")
    regels = regelnummers(knoop)
    try:
        return model.model_validate(data), regels
    except ValidationError as fouten:
        meldingen = []
        for fout in fouten.errors():
            locatie: Pad = tuple(fout["loc"])
            regel = regel_van(regels, locatie)
            waar = f", regel {regel}" if regel else ""
            veld = ".".join(str(p) for p in locatie)
            meldingen.append(
                f"{naam}{waar}" + (f" (veld {veld})" if veld else "") + ": " + _bericht(fout)
            )
        raise ChatGegevensFout("\n".join(meldingen)) from None


def fout_op(pad: Path, regels: dict[Pad, int], plaats: Pad, bericht: str) -> ChatGegevensFout:
    """A problem found after the schema (a cross-check), with the line of ``plaats``."""
    regel = regel_van(regels, plaats)
    waar = f", regel {regel}" if regel else ""
    veld = ".".join(str(p) for p in plaats)
    return ChatGegevensFout(f"{pad.name}{waar} (veld {veld}): {bericht}")
