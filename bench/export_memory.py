"""Peak memory (max RSS) of ``eventwire export`` on a synthetic store, one subprocess a format.

    .venv/bin/python bench/export_memory.py                      # 100k events, parquet file + dir
    .venv/bin/python bench/export_memory.py --n 20000 --formats parquet,csv,jsonl

Builds a store of N synthetic report events (bench/synth_events.py) once (kept under
``--work``), then runs ``python -m eventwire export`` under ``/usr/bin/time -f %M`` for each
format and prints the peak resident set size in MB and the wall time. The eventwire it runs is
the one on ``PYTHONPATH`` (so the same script measures two trees). Prints only; writes no file
besides the store and the exports in ``--work``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# format name -> (--format, output name, extra options)
RUNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "parquet": ("parquet", "events.parquet", ()),
    "parquet-dir": ("parquet", "events_dir", ("--partition", "month")),
    "jsonl": ("jsonl", "events.jsonl", ()),
    "csv": ("csv", "events.csv", ()),
    "acled-csv": ("acled-csv", "events.acled.csv", ()),
    "geojson": ("geojson", "events.geojson", ()),
}


def build_store(path: Path, n: int) -> None:
    """A store with ``n`` synthetic report events (skipped when it exists)."""
    if path.exists():
        return
    from eventwire.db.store import Store
    from synth_events import insert_synthetic, synthetic_events

    with Store.open(path) as store:
        insert_synthetic(store.con, synthetic_events(n, seed=1, start=date(2023, 1, 1)))


def measure(db: Path, work: Path, name: str) -> tuple[float, float]:
    """Peak RSS (MB) and wall seconds of one export subprocess."""
    fmt, out, extra = RUNS[name]
    stats = work / f"{name}.time"
    cmd = ["/usr/bin/time", "-f", "%M", "-o", str(stats), sys.executable, "-m", "eventwire"]
    cmd += ["export", "--db", str(db), "--format", fmt, "-o", str(work / out), *extra]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=dict(os.environ), capture_output=True)
    wall = time.perf_counter() - start
    kb = int(stats.read_text().split()[-1])
    return kb / 1024, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="synthetic events")
    parser.add_argument("--formats", default="parquet,parquet-dir", help=",".join(RUNS))
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "ew-expmem")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / f"synth-{args.n}.duckdb"
    build_store(db, args.n)
    for name in args.formats.split(","):
        mb, wall = measure(db, args.work, name)
        print(f"{name:12s} n={args.n:>8}  peak RSS {mb:7.1f} MB  wall {wall:6.1f} s", flush=True)


if __name__ == "__main__":
    main()
