"""A value known only within a range: an estimated income, or a limit that may have been
indexed since its newest known value.

A comparison with a :class:`Schatting` is true or false only when the whole range
is on one side; otherwise it is unknown. So an estimate never turns a case near a
limit into a "niet": the engine says "mogelijk" and what could settle it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

LEEG: frozenset[str] = frozenset()

INKOMEN = "inkomen"
"""Label of a range that comes from the income estimate of the vocabulary."""


@dataclass(frozen=True, slots=True)
class Schatting:
    laag: float
    midden: float
    """The best single guess: shown in an amount, never used to decide a condition."""
    hoog: float
    verfijn: frozenset[str] = LEEG
    """Unanswered attributes that would narrow the range (the kind of income, the
    income on the tax bill)."""
    bronnen: frozenset[str] = LEEG
    """Where the uncertainty comes from: ``inkomen`` or ``param:<naam>``."""


def grenzen(waarde: Any) -> tuple[float, float]:
    if isinstance(waarde, Schatting):
        return waarde.laag, waarde.hoog
    return float(waarde), float(waarde)


def midden(waarde: Any) -> Any:
    return waarde.midden if isinstance(waarde, Schatting) else waarde


def heeft_schatting(waarden: Sequence[Any]) -> bool:
    return any(isinstance(w, Schatting) for w in waarden)


def reken(functie: Callable[[list[Any]], Any], waarden: list[Any]) -> Any:
    """Apply ``functie`` to values of which some are ranges.

    Every function we use (+, -, *, / away from zero, min, max) is monotone in each
    argument, so the extremes lie on the corners of the ranges.
    """
    hoeken = [functie(list(combinatie)) for combinatie in itertools.product(*map(grenzen, waarden))]
    laag, hoog = min(hoeken), max(hoeken)
    m = functie([midden(w) for w in waarden])
    if laag == hoog:
        return m
    schattingen = [w for w in waarden if isinstance(w, Schatting)]
    return Schatting(
        laag,
        m,
        hoog,
        frozenset().union(*(s.verfijn for s in schattingen)),
        frozenset().union(*(s.bronnen for s in schattingen)),
    )


def verbreed(waarde: Any, factor: float, bron: str) -> Any:
    """A value that may have risen by up to ``factor`` since it was last confirmed."""
    if isinstance(waarde, (list, tuple)):
        return [verbreed(w, factor, bron) for w in waarde]
    if isinstance(waarde, bool) or not isinstance(waarde, (int, float)) or factor <= 1:
        return waarde
    if waarde >= 0:
        return Schatting(float(waarde), float(waarde), waarde * factor, LEEG, frozenset([bron]))
    return Schatting(waarde * factor, float(waarde), float(waarde), LEEG, frozenset([bron]))


def vergelijk(op: str, x: Any, y: Any) -> bool | None:
    """``x op y`` for ranges: True or False when the whole range decides, else None."""
    xl, xh = grenzen(x)
    yl, yh = grenzen(y)
    match op:
        case "<":
            return True if xh < yl else False if xl >= yh else None
        case "<=":
            return True if xh <= yl else False if xl > yh else None
        case ">":
            return True if xl > yh else False if xh <= yl else None
        case ">=":
            return True if xl >= yh else False if xh < yl else None
        case "==" | "===":
            return False if xh < yl or yh < xl else None
        case "!=" | "!==":
            return True if xh < yl or yh < xl else None
    return None
