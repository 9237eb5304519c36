"""Nothing hangs: a worker that dies and a document that runs too long each cost one
``failed`` ledger row with a coded reason, the batch goes on, and a rerun with
``--retry-failed`` codes the lost document (issue 21).

The faults come from a test stage plugin, ``test.faults.v1``, installed for the test as a
distribution on ``sys.path`` with an ``eventwire.stages`` entry point, so spawned pool
workers (which inherit ``sys.path``) load it as they would a real plugin. A document whose
text holds a marker misbehaves once (a file in the stage's ``once_dir`` remembers it):
``FAULT-WAIT`` writes the worker's pid to ``<once_dir>/pid`` and sleeps until the test
kills it; ``FAULT-EXIT`` calls ``os._exit(137)``; ``FAULT-SLEEP`` sleeps ``sleep_s`` (which
SIGALRM interrupts); ``FAULT-STUCK`` sleeps with SIGALRM blocked, like C code that never
returns to Python.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import eventwire.run.pool
from eventwire.config import DEFAULT_STAGES, Settings, load_settings
from eventwire.db.store import Store
from eventwire.errors import ConfigError, EventwireError
from eventwire.records import Document, LedgerEntry
from eventwire.run.executors import PoolExecutor, SerialExecutor, Task
from eventwire.run.pool import exit_status
from eventwire.run.tasks import DocumentTimeout, time_budget

FAULTS = "test.faults.v1"
PLUGIN = '''
"""A test stage that misbehaves once on documents carrying a marker."""
import os, signal, time
from eventwire.pipeline.base import register_stage


class Faults:
    name = "test.faults.v1"
    requires = ()
    assigns = ()

    def __init__(self, once_dir, sleep_s):
        self.once_dir, self.sleep_s = once_dir, sleep_s

    def first_time(self, doc, fault):
        marker = os.path.join(self.once_dir, doc.doc_id + fault)
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return False
        return True

    def __call__(self, doc):
        for fault in ("FAULT-WAIT", "FAULT-EXIT", "FAULT-SLEEP", "FAULT-STUCK", "FAULT-SPIN"):
            if fault in doc.text and self.first_time(doc, fault):
                if fault == "FAULT-WAIT":
                    pid = os.path.join(self.once_dir, "pid")
                    with open(pid + ".tmp", "w") as f:
                        f.write(str(os.getpid()))
                    os.replace(pid + ".tmp", pid)
                    time.sleep(600)
                elif fault == "FAULT-EXIT":
                    os._exit(137)
                elif fault == "FAULT-SLEEP":
                    time.sleep(self.sleep_s)
                elif fault == "FAULT-SPIN":  # busy in Python code, as a slow stage is
                    end = time.monotonic() + self.sleep_s
                    while time.monotonic() < end:
                        pass
                else:
                    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
                    time.sleep(self.sleep_s)
        return doc


@register_stage("test.faults.v1")
def make_faults(settings, resources):
    options = settings.options("test.faults.v1")
    return Faults(options["once_dir"], float(options.get("sleep_s", 60)))
'''


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the fault plugin as an installed distribution."""
    root = tmp_path_factory.mktemp("plugin")
    (root / "ew_fault_stages.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    info = root / "ew_fault_stages-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: ew-fault-stages\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[eventwire.stages]\nfaults = ew_fault_stages\n", encoding="utf-8"
    )
    return root


@pytest.fixture
def on_path(plugin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put the plugin on sys.path (spawned workers inherit it) for one test."""
    monkeypatch.syspath_prepend(str(plugin_dir))
    return plugin_dir


def fault_settings(once_dir: Path, stages: tuple[str, ...] = (FAULTS,), **kw: object) -> Settings:
    options = {FAULTS: {"once_dir": str(once_dir), "sleep_s": 60}}
    return load_settings(env={}, stages=stages, stage_options=options, **kw)


def tasks(texts: list[str]) -> list[Task]:
    return [
        (Document(text=t, input=f"in.jsonl#d{i:02d}"), "{}", f"h{i}", [])
        for i, t in enumerate(texts)
    ]


def statuses(results: list[tuple[object, LedgerEntry, object]]) -> list[str]:
    return [entry.status for _, entry, _ in results]


TEXTS = [f"Report number {i} about the council meeting on roads." for i in range(12)]


def test_a_worker_that_exits_costs_one_document(on_path: Path, tmp_path: Path) -> None:
    texts = list(TEXTS)
    texts[3] += " FAULT-EXIT"
    started = time.monotonic()
    results = list(PoolExecutor(fault_settings(tmp_path), workers=2).map(tasks(texts)))
    assert time.monotonic() - started < 120
    # Every document comes back, in input order; only the one whose worker died failed.
    assert [e.input for _, e, _ in results] == [f"in.jsonl#d{i:02d}" for i in range(12)]
    assert statuses(results) == ["processed"] * 3 + ["failed"] + ["processed"] * 8
    entry = results[3][1]
    assert entry.code == "EW-RUN-001" and entry.content_hash == "h3"
    assert entry.reason is not None and "worker process died (exit code 137)" in entry.reason


def test_a_document_over_its_time_budget_fails_and_the_batch_goes_on(
    on_path: Path, tmp_path: Path
) -> None:
    texts = list(TEXTS[:4])
    texts[1] += " FAULT-SLEEP"
    settings = fault_settings(tmp_path / "serial", doc_timeout_s=0.5)
    (tmp_path / "serial").mkdir()
    started = time.monotonic()
    results = list(SerialExecutor(settings).map(tasks(texts)))
    assert time.monotonic() - started < 20  # not the 60 s the stage sleeps
    assert statuses(results) == ["processed", "failed", "processed", "processed"]
    entry = results[1][1]
    assert entry.code == "EW-RUN-002" and entry.stage == FAULTS
    assert entry.reason == (
        "[EW-RUN-002] document took longer than 0.5 s (doc_timeout_s) in stage test.faults.v1"
    )
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL  # the handler was put back
    # In pool workers too.
    (tmp_path / "pool").mkdir()
    pool = PoolExecutor(
        settings.replace(stage_options=fault_settings(tmp_path / "pool").stage_options), 2
    )
    results = list(pool.map(tasks(texts)))
    assert statuses(results) == ["processed", "failed", "processed", "processed"]
    assert results[1][1].code == "EW-RUN-002"


def test_the_time_budget_holds_on_ray_workers(
    on_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ray runs an actor's batches in a thread other than the main one: the watchdog
    stops a document busy in Python code there."""
    from eventwire.run.executors import RayExecutor

    # Ray's workers import the fault plugin from the environment's path, not this sys.path
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [str(on_path), os.environ.get("PYTHONPATH")]))
    )
    texts = list(TEXTS[:3])
    texts[1] += " FAULT-SPIN"
    settings = fault_settings(tmp_path, doc_timeout_s=0.5)
    started = time.monotonic()
    results = list(RayExecutor(settings, workers=1).map(tasks(texts)))
    assert time.monotonic() - started < 50  # Ray's start-up, not the 60 s the stage spins
    assert statuses(results) == ["processed", "failed", "processed"]
    assert results[1][1].code == "EW-RUN-002"


def test_a_worker_deaf_to_the_alarm_is_killed_after_the_grace(
    on_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(eventwire.run.pool, "HARD_GRACE_S", 1.0)
    texts = list(TEXTS[:3])
    texts[0] += " FAULT-STUCK"
    settings = fault_settings(tmp_path, doc_timeout_s=0.5)
    started = time.monotonic()
    results = list(PoolExecutor(settings, workers=1).map(tasks(texts)))
    assert time.monotonic() - started < 40
    assert statuses(results) == ["failed", "processed", "processed"]
    entry = results[0][1]
    assert entry.code == "EW-RUN-002" and entry.reason is not None
    assert "its worker did not stop and was killed" in entry.reason


def test_a_worker_that_cannot_build_its_pipeline_stops_the_run(tmp_path: Path) -> None:
    settings = load_settings(env={}, stages=("no.such.stage.v1",))
    with pytest.raises(EventwireError, match="EW-CFG-010") as info:
        list(PoolExecutor(settings, workers=2).map(tasks(TEXTS[:2])))
    # Raised as the serial executor would raise it (one code, not a hang or a respawn loop).
    assert isinstance(info.value, ConfigError) and str(info.value).count("EW-CFG-010") == 1
    assert list(PoolExecutor(settings, workers=2).map([])) == []  # no tasks: no workers


def test_time_budget_is_off_at_zero_and_holds_outside_the_main_thread() -> None:
    with time_budget(0):
        time.sleep(0.05)
    caught: list[BaseException] = []

    def spinner(spin_s: float) -> None:
        try:
            with time_budget(0.2):
                end = time.monotonic() + spin_s
                while time.monotonic() < end:  # Python code: the watchdog can stop it
                    pass
            time.sleep(0.5)  # a budget that did not run out never fires afterwards
        except BaseException as exc:  # the test wants to see anything at all
            caught.append(exc)

    for spin_s, stopped in ((5.0, True), (0.01, False)):
        caught.clear()
        thread = threading.Thread(target=spinner, args=(spin_s,))
        started = time.monotonic()
        thread.start()
        thread.join()
        assert time.monotonic() - started < 3
        if stopped:
            assert len(caught) == 1 and isinstance(caught[0], DocumentTimeout)
            assert caught[0].seconds == 0.2
        else:
            assert caught == []
    with pytest.raises(DocumentTimeout), time_budget(0.05):
        time.sleep(2)


def test_doc_timeout_comes_from_the_environment() -> None:
    assert load_settings(env={}).doc_timeout_s == 120.0
    assert load_settings(env={"EVENTWIRE_DOC_TIMEOUT_S": "2.5"}).doc_timeout_s == 2.5
    with pytest.raises(EventwireError, match="EW-CFG-005"):
        load_settings(env={"EVENTWIRE_DOC_TIMEOUT_S": "soon"})


def test_exit_status_names_the_signal() -> None:
    assert exit_status(-9) == "signal 9 (SIGKILL)"
    assert exit_status(137) == "exit code 137"
    assert exit_status(None) == "unknown exit status"


REPORT = "Gunmen killed {n} police officers in Mosul on day {n}, officials said."


def test_kill_9_of_a_worker_mid_run_and_the_rerun(plugin_dir: Path, tmp_path: Path) -> None:
    """`eventwire process --workers 2` in a subprocess; the test kill -9s the worker that is
    coding d07, the run finishes, d07 is failed, and --retry-failed codes it."""
    docs = [
        {"id": f"d{i:02d}", "published": "2021-03-02", "text": REPORT.format(n=i + 2)}
        for i in range(20)
    ]
    docs[7]["text"] += " FAULT-WAIT"
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    once = tmp_path / "once"
    once.mkdir()
    config = tmp_path / "faults.toml"
    stages = ", ".join(json.dumps(s) for s in (FAULTS, *DEFAULT_STAGES))
    config.write_text(
        f'stages = [{stages}]\n[stage_options."{FAULTS}"]\nonce_dir = {json.dumps(str(once))}\n',
        encoding="utf-8",
    )
    db = tmp_path / "ew.duckdb"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(plugin_dir), *sys.path]))
    command = [sys.executable, "-m", "eventwire", "process", str(source), "--db", str(db)]
    command += ["--config", str(config), "-q", "--no-cluster"]
    run = subprocess.Popen([*command, "--workers", "2"], env=env, stderr=subprocess.PIPE, text=True)
    pid_file = once / "pid"
    deadline = time.monotonic() + 240
    while not pid_file.exists():
        assert run.poll() is None and time.monotonic() < deadline, run.stderr and run.stderr.read()
        time.sleep(0.2)
    os.kill(int(pid_file.read_text()), signal.SIGKILL)
    _, stderr = run.communicate(timeout=240)
    assert run.returncode == 1, stderr
    assert "Traceback" not in stderr
    with Store.open(str(db), read_only=True) as store:
        rows = {r["input"].rsplit("#", 1)[1]: r for r in store.ledger()}
    assert len(rows) == 20
    assert {k for k, r in rows.items() if r["status"] != "processed"} == {"d07"}
    assert rows["d07"]["status"] == "failed" and rows["d07"]["code"] == "EW-RUN-001"
    assert "worker process died (signal 9 (SIGKILL))" in rows["d07"]["reason"]
    assert "d07" in stderr and "EW-RUN-001" in stderr
    # The rerun codes the lost document (plain reruns leave failed rows alone).
    again = subprocess.run([*command, "--retry-failed"], env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "1 processed" in again.stderr and "19 already in the ledger" in again.stderr
    with Store.open(str(db), read_only=True) as store:
        events = store.con.execute(
            "SELECT count(*) FROM events WHERE doc_id = ?", [rows["d07"]["doc_id"]]
        ).fetchone()
        latest = store.ledger_keys()
    assert events is not None and events[0] > 0
    assert set(latest.values()) == {"processed"}
