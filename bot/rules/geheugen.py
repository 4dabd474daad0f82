"""Bounded memo dictionaries that are safe to share between threads.

The engine remembers outcomes of pure computations (see ``Recht.geheugen``). Reading
and adding is atomic in CPython; evicting the oldest entry can race with another
thread doing the same, which must never break an evaluation.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any


def onthoud(geheugen: dict[Any, Any], sleutel: Any, waarde: Any, maximum: int) -> None:
    """Remember ``waarde``; when the memo is full, the oldest entry goes first."""
    if len(geheugen) >= maximum:
        # another thread may evict or change it at the same moment: that is fine
        with suppress(KeyError, RuntimeError, StopIteration):
            del geheugen[next(iter(geheugen))]
    geheugen[sleutel] = waarde
