"""Python's garbage collector, set for a process that keeps a big catalogue in memory.

The engine keeps its catalogue and memos of outcomes for as long as the process runs:
hundreds of thousands of objects that never become garbage. Python's cyclic garbage
collector still walks all of them at every full collection, and with its default
thresholds (700, 10, 10) it does that often while the memos fill: a third of the time
of a cold evaluation went to it (``bench/engine.py``, "koud zonder gc"). So, once
everything is built at start-up:

- ``gc.freeze()`` moves what exists then (catalogue, vocabulary, search index) out of
  the collector's sight: it is never garbage;
- higher thresholds make young collections rarer and full ones much rarer. What a
  request leaves behind is still collected young; only cycles that lived long wait
  longer (the memos are bounded, so memory stays bounded too).

Process-wide, so only the app's start-up (and a benchmark that measures the engine as
the app runs it) uses it, as a context: on leaving, the old thresholds come back.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

DREMPELS = (50_000, 20, 100)
"""Allocations before a young collection; young collections before a middle one; middle
ones before a full one (Python's defaults: 700, 10, 10)."""


@contextmanager
def na_het_opstarten(drempels: tuple[int, int, int] = DREMPELS) -> Iterator[None]:
    """Freeze what exists now and raise the thresholds; undone on leaving."""
    vorige = gc.get_threshold()
    gc.collect()  # what start-up left as garbage should not be frozen
    gc.freeze()
    gc.set_threshold(*drempels)
    try:
        yield
    finally:
        gc.set_threshold(*vorige)
        gc.unfreeze()
