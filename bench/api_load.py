"""Bounded load test of the HTTP API on loopback: p50/p99 latency of /events with filters.

Builds (or reuses) a store of synthetic events (default 100k), starts ``uvicorn`` on
127.0.0.1 in a child process, sends a fixed number of sequential requests per scenario
with httpx and writes a table into bench/RESULTS.md between ``<!-- api:start -->`` and
``<!-- api:end -->`` (the section is created if absent; other sections are untouched).

    .venv/bin/python bench/api_load.py [--events 100000] [--requests 100] [--browser] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from results import write_section  # bench/results.py (bench/ is on sys.path when run)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"

SCENARIOS: list[tuple[str, str, dict[str, Any]]] = [
    ("events: first page, no filter", "/events", {}),
    ("events: type", "/events", {"type": "ASSAULT"}),
    (
        "events: country + year",
        "/events",
        {"country": "IQ", "start": "2024-01-01", "end": "2024-12-31"},
    ),
    ("events: bbox + type", "/events", {"bbox": "40,30,45,37", "type": "COERCE,PROTEST"}),
    ("events: actor contains", "/events", {"actor": "militia"}),
    ("events: sentence text", "/events", {"q": "killing 3"}),
    ("events: speaker + modality", "/events", {"speaker": "governor", "modality": "asserted"}),
    ("events: deep page (offset 50k)", "/events", {"offset": 50000}),
    ("events: GeoJSON, type", "/events", {"type": "PROTEST", "format": "geojson"}),
    ("stats (dashboard aggregates)", "/stats", {}),
    ("stats: type + country", "/stats", {"type": "ASSAULT", "country": "SY"}),
    ("map: world, zoom 2 (grid)", "/map", {"zoom": 2}),
    ("map: bbox zoom 7", "/map", {"zoom": 7, "bbox": "42,32,45,35"}),
]


def build_store(db: Path, n_events: int) -> float:
    """Write synthetic documents until the store holds ``n_events``; return seconds."""
    from eventwire.db.store import Store
    from synth_docs import iter_synthetic_documents

    started = time.perf_counter()
    with Store.open(db) as store:
        have = store.counts()["events"]
        if have >= n_events:
            return 0.0
        batch: list[Any] = []
        total = have
        for doc in iter_synthetic_documents(10**9, seed=42 + have):
            batch.append(doc)
            total += len(doc.events)
            if len(batch) >= 2000 or total >= n_events:
                store.write_batch(batch, [])
                batch = []
            if total >= n_events:
                break
    return time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = (
        "import uvicorn; from eventwire.api.app import create_app; "
        f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, "
        "log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start within 60 s")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def run_scenario(client: httpx.Client, path: str, params: dict[str, Any], n: int) -> dict[str, Any]:
    params = {"limit": 100, **params} if path == "/events" else params
    for _ in range(3):  # warm-up
        client.get(path, params=params).raise_for_status()
    times: list[float] = []
    total = None
    for _ in range(n):
        t0 = time.perf_counter()
        response = client.get(path, params=params)
        times.append((time.perf_counter() - t0) * 1000)
        response.raise_for_status()
        body = response.json()
        total = body.get("total")
    return {
        "p50": pct(times, 50),
        "p99": pct(times, 99),
        "mean": statistics.fmean(times),
        "n": n,
        "matched": total,
    }


def concurrent_rate(base: str, n: int, workers: int) -> tuple[float, float]:
    """Requests/s and p99 (ms) of filtered /events with ``workers`` concurrent clients."""
    params = {"type": "ASSAULT", "country": "IQ", "limit": 100}
    times: list[float] = []

    def one(_: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(n // workers):
                t0 = time.perf_counter()
                client.get("/events", params=params).raise_for_status()
                times.append((time.perf_counter() - t0) * 1000)

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, range(workers)))
    return len(times) / (time.perf_counter() - started), pct(times, 99)


def browser_timings(base: str, runs: int = 3) -> tuple[list[float], float] | None:
    """Seconds from navigation to a drawn dashboard, and for a type filter to redraw it."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select, WebDriverWait
    except ImportError:
        return None
    if not (Path("/usr/bin/chromium").is_file() and Path("/usr/bin/chromedriver").is_file()):
        return None
    import tempfile

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--window-size=1400,1300",
        f"--user-data-dir={tempfile.mkdtemp(prefix='ew-bench-')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(
        service=Service(executable_path="/usr/bin/chromedriver"), options=options
    )
    ready = (
        "return document.body.dataset.ready === '1' && "
        "document.querySelectorAll('path.ew-cell, path.ew-marker').length > 0"
    )
    try:
        loads = []
        for _ in range(runs):
            t0 = time.perf_counter()
            driver.get(base + "/")
            WebDriverWait(driver, 120).until(lambda d: d.execute_script(ready))
            loads.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        Select(driver.find_element(By.ID, "f-type")).select_by_value("PROTEST")
        WebDriverWait(driver, 120).until(
            lambda d: d.execute_script(
                "return [...document.querySelectorAll('#events tbody tr')]"
                ".every(r => r.dataset.type === 'PROTEST') && "
                "document.getElementById('timeline').dataset.types === 'PROTEST'"
            )
        )
        return loads, time.perf_counter() - t0
    finally:
        driver.quit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100, help="per scenario")
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "api_load.duckdb")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument(
        "--browser",
        action="store_true",
        help="also time the dashboard in headless chromium (if installed)",
    )
    args = parser.parse_args(argv)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    build_s = build_store(args.db, args.events)
    port = _free_port()
    server = start_server(args.db, port)
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            n_events = client.get("/health").json()["events"]
            for name, path, params in SCENARIOS:
                result = run_scenario(client, path, params, args.requests)
                rows.append((name, path, params, result))
                print(
                    f"{name:38s} p50 {result['p50']:7.1f} ms  p99 {result['p99']:7.1f} ms",
                    file=sys.stderr,
                )
        rate, rate_p99 = concurrent_rate(base, 4 * args.requests, 4)
        ui = browser_timings(base) if args.browser else None
    finally:
        server.terminate()
        server.wait(timeout=20)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        f"Command: `.venv/bin/python bench/api_load.py --events {args.events} "
        f"--requests {args.requests}{' --browser' if args.browser else ''}` — "
        f"{n_events:,} synthetic events in DuckDB, uvicorn (one "
        f"process) on 127.0.0.1, sequential httpx requests after 3 warm-ups; page size 100. "
        f"Python {platform.python_version()}, {os.cpu_count()} cores, load average "
        f"{load:.1f} at the end (shared machine)."
        + (f" Store built in {build_s:.0f} s." if build_s else ""),
        "",
        "| scenario | request | matched | p50 ms | p99 ms | mean ms |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, path, params, r in rows:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        request = path + (f"?{query}" if query else "")
        matched = "" if r["matched"] is None else f"{r['matched']:,}"
        lines.append(
            f"| {name} | `{request}` | {matched} | {r['p50']:.1f} | {r['p99']:.1f} | "
            f"{r['mean']:.1f} |"
        )
    lines += [
        "",
        f"4 concurrent clients, `/events?type=ASSAULT&country=IQ`: {rate:.0f} requests/s, "
        f"p99 {rate_p99:.0f} ms.",
    ]
    if ui is not None:
        loads, refresh = ui
        lines.append(
            "Dashboard in headless chromium (`--browser`): navigation to drawn map/table/timeline "
            f"{', '.join(f'{t:.1f}' for t in loads)} s (3 loads); type filter to redrawn "
            f"table, timeline, map and network {refresh:.1f} s."
        )
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section("api", text, "HTTP API and dashboard")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
