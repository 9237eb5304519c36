"""One writer, many readers: the CLI beside a running ``eventwire serve`` (real processes).

A real server owns a store; real CLI processes then process new reports through it (their
events appear in ``GET /events``), read it (stats, ledger, check, every export format and
level from a server-made snapshot), and, once the server is killed with SIGKILL, see its
stale discovery file and open the store directly. ``eventwire demo`` uses its own store
and never deletes one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from eventwire.cli.store_access import _batches
from eventwire.db import live

REPORTS = {
    "harbour.txt": "Militants fired mortars at the harbour in Kismayo on Sunday, killing two dock "
    "workers and wounding five others, the port manager said.",
    "market.txt": "Soldiers clashed with an armed group near the cattle market in Baidoa on "
    "Monday; residents said three fighters died in the exchange of fire.",
}
NEW_REPORTS = [
    {
        "id": "n1",
        "published": "2025-04-02",
        "text": "A roadside bomb hit a police truck on the main road out of the town on "
        "Tuesday and four officers were killed, a regional official told reporters.",
    },
    {
        "id": "n2",
        "published": "2025-04-03",
        "text": "Gunmen stormed a village school near Jowhar on Wednesday and abducted two "
        "teachers, elders in the area said.",
    },
    {"id": "n3", "text": "too short"},  # the reader skips it: a ledger row all the same
]


def _env() -> dict[str, str]:
    drop = ("EVENTWIRE_", "no_proxy", "NO_PROXY")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    # a proxy that answers nothing: the CLI must talk to its server directly, never through
    # $HTTP_PROXY (its requests carry the server's token)
    env["http_proxy"] = env["HTTP_PROXY"] = "http://127.0.0.1:9"
    return env


def cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m eventwire ARGS`` in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "eventwire", *args],
        capture_output=True,
        text=True,
        env=env or _env(),
        cwd=cwd,
        timeout=180,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def start_server(db: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    """``eventwire serve`` on a free loopback port; returns once /health answers and the
    discovery file is there."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port), *extra],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            if _get(url + "/health")["status"] == "ok" and live.discovery_path(db).exists():
                return proc, url
        except OSError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise AssertionError("serve did not answer /health within 60 s")


def stop(proc: subprocess.Popen[str], sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with two reports, coded directly (no server yet)."""
    root = tmp_path_factory.mktemp("live")
    reports = root / "reports"
    reports.mkdir()
    for name, text in REPORTS.items():
        (reports / name).write_text(text, encoding="utf-8")
    db = root / "seed.duckdb"
    done = cli("process", str(reports), "--db", str(db), "--published", "2025-03-01", "-q")
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="module")
def served(seeded: Path) -> Iterator[tuple[Path, str]]:
    db = seeded.with_name("served.duckdb")
    shutil.copyfile(seeded, db)
    proc, url = start_server(db)
    try:
        yield db, url
    finally:
        stop(proc)


def test_process_beside_the_server_writes_through_it(
    served: tuple[Path, str], tmp_path: Path
) -> None:
    db, url = served
    feed = tmp_path / "new.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in NEW_REPORTS), encoding="utf-8")
    before = _get(url + "/events?scope=all&limit=500")["total"]

    done = cli("process", str(feed), "--db", str(db), "--batch-size", "2")
    assert done.returncode == 0, done.stderr
    pid = json.loads(live.discovery_path(db).read_text())["pid"]
    assert f"store is served by pid {pid} at {url}: writing through the server" in done.stderr
    assert "2 processed, 1 skipped, 0 rejected, 0 failed" in done.stderr

    events = _get(url + "/events?scope=all&limit=500")
    assert events["total"] > before
    for word in ("roadside", "teachers"):  # each new report's events, through the server
        assert _get(f"{url}/events?scope=all&text={word}")["total"] >= 1, word
    ledger = cli("ledger", "--db", str(db), "--format", "jsonl")
    assert ledger.returncode == 0, ledger.stderr
    rows = {r["input"]: r for r in map(json.loads, ledger.stdout.splitlines())}
    # the ledger names the real input, as a direct run would; every input has its row
    assert {f"{feed}#n1", f"{feed}#n2", f"{feed}#n3"} <= set(rows)
    assert rows[f"{feed}#n3"]["status"] == "skipped"

    again = cli("process", str(feed), "--db", str(db))  # idempotent through the server too
    assert again.returncode == 0, again.stderr
    assert "3 already in the ledger" in again.stderr
    assert _get(url + "/events?scope=all&limit=500")["total"] == events["total"]

    # re-coding stored documents rewrites them and their reviews: only without a server
    recode = cli("process", "--reprocess", "--db", str(db))
    assert recode.returncode == 1 and "EW-DB-045" in recode.stderr, recode.stderr
    assert _get(url + "/events?scope=all&limit=500")["total"] == events["total"]


# Runs CLI commands one after another in ONE process (its own, beside the server's): every
# export format and level plus stats/ledger/check would cost a dozen interpreter starts.
_MANY = """
import json, sys
from typer.testing import CliRunner
from eventwire.cli import app
out = []
for args in json.loads(sys.argv[1]):
    r = CliRunner().invoke(app, args)
    out.append({"args": args, "code": r.exit_code, "stdout": r.stdout, "stderr": r.stderr})
print(json.dumps(out))
"""


def test_reads_and_every_export_beside_the_server(served: tuple[Path, str], tmp_path: Path) -> None:
    db, url = served
    total = _get(url + "/events?scope=all&limit=500")["total"]
    commands: list[list[str]] = []
    for level in ("report", "canonical"):
        for fmt in ("jsonl", "csv", "acled-csv", "geojson", "parquet"):
            out = tmp_path / f"{level}.{fmt}"
            commands.append(
                ["export", "--db", str(db), "--format", fmt, "--level", level, "-o", str(out)]
            )
        commands.append(["stats", "--db", str(db), "--scope", "all", "--level", level])
    commands += [["ledger", "--db", str(db)], ["check", "--db", str(db)]]
    ran = subprocess.run(
        [sys.executable, "-c", _MANY, json.dumps(commands)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=300,
    )
    assert ran.returncode == 0, ran.stderr
    for result in json.loads(ran.stdout):
        assert result["code"] == 0, result
        assert "reading a snapshot the server made" in result["stderr"], result
    for path in tmp_path.iterdir():
        assert path.stat().st_size > 0, path
    assert len((tmp_path / "report.jsonl").read_text().splitlines()) == total
    # and once through the console entry point itself
    done = cli("export", "--db", str(db), "--format", "acled-csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("event_id_cnty")
    assert not any(Path(live.snapshot_dir(db)).iterdir())  # each reader removed its copy


def test_clean_stop_withdraws_and_sigkill_leaves_a_stale_file(seeded: Path) -> None:
    db = seeded.with_name("killed.duckdb")
    shutil.copyfile(seeded, db)
    discovery = live.discovery_path(db)

    proc, _ = start_server(db)
    assert discovery.stat().st_mode & 0o777 == 0o600
    stop(proc, signal.SIGTERM)
    assert not discovery.exists()

    proc, _ = start_server(db, "--read-only")
    refused = cli("process", str(seeded.parent / "reports"), "--db", str(db))
    assert refused.returncode == 1 and "EW-DB-043" in refused.stderr
    stop(proc, signal.SIGKILL)
    assert discovery.exists()  # nothing could remove it

    done = cli("ledger", "--db", str(db), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert f"server pid {proc.pid} is not running; opening the store directly" in done.stderr
    assert len(done.stdout.splitlines()) == len(REPORTS)
    assert not discovery.exists()


def test_demo_never_deletes_an_existing_store(seeded: Path, tmp_path: Path) -> None:
    user_store = tmp_path / "eventwire.duckdb"
    shutil.copyfile(seeded, user_store)
    digest = hashlib.sha256(user_store.read_bytes()).hexdigest()
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "one.txt").write_text(REPORTS["harbour.txt"], encoding="utf-8")
    env = dict(_env(), EVENTWIRE_DB=str(user_store))

    first = cli("demo", "--reports", str(reports), "--no-serve", cwd=tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    demo_store = tmp_path / "eventwire-demo.duckdb"
    assert demo_store.exists()
    assert hashlib.sha256(user_store.read_bytes()).hexdigest() == digest

    again = cli("demo", "--reports", str(reports), "--no-serve", cwd=tmp_path, env=env)
    assert again.returncode == 0, again.stderr
    assert "1 already coded" in again.stderr  # the ledger skips it: nothing was deleted
    assert hashlib.sha256(user_store.read_bytes()).hexdigest() == digest
    con = duckdb.connect(str(demo_store), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM ledger").fetchone() == (1,)
    finally:
        con.close()


# -- the discovery file and snapshots, in-process -----------------------------------------
def test_a_discovery_file_others_can_read_is_ignored(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    found = live.publish(db, "http://127.0.0.1:1", read_only=False)
    assert found is not None
    assert live.find_server(db).discovery == found  # this process: alive
    live.discovery_path(db).chmod(0o644)
    ignored = live.find_server(db)
    assert ignored.discovery is None and "not private" in (ignored.ignored or "")
    live.discovery_path(db).chmod(0o600)
    live.withdraw(found)
    assert not live.discovery_path(db).exists()
    assert live.find_server(db) == live.Found(None)


def test_snapshots_are_consistent_while_a_thread_writes(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE t (i INTEGER)")
    lock = threading.Lock()
    stop_writing = threading.Event()

    def write() -> None:
        cur = con.cursor()
        i = 0
        while not stop_writing.is_set():
            cur.execute("INSERT INTO t SELECT * FROM range(?, ?)", [i, i + 500])
            i += 500

    writer = threading.Thread(target=write)
    writer.start()
    try:
        seen = []
        for _ in range(15):
            path = live.make_snapshot(con.cursor(), db, lock, writable=True)
            copy = duckdb.connect(str(path), read_only=True)
            n, top = copy.execute("SELECT count(*), coalesce(max(i) + 1, 0) FROM t").fetchone()
            copy.close()
            live.remove_snapshot(path)
            assert n == top and n % 500 == 0  # whole transactions, in order, none torn
            seen.append(n)
    finally:
        stop_writing.set()
        writer.join()
        con.close()
    assert seen == sorted(seen) and seen[-1] > 0
    assert con is not None and not any(live.snapshot_dir(db).iterdir())


@pytest.mark.parametrize(
    ("n", "sizes"),
    [
        (0, [(0, True)]),
        (1, [(1, True)]),
        (4, [(2, False), (2, True)]),
        (5, [(2, False), (2, False), (1, True)]),
    ],
)
def test_batches_mark_the_last_one(n: int, sizes: list[tuple[int, bool]]) -> None:
    from eventwire.pipeline.read.readers import Item

    items = [Item(f"in{i}", None) for i in range(n)]
    assert [(len(b), last) for b, last in _batches(items, 2)] == sizes


def test_only_the_local_token_opens_the_live_endpoints(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from eventwire.api.app import create_app

    db = tmp_path / "s.duckdb"
    app = create_app(db, review_token="review-token", publish_url="http://testserver")
    with TestClient(app) as client:
        found = live.find_server(db).discovery
        assert found is not None and found.url == "http://testserver"
        local = {"Authorization": f"Bearer {found.token}"}
        assert client.post("/store/snapshot").status_code == 401
        review = {"Authorization": "Bearer review-token"}
        assert client.post("/store/snapshot", headers=review).status_code == 403
        assert client.post("/ingest/items", json={"items": []}, headers=review).status_code == 403
        answer = client.post("/store/snapshot", headers=local)
        assert answer.status_code == 200, answer.text
        copy = Path(answer.json()["path"])
        assert copy.parent == live.snapshot_dir(db) and copy.stat().st_mode & 0o777 == 0o600
        # the local token opens the live endpoints, not review
        body = {"action": "confirm", "author": "x"}
        assert client.post("/events/e1/review", json=body, headers=local).status_code == 403
        empty = client.post("/ingest/items", json={"items": [], "cluster": False}, headers=local)
        assert empty.status_code == 200 and empty.json()["entries"] == []
    assert not live.discovery_path(db).exists() and not live.snapshot_dir(db).exists()
