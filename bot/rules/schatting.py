"""A value known only within a range: an estimated income, or a limit that may have been
indexed since its newest known value.

A comparison with a :class:`Schatting` is true or false only when the whole range
is on one side; otherwise it is unknown. So an estimate never turns a case near a
limit into a "niet": the engine says "mogelijk" and what could settle it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

LEEG: frozenset[str] = frozenset()

INKOMEN = "inkomen"
"""Label of a range that comes from the income estimate of the vocabulary."""


class Schatting:
    """A range [laag, hoog] with a best guess ``midden``. Immutable by convention; a plain
    slotted class because the engine makes many of them (a dataclass is slower to build).

    ``verfijn``: unanswered attributes that would narrow the range (the kind of income,
    the income on the tax bill). ``bronnen``: where the uncertainty comes from
    (``inkomen`` or ``param:<naam>``). ``midden`` is shown in an amount, never used to
    decide a condition.
    """

    __slots__ = ("laag", "midden", "hoog", "verfijn", "bronnen")

    def __init__(
        self,
        laag: float,
        midden: float,
        hoog: float,
        verfijn: frozenset[str] = LEEG,
        bronnen: frozenset[str] = LEEG,
    ):
        self.laag = laag
        self.midden = midden
        self.hoog = hoog
        self.verfijn = verfijn
        self.bronnen = bronnen

    def _sleutel(self) -> tuple[Any, ...]:
        return (self.laag, self.midden, self.hoog, self.verfijn, self.bronnen)

    def __eq__(self, ander: object) -> bool:
        return isinstance(ander, Schatting) and self._sleutel() == ander._sleutel()

    def __hash__(self) -> int:
        return hash(self._sleutel())

    def __repr__(self) -> str:
        return f"Schatting({self.laag}, {self.midden}, {self.hoog})"


def grenzen(waarde: Any) -> tuple[float, float]:
    if type(waarde) is Schatting:
        return waarde.laag, waarde.hoog
    return float(waarde), float(waarde)


def midden(waarde: Any) -> Any:
    return waarde.midden if isinstance(waarde, Schatting) else waarde


def reken(symbool: str, functie: Callable[[list[Any]], Any], waarden: list[Any]) -> Any:
    """Apply ``functie`` (the operator ``symbool``) to values of which some are ranges.

    Every function we use (+, -, *, / away from zero, min, max) is monotone in each
    argument, so the extremes lie on the corners of the ranges. For + and - (and min and
    max) that is the sum of the low ends and of the high ends.
    """
    if symbool in ("+", "min", "max"):
        laag = functie([grenzen(w)[0] for w in waarden])
        hoog = functie([grenzen(w)[1] for w in waarden])
    elif symbool == "-" and len(waarden) == 2:
        (al, ah), (bl, bh) = grenzen(waarden[0]), grenzen(waarden[1])
        laag, hoog = float(al) - float(bh), float(ah) - float(bl)
    else:
        hoeken = [functie(list(c)) for c in itertools.product(*map(grenzen, waarden))]
        laag, hoog = min(hoeken), max(hoeken)
    m = functie([midden(w) for w in waarden])
    if laag == hoog:
        return m
    schattingen = [w for w in waarden if isinstance(w, Schatting)]
    if len(schattingen) == 1:
        return Schatting(laag, m, hoog, schattingen[0].verfijn, schattingen[0].bronnen)
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
