"""``eventwire watch`` in a real subprocess over a feed served on 127.0.0.1 and a folder:
new items are picked up within one interval, nothing is processed twice, and SIGINT stops
the watch cleanly after its cycle."""

from __future__ import annotations

import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from eventwire.db.store import Store
from feed_server import FeedServer, rss

INTERVAL = 2.0
CYCLE = re.compile(r"cycle (\d+): (\d+) new, .* (\d+) already in the ledger")
FIRST = (
    "Gunmen attacked an army checkpoint near the river crossing on Monday, killing four "
    "soldiers, the provincial police chief said."
)
SECOND = "Hundreds of teachers marched to the governor's office on Tuesday demanding back pay."
THIRD = "Militiamen shelled a market in the northern district on Wednesday, a witness said."


class Lines:
    """The watch's stderr, line by line, read in a thread so that waits can time out."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.queue: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        assert proc.stderr is not None
        self.done = threading.Event()

        def read() -> None:
            for line in stream:
                self.queue.put(line)
            self.done.set()

        stream = proc.stderr
        threading.Thread(target=read, daemon=True).start()

    def rest(self, timeout: float = 10) -> str:
        """Everything read so far and until the stream ends (the process has exited)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.queue.get(timeout=0.2)
            except queue.Empty:
                if self.done.is_set():
                    break
                continue
            self.seen.append(line)
        return "".join(self.seen)

    def cycle(self, timeout: float) -> tuple[int, int, int]:
        """The next cycle line: (cycle number, new items, items already in the ledger)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.queue.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            self.seen.append(line)
            found = CYCLE.search(line)
            if found:
                number, new, known = found.groups()
                return int(number), int(new), int(known)
        raise AssertionError(f"no cycle line within {timeout}s; stderr so far: {self.seen}")


@pytest.mark.slow
def test_watch_picks_up_new_items_once_and_stops_on_sigint(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    db = tmp_path / "watch.duckdb"
    with FeedServer() as server:
        server.put("/feed", rss("Watch Wire", [{"guid": "w-1", "description": FIRST}]))
        feed = server.url("/feed")
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "eventwire",
                "watch",
                feed,
                str(folder),
                "--interval",
                str(INTERVAL),
                "--db",
                str(db),
            ],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        try:
            lines = Lines(proc)
            number, new, known = lines.cycle(timeout=300)  # the pipeline loads first
            assert (number, new, known) == (1, 1, 0)
            # a quiet cycle: nothing new, the item is known
            number, new, known = lines.cycle(timeout=120)
            assert (new, known) == (0, 1)
            # a new feed item and a new file, added after that cycle
            items = [{"guid": "w-1", "description": FIRST}, {"guid": "w-2", "description": SECOND}]
            server.put("/feed", rss("Watch Wire", items))
            (folder / "third.txt").write_text(THIRD, encoding="utf-8")
            added_after = number
            picked = 0
            while picked < 2:  # the next cycle, or the one after when one had just begun
                number, new, known = lines.cycle(timeout=120)
                picked += new
                assert number <= added_after + 2, lines.seen  # within one interval
            number, new, known = lines.cycle(timeout=120)
            assert (new, known) == (0, 3)
            proc.send_signal(signal.SIGINT)
            returncode = proc.wait(timeout=120)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        feed_hits = server.hits["/feed"]
    stderr = lines.rest()
    assert returncode == 0, stderr
    assert "stopped after" in stderr and "Traceback" not in stderr
    assert feed_hits >= 4
    with Store.open(db, read_only=True) as store:
        ledger = store.ledger()
        documents = store.con.execute("SELECT source_id FROM documents ORDER BY 1").fetchall()
    inputs = sorted(row["input"] for row in ledger)
    assert inputs == sorted([f"{feed}#w-1", f"{feed}#w-2", str(folder / "third.txt")])
    assert all(row["status"] == "processed" for row in ledger)
    assert sorted(d[0] or "" for d in documents) == ["", "w-1", "w-2"]


@pytest.mark.slow
def test_sigint_during_the_wait_stops_at_once_and_cycles_stop_by_themselves(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    base = [sys.executable, "-m", "eventwire", "watch", str(folder), "--db", str(tmp_path / "w")]
    proc = subprocess.Popen([*base, "--interval", "600"], stderr=subprocess.PIPE, text=True)
    try:
        lines = Lines(proc)
        assert lines.cycle(timeout=300) == (1, 0, 0)
        asked = time.monotonic()
        proc.send_signal(signal.SIGINT)
        returncode = proc.wait(timeout=60)
        assert time.monotonic() - asked < 60  # not the 600 s interval
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert returncode == 0, lines.rest()
    assert "stopped after 1 cycle(s)" in lines.rest()
    done = subprocess.run(
        [*base, "--interval", "0.5", "--cycles", "2"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert len(CYCLE.findall(done.stderr)) == 2
