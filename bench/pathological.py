"""Pathological documents: how long one document of repeated text takes, stage by stage.

    .venv/bin/python bench/pathological.py              # 50k, 150k, 500k characters
    .venv/bin/python bench/pathological.py --sizes 50000,100000 --no-write

Two shapes that once made the places and casualties stages quadratic: a report of many
short sentences naming the same towns, and one "sentence" with no full stop naming them
over and over. Each is run in this process on one core with the default pipeline; the
table gives the wall time and the slowest stages, and the ratio of each size's time to the
smallest one's (linear work grows with the size ratio). The document time budget
(``doc_timeout_s``, default 120 s) is what bounds any document in a real run; this shows the
stages stay far inside it.
"""

from __future__ import annotations

import argparse
import os
import time

from eventwire.config import load_settings
from eventwire.pipeline.base import Pipeline
from eventwire.records import Document
from results import write_section  # bench/results.py (bench/ is on sys.path when run)

SHAPES = {
    "sentences": "Gunmen killed three villagers in Mosul and Kirkuk on Monday, police said. ",
    "no full stop": "gunmen killed villagers in Mosul and Baghdad and Kirkuk and fighting went on ",
}


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def measure(sizes: list[int]) -> list[dict[str, object]]:
    """One row per (shape, size): wall seconds, events, the three slowest stages."""
    pipeline = Pipeline.from_settings(load_settings())
    pipeline(Document(text="Gunmen attacked a checkpoint in Mosul."))  # load models first
    rows: list[dict[str, object]] = []
    for shape, unit in SHAPES.items():
        base: float | None = None
        for size in sizes:
            doc = Document(text=_text(unit, size))
            start = time.perf_counter()
            pipeline(doc)
            wall = time.perf_counter() - start
            base = base or wall
            slow = sorted(doc.timings.items(), key=lambda kv: -kv[1])[:3]
            rows.append(
                {
                    "shape": shape,
                    "chars": size,
                    "seconds": wall,
                    "ratio": wall / base,
                    "events": len(doc.events),
                    "slowest": ", ".join(f"{k.split('.')[1]} {v:.1f} s" for k, v in slow),
                }
            )
    return rows


def render(rows: list[dict[str, object]], sizes: list[int]) -> str:
    lines = [
        "Command: `.venv/bin/python bench/pathological.py`  ",
        f"One document per row, default pipeline, one process on one core "
        f"({os.cpu_count()} CPUs, shared); time ratio against the {sizes[0]:,}-character "
        "document of the same shape (linear work: the size ratio).",
        "",
        "| shape | characters | seconds | × smallest | events | slowest stages |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['shape']} | {r['chars']:,} | {r['seconds']:.1f} | {r['ratio']:.1f} "
            f"| {r['events']} | {r['slowest']} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50000,150000,500000")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    table = render(measure(sizes), sizes)
    print(table)
    if not args.no_write:
        write_section("pathological", table, "Pathological documents (issue 21)")


if __name__ == "__main__":
    main()
