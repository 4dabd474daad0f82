"""Three-valued truth: true, false and unknown (Kleene's strong logic).

``ONBEKEND`` stands for any value we do not know yet: a missing answer, "weet ik
niet", a parameter without a value on the reference date. It refuses to be used
as a Python bool so that it can never silently become ``False`` or ``0``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final


class _Onbekend:
    __slots__ = ()
    _instantie: _Onbekend | None = None

    def __new__(cls) -> _Onbekend:
        if cls._instantie is None:
            cls._instantie = super().__new__(cls)
        return cls._instantie

    def __repr__(self) -> str:
        return "ONBEKEND"

    def __bool__(self) -> bool:
        raise TypeError("ONBEKEND heeft geen waarheidswaarde; gebruik de Kleene-functies.")

    def __reduce__(self) -> str:
        return "ONBEKEND"


ONBEKEND: Final = _Onbekend()

Waarheid = bool | _Onbekend
"""True, False or ONBEKEND."""


def is_onbekend(waarde: Any) -> bool:
    return waarde is ONBEKEND


def als_waarheid(waarde: Any) -> Waarheid:
    """JSON Logic truthiness, keeping ONBEKEND."""
    if waarde is ONBEKEND:
        return ONBEKEND
    if isinstance(waarde, bool):
        return waarde
    return bool(waarde)


def kleene_en(waarden: Iterable[Waarheid]) -> Waarheid:
    resultaat: Waarheid = True
    for waarde in waarden:
        if waarde is False:
            return False
        if waarde is ONBEKEND:
            resultaat = ONBEKEND
    return resultaat


def kleene_of(waarden: Iterable[Waarheid]) -> Waarheid:
    resultaat: Waarheid = False
    for waarde in waarden:
        if waarde is True:
            return True
        if waarde is ONBEKEND:
            resultaat = ONBEKEND
    return resultaat


def kleene_niet(waarde: Waarheid) -> Waarheid:
    if waarde is ONBEKEND:
        return ONBEKEND
    return not waarde
