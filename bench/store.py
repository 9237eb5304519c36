"""Store benchmarks: clustering, partitioned Parquet export, filtered queries.

    .venv/bin/python bench/store.py                       # 100k clustering, 1M export/query
    .venv/bin/python bench/store.py --cluster-n 20000 --n 100000 --no-write   # quick look

1. Clustering time of N synthetic report events (synth_events: 1–4 reports per true
   event), with B-cubed precision/recall against the true events, and the time to add 1%
   new reports incrementally.
2. Export of M synthetic events to Parquet partitioned by month.
3. A filtered query (30-day range + 5°x5° bbox + one PLOVER type) over M events through the
   Python API (``EventStore.events`` → Arrow), p50/p95 over repeated random queries.
Writes its figures into bench/RESULTS.md between ``<!-- store:start -->`` and
``<!-- store:end -->`` (other sections untouched).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pyarrow.compute as pc

from eventwire.client import EventStore
from eventwire.db.exports import write_parquet
from eventwire.db.filters import EventFilter
from eventwire.db.store import Store
from eventwire.dedup.cluster import cluster_store
from results import write_section  # bench/results.py (bench/ is on sys.path when run)
from synth_events import COUNTRIES, TYPES, insert_synthetic, synthetic_events

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def bcubed(pred: dict[str, str], truth: dict[str, int]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering against the true events."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_true: dict[int, set[str]] = defaultdict(set)
    for item, cluster in pred.items():
        by_pred[cluster].add(item)
        by_true[truth[item]].add(item)
    p = r = 0.0
    for item, cluster in pred.items():
        mine, real = by_pred[cluster], by_true[truth[item]]
        both = len(mine & real)
        p += both / len(mine)
        r += both / len(real)
    return p / len(pred), r / len(pred)


def bench_cluster(n: int, workdir: Path) -> dict[str, float]:
    table = synthetic_events(n, seed=11)
    truth = dict(
        zip(table.column("event_id").to_pylist(), table.column("truth_id").to_pylist(), strict=True)
    )
    extra = max(1, n // 100)
    first, rest = table.slice(0, n - extra), table.slice(n - extra)
    with Store.open(workdir / "cluster.duckdb") as store:
        insert_synthetic(store.con, first)
        started = time.perf_counter()
        summary = cluster_store(store)
        full = time.perf_counter() - started
        insert_synthetic(store.con, rest)
        started = time.perf_counter()
        incremental = cluster_store(store)
        inc = time.perf_counter() - started
        pred = dict(
            store.con.execute("SELECT event_id, canonical_id FROM canonical_members").fetchall()
        )
        canonical = store.counts()["canonical_events"]
    precision, recall = bcubed(pred, {k: truth[k] for k in pred})
    n_true = len(set(truth.values()))
    return {
        "n": n - extra,
        "seconds": full,
        "per_s": (n - extra) / full,
        "canonical": canonical,
        "true_events": n_true,
        "precision": precision,
        "recall": recall,
        "inc_n": extra,
        "inc_seconds": inc,
        "inc_components": incremental.components,
        "components": summary.components,
    }


def bench_export_query(n: int, workdir: Path, queries: int) -> dict[str, float]:
    path = workdir / "big.duckdb"
    table = synthetic_events(n, seed=5)
    started = time.perf_counter()
    with Store.open(path) as store:
        step = 250_000
        for offset in range(0, n, step):
            insert_synthetic(store.con, table.slice(offset, step))
        store.con.execute("CHECKPOINT")
    load = time.perf_counter() - started
    del table
    out = workdir / "parquet"
    with Store.open(path, read_only=True) as store:
        started = time.perf_counter()
        rows = write_parquet(store, "report", EventFilter(), out, partition=True)
        export = time.perf_counter() - started
    size = sum(f.stat().st_size for f in out.rglob("*.parquet"))
    partitions = sum(1 for _ in out.iterdir())

    before = query_timings(path, queries)
    started = time.perf_counter()
    with Store.open(path) as store:
        store.compact()
    compact = time.perf_counter() - started
    after = query_timings(path, queries)
    return {
        "n": rows,
        "load_s": load,
        "export_s": export,
        "export_rows_s": rows / export,
        "parquet_mb": size / 1e6,
        "partitions": partitions,
        "queries": queries,
        "compact_s": compact,
        **{f"{k}_unsorted": v for k, v in before.items()},
        **after,
    }


def query_timings(path: Path, queries: int) -> dict[str, float]:
    """Random time range + bbox + type queries through the Python API; p50/p95 in ms."""
    rng = random.Random(3)
    types = sorted({t[0] for t in TYPES})
    timings: list[float] = []
    hits: list[int] = []
    with EventStore(Store.open(path, read_only=True)) as events:
        events.events(type="ASSAULT", since="2023-01-01", until="2023-01-02")  # warm up
        for _ in range(queries):
            since = date(2023, 1, 1) + timedelta(days=rng.randrange(700))
            _, clat, clon = rng.choice(COUNTRIES)  # a box somewhere near the reported places
            lat, lon = clat + rng.uniform(-4, -1), clon + rng.uniform(-4, -1)
            flt = {
                "since": since,
                "until": since + timedelta(days=30),
                "type": rng.choice(types),
                "bbox": (lon, lat, lon + 5, lat + 5),
            }
            started = time.perf_counter()
            result = events.events(**flt)
            timings.append(time.perf_counter() - started)
            hits.append(result.num_rows)
            assert pc.all(pc.equal(result.column("plover_type"), flt["type"])).as_py() in (
                True,
                None,
            )
    timings.sort()
    return {
        "p50_ms": 1000 * statistics.median(timings),
        "p95_ms": 1000 * timings[int(0.95 * (len(timings) - 1))],
        "max_ms": 1000 * timings[-1],
        "mean_hits": statistics.mean(hits),
    }


def report(c: dict[str, float], e: dict[str, float], command: str) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return "\n".join(
        [
            "## Store: deduplication, export, queries (bench/store.py)",
            "",
            f"Command: `{command}` — {date.today().isoformat()}, Python "
            f"{platform.python_version()}, {os.cpu_count()} CPUs, load average {load:.1f} at the "
            "end (shared machine: other jobs ran alongside).",
            "",
            "| measure | result |",
            "|---|---|",
            f"| clustering {c['n']:,.0f} synthetic report events (one pass, empty store) | "
            f"{c['seconds']:.1f} s ({c['per_s']:,.0f} events/s); {c['canonical']:,.0f} canonical "
            f"events for {c['true_events']:,.0f} true events |",
            f"| clustering quality vs the true events (B-cubed) | precision {c['precision']:.3f}, "
            f"recall {c['recall']:.3f} |",
            f"| incremental: {c['inc_n']:,.0f} more reports into that store | "
            f"{c['inc_seconds']:.2f} s ({c['inc_components']:,.0f} components reclustered) |",
            f"| loading {e['n']:,.0f} synthetic events into the store (Arrow → DuckDB, indexes) | "
            f"{e['load_s']:.1f} s |",
            f"| export of {e['n']:,.0f} events to Parquet partitioned by month | "
            f"{e['export_s']:.1f} s ({e['export_rows_s']:,.0f} rows/s), {e['partitions']:.0f} "
            f"partitions, {e['parquet_mb']:.0f} MB |",
            f"| filtered query over {e['n']:,.0f} events as inserted (random date order; 30-day "
            f"range + 5°×5° bbox + type, `EventStore.events` → Arrow), {e['queries']:.0f} random "
            f"queries | p50 {e['p50_ms_unsorted']:.1f} ms, p95 {e['p95_ms_unsorted']:.1f} ms, max "
            f"{e['max_ms_unsorted']:.1f} ms |",
            f"| `Store.compact()` (rewrite {e['n']:,.0f} events in date order) | "
            f"{e['compact_s']:.1f} s |",
            f"| the same queries after `compact()` | p50 {e['p50_ms']:.1f} ms, **p95 "
            f"{e['p95_ms']:.1f} ms**, max {e['max_ms']:.1f} ms ({e['mean_hits']:.0f} rows on "
            "average) |",
            "",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cluster-n", type=int, default=100_000)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--no-write", action="store_true", help="print, leave RESULTS.md")
    args = parser.parse_args()
    command = "python " + " ".join(["bench/store.py", *sys.argv[1:]])
    workdir = Path(tempfile.mkdtemp(prefix="ew-bench-"))
    try:
        c = bench_cluster(args.cluster_n, workdir)
        print(c, file=sys.stderr)
        e = bench_export_query(args.n, workdir, args.queries)
        print(e, file=sys.stderr)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    section = report(c, e, command)
    print(section)
    if not args.no_write:
        write_section("store", section, "Store, deduplication and export")
    return 0


if __name__ == "__main__":
    sys.exit(main())
