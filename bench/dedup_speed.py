"""Clustering speed of one source tree: ``cluster_events`` on N synthetic report events.

Run it alternately on an old tree and this one, so the two are timed on the same machine in
the same minutes (ratios, not seconds, are what compare):

    git archive 9d1484d src bench | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old/src python bench/dedup_speed.py /tmp/old 100000
    PYTHONPATH=src python bench/dedup_speed.py . 100000

Prints the tree, N, seconds, merges, merges per second and B-cubed against the true events.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path


def main(root: str, n: int) -> None:
    sys.path.insert(0, str(Path(root) / "bench"))
    from eventwire.dedup.cluster import ReportEvent, cluster_events
    from eventwire.dedup.score import bcubed
    from synth_events import synthetic_events

    table = synthetic_events(n, seed=7)
    names = {f.name for f in dataclasses.fields(ReportEvent)}
    cols = [c for c in table.column_names if c in names]
    reports = [ReportEvent(**row) for row in table.select(cols).to_pylist()]
    truth = table.column("truth_id").to_pylist()
    t0 = time.perf_counter()
    clusters = cluster_events(reports)
    seconds = time.perf_counter() - t0
    merges = len(reports) - len(clusters)
    pred = {m: c.canonical_id for c in clusters for m in c.members}
    p, r = bcubed(pred, {e.event_id: str(t) for e, t in zip(reports, truth, strict=True)})
    print(f"{root} {n} {seconds:.2f}s {merges} merges {merges / seconds:.0f}/s B3 {p:.4f} {r:.4f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
