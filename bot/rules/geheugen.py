"""Bounded memo dictionaries that are safe to share between threads.

The engine remembers outcomes of pure computations (see ``Recht.geheugen``). Reading
and adding is atomic in CPython; evicting old entries can race with another thread doing
the same, which must never break an evaluation.
"""

from __future__ import annotations

from contextlib import suppress
from itertools import islice
from typing import Any

_DEEL = 8
"""When a memo is full, its oldest 1/8 goes at once. One at a time costs more when every
lookup misses (screening many households): finding the oldest entry of a dict that had
entries removed from its front walks over the gaps they left."""


def onthoud(geheugen: dict[Any, Any], sleutel: Any, waarde: Any, maximum: int) -> None:
    """Remember ``waarde``; when the memo is full, the oldest entries go first."""
    if len(geheugen) >= maximum:
        # another thread may evict or change it at the same moment: that is fine
        with suppress(RuntimeError):
            for oud in list(islice(geheugen, max(1, maximum // _DEEL))):
                geheugen.pop(oud, None)
    geheugen[sleutel] = waarde
