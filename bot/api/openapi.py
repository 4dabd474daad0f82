"""The OpenAPI document with ``null`` kept in the examples.

FastAPI drops every ``None`` from the document it makes, also inside the examples
(https://github.com/fastapi/fastapi/issues/5559). An answer whose required field may be
null (``"contactpunt": null``, ``"gemeenten": null``) then gets an example that does not
fit its own schema. We put back each example as it was written: the examples of the
models of the API and those in ``bot.api.voorbeelden``, recognised by their content.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel

from bot.api import voorbeelden


def _zonder_null(waarde: Any) -> Any:
    """What FastAPI makes of an example: no ``None`` in any object."""
    if isinstance(waarde, dict):
        return {k: _zonder_null(v) for k, v in waarde.items() if v is not None}
    if isinstance(waarde, list):
        return [_zonder_null(v) for v in waarde]
    return waarde


def _sleutel(waarde: Any) -> str:
    return json.dumps(waarde, sort_keys=True, ensure_ascii=False)


def _modellen(klasse: type[BaseModel] = BaseModel) -> Iterator[type[BaseModel]]:
    for sub in klasse.__subclasses__():
        if sub.__module__.startswith("bot."):
            yield sub
        yield from _modellen(sub)


def originele_voorbeelden() -> list[Any]:
    """Every example as written: on the models of the API, and in ``bot.api.voorbeelden``."""
    gevonden: list[Any] = []
    for model in _modellen():
        extra = model.model_config.get("json_schema_extra")
        if isinstance(extra, dict):
            gevonden += list(extra.get("examples") or [])
    for naam, waarde in vars(voorbeelden).items():
        if naam.isupper() and isinstance(waarde, dict | list):
            gevonden.append(waarde)
    return [jsonable_encoder(v) for v in gevonden]


def zet_null_terug(document: dict[str, Any], originelen: list[Any]) -> None:
    """Replace, in place, every example FastAPI stripped of its nulls by its original."""
    per_sleutel = {_sleutel(_zonder_null(o)): o for o in originelen}

    def origineel(waarde: Any) -> Any:
        return per_sleutel.get(_sleutel(waarde), waarde)

    def loop(knoop: Any) -> None:
        if isinstance(knoop, dict):
            if "example" in knoop:
                knoop["example"] = origineel(knoop["example"])
            if isinstance(knoop.get("examples"), list):
                knoop["examples"] = [origineel(v) for v in knoop["examples"]]
            for waarde in knoop.values():
                loop(waarde)
        elif isinstance(knoop, list):
            for waarde in knoop:
                loop(waarde)

    loop(document)


def houd_null_in_voorbeelden(app: FastAPI) -> None:
    """Let ``app.openapi()`` (and so ``/openapi.json`` and ``/docs``) keep the nulls."""
    maak: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        document = maak()
        zet_null_terug(document, originele_voorbeelden())
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def voeg_schemas_toe(app: FastAPI, modellen: list[type[BaseModel]]) -> None:
    """Put models in ``components.schemas`` that no operation refers to by itself: the
    lines of a streamed answer (JSON lines), which the operation names in its text."""
    maak: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        document = maak()
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        for model in modellen:
            schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            schemas.update(schema.pop("$defs", {}))
            schemas[model.__name__] = schema
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def voeg_grensfouten_toe(app: FastAPI, max_kb: int) -> None:
    """Show the answers of the limits of the whole app (``bot.api.grenzen``) on every
    operation they can stop: 429 (too many requests from an address) and, with a body,
    413 (too large). An operation that documents its own 429 or 413 keeps it."""
    from bot.api.grenzen import NIET_GETELD, TE_VEEL, ZONDER_GRENS, te_groot

    maak: Callable[[], dict[str, Any]] = app.openapi

    def fout(beschrijving: str, detail: str) -> dict[str, Any]:
        schema = {"$ref": "#/components/schemas/Foutmelding"}
        voorbeeld = {"detail": detail}
        return {
            "description": beschrijving,
            "content": {"application/json": {"schema": schema, "example": voorbeeld}},
        }

    def openapi() -> dict[str, Any]:
        document = maak()
        for pad, operaties in document.get("paths", {}).items():
            for operatie in operaties.values():
                antwoorden = operatie.setdefault("responses", {})
                if pad not in NIET_GETELD:
                    antwoorden.setdefault("429", fout("Te veel vragen van dit adres", TE_VEEL))
                if "requestBody" in operatie and not pad.startswith(ZONDER_GRENS):
                    antwoorden.setdefault("413", fout("De vraag is te groot", te_groot(max_kb)))
        return document

    app.openapi = openapi  # type: ignore[method-assign]
