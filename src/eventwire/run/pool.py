"""The process pool of ``--workers N``, which survives a dying worker.

Each worker is a spawned process that builds one Pipeline and then codes one document at
a time, handed to it over its own pipe, so the parent always knows which document each
worker holds. When a worker dies (``kill -9``, the OOM killer, a segfault, ``os._exit``)
only that document is lost: it is recorded as ``failed`` with EW-RUN-001 and the exit
status, a fresh worker takes the dead one's place and the run goes on; a rerun with
``--retry-failed`` codes it again. A worker still busy ``HARD_GRACE_S`` after its
document's ``doc_timeout_s`` ran out (stuck in C code, where ``SIGALRM`` cannot stop it)
is killed and the document recorded as timed out (EW-RUN-002).

``concurrent.futures.ProcessPoolExecutor`` is not used because it kills every worker when
one dies (losing the documents the others were coding and reloading every Pipeline), and
it cannot say which process died or how.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from eventwire.config import Settings, one_thread_per_worker
from eventwire.errors import ConfigError, EventwireError
from eventwire.pipeline.base import Pipeline
from eventwire.run.tasks import (
    Result,
    Results,
    Task,
    failed_result,
    run_task,
    timeout_reason,
)

HARD_GRACE_S = 30.0  # how long past doc_timeout_s a worker may stay busy before it is killed
WINDOW_PER_WORKER = 4  # documents handed out ahead of the oldest unfinished one, per worker
MAX_START_DEATHS = 3  # workers in a row that die before they are ready: give up


def available_cpus() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def auto_workers(cpus: int | None = None) -> int:
    """``--workers auto``: one worker per available core, at least one.

    The parent reads, plans and writes while the workers code, but it mostly waits; one
    worker per core keeps every core busy without two workers sharing one.

    >>> auto_workers(1), auto_workers(2), auto_workers(16)
    (1, 2, 16)
    """
    return max(1, cpus if cpus is not None else available_cpus())


def parse_workers(value: str | int) -> int:
    """A ``--workers`` value: a positive number or ``auto``; ValueError otherwise.

    >>> parse_workers("3"), parse_workers(" AUTO ") >= 1
    (3, True)
    """
    text = str(value).strip().lower()
    if text == "auto":
        return auto_workers()
    number = int(text)
    if number < 1:
        raise ValueError(f"workers must be at least 1, not {number}")
    return number


def _worker_main(conn: Connection, settings: Settings) -> None:
    """A worker: build the Pipeline, say ready, then code each task sent until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    one_thread_per_worker()  # before the Pipeline loads numpy and the model
    try:
        pipeline = Pipeline.from_settings(settings)
    except EventwireError as exc:
        message = exc.args[0] if exc.args else ""
        conn.send(("error", isinstance(exc, ConfigError), str(message), exc.code))
        return
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except EOFError:  # the parent has gone
            return
        if message is None:
            return
        seq, task = message
        result = run_task(pipeline, task)
        try:
            conn.send(("done", seq, result))
        except Exception as exc:  # e.g. a result that cannot be pickled
            conn.send(("unsent", seq, f"{type(exc).__name__}: {exc}"))


@dataclass
class _Worker:
    """The parent's handle on one worker process and the document it holds."""

    process: BaseProcess
    conn: Connection
    ready: bool = False
    seq: int | None = None  # the document it is coding, by input position
    task: Task | None = None
    started: float = 0.0


def exit_status(exitcode: int | None) -> str:
    """How a process ended, for a ledger reason: ``signal 9 (SIGKILL)`` or ``exit code 1``."""
    if exitcode is None:
        return "unknown exit status"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            return f"signal {-exitcode}"
        return f"signal {-exitcode} ({name})"
    return f"exit code {exitcode}"


@dataclass
class _Run:
    """The state of one ``PoolExecutor.map``: workers, documents out, results waiting."""

    settings: Settings
    ctx: Any = field(default_factory=lambda: mp.get_context("spawn"))
    workers: list[_Worker] = field(default_factory=list)
    done: dict[int, Result] = field(default_factory=dict)
    start_deaths: int = 0

    def start_worker(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(
            target=_worker_main, args=(child, self.settings), name="eventwire-worker", daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def hand_out(self, worker: _Worker, seq: int, task: Task) -> bool:
        """Send a task to an idle worker; False when the worker has just died."""
        try:
            worker.conn.send((seq, task))
        except OSError:  # its death is taken in by the next check
            return False
        worker.seq, worker.task, worker.started = seq, task, time.monotonic()
        return True

    def finish(self, worker: _Worker, result: Result) -> None:
        assert worker.seq is not None
        self.done[worker.seq] = result
        worker.seq, worker.task = None, None

    def receive(self, worker: _Worker) -> None:
        """Handle every message waiting from ``worker``."""
        while worker.conn.poll():
            message = worker.conn.recv()
            kind = message[0]
            if kind == "ready":
                worker.ready, self.start_deaths = True, 0
            elif kind == "done":
                self.finish(worker, message[2])
            elif kind == "unsent":
                assert worker.task is not None
                reason = f"[EW-RUN-003] the worker could not send the result back: {message[2]}"
                self.finish(worker, failed_result(worker.task, "EW-RUN-003", reason))
            else:  # "error": the worker could not build its Pipeline (as SerialExecutor raises)
                _, config, text, code = message
                raise (ConfigError if config else EventwireError)(text, code)

    def bury(self, worker: _Worker, reason: str, code: str = "EW-RUN-001") -> None:
        """Record the dead ``worker``'s document as failed and start another in its place."""
        worker.process.join(5)
        worker.conn.close()
        self.workers.remove(worker)
        if worker.task is not None:
            seconds = time.monotonic() - worker.started
            self.finish(worker, failed_result(worker.task, code, reason, seconds))
        elif not worker.ready:
            self.start_deaths += 1
            if self.start_deaths >= MAX_START_DEATHS:
                raise EventwireError(
                    f"pool workers keep dying before they are ready (last: "
                    f"{exit_status(worker.process.exitcode)}); try --workers 1 to see why",
                    "EW-RUN-004",
                )
        self.start_worker()

    def check(self, ready: list[Any]) -> None:
        """Take in results, bury dead workers and kill those far past their time budget."""
        budget = self.settings.doc_timeout_s
        for worker in list(self.workers):
            if worker.conn in ready or worker.process.sentinel in ready:
                with contextlib.suppress(EOFError, OSError):  # EOF: it died while sending
                    self.receive(worker)
            if not worker.process.is_alive():
                worker.process.join(5)
                status = exit_status(worker.process.exitcode)
                self.bury(
                    worker,
                    f"[EW-RUN-001] worker process died ({status}) while coding this document; "
                    "rerun with --retry-failed to try it again",
                )
            elif self.overdue(worker, budget):
                worker.process.kill()
                self.bury(worker, timeout_reason(budget, None, killed=True), "EW-RUN-002")

    @staticmethod
    def overdue(worker: _Worker, budget: float) -> bool:
        """Whether ``worker`` is still coding its document far past the time budget."""
        return (
            budget > 0
            and worker.task is not None
            and time.monotonic() - worker.started > budget + HARD_GRACE_S
        )

    def next_deadline(self) -> float | None:
        """Seconds until the earliest hard time limit of a busy worker (None: no limit)."""
        budget = self.settings.doc_timeout_s
        starts = [w.started for w in self.workers if w.task is not None]
        if budget <= 0 or not starts:
            return None
        return max(0.0, min(starts) + budget + HARD_GRACE_S - time.monotonic() + 0.05)

    def stop(self) -> None:
        """Ask idle workers to stop, kill busy ones (an interrupted run) and the slow."""
        for worker in self.workers:
            if worker.task is not None:
                worker.process.kill()
                continue
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self.workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers.clear()


class PoolExecutor:
    """Runs tasks on ``workers`` spawned processes, each with its own Pipeline.

    A worker that dies costs only the document it was coding (recorded as ``failed``);
    see :mod:`eventwire.run.pool`. The task iterable is consumed in the caller's thread.
    """

    name = "pool"
    default_batch_size = 32

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.workers = max(1, workers)

    def map(self, tasks: Iterable[Task]) -> Results:
        run = _Run(self.settings)
        todo: Iterator[Task] = iter(tasks)
        held = next(todo, None)  # the next task to hand out
        if held is None:  # no tasks, no workers
            return
        window = WINDOW_PER_WORKER * self.workers
        next_seq = next_out = 0
        try:
            for _ in range(self.workers):
                run.start_worker()
            while True:
                for worker in run.workers:
                    if held is None or next_seq - next_out >= window:
                        break
                    if (
                        worker.ready
                        and worker.task is None
                        and run.hand_out(worker, next_seq, held)
                    ):
                        next_seq += 1
                        held = next(todo, None)
                while next_out in run.done:
                    yield run.done.pop(next_out)
                    next_out += 1
                if held is None and next_out == next_seq:
                    return
                handles = [w.conn for w in run.workers] + [w.process.sentinel for w in run.workers]
                run.check(wait(handles, timeout=run.next_deadline()))
        finally:
            run.stop()
