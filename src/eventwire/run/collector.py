"""How often Python's cyclic garbage collector runs while a run codes documents.

Coding a document allocates hundreds of thousands of container objects (spaCy tokens,
matches, records), nearly all freed at once by reference counting. With CPython's
default thresholds (700, 10, 10) the collector still starts a young-generation pass
every 700 net allocations and, every hundred of those, a full pass over every object
the process holds: the model, the lexicons, the gazetteer's caches. On the BBC corpus
that was ~4% of a one-worker run's CPU (3.6 of 83 s). :data:`RUN_THRESHOLDS` makes the
young generation 10,000 objects, so each pass finds more garbage per object examined
and the full passes become rare; cyclic garbage is still collected, only later.

:func:`run_thresholds` sets them for a block and restores the caller's afterwards (the
serial executor, inside the caller's process); :func:`use_run_thresholds` sets them for
the rest of a process's life (a pool worker, a Ray actor). Collection never changes what
a run outputs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["RUN_THRESHOLDS", "run_thresholds", "use_run_thresholds"]

RUN_THRESHOLDS = (10_000, 10, 10)  # gc.set_threshold's (generation 0, 1, 2) while coding


def use_run_thresholds() -> None:
    """Collect as :data:`RUN_THRESHOLDS` says from now on, unless the process already
    collects less often (or never: a threshold of 0 switches collection off)."""
    current = gc.get_threshold()
    if current[0] == 0 or current[0] >= RUN_THRESHOLDS[0]:
        return  # the user's own choice (or an earlier call) stands
    gc.set_threshold(*RUN_THRESHOLDS)


@contextmanager
def run_thresholds() -> Iterator[None]:
    """:func:`use_run_thresholds` for the block, then the thresholds it found."""
    previous = gc.get_threshold()
    use_run_thresholds()
    try:
        yield
    finally:
        gc.set_threshold(*previous)
