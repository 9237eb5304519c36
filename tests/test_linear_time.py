"""The places and casualties stages do work linear in the size of a document.

Timing belongs in benchmarks (bench/pathological.py); this checks the shape of the work
instead: the number of Python function calls the two stages make, counted with
``cProfile``, on one text and on the same text twice as long. Linear work doubles
(a ratio near 2); the quadratic scans these stages once had (every toponym compared with
every other of its sentence, every event's toll recomputed over the whole incident) gave
ratios of 3.5 and more at these sizes.
"""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Callable

import pytest

from eventwire.pipeline.base import Pipeline
from eventwire.records import Document

# the ratio allowed for doubling the input: linear is 2.0, quadratic 4.0
MAX_RATIO = 2.6
SENTENCES = "Gunmen killed three villagers in Mosul and Kirkuk on Monday, police said. "
NO_FULL_STOP = "gunmen killed villagers in Mosul and Baghdad and Kirkuk and the fighting went on "


def _calls(stage: Callable[[Document], Document], doc: Document) -> int:
    """Function calls (Python and C) a stage makes on a document, counted by cProfile."""
    profile = cProfile.Profile()
    profile.runcall(stage, doc)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]  # {func: (cc, nc, ...)}
    return sum(entry[1] for entry in stats.values())


def _stage_calls(pipeline: Pipeline, text: str) -> dict[str, int]:
    """Calls made by the places and casualties stages on ``text``."""
    doc = Document(text=text)
    counts: dict[str, int] = {}
    for stage in pipeline.stages:
        short = stage.name.split(".")[1]
        if short in {"places", "casualties"}:
            counts[short] = _calls(stage, doc)
        else:
            stage(doc)
    return counts


@pytest.mark.parametrize(
    ("unit", "size"),
    [(SENTENCES, 4_000), (NO_FULL_STOP, 4_000)],
    ids=["many-sentences", "no-full-stop"],
)
def test_places_and_casualties_work_grows_linearly(
    pipeline: Pipeline, unit: str, size: int
) -> None:
    def text(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    small, large = _stage_calls(pipeline, text(size)), _stage_calls(pipeline, text(2 * size))
    for stage in ("places", "casualties"):
        assert small[stage] > 0
        ratio = large[stage] / small[stage]
        assert ratio < MAX_RATIO, f"{stage}: {small[stage]} -> {large[stage]} calls ({ratio:.2f}x)"
