"""A profile sent to the API, validated against the vocabulary: or a 422 in Dutch."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from fastapi import HTTPException

from bot.diensten import Diensten
from bot.vocabulary import ProfielFout


def geldig_profiel(
    diensten: Diensten,
    ruw: Mapping[str, Any],
    los_gemeente_op: Callable[[str], str] | None = None,
) -> dict[str, Any]:
    """The validated profile; a 422 naming each field that does not fit (``profiel.x``)."""
    try:
        return diensten.vocabulaire.valideer_profiel(
            ruw, los_gemeente_op or diensten.los_gemeente_op
        )
    except ProfielFout as fout:
        raise HTTPException(
            status_code=422,
            detail={
                "detail": "Het profiel klopt niet.",
                "fouten": [
                    {"veld": f"profiel.{f.veld}", "bericht": f.bericht} for f in fout.fouten
                ],
            },
        ) from None
