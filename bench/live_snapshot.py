"""Live store: how a reader beside ``eventwire serve`` gets a consistent copy of the store.

    .venv/bin/python bench/live_snapshot.py              # 200k synthetic events
    .venv/bin/python bench/live_snapshot.py --n 20000    # quick look

While the server holds the DuckDB file read-write no other process can open it (not even
``read_only``: measured first, below). The snapshot the server makes for a reader is timed
three ways on the same store, in this process, best of three:

1. ``CHECKPOINT`` + copy of the file (:func:`eventwire.db.live.make_snapshot`, what the
   server does),
2. ``ATTACH`` a new file + ``COPY FROM DATABASE`` (DuckDB rewrites every table),
3. ``EXPORT DATABASE`` to Parquet + ``IMPORT DATABASE`` into the reader's memory.

Ratios are against (1). Writes its figures between ``<!-- live:start -->`` and
``<!-- live:end -->`` of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from eventwire.db import live
from eventwire.db.store import Store
from results import write_section  # bench/results.py (bench/ is on sys.path when run)
from synth_events import insert_synthetic, synthetic_events

_OTHER = """
import duckdb, sys
try:
    duckdb.connect(sys.argv[1], read_only=True).close(); print("opened")
except duckdb.IOException as exc:
    print("refused (" + str(exc).split(chr(34))[0].strip() + ")")
"""


def best(fn: Callable[[], None], reset: Callable[[], None], repeat: int = 3) -> float:
    """Best wall time of ``fn`` (``reset`` runs before each try, untimed)."""
    times = []
    for _ in range(repeat):
        reset()
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=200_000, help="synthetic events")
    parser.add_argument("--no-write", action="store_true", help="print, do not edit RESULTS.md")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ew-live-"))
    try:
        body = run(work, args.n)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(body)
    if not args.no_write:
        write_section("live", body, heading="Live store: snapshots beside a running server")


def run(work: Path, n: int) -> str:
    db = work / "live.duckdb"
    with Store.open(db) as store:
        insert_synthetic(store.con, synthetic_events(n))
    con = duckdb.connect(str(db))  # the server's connection
    other = subprocess.run(
        [sys.executable, "-c", _OTHER, str(db)], capture_output=True, text=True, check=True
    ).stdout.strip()
    name = con.execute("SELECT current_database()").fetchall()[0][0]
    target = work / "copy.duckdb"
    lock = threading.Lock()

    def reset() -> None:
        for path in (target, Path(f"{target}.wal")):
            path.unlink(missing_ok=True)
        shutil.rmtree(work / "export", ignore_errors=True)
        shutil.rmtree(live.snapshot_dir(db), ignore_errors=True)

    def copy_database() -> None:
        con.execute(f"ATTACH '{target}' AS snap")
        con.execute(f"COPY FROM DATABASE {name} TO snap")
        con.execute("DETACH snap")

    def export_import() -> None:
        con.execute(f"EXPORT DATABASE '{work / 'export'}' (FORMAT parquet)")
        reader = duckdb.connect()
        reader.execute(f"IMPORT DATABASE '{work / 'export'}'")
        reader.close()

    times = {
        "CHECKPOINT + file copy (make_snapshot)": best(
            lambda: live.make_snapshot(con, db, lock, writable=True), reset
        ),
        "COPY FROM DATABASE into a new file": best(copy_database, reset),
        "EXPORT DATABASE (Parquet) + IMPORT in the reader": best(export_import, reset, 1),
    }
    con.close()
    base = times["CHECKPOINT + file copy (make_snapshot)"]
    size = db.stat().st_size / 2**20
    cpu = platform.processor() or platform.machine()
    lines = [
        f"{n:,} synthetic events, store {size:.0f} MiB; {cpu}"
        ", a machine shared with other jobs (noisy: rerun on an idle one). Command: "
        f"`python bench/live_snapshot.py --n {n}`.",
        "",
        f"A second process opening the store read-only while the server holds it: {other}.",
        "",
        "| snapshot method | seconds | × file copy |",
        "|---|---:|---:|",
    ]
    lines += [f"| {k} | {v:.3f} | {v / base:.0f} |" for k, v in times.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
