"""`/events?q=` before and after the event_sentences table, over HTTP, in one run.

    python bench/text_search.py                       # 100k events, writes bench/RESULTS.md
    python bench/text_search.py --db /tmp/ew.duckdb --requests 50 --no-write

Builds (or reuses) the synthetic store of bench/api_load.py, syncs its ``event_sentences``
table, copies it, and serves both read-only with uvicorn on 127.0.0.1, one after the other:
"before" is the copy without the table, so the text filter scans every document as it did
before; "after" is the store with the table up to date. (A writable server would first
cluster the synthetic events, which takes minutes and is not what is measured here.)
Each query: 3 warm-ups, then ``--requests`` sequential requests; p50/p99 in ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from api_load import _free_port, build_store, run_scenario
from results import write_section  # bench/results.py (bench/ is on sys.path when run)

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ("killing 3", "militia", "protest", "zzzz")


def serve(db: Path, port: int, read_only: bool) -> subprocess.Popen[bytes]:
    """uvicorn over ``db`` in a child process, once /health answers."""
    code = (
        "import uvicorn; from eventwire.api.app import create_app; "
        f"uvicorn.run(create_app({str(db)!r}, read_only={read_only}), host='127.0.0.1', "
        f"port={port}, log_level='warning')"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("server did not start within 300 s")


def measure(db: Path, read_only: bool, requests: int) -> dict[str, dict[str, Any]]:
    port = _free_port()
    server = serve(db, port, read_only)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            return {q: run_scenario(client, "/events", {"q": q}, requests) for q in QUERIES}
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=50)
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "api_load.duckdb")
    ap.add_argument("--no-write", action="store_true", help="print, do not edit RESULTS.md")
    args = ap.parse_args(argv)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    build_store(args.db, args.events)
    import duckdb

    from eventwire.db import textindex

    with duckdb.connect(str(args.db)) as con:
        synced = time.perf_counter()
        added = textindex.sync(con)
        sync_s = time.perf_counter() - synced

    before_db = args.db.with_name(args.db.stem + "-scan.duckdb")
    shutil.copyfile(args.db, before_db)
    with duckdb.connect(str(before_db)) as con:
        con.execute("DROP TABLE IF EXISTS event_sentences")
        con.execute("DROP TABLE IF EXISTS event_sentences_state")
    try:
        before = measure(before_db, True, args.requests)
        after = measure(args.db, True, args.requests)
    finally:
        before_db.unlink(missing_ok=True)
    load = os.getloadavg()[0]
    command = "python bench/text_search.py" + "".join(
        f" {a}" for a in (argv if argv is not None else sys.argv[1:])
    )
    lines = [
        f"Command: `{command}` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{args.events:,} synthetic events, {args.requests} sequential requests per query "
        f"after 3 warm-ups, load average {load:.1f}"
        f"{': taken under load' if load > 1.5 else ''}); syncing the table took "
        f"{sync_s:.1f} s for {added:,} new events.",
        "",
        "| query | matched | before: scan documents p50 / p99 ms | after: event_sentences "
        "p50 / p99 ms | p99 after ÷ before |",
        "|---|---:|---:|---:|---:|",
    ]
    for q in QUERIES:
        b, a = before[q], after[q]
        same = "" if b["matched"] == a["matched"] else " (differs!)"
        lines.append(
            f"| `/events?q={q}` | {a['matched']:,}{same} | {b['p50']:.0f} / {b['p99']:.0f} | "
            f"{a['p50']:.0f} / {a['p99']:.0f} | {a['p99'] / b['p99']:.2f} |"
        )
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        write_section("textsearch", body, "Text search on /events (issue 22)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
